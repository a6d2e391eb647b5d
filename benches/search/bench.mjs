// Search benchmark: the tantivy-built client index against Pagefind, on the
// same built site (run.sh builds it and runs Pagefind over its HTML).
//
//   node benches/search/bench.mjs --site DIR --label NAME [--out FILE.json] [--runs 7]
//
// Measures, for the fixed queries of queries.mjs:
// - index size on disk (files and bytes) of search/ and pagefind/;
// - bytes and requests of one cold query in headless Chromium (a fresh
//   browser context each time, served on loopback by a plain static server
//   without compression), top 10 results with their title, URL and excerpt;
// - the end-to-end time of that cold query, from navigation start to results;
// - query computation time under Node: the first query of a fresh client
//   whose files are already in memory (inflating, parsing and decoding
//   included), and a repeated query (median of --runs runs per query).

import { createReadStream, readdirSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { QUERIES } from "./queries.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const site = path.resolve(option("--site", "target/bench/example/public"));
const label = option("--label", path.basename(path.dirname(site)));
const runs = Number(option("--runs", "7"));
const out = option("--out", null);
const langs = option("--langs", "fi,sv,en").split(",");
const limitQueries = Number(option("--queries", "1000"));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".css": "text/css",
  ".wasm": "application/wasm",
};

const BENCH_PAGES = {
  // Each engine's page carries the hints a site can give it. Ours: those of
  // the search page the build writes (the client module, the language's
  // manifest and hot dictionary, all at fixed addresses). Pagefind's: its
  // module; its other files are fetched by its worker or carry a
  // cache-busting parameter, so a page's preload cannot serve them.
  "/__bench/ours.html": (lang) => `<!DOCTYPE html><html lang="${lang}"><meta charset="utf-8"><title>ours</title>
<link rel="modulepreload" href="/assets/search.js">
<link rel="preload" href="/search/${lang}/manifest.json" as="fetch" crossorigin="anonymous">
<link rel="preload" href="/search/${lang}/hot.dat" as="fetch" crossorigin="anonymous">
<script type="module">
import { search } from "/assets/search.js";
const p = new URLSearchParams(location.search);
const r = await search(p.get("q"), { lang: p.get("lang"), limit: 10, counts: false });
window.__results = r.results.map((x) => x.url);
window.__done = performance.now();
console.log("__bench_done");
</script>`,
  "/__bench/pagefind.html": (lang) => `<!DOCTYPE html><html lang="${lang}"><meta charset="utf-8"><title>pagefind</title>
<link rel="modulepreload" href="/pagefind/pagefind.js">
<script type="module">
import * as pagefind from "/pagefind/pagefind.js";
const p = new URLSearchParams(location.search);
const r = await pagefind.search(p.get("q"));
const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
window.__results = data.map((d) => d.url);
window.__done = performance.now();
console.log("__bench_done");
</script>`,
};

function serve(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/favicon.ico") {
      // What the browser asks for by itself, for neither engine.
      res.writeHead(204).end();
      return;
    }
    const page = BENCH_PAGES[url.pathname];
    if (page) {
      res.writeHead(200, { "Content-Type": TYPES[".html"], "Cache-Control": "no-store" });
      res.end(page(url.searchParams.get("lang") ?? "fi"));
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, "index.html");
      const size = statSync(file).size;
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Content-Length": size,
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  });
  // Longer than any pause in the benchmark, so a kept-alive connection is
  // never closed under a client that is about to reuse it.
  server.keepAliveTimeout = 120000;
  server.headersTimeout = 121000;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = folderSize(p);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += statSync(p).size;
      files += 1;
    }
  }
  return { bytes, files };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const max = (xs) => Math.max(...xs);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (t) => `${t.toFixed(t < 10 ? 2 : 0)} ms`;

const server = await serve(site);
const origin = `http://127.0.0.1:${server.address().port}`;
console.error(`serving ${site} at ${origin}`);

const sizes = {
  ours: folderSize(path.join(site, "search")),
  pagefind: folderSize(path.join(site, "pagefind")),
};
const docs = {};
// The dictionary of each language: its word forms and terms (every shard).
const dictionary = {};
{
  const { SearchClient } = await import(pathToFileURL(path.join(site, "assets/search.js")).href);
  const client = new SearchClient({ base: pathToFileURL(path.join(site, "search/")).href });
  for (const lang of langs) {
    const manifest = await (await fetch(`${origin}/search/${lang}/manifest.json`)).json();
    docs[lang] = manifest.docs;
    const keys = await client.dictionary(lang);
    dictionary[lang] = {
      forms: keys.filter((k) => k.isForm).length,
      terms: new Set(keys.filter((k) => k.term).map((k) => k.term.text)).size,
      shards: manifest.shards.length,
    };
  }
}

