// The published site as a reader meets it: every page loads, nothing is
// fetched from outside, right-to-left and fallback pages are marked up right.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, sitePages } from "./lib.js";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const langs = ["en", "fa", "vi", "th", "id", "fr"];
const guides = ["developer-token-reset", "oauth-desktop-web-flows"];

test("every page loads without errors and requests nothing outside the site", async () => {
  const pages = sitePages();
  assert.ok(pages.length >= 12 + 6 + 2, `found ${pages.length} pages`);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`script: ${e.message}`));
  page.on("request", (r) => { if (!r.url().startsWith(server.origin)) problems.push(`outside request: ${r.url()}`); });
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  for (const p of pages) {
    const res = await page.goto(server.origin + p);
    const want = p.endsWith("404.html") ? [200, 404] : [200];
    assert.ok(want.includes(res.status()), `${p}: HTTP ${res.status()}`);
    if (await page.$(".search input")) {
      // Focusing the search box loads the language's index: it must load too.
      const [index] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/search.json")), page.focus(".search input")]);
      assert.equal(index.status(), 200, `${p}: search index`);
      await index.finished();
    }
  }
  assert.deepEqual(problems, []);
  await ctx.close();
});

test("Persian pages are right-to-left while code stays left-to-right", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.origin + "/fa/developer-token-reset/");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.equal(await page.getAttribute("html", "lang"), "fa");
  const sidebarRight = await page.evaluate(() => {
    const nav = document.querySelector(".sidebar").getBoundingClientRect();
    const main = document.querySelector("main").getBoundingClientRect();
    return nav.left > main.left;
  });
  assert.ok(sidebarRight, "the sidebar is mirrored to the right");
  await page.goto(server.origin + "/fa/oauth-desktop-web-flows/");
  const dirs = await page.$$eval("pre, code", (els) => [...new Set(els.map((e) => getComputedStyle(e).direction))]);
  assert.deepEqual(dirs, ["ltr"]);
  await ctx.close();
});

test("the language switcher keeps the page, and fallback pages say they are English", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  for (const guide of guides) {
    await page.goto(`${server.origin}/fa/${guide}/`);
    const links = await page.$$eval(".lang-switcher a", (as) => as.map((a) => new URL(a.href).pathname));
    assert.deepEqual(links, langs.map((l) => `/${l}/${guide}/`));
  }
  await page.goto(server.origin + "/fa/oauth-desktop-web-flows/");
  assert.equal(await page.getAttribute(".guide-body", "lang"), "en");
  assert.equal(await page.getAttribute(".guide-body", "dir"), "ltr");
  assert.ok(await page.isVisible(".notice-fallback"));
  await page.click(".notice-fallback a");
  assert.equal(new URL(page.url()).pathname, "/en/oauth-desktop-web-flows/");
  await ctx.close();
});

test("every heading id of an English page exists on each of its translations", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  for (const guide of guides) {
    await page.goto(`${server.origin}/en/${guide}/`);
    const ids = await page.$$eval(".guide-body h2[id], .guide-body h3[id]", (hs) => hs.map((h) => h.id));
    for (const l of langs) {
      await page.goto(`${server.origin}/${l}/${guide}/`);
      for (const id of ids) assert.ok(await page.$(`[id="${id}"]`), `/${l}/${guide}/ lacks #${id}`);
    }
  }
  await ctx.close();
});
