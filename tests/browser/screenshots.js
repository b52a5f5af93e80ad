// Regenerates docs/screenshots/: the Persian, Thai and French guides at a
// phone width (360 px) and a desktop width (1280 px), so a reviewer sees the
// site without building it. Run scripts/screenshots.sh (it builds first).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { serve, launch, repo } from "./lib.js";

const pages = [
  ["fa", "/fa/developer-token-reset/"],
  ["th", "/th/developer-token-reset/"],
  ["fr", "/fr/oauth-desktop-web-flows/"],
];
const widths = [360, 1280];
const out = path.join(repo, "docs", "screenshots");

await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const width of widths) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: "light", reducedMotion: "reduce" });
    const page = await ctx.newPage();
    for (const [name, url] of pages) {
      await page.goto(server.origin + url);
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(path.relative(repo, file));
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
