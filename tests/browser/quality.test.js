// Reader-facing quality checked by tools no one here wrote: axe-core for
// accessibility and html-validate for markup, plus search and small screens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { HtmlValidate, FileSystemConfigLoader } from "html-validate";
import { serve, launch, sitePages, publicDir, repo } from "./lib.js";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("html-validate reports no errors on any generated page", async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const findings = [];
  for (const p of sitePages()) {
    const file = path.join(publicDir, p.endsWith(".html") ? p : p + "index.html");
    const report = await validator.validateFile(file);
    for (const r of report.results) for (const m of r.messages) findings.push(`${p}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  assert.deepEqual(findings, []);
});

for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no violations on any page (${scheme} scheme)`, async () => {
    const ctx = await browser.newContext({ colorScheme: scheme });
    const page = await ctx.newPage();
    const violations = [];
    for (const p of sitePages()) {
      await page.goto(server.origin + p);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => window.axe.run(document));
      for (const v of result.violations) violations.push(`${p}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
    assert.deepEqual(violations, []);
    await ctx.close();
  });
}

async function search(page, query) {
  await page.fill(".search input", query);
  await page.waitForSelector(".search-results:not([hidden]) li");
  return page.$$eval(".search-results li", (lis) => lis.map((li) => ({
    href: li.dataset.href || "",
    snippet: li.querySelector("p")?.textContent || "",
    heading: li.querySelector(".search-heading")?.textContent || "",
    mark: li.querySelector("mark")?.textContent || "",
  })));
}

test("search finds a Thai word from the middle of an unspaced sentence", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/th/developer-token-reset/");
  // "ทันที" ("immediately") sits inside the sentence under "what happens on reset".
  const hits = await search(page, "ทันที");
  assert.ok(hits.length > 0, "no results");
  assert.match(hits[0].href, /th\/developer-token-reset\/#what-happens-on-reset$/);
  assert.ok(hits[0].heading.includes("จะเกิดอะไรขึ้นเมื่อรีเซ็ต"), `heading shown: ${hits[0].heading}`);
  assert.equal(hits[0].mark, "ทันที");
  await page.close();
});

test("search finds a Persian word typed with Arabic yeh and without ZWNJ", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/fa/developer-token-reset/");
  // The page writes "درخواست‌های" style words with Persian yeh (ی) and ZWNJ;
  // the reader types Arabic yeh (ي) and no joiner.
  const hits = await search(page, "بي\u200cدرنگ".replace("\u200c", ""));
  assert.ok(hits.length > 0, "no results");
  assert.match(hits[0].href, /fa\/developer-token-reset\/#/);
  assert.ok(hits[0].heading.length > 0, "a heading is shown");
  assert.equal(hits[0].mark, "بی‌درنگ");
  await page.close();
});

test("the script's normalization matches the Go one on the shared cases", async () => {
  const cases = JSON.parse(await readFile(path.join(repo, "internal/search/testdata/normalize.json"), "utf8"));
  const page = await browser.newPage();
  await page.goto(server.origin + "/en/");
  const got = await page.evaluate((ins) => ins.map((s) => window.docgenFold(s)), cases.map((c) => c.in));
  assert.deepEqual(got, cases.map((c) => c.want));
  await page.close();
});

test("at 360 px nothing scrolls sideways but code, and the menu opens by keyboard", async () => {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await ctx.newPage();
  for (const p of ["/fa/developer-token-reset/", "/th/developer-token-reset/", "/fr/oauth-desktop-web-flows/", "/en/"]) {
    await page.goto(server.origin + p);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${p} scrolls sideways by ${overflow}px`);
    assert.ok(await page.isVisible(".lang-switcher"), `${p}: language switcher reachable`);
  }
  await page.goto(server.origin + "/th/developer-token-reset/");
  assert.ok(!(await page.isVisible(".sidebar")), "sidebar folded");
  await page.focus(".menu-toggle");
  await page.keyboard.press("Enter");
  assert.ok(await page.isVisible(".sidebar"), "sidebar opens");
  assert.ok(await page.isVisible(".toc"), "table of contents opens");
  const breaks = await page.$eval(".guide-body p", (p) => getComputedStyle(p).lineBreak + " " + getComputedStyle(p).wordBreak);
  assert.equal(breaks, "strict normal");
  await ctx.close();
});

test("keyboard only: skip link, search results, switcher and TOC are reachable and focus is visible", async () => {
  const page = await browser.newPage();
  await page.goto(server.origin + "/th/developer-token-reset/");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  const order = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => {
      const el = document.activeElement;
      const outline = getComputedStyle(el).outlineStyle;
      return `${el.closest(".search") ? "search" : el.closest(".lang-switcher") ? "switcher" : el.closest(".sidebar") ? "sidebar" : el.closest(".toc") ? "toc" : el.tagName}:${outline}`;
    }));
  }
  for (const part of ["search", "switcher", "sidebar", "toc"]) {
    assert.ok(order.some((o) => o.startsWith(part + ":")), `${part} not reached by Tab: ${order}`);
  }
  assert.ok(order.every((o) => !o.endsWith(":none")), `an element has no visible focus: ${order}`);
  await page.focus(".search input");
  await page.keyboard.type("ทันที");
  await page.waitForSelector('.search-results [role="option"][data-href]');
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForURL(/#what-happens-on-reset$/);
  await page.close();
});
