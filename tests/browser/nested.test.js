// Sections nested two levels deep (issue 17): breadcrumbs and the sidebar
// tree, in a left-to-right and a right-to-left language, read and checked
// with axe-core. The site is made here with docgen init and a few pages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { HtmlValidate, FileSystemConfigLoader } from "html-validate";
import { serve, launch, repo } from "./lib.js";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const pages = {
  "guides/en.md": '+++\ntitle = "Guides"\ndescription = "Every guide, by topic."\n+++\n\nStart here.\n',
  "guides/fa.md": '+++\ntitle = "راهنماها"\nsource = "en.md"\n+++\n\nاز اینجا شروع کنید.\n',
  "guides/auth/tokens/en.md": '+++\ntitle = "Tokens"\ndescription = "Create and renew tokens."\n+++\n\n## Create\n\nSee [setup](../../setup/en.md).\n',
  "guides/auth/tokens/fa.md": '+++\ntitle = "توکن‌ها"\nsource = "en.md"\n+++\n\n## ساختن {#create}\n\n[راه‌اندازی](../../setup/en.md) را ببینید.\n',
  "guides/auth/keys/en.md": '+++\ntitle = "Keys"\n+++\n\nKeys.\n',
  "guides/setup/en.md": '+++\ntitle = "Setup"\n+++\n\nBack to [tokens](../auth/tokens/en.md#create).\n',
};

let dir, server, browser;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "docgen-nested-"));
  const docgen = path.join(dir, "docgen");
  execFileSync("go", ["build", "-o", docgen, "./cmd/docgen"], { cwd: repo, stdio: "inherit" });
  execFileSync(docgen, ["init", path.join(dir, "site"), "--languages", "en,fa"], { stdio: "ignore" });
  for (const [name, text] of Object.entries(pages)) {
    const file = path.join(dir, "site/content", name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  execFileSync(docgen, ["build", "--quiet", "--root", path.join(dir, "site")], { stdio: "inherit" });
  server = await serve(path.join(dir, "site/public"));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const urls = (lang) => [`/${lang}/guides/`, `/${lang}/guides/auth/`, `/${lang}/guides/auth/tokens/`, `/${lang}/guides/setup/`];

for (const lang of ["en", "fa"]) {
  for (const width of [360, 1280]) {
    test(`breadcrumbs lead from home to a page two sections down, in ${lang} at ${width} px`, async () => {
      const ctx = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await ctx.newPage();
      await page.goto(server.origin + `/${lang}/guides/auth/tokens/`);
      const crumbs = await page.$$eval("nav.breadcrumbs li", (lis) => lis.map((li) => {
        const a = li.querySelector("a"), cur = li.querySelector("[aria-current=page]");
        return { text: li.textContent, href: a ? a.href : "", current: !!cur, x: li.getBoundingClientRect().left,
          sep: getComputedStyle(li, "::before").content };
      }));
      assert.equal(crumbs.length, 4, JSON.stringify(crumbs));
      assert.deepEqual(crumbs.map((c) => new URL(c.href || server.origin).pathname),
        [`/${lang}/`, `/${lang}/guides/`, `/${lang}/guides/auth/`, "/"]);
      assert.ok(crumbs[3].current, "the last step is the current page");
      assert.equal(crumbs[3].text, lang === "fa" ? "توکن‌ها" : "Tokens");
      // The trail reads in the page's direction, with separators pointing along it.
      if (lang === "fa") {
        assert.ok(crumbs[0].x > crumbs[1].x, "Persian breadcrumbs run right to left");
        assert.match(crumbs[1].sep, /‹/);
      } else {
        assert.ok(crumbs[0].x < crumbs[1].x, "English breadcrumbs run left to right");
        assert.match(crumbs[1].sep, /›/);
      }
      assert.equal(crumbs[0].sep, "none");
      const label = await page.$eval("nav.breadcrumbs", (n) => n.getAttribute("aria-label"));
      assert.equal(label, lang === "fa" ? "مسیر صفحه" : "Breadcrumbs");
      const data = JSON.parse(await page.$eval('script[type="application/ld+json"]', (s) => s.textContent));
      assert.equal(data["@type"], "BreadcrumbList");
      assert.deepEqual(data.itemListElement.map((i) => i.position), [1, 2, 3, 4]);
      await ctx.close();
    });
  }

  test(`the sidebar opens the sections on the way to the page, in ${lang}`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.origin + `/${lang}/guides/auth/tokens/`);
    const trail = await page.$eval('#site-nav a[aria-current="page"]', (a) => {
      const out = [];
      for (let li = a.closest("li"); li; li = li.parentElement.closest("li")) out.push(new URL(li.querySelector("a").href).pathname);
      return out;
    });
    assert.deepEqual(trail, [`/${lang}/guides/auth/tokens/`, `/${lang}/guides/auth/`, `/${lang}/guides/`]);
    // Collapsed elsewhere: on the welcome page no section's pages are listed.
    await page.goto(server.origin + `/${lang}/welcome/`);
    assert.equal(await page.$$eval("#site-nav ul ul", (uls) => uls.length), 0);
    // A section's page lists its pages.
    await page.goto(server.origin + `/${lang}/guides/auth/`);
    const listed = await page.$$eval(".section-contents li a", (as) => as.map((a) => new URL(a.href).pathname));
    assert.deepEqual(listed.sort(), [`/${lang}/guides/auth/keys/`, `/${lang}/guides/auth/tokens/`]);
    await page.close();
  });

  for (const scheme of ["light", "dark"]) {
    test(`axe-core finds no violations on nested pages in ${lang} (${scheme})`, async () => {
      const ctx = await browser.newContext({ colorScheme: scheme });
      const page = await ctx.newPage();
      const violations = [];
      for (const u of urls(lang)) {
        await page.goto(server.origin + u);
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() => window.axe.run(document));
        for (const v of result.violations) violations.push(`${u}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }
      assert.deepEqual(violations, []);
      await ctx.close();
    });
  }
}

test("html-validate reports no errors on the nested pages", async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const findings = [];
  for (const lang of ["en", "fa"]) {
    for (const u of [`/${lang}/`, ...urls(lang)]) {
      const report = await validator.validateFile(path.join(dir, "site/public", u, "index.html"));
      for (const r of report.results) for (const m of r.messages) findings.push(`${u}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
  }
  assert.deepEqual(findings, []);
});
