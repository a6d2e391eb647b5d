// The search page in headless Chromium, under a strict Content-Security-Policy
// (no inline scripts, no eval, no wasm):
//
//   node tests/search/page.mjs SITE_DIR
//
// - ?q= in the address runs the search: results with marked words, the count
//   announced in the live region;
// - typing updates the results and the address;
// - a facet filter works from the keyboard alone and goes into the address;
// - the search form on every page leads to the search page;
// - without JavaScript the page keeps its form and shows the A-Z list of goals;
// - no script errors and no CSP violations.

import http from "node:http";
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const site = path.resolve(process.argv[2] ?? "target/search-site");
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  let file = path.join(site, decodeURIComponent(url.pathname));
  if (!file.startsWith(site)) return res.writeHead(403).end();
  try {
    if (statSync(file).isDirectory()) file = path.join(file, "index.html");
    statSync(file);
  } catch {
    return res.writeHead(404).end();
  }
  res.writeHead(200, {
    "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "Content-Security-Policy": CSP,
  });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

let passed = 0;
let failed = 0;
async function check(name, body, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    // Missing files are reported from responses below (the site has no favicon).
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      if (e.effectiveDirective.startsWith("script") || e.effectiveDirective.startsWith("connect")) {
        console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`);
      }
    });
  });
  try {
    await body(page);
    if (problems.length) throw new Error(problems.join("\n"));
    passed += 1;
    console.log(`ok ${name}`);
  } catch (error) {
    failed += 1;
    console.error(`FAIL ${name}: ${error.message}`);
  } finally {
    await context.close();
  }
}
const assert = (ok, message) => {
  if (!ok) throw new Error(message);
};
const statusText = (page) =>
  page.waitForFunction(() => document.getElementById("search-status").textContent.trim() !== "", null, {
    timeout: 15000,
  });

await check("?q= runs the search and the live region announces the count", async (page) => {
  await page.goto(`${origin}/fi/search/?q=py%C3%B6r%C3%A4ilyn`);
  await statusText(page);
  const live = await page.getAttribute("#search-status", "aria-live");
  assert(live === "polite", `aria-live is ${live}`);
  const count = await page.locator("#search-results > li").count();
  assert(count > 0, "no results");
  const marks = await page.locator("#search-results mark").count();
  assert(marks > 0, "no marked words");
  const href = await page.locator("#search-results > li a").first().getAttribute("href");
  assert(/\/fi\/[^?]+\/$|#/.test(href), `result link ${href}`);
  assert(await page.locator("#search-az").isHidden(), "the A-Z list should give way to results");
  assert((await page.inputValue("#search-q")) === "pyöräilyn", "the input shows the query");
});

await check("typing updates the results and the address", async (page) => {
  await page.goto(`${origin}/sv/search/`);
  await page.locator("#search-q").focus();
  await page.keyboard.type("cykling");
  await page.waitForFunction(() => location.search.includes("q=cykling"), null, { timeout: 15000 });
  await statusText(page);
  assert((await page.locator("#search-results > li").count()) > 0, "no results for cykling");
});

await check("a facet filter works from the keyboard", async (page) => {
  await page.goto(`${origin}/en/search/?q=cycling`);
  await statusText(page);
  await page.waitForSelector("#search-filters input[name=type]", { timeout: 15000 });
  const box = page.locator("#search-filters input[name=type]").first();
  const value = await box.getAttribute("value");
  await box.focus();
  await page.keyboard.press("Space");
  await page.waitForFunction((v) => new URLSearchParams(location.search).getAll("type").includes(v), value, {
    timeout: 15000,
  });
  await page.waitForFunction(() => !document.getElementById("search-clear").hidden, null, { timeout: 15000 });
  assert(await page.locator(`#search-filters input[value="${value}"]`).isChecked(), "the box stays checked");
});

await check("the search form on every page leads to the search page", async (page) => {
  await page.goto(`${origin}/fi/`);
  await page.locator("#site-search-q").fill("rakennusjärjestys");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/fi\/search\/\?q=/);
  await statusText(page);
  assert((await page.locator("#search-results > li").count()) > 0, "no results");
});

await check(
  "without JavaScript: the form and the A-Z list of goals",
  async (page) => {
    await page.goto(`${origin}/fi/search/`);
    assert(await page.locator("#search-app").isHidden(), "the script part shows without JavaScript");
    const goals = await page.locator("#search-az .az-list a").count();
    assert(goals > 0, "no goals in the A-Z list");
    await page.locator("#search-q").fill("pyöräily");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/fi\/search\/\?q=py/);
    assert(await page.locator("#search-az").isVisible(), "the A-Z list");
  },
  { javaScriptEnabled: false },
);

await browser.close();
server.close();
console.log(`search page: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
