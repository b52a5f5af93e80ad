// Client-library tabs as a reader meets them (issue: code samples per client language).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch } from "./lib.js";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const oauth = "/en/oauth-desktop-web-flows/";

async function state(page) {
  return page.$$eval(".clients", (groups) => groups.map((g) => ({
    selected: [...g.querySelectorAll('[role="tab"]')].filter((t) => t.getAttribute("aria-selected") === "true").map((t) => t.dataset.client),
    visible: [...g.querySelectorAll(".client-panel")].filter((p) => !p.hidden && p.offsetParent !== null).map((p) => p.dataset.client),
  })));
}

test("clicking Ruby switches every group, and the choice survives reload and other pages", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.origin + oauth);
  const groups = await state(page);
  assert.ok(groups.length >= 2, "the OAuth guide has several client groups");
  assert.ok(groups.every((g) => g.selected[0] === "python" && g.visible.join() === "python"), "Python first by default");

  await page.getByRole("tab", { name: "Ruby" }).first().click();
  for (const g of await state(page)) {
    assert.deepEqual(g.selected, ["ruby"]);
    assert.deepEqual(g.visible, ["ruby"]);
  }
  await page.reload();
  assert.ok((await state(page)).every((g) => g.visible.join() === "ruby"), "still Ruby after reload");

  await page.goto(server.origin + "/en/developer-token-reset/");
  await page.goto(server.origin + "/fr/oauth-desktop-web-flows/");
  assert.ok((await state(page)).every((g) => g.visible.join() === "ruby"), "still Ruby on another page and language");

  await page.goto(server.origin + "/fr/oauth-desktop-web-flows/?client=python");
  assert.ok((await state(page)).every((g) => g.visible.join() === "python"), "?client=python wins over the stored choice");
  await ctx.close();
});

test("arrow keys, Home and End move between tabs", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.origin + oauth);
  const first = page.getByRole("tab", { name: "Python" }).first();
  await first.focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.client), "ruby");
  assert.ok((await state(page)).every((g) => g.selected.join() === "ruby"));
  await page.keyboard.press("ArrowRight"); // wraps around
  assert.equal(await page.evaluate(() => document.activeElement.dataset.client), "python");
  await page.keyboard.press("End");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.client), "ruby");
  await page.keyboard.press("Home");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.client), "python");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.client), "ruby");
  await ctx.close();
});

test("in a right-to-left tab list the arrow keys are mirrored", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.origin + oauth);
  await page.evaluate(() => document.querySelectorAll('[role="tablist"]').forEach((l) => { l.dir = "rtl"; }));
  await page.getByRole("tab", { name: "Python" }).first().focus();
  await page.keyboard.press("ArrowLeft"); // in RTL, left moves to the next tab
  assert.equal(await page.evaluate(() => document.activeElement.dataset.client), "ruby");
  await ctx.close();
});

test("without JavaScript every variant shows under its own heading", async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(server.origin + oauth);
  const groups = await page.$$eval(".clients", (gs) => gs.map((g) => ({
    tabsHidden: g.querySelector('[role="tablist"]').hidden,
    panels: [...g.querySelectorAll(".client-panel")].map((p) => ({ visible: p.offsetParent !== null, heading: p.querySelector(".client-heading")?.offsetParent !== null })),
  })));
  for (const g of groups) {
    assert.ok(g.tabsHidden);
    assert.equal(g.panels.length, 2);
    assert.ok(g.panels.every((p) => p.visible && p.heading));
  }
  await ctx.close();
});

test("a copy button puts exactly the code on the clipboard", async () => {
  const ctx = await browser.newContext();
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  const page = await ctx.newPage();
  await page.goto(server.origin + oauth + "?client=ruby");
  const box = page.locator('.client-panel[data-client="ruby"] .code').first();
  await box.hover();
  await box.locator(".copy").click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, "c.client_id = INSERT_OAUTH2_CLIENT_ID_HERE\nc.client_secret = INSERT_OAUTH2_CLIENT_SECRET_HERE");
  await ctx.close();
});

test("?client=java is ignored: the first variant shows, with no notice, and nothing is stored", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.origin + oauth + "?client=java");
  assert.ok((await state(page)).every((g) => g.visible.join() === "python"));
  const notes = await page.$$eval(".client-note", (ns) => ns.filter((n) => !n.hidden).map((n) => n.textContent));
  assert.deepEqual(notes, []);
  assert.equal(await page.evaluate(() => localStorage.getItem("docgen.client")), null);
  await page.goto(server.origin + "/fr/oauth-desktop-web-flows/");
  assert.equal(await page.$$eval(".client-note", (ns) => ns.filter((n) => !n.hidden).length), 0);
  await ctx.close();
});

for (const width of [360, 1280]) {
  test(`?client=Ruby (any case) selects Ruby everywhere with no notice, at ${width} px`, async () => {
    const ctx = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(server.origin + "/fr/oauth-desktop-web-flows/?client=Ruby");
    const groups = await state(page);
    assert.ok(groups.length >= 2);
    assert.ok(groups.every((g) => g.visible.join() === "ruby" && g.selected.join() === "ruby"), JSON.stringify(groups));
    assert.equal(await page.$$eval(".client-note", (ns) => ns.filter((n) => !n.hidden).length), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem("docgen.client")), "ruby");
    await ctx.close();
  });

  test(`without JavaScript no tab bar shows, at ${width} px`, async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(server.origin + oauth);
    const shown = await page.$$eval(".client-tabs", (ts) => ts.filter((t) => t.getBoundingClientRect().height > 0).length);
    assert.equal(shown, 0, "a tab bar is visible without JavaScript");
    await ctx.close();
  });

  test(`the copy button does not cover the code, at ${width} px`, async () => {
    const ctx = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(server.origin + oauth);
    const overlaps = await page.$$eval(".code", (boxes) => boxes.filter((b) => b.offsetParent !== null).map((b) => {
      const button = b.querySelector(".copy").getBoundingClientRect();
      const code = b.querySelector("pre code");
      const r = document.createRange();
      r.selectNodeContents(code);
      const line = [...r.getClientRects()].filter((x) => x.width > 0);
      return line.some((x) => x.left < button.right && x.right > button.left && x.top < button.bottom && x.bottom > button.top);
    }));
    assert.ok(overlaps.length > 0, "no code box checked");
    assert.ok(overlaps.every((o) => !o), `copy button covers code: ${overlaps}`);
    await ctx.close();
  });
}
