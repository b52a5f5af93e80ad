// What a reader of Google's developer pages expects, in every script
// (issue: "Readers: the details a Google Developers reader expects").
// Each check runs at a phone width (360 px) and a desktop width (1280 px).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { serve, launch, sitePages, publicDir } from "./lib.js";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const widths = [360, 1280];
async function open(width, url, options = {}) {
  const ctx = await browser.newContext({ viewport: { width, height: 800 }, ...options });
  const page = await ctx.newPage();
  if (url) await page.goto(server.origin + url);
  return { ctx, page };
}

test("no page scrolls sideways at 320, 360 or 1280 px", async () => {
  for (const width of [320, ...widths]) {
    const { ctx, page } = await open(width);
    for (const p of sitePages()) {
      await page.goto(server.origin + p);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${p} scrolls sideways by ${overflow}px at ${width}px`);
    }
    await ctx.close();
  }
});

for (const width of widths) {
  test(`the Persian date reads 2025-09-03 left to right, at ${width} px`, async () => {
    const { ctx, page } = await open(width, "/fa/developer-token-reset/");
    const xs = await page.$eval(".updated time", (time) => {
      const node = time.firstChild, text = node.textContent, at = text.indexOf("2025");
      const x = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect().left; };
      return { year: x(at), month: x(at + 5), day: x(at + 8) };
    });
    assert.ok(xs.year < xs.month && xs.month < xs.day, `digits out of order: ${JSON.stringify(xs)}`);
    // A Latin name with its version number stays in order too: "CC BY 4.0", not "4.0 CC BY".
    const licence = await page.$eval(".site-footer a", (a) => {
      const r = document.createRange(), node = a.firstChild, at = node.textContent.indexOf("4.0");
      r.setStart(node, 0); r.setEnd(node, 2);
      const cc = r.getBoundingClientRect().left;
      r.setStart(node, at); r.setEnd(node, at + 3);
      return { text: node.textContent, cc, version: r.getBoundingClientRect().left };
    });
    assert.ok(licence.cc < licence.version, `licence reads out of order: ${JSON.stringify(licence)}`);
    await ctx.close();
  });

  test(`French punctuation keeps a narrow no-break space and never starts a line, at ${width} px`, async () => {
    const { ctx, page } = await open(width === 360 ? 320 : width, "/fr/oauth-desktop-web-flows/");
    const found = await page.evaluate(() => {
      const bad = [], ok = [];
      const walk = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (n.parentElement.closest("code, pre")) continue;
        const t = n.textContent;
        for (let i = 1; i < t.length; i++) {
          if (!":;!?»".includes(t[i])) continue;
          if (t[i - 1] === " " || t[i - 1] === "\u00a0") bad.push(t.slice(Math.max(0, i - 20), i + 1));
          if (t[i - 1] !== "\u202f") continue;
          const r = document.createRange();
          r.setStart(n, i - 2 >= 0 ? i - 2 : i - 1); r.setEnd(n, i - 1);
          const before = r.getBoundingClientRect();
          r.setStart(n, i); r.setEnd(n, i + 1);
          const mark = r.getBoundingClientRect();
          ok.push(Math.abs(before.top - mark.top) < 2);
        }
      }
      return { bad, ok };
    });
    assert.deepEqual(found.bad, [], "a plain space before French punctuation");
    assert.ok(found.ok.length >= 3, "narrow no-break spaces present");
    assert.ok(found.ok.every(Boolean), "a punctuation mark wrapped to the start of a line");
    await ctx.close();
  });

  test(`the fallback notice names the language as a sentence does, at ${width} px`, async () => {
    const { ctx, page } = await open(width);
    for (const [url, phrase] of [["/fr/developer-token-reset/", "traduite en français"], ["/th/oauth-desktop-web-flows/", "แปลเป็นภาษาไทย"], ["/vi/oauth-desktop-web-flows/", "sang tiếng Việt"]]) {
      await page.goto(server.origin + url);
      const notice = await page.textContent(".notice-fallback");
      assert.ok(notice.includes(phrase), `${url}: ${notice}`);
    }
    await ctx.close();
  });

  test(`fallback pages mark English text and keep the page language's headings, at ${width} px`, async () => {
    const { ctx, page } = await open(width);
    for (const url of ["/th/oauth-desktop-web-flows/", "/fa/oauth-desktop-web-flows/"]) {
      await page.goto(server.origin + url);
      const got = await page.evaluate(() => {
        const h1 = document.querySelector("h1"), toc = [...document.querySelectorAll(".toc li a")];
        const summary = document.querySelector("#summary-title");
        const p = document.querySelector(".guide-body p"), en = document.querySelector(".guide-body");
        const main = document.querySelector("main").getBoundingClientRect(), s = summary.getBoundingClientRect();
        const range = document.createRange(); range.selectNodeContents(summary);
        const text = range.getBoundingClientRect();
        return {
          h1: h1.closest("[lang]").lang, toc: toc.map((a) => a.closest("[lang]").lang),
          summary: summary.closest("[lang]").lang, summaryInBody: en.contains(summary),
          summaryDir: getComputedStyle(summary).direction,
          // right-aligned on a right-to-left page: the text ends at the box's right edge
          summaryRight: Math.abs(text.right - s.right) < 2, summaryLeft: Math.abs(text.left - s.left) < 2,
          lineHeight: parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize),
          font: getComputedStyle(p).fontFamily,
          inMain: s.left >= main.left - 1,
        };
      });
      const rtl = url.startsWith("/fa/");
      assert.equal(got.h1, "en", `${url}: h1`);
      assert.ok(got.toc.length > 0 && got.toc.every((l) => l === "en"), `${url}: contents entries ${got.toc}`);
      assert.notEqual(got.summary, "en", `${url}: the localized summary heading sits in English`);
      assert.equal(got.summaryInBody, false);
      assert.equal(got.summaryDir, rtl ? "rtl" : "ltr");
      assert.ok(rtl ? got.summaryRight : got.summaryLeft, `${url}: summary heading alignment`);
      assert.ok(Math.abs(got.lineHeight - 1.65) < 0.02, `${url}: English line height ${got.lineHeight}`);
      assert.ok(!/Thai|Vazirmatn|Arabic/.test(got.font.split(",")[0]), `${url}: English font ${got.font}`);
    }
    await ctx.close();
  });

  test(`the summary box and the Key Point callout have distinct labels, at ${width} px`, async () => {
    const { ctx, page } = await open(width);
    for (const lang of ["th", "vi", "fa", "fr", "en"]) {
      await page.goto(server.origin + `/${lang}/developer-token-reset/`);
      const summary = await page.textContent("#summary-title");
      const callouts = await page.$$eval(".callout-key-point .callout-label", (ls) => ls.map((l) => l.textContent.replace(/[:：\s]+$/u, "")));
      assert.ok(callouts.length > 0, `${lang}: no key point callout`);
      assert.ok(callouts.every((c) => c !== summary.trim()), `${lang}: "${summary}" is also the callout label`);
    }
    await ctx.close();
  });

  test(`the language switcher keeps #section and ?client, and marks English fallbacks, at ${width} px`, async () => {
    const { ctx, page } = await open(width, "/fr/oauth-desktop-web-flows/?client=ruby#set-up-the-client-library");
    const href = await page.getAttribute('.lang-switcher a[hreflang="en"]', "href");
    assert.match(href, /en\/oauth-desktop-web-flows\/\?client=ruby#set-up-the-client-library$/);
    await page.evaluate(() => { location.hash = "create-oauth-2-0-credentials"; });
    await page.waitForFunction(() => document.querySelector('.lang-switcher a[hreflang="id"]').getAttribute("href").endsWith("#create-oauth-2-0-credentials"));
    await page.click('.lang-switcher a[hreflang="en"]', { force: true });
    await page.waitForURL(/\/en\/oauth-desktop-web-flows\/\?client=ruby#create-oauth-2-0-credentials$/);
    const selected = await page.$$eval('[role="tab"][aria-selected="true"]', (ts) => ts.map((t) => t.dataset.client));
    assert.ok(selected.length > 0 && selected.every((c) => c === "ruby"));
    // th has no translation of this guide: its entry says the page is in English.
    const marks = await page.$$eval(".lang-switcher a", (as) => as.map((a) => [a.hreflang, a.querySelector(".switcher-fallback")?.textContent || ""]));
    const fallback = Object.fromEntries(marks);
    assert.ok(fallback.th.length > 0 && fallback.fa.length > 0 && fallback.vi.length > 0, JSON.stringify(marks));
    assert.equal(fallback.fr, "");
    assert.equal(fallback.id, "");
    assert.ok(await page.isVisible('.lang-switcher a[hreflang="th"] .switcher-fallback'));
    await ctx.close();
  });

  test(`Vietnamese search finds words typed without diacritics, at ${width} px`, async () => {
    const { ctx, page } = await open(width, "/vi/developer-token-reset/");
    await page.fill(".search input", "dat lai ma");
    await page.waitForSelector('.search-results:not([hidden]) [role="option"][data-href]');
    const marks = await page.$$eval(".search-results mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok(marks.some((m) => m === "đặt"), `marks: ${marks}`);
    await ctx.close();
  });

  test(`the search box is an ARIA 1.2 combobox, at ${width} px`, async () => {
    const { ctx, page } = await open(width, "/th/developer-token-reset/");
    const input = ".search input";
    assert.equal(await page.getAttribute(input, "role"), "combobox");
    assert.equal(await page.getAttribute(input, "aria-expanded"), "false");
    const type = async (q) => {
      await page.fill(input, q);
      await page.waitForSelector('.search-results:not([hidden]) [role="option"]');
    };
    await type("ทันที");
    assert.equal(await page.getAttribute(input, "aria-expanded"), "true");
    assert.equal(await page.getAttribute(".search-results", "role"), "listbox");
    await page.keyboard.press("ArrowDown");
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
    assert.deepEqual(violations, [], "axe-core with the results open");
    // Escape closes, and focus stays in the box.
    await page.keyboard.press("Escape");
    assert.equal(await page.getAttribute(input, "aria-expanded"), "false");
    assert.ok(await page.isHidden(".search-results"));
    assert.equal(await page.evaluate(() => document.activeElement.id), "search-input");
    // A click elsewhere closes.
    await type("โทเค็น");
    await page.mouse.click(5, 780);
    assert.ok(await page.isHidden(".search-results"), "outside click left the results open");
    // Tab closes.
    await page.focus(input);
    await type("รีเซ็ต");
    await page.keyboard.press("Tab");
    assert.ok(await page.isHidden(".search-results"), "Tab left the results open");
    // Arrow keys move the active option; Enter opens it.
    await page.focus(input);
    await type("ทันที");
    await page.keyboard.press("ArrowDown");
    const active = await page.getAttribute(input, "aria-activedescendant");
    assert.ok(active, "no active option");
    assert.equal(await page.getAttribute("#" + active, "aria-selected"), "true");
    const target = await page.getAttribute("#" + active, "data-href");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.href.endsWith(target.replace(/^(\.\.\/)+/, "")));
    await ctx.close();
  });

  test(`Thai snippets are cut between words, never inside a syllable, at ${width} px`, async () => {
    const { ctx, page } = await open(width, "/th/developer-token-reset/");
    for (const q of ["ทันที", "โทเค็น", "อีเมล"]) {
      await page.fill(".search input", q);
      await page.waitForSelector('.search-results:not([hidden]) [role="option"][data-href]');
      const bad = await page.evaluate(async () => {
        const manifest = await (await fetch("../../th/search.json")).json();
        const frags = Array.from({ length: Math.ceil(manifest.pages.length / manifest.group) }, (_, g) => g);
        const docs = (await Promise.all(frags.map(async (g) => (await fetch(`../../th/search/p${g}.json`)).json()))).flat();
        const texts = docs.flatMap((d) => d.s.map((s) => s.x));
        const seg = new Intl.Segmenter("th", { granularity: "word" });
        const out = [];
        for (const p of document.querySelectorAll(".search-results [role=option] p")) {
          const core = p.textContent.replace(/^…/, "").replace(/…$/, "");
          const src = texts.find((t) => t.includes(core));
          if (!src) { out.push("snippet not in index: " + core); continue; }
          const at = src.indexOf(core), end = at + core.length;
          const b = new Set([0, src.length]);
          for (const s of seg.segment(src)) b.add(s.index);
          if (!b.has(at) || !b.has(end)) out.push(`cut inside a word: ${core.slice(0, 12)}…${core.slice(-12)}`);
        }
        return out;
      });
      assert.deepEqual(bad, [], q);
    }
    await ctx.close();
  });

  test(`section headings have keyboard-reachable links named in the page's language, at ${width} px`, async () => {
    const { ctx, page } = await open(width, "/fr/oauth-desktop-web-flows/");
    const links = await page.$$eval(".guide-body h2[id]", (hs) => hs.map((h) => {
      const a = h.querySelector("a.heading-link");
      return a && { href: a.getAttribute("href"), id: h.id, label: a.getAttribute("aria-label"), lang: a.closest("[lang]").lang };
    }));
    assert.ok(links.length >= 2 && links.every((l) => l && l.href === "#" + l.id && l.label.startsWith("Lien vers cette section") && l.lang === "fr"), JSON.stringify(links));
    // Reached by Tab, and visible when focused.
    await page.focus(".guide-body a");
    let found = null;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(() => {
        const el = document.activeElement;
        return el.classList.contains("heading-link") ? { opacity: getComputedStyle(el).opacity, outline: getComputedStyle(el).outlineStyle } : null;
      });
    }
    assert.ok(found, "no heading link reached by Tab");
    assert.equal(found.opacity, "1");
    assert.notEqual(found.outline, "none");
    // On an English fallback page the link's name is still in the page's language.
    await page.goto(server.origin + "/fa/oauth-desktop-web-flows/");
    const fa = await page.$eval(".guide-body h2[id] a.heading-link", (a) => ({ label: a.getAttribute("aria-label"), lang: a.closest("[lang]").lang }));
    assert.ok(fa.label.startsWith("پیوند") && fa.lang === "fa", JSON.stringify(fa));
    await ctx.close();
  });

  test(`printed pages show the guide without header, search or sidebar, at ${width} px`, async () => {
    const { ctx, page } = await open(width, "/th/developer-token-reset/");
    await page.emulateMedia({ media: "print" });
    for (const sel of [".site-header", ".search", ".sidebar", ".lang-switcher", ".toc"]) {
      assert.ok(await page.isHidden(sel), `${sel} prints`);
    }
    assert.ok(await page.isVisible(".guide-body"));
    assert.ok(await page.isVisible("h1"));
    await page.goto(server.origin + "/en/oauth-desktop-web-flows/");
    await page.emulateMedia({ media: "print" });
    const panels = await page.$$eval(".client-panel", (ps) => ps.filter((p) => p.getBoundingClientRect().height > 0).length);
    assert.ok(panels >= 4, "every client variant prints");
    await ctx.close();
  });

  test(`steps are numbered through a client-language group, at ${width} px`, async () => {
    for (const [client, want] of [["python", [1, 2, 3]], ["ruby", [1, 2, 3, 4]]]) {
      const { ctx, page } = await open(width, `/fr/oauth-desktop-web-flows/?client=${client}`);
      const numbers = await page.evaluate(() => {
        const h = document.getElementById("set-up-the-client-library"), out = [];
        for (let el = h.nextElementSibling; el && el.tagName !== "H2"; el = el.nextElementSibling) {
          const lists = el.tagName === "OL" ? [el] : [...el.querySelectorAll(":scope > .client-panel:not([hidden]) > ol")];
          for (const ol of lists) [...ol.children].forEach((li, i) => out.push(ol.start + i));
        }
        return out;
      });
      assert.deepEqual(numbers, want, client);
      await ctx.close();
    }
  });
}

test("on wide screens the contents list stays in view while reading", async () => {
  const { ctx, page } = await open(1280, "/fr/oauth-desktop-web-flows/");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.6));
  const box = await page.$eval(".toc", (t) => t.getBoundingClientRect().toJSON());
  assert.ok(box.top >= 0 && box.top < 100 && box.height > 0, `contents list at ${JSON.stringify(box)}`);
  await ctx.close();
});

test("every language lists the guides in the same order, and the sitemap lists the language pages", async () => {
  const { ctx, page } = await open(1280);
  const orders = new Set();
  for (const lang of ["en", "fa", "vi", "th", "id", "fr"]) {
    await page.goto(server.origin + `/${lang}/`);
    orders.add((await page.$$eval(".guide-list a", (as) => as.map((a) => a.getAttribute("href").split("/").at(-2)))).join(" "));
  }
  assert.equal(orders.size, 1, [...orders].join(" | "));
  const sitemap = await readFile(path.join(publicDir, "sitemap.xml"), "utf8");
  for (const lang of ["en", "fa", "vi", "th", "id", "fr"]) {
    assert.match(sitemap, new RegExp(`<loc>[^<]*/${lang}/</loc>`), `sitemap lacks /${lang}/`);
  }
  const dir = path.join(publicDir, "fr/search");
  const index = (await Promise.all((await readdir(dir)).map((f) => readFile(path.join(dir, f), "utf8")))).join("\n");
  assert.ok(!/PythonRuby|"Python Ruby/.test(index), "tab labels in the search index");
  await ctx.close();
});
