// Shared helpers for the browser tests: a static server for public/ on a
// free loopback port, and Debian's Chromium driven by playwright-core.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// DOCGEN_PUBLIC points the tests at another build (e.g. one made before a fix).
export const publicDir = process.env.DOCGEN_PUBLIC ? path.resolve(process.env.DOCGEN_PUBLIC) : path.join(repo, "public");
const defaultPublic = publicDir;

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml" };

/** Builds the site unless public/ already holds it. */
export function ensureBuilt() {
  if (!existsSync(path.join(publicDir, "index.html"))) {
    execFileSync("go", ["run", "./cmd/docgen", "build", "--quiet"], { cwd: repo, stdio: "inherit" });
  }
}

/** Serves public/ (or dir) on 127.0.0.1; resolves to { origin, close }. */
export async function serve(dir) {
  const publicDir = dir || (ensureBuilt(), defaultPublic);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let file = path.normalize(path.join(publicDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(publicDir)) { res.writeHead(404).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404, { "content-type": types[".html"] }).end(await readFile(path.join(publicDir, "404.html")));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Launches headless Chromium as the machine's setup requires. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
    // playwright gives every launch a fresh, temporary profile.
  });
}

/** Every page of the site: paths of the HTML files under public/, as URLs. */
export function sitePages() {
  const out = execFileSync("find", [publicDir, "-name", "*.html"], { encoding: "utf8" });
  return out.trim().split("\n").sort().map((f) => "/" + path.relative(publicDir, f).replace(/index\.html$/, ""));
}