// ---------------------------------------------------------------- Chromium, cold
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
async function coldInChromium(engine, lang, q) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`${engine} page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && console.error(`${engine} console: ${m.text()}`));
  page.on("response", (r) => r.status() >= 400 && console.error(`${engine}: HTTP ${r.status()} ${r.url()}`));
  // Sizes are asked for once the query is done, not while it runs.
  const finished = [];
  page.on("requestfinished", (request) => {
    if (!request.url().includes("/__bench/")) finished.push(request);
  });
  const url = `${origin}/__bench/${engine}.html?lang=${lang}&q=${encodeURIComponent(q)}`;
  // The page says when it is done on its console: waiting with a script
  // in the page (waitForFunction) would run the harness's own code on the
  // page's main thread while the query runs.
  const done = page.waitForEvent("console", { predicate: (m) => m.text() === "__bench_done", timeout: 60000 });
  await page.goto(url);
  await done;
  const time = await page.evaluate(() => window.__done);
  const results = await page.evaluate(() => window.__results);
  const sizes = await Promise.all(finished.map((r) => r.sizes()));
  const requests = sizes.length;
  const bytes = sizes.reduce((sum, s) => sum + s.responseBodySize, 0);
  await context.close();
  return { bytes, requests, time, results: results.length };
}

const chromiumRows = [];
for (const lang of langs) {
  for (const q of QUERIES[lang].slice(0, limitQueries)) {
    // Alternate the order so neither engine always goes first.
    const first = chromiumRows.length % 2 === 0 ? ["ours", "pagefind"] : ["pagefind", "ours"];
    const row = { lang, q };
    for (const engine of first) row[engine] = await coldInChromium(engine, lang, q);
    chromiumRows.push(row);
    console.error(
      `${lang} ${JSON.stringify(q)}: ours ${kb(row.ours.bytes)} ${row.ours.requests} req ${ms(row.ours.time)} (${row.ours.results}); ` +
        `pagefind ${kb(row.pagefind.bytes)} ${row.pagefind.requests} req ${ms(row.pagefind.time)} (${row.pagefind.results})`,
    );
  }
}
await browser.close();

// ---------------------------------------------------------------- Node, warm
const { SearchClient } = await import(pathToFileURL(path.join(site, "assets/search.js")).href);
globalThis.document = { currentScript: null, querySelector: () => ({ getAttribute: () => "fi" }) };
const nodeRows = [];
for (const lang of langs) {
  const ours = new SearchClient({ base: `${origin}/search/` });
  globalThis.document.querySelector = () => ({ getAttribute: () => lang });
  const pagefind = await import(`${pathToFileURL(path.join(site, "pagefind/pagefind.js")).href}?lang=${lang}`);
  await pagefind.options({ basePath: `${origin}/pagefind/` });
  await pagefind.init();
  for (const q of QUERIES[lang].slice(0, limitQueries)) {
    const timeOurs = [];
    const timePagefind = [];
    for (let i = 0; i <= runs; i++) {
      let t = performance.now();
      await ours.search(q, { lang, limit: 10, counts: false });
      if (i > 0) timeOurs.push(performance.now() - t);
      t = performance.now();
      const r = await pagefind.search(q);
      await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      if (i > 0) timePagefind.push(performance.now() - t);
    }
    nodeRows.push({ lang, q, ours: median(timeOurs), pagefind: median(timePagefind) });
  }
}

// ------------------------------------------------- Node, first query with files in memory
// A fresh client whose files are already in memory: inflating, parsing and
// decoding count, the network does not.
const memory = new Map();
const realFetch = globalThis.fetch;
const recordingFetch = async (input, init) => {
  const url = typeof input === "string" ? input : input.url;
  if (!memory.has(url)) {
    const response = await realFetch(input, init);
    memory.set(url, { status: response.status, type: response.headers.get("content-type"), body: new Uint8Array(await response.arrayBuffer()) });
  }
  const m = memory.get(url);
  return new Response(m.body, { status: m.status, headers: { "content-type": m.type ?? "application/octet-stream" } });
};
const firstRows = [];
let instance = 0;
for (const lang of langs) {
  globalThis.document.querySelector = () => ({ getAttribute: () => lang });
  for (const q of QUERIES[lang].slice(0, limitQueries)) {
    const row = { lang, q };
    globalThis.fetch = recordingFetch;
    // Load once to fill the memory, then time a fresh client.
    await new SearchClient({ base: `${origin}/search/`, load: async (u) => new Uint8Array(await (await recordingFetch(u)).arrayBuffer()) }).search(q, { lang, limit: 10, counts: false });
    let t = performance.now();
    await new SearchClient({ base: `${origin}/search/`, load: async (u) => memory.get(u).body }).search(q, { lang, limit: 10, counts: false });
    row.ours = performance.now() - t;
    for (const pass of [0, 1]) {
      const pf = await import(`${pathToFileURL(path.join(site, "pagefind/pagefind.js")).href}?instance=${instance++}`);
      t = performance.now();
      await pf.options({ basePath: `${origin}/pagefind/` });
      const r = await pf.search(q);
      await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      if (pass === 1) row.pagefind = performance.now() - t;
    }
    globalThis.fetch = realFetch;
    firstRows.push(row);
  }
}
server.close();

// ---------------------------------------------------------------- report
const pick = (rows, engine, key) => rows.map((r) => r[engine][key]);
const summary = {
  label,
  documents: docs,
  pages: folderSize(site).files,
  index: sizes,
  queries: chromiumRows.length,
  chromium: Object.fromEntries(
    ["ours", "pagefind"].map((e) => [
      e,
      {
        bytesMedian: median(pick(chromiumRows, e, "bytes")),
        bytesWorst: max(pick(chromiumRows, e, "bytes")),
        requestsMedian: median(pick(chromiumRows, e, "requests")),
        requestsWorst: max(pick(chromiumRows, e, "requests")),
        timeMedian: median(pick(chromiumRows, e, "time")),
        timeWorst: max(pick(chromiumRows, e, "time")),
      },
    ]),
  ),
  node: Object.fromEntries(
    ["ours", "pagefind"].map((e) => [
      e,
      { timeMedian: median(nodeRows.map((r) => r[e])), timeWorst: max(nodeRows.map((r) => r[e])) },
    ]),
  ),
  nodeFirst: Object.fromEntries(
    ["ours", "pagefind"].map((e) => [
      e,
      { timeMedian: median(firstRows.map((r) => r[e])), timeWorst: max(firstRows.map((r) => r[e])) },
    ]),
  ),
  rows: chromiumRows.map((r, i) => ({
    ...r,
    nodeOurs: nodeRows[i].ours,
    nodePagefind: nodeRows[i].pagefind,
    firstOurs: firstRows[i].ours,
    firstPagefind: firstRows[i].pagefind,
  })),
};
const c = summary.chromium;
const n = summary.node;
const f1 = summary.nodeFirst;
const ratio = (a, b) => (a / b).toFixed(2);
console.log(`
### ${label}: ${Object.values(docs).reduce((a, b) => a + b, 0)} documents (${langs.map((l) => `${l} ${docs[l]}`).join(", ")})

