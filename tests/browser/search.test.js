// Search on a site big enough to shard: a Persian and a Thai query find
// the page whose title they are, and the browser fetches only the
// manifest, the shards the query's keys fall in and the fragments holding
// the pages it shows, never the whole index. The list shows ten results,
// and ten more each time the reader picks its last option.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, statSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve, launch, repo } from "./lib.js";

let server, browser, dir;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "docgen-search-"));
  const corpus = path.join(dir, "corpus");
  execFileSync("go", ["run", "./cmd/docgen", "bench-corpus", "--n", "200", "--out", corpus], { cwd: repo, stdio: "ignore" });
  execFileSync("go", ["run", "./cmd/docgen", "build", "--quiet", "--root", path.join(corpus, "docgen")], { cwd: repo, stdio: "inherit" });
  server = await serve(path.join(corpus, "docgen", "public"));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

for (const lang of ["fa", "th"]) {
  test(`a ${lang} query fetches the manifest, a few shards and the pages it shows`, async () => {
    const pub = path.join(dir, "corpus", "docgen", "public", lang);
    const manifest = JSON.parse(readFileSync(path.join(pub, "search.json"), "utf8"));
    // Shards are cut where keys say (about 128 keys a shard, and every key
    // of 16 KB of postings starts one): some 15 a language at 200 pages.
    assert.ok(manifest.shards.length >= 10, `only ${manifest.shards.length} shards`);
    // A page in the language itself (not an English fallback).
    assert.equal(manifest.group, 4, "pages per fragment");
    let target;
    for (let i = 17; !target || target.l; i++) target = JSON.parse(readFileSync(path.join(pub, "search", `p${Math.floor(i / 4)}.json`), "utf8"))[i % 4];
    const whole = readdirSync(path.join(pub, "search")).reduce((n, f) => n + statSync(path.join(pub, "search", f)).size, 0);

    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.origin}/${lang}/`);
    const fetched = [];
    page.on("response", async (r) => {
      const u = new URL(r.url());
      if (u.pathname.includes("search")) fetched.push({ path: u.pathname.slice(lang.length + 2), size: (await r.body()).length });
    });
    await page.fill(".search input", target.t);
    await page.waitForSelector('.search-results:not([hidden]) [role="option"][data-href]');
    const first = await page.getAttribute('.search-results [role="option"][data-href]', "data-href");
    assert.equal(new URL(first, page.url()).pathname, "/" + target.u, `first result for ${target.t}`);
    const shown = await page.$$eval('.search-results [role="option"][data-href]', (os) => os.map((o) => new URL(o.dataset.href, location.href).pathname));

    // What was fetched: the manifest, some shards, the shown pages' fragments.
    const shards = fetched.filter((f) => /^search\/s[0-9a-f]{16}\.json$/.test(f.path));
    const pages = fetched.filter((f) => /^search\/p\d+\.json$/.test(f.path));
    const others = fetched.filter((f) => !shards.includes(f) && !pages.includes(f) && f.path !== "search.json");
    assert.deepEqual(others.map((f) => f.path), []);
    assert.ok(fetched.some((f) => f.path === "search.json"), "manifest not fetched");
    assert.ok(shards.length >= 1 && shards.length <= manifest.shards.length / 2, `${shards.length} of ${manifest.shards.length} shards fetched`);
    assert.ok(shown.length <= 10, `${shown.length} results shown`);
    assert.ok(pages.length <= shown.length, `${pages.length} fragments fetched for ${shown.length} results`);
    const urls = new Set(shown.map((p) => p.slice(1)));
    for (const p of pages) {
      const docs = JSON.parse(readFileSync(path.join(pub, p.path), "utf8"));
      assert.ok(docs.length <= 4 && docs.some((d) => urls.has(d.u)), `fetched ${p.path}, which holds no page a result shows`);
    }
    const total = fetched.reduce((n, f) => n + f.size, 0);
    assert.ok(total < whole / 4, `fetched ${total} bytes of ${whole}`);
    await ctx.close();
  });
}

test("more results: the last option shows ten more, by keyboard and by pointer", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${server.origin}/fa/`);
  const results = () => page.$$eval('.search-results [role="option"][data-href]', (os) => os.map((o) => o.dataset.href));
  await page.fill(".search input", "توکن");
  await page.waitForSelector("#search-option-more");
  const ten = await results();
  assert.equal(ten.length, 10);
  assert.equal(await page.textContent("#search-option-more"), "نتیجه‌های بیشتر");
  // Arrow up from the input wraps to the last option, "more results".
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.getAttribute(".search input", "aria-activedescendant"), "search-option-more");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll('.search-results [role="option"][data-href]').length === 20);
  const twenty = await results();
  assert.deepEqual(twenty.slice(0, 10), ten, "the first ten stay in place");
  assert.equal(new Set(twenty).size, 20, "twenty different results");
  // The active option is the first of the new ones, and the page has not moved.
  assert.equal(await page.getAttribute(".search input", "aria-activedescendant"), "search-option-10");
  assert.equal(new URL(page.url()).pathname, "/fa/");
  await page.click("#search-option-more");
  await page.waitForFunction(() => document.querySelectorAll('.search-results [role="option"][data-href]').length === 30);
  assert.ok(await page.evaluate(() => document.activeElement.id === "search-input"), "focus left the input");
  await ctx.close();
});

test("a query typed while more results load wins: the list is never an older query's", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${server.origin}/fa/`);
  await page.fill(".search input", "توکن");
  await page.waitForSelector("#search-option-more");
  // The next query's files arrive late, so "more results" is picked
  // while that query waits for them.
  await page.route(/\/search\/[sp][0-9a-f]+\.json/, async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.fill(".search input", "کتاب");
  await page.waitForTimeout(300); // past the typing pause: the query is under way
  await page.click("#search-option-more");
  await page.waitForFunction(() => document.querySelector("#search-status").textContent.includes("کتاب"), null, { timeout: 10000 });
  await page.waitForTimeout(1500); // let every fetch settle
  assert.match(await page.textContent("#search-status"), /کتاب/);
  const marks = await page.$$eval(".search-results mark", (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.length > 0 && marks.every((m) => !m.includes("توکن")), `marks of the older query: ${marks.slice(0, 3)}`);
  await ctx.close();
});