Dictionary: ${langs.map((l) => `${l} ${dictionary[l].forms} word forms, ${dictionary[l].terms} terms, ${dictionary[l].shards} shards`).join("; ")}.

| | tantivy client index | Pagefind 1.6 | ours / Pagefind |
| --- | --- | --- | --- |
| index on disk | ${kb(sizes.ours.bytes)} in ${sizes.ours.files} files | ${kb(sizes.pagefind.bytes)} in ${sizes.pagefind.files} files | ${ratio(sizes.ours.bytes, sizes.pagefind.bytes)} |
| cold query, bytes, median | ${kb(c.ours.bytesMedian)} | ${kb(c.pagefind.bytesMedian)} | ${ratio(c.ours.bytesMedian, c.pagefind.bytesMedian)} |
| cold query, bytes, worst | ${kb(c.ours.bytesWorst)} | ${kb(c.pagefind.bytesWorst)} | ${ratio(c.ours.bytesWorst, c.pagefind.bytesWorst)} |
| cold query, requests, median (worst) | ${c.ours.requestsMedian} (${c.ours.requestsWorst}) | ${c.pagefind.requestsMedian} (${c.pagefind.requestsWorst}) | |
| cold query end to end in Chromium, median | ${ms(c.ours.timeMedian)} | ${ms(c.pagefind.timeMedian)} | ${ratio(c.ours.timeMedian, c.pagefind.timeMedian)} |
| cold query end to end in Chromium, worst | ${ms(c.ours.timeWorst)} | ${ms(c.pagefind.timeWorst)} | ${ratio(c.ours.timeWorst, c.pagefind.timeWorst)} |
| first query under Node, fresh client, files in memory, median | ${ms(f1.ours.timeMedian)} | ${ms(f1.pagefind.timeMedian)} | ${ratio(f1.ours.timeMedian, f1.pagefind.timeMedian)} |
| first query under Node, fresh client, files in memory, worst | ${ms(f1.ours.timeWorst)} | ${ms(f1.pagefind.timeWorst)} | ${ratio(f1.ours.timeWorst, f1.pagefind.timeWorst)} |
| repeated query under Node (files loaded and decoded), median | ${ms(n.ours.timeMedian)} | ${ms(n.pagefind.timeMedian)} | ${ratio(n.ours.timeMedian, n.pagefind.timeMedian)} |
| repeated query under Node (files loaded and decoded), worst | ${ms(n.ours.timeWorst)} | ${ms(n.pagefind.timeWorst)} | ${ratio(n.ours.timeWorst, n.pagefind.timeWorst)} |
`);
if (out) writeFileSync(out, JSON.stringify(summary, null, 2));
