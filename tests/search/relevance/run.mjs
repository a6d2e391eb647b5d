// Search relevance on the judged queries of queries.json: each query is run
// cold (a fresh client) through the site's own search client, and with
// --pagefind through Pagefind over the same built HTML (run `pagefind --site
// DIR` first; benches/search installs it). Prints success@1, success@3,
// MRR@10 and the zero-result rate per engine, per language and per kind.
//
//   node tests/search/relevance/run.mjs SITE_DIR [--pagefind] [--floor FILE] [--out FILE.json] [--misses]
//
// Results are compared as pages: a result's URL without its `#fragment`
// (a target is a part of its goal's page), repeated pages counted once.
// With --floor, exits 1 when the site's client falls below any figure of
// the floor file ({"all": {"success1": ..}, "fi": {...}}, zero-result rates
// as maxima).

import { readFileSync, writeFileSync, createReadStream, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args.splice(i, 1), true) : false;
};
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const withPagefind = flag("--pagefind");
const showMisses = flag("--misses");
const floorFile = option("--floor", null);
const out = option("--out", null);
const site = path.resolve(args[0] ?? "target/search-site");
const here = path.dirname(new URL(import.meta.url).pathname);
const queries = JSON.parse(readFileSync(path.join(here, "queries.json"), "utf8"));

/** A result's page: no origin, no leading slash, no fragment, no index.html. */
function page(url) {
  let u = String(url).replace(/^[a-z]+:\/\/[^/]+/, "").replace(/^\/+/, "");
  u = u.split("#")[0].split("?")[0];
  return u.replace(/index\.html$/, "");
}

function pages(urls) {
  const seen = new Set();
  const outList = [];
  for (const u of urls) {
    const p = page(u);
    if (!seen.has(p)) {
      seen.add(p);
      outList.push(p);
    }
  }
  return outList;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };
function serve(root) {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      if (!statSync(file).isFile()) throw new Error("not a file");
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function runOurs() {
  const { SearchClient } = await import(pathToFileURL(path.join(site, "assets/search.js")).href);
  const base = pathToFileURL(path.join(site, "search/")).href;
  const answers = [];
  for (const q of queries) {
    const client = new SearchClient({ base });
    const r = await client.search(q.query, { lang: q.lang, limit: 10, counts: false });
    answers.push(pages(r.results.map((x) => x.url)));
  }
  return answers;
}

async function runPagefind() {
  const server = await serve(site);
  const origin = `http://127.0.0.1:${server.address().port}`;
  globalThis.document = { currentScript: null, querySelector: () => ({ getAttribute: () => "fi" }) };
  const instances = new Map();
  const answers = [];
  for (const q of queries) {
    if (!instances.has(q.lang)) {
      globalThis.document.querySelector = () => ({ getAttribute: () => q.lang });
      const pf = await import(`${pathToFileURL(path.join(site, "pagefind/pagefind.js")).href}?lang=${q.lang}`);
      await pf.options({ basePath: `${origin}/pagefind/` });
      await pf.init();
      instances.set(q.lang, pf);
    }
    const r = await instances.get(q.lang).search(q.query);
    const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    answers.push(pages(data.map((d) => d.url)));
  }
  server.close();
  return answers;
}

function score(answers) {
  const rows = queries.map((q, i) => {
    const got = answers[i];
    const rank = got.slice(0, 10).findIndex((p) => q.relevant.includes(p));
    return { q, got, rank, zero: got.length === 0 };
  });
  const summarise = (subset) => {
    const n = subset.length;
    const mean = (f) => (n === 0 ? NaN : subset.reduce((s, r) => s + f(r), 0) / n);
    return {
      n,
      success1: mean((r) => (r.rank === 0 ? 1 : 0)),
      success3: mean((r) => (r.rank >= 0 && r.rank < 3 ? 1 : 0)),
      mrr10: mean((r) => (r.rank >= 0 ? 1 / (r.rank + 1) : 0)),
      zero: mean((r) => (r.zero ? 1 : 0)),
    };
  };
  const groups = { all: rows };
  for (const r of rows) {
    (groups[r.q.lang] ??= []).push(r);
    (groups[`kind:${r.q.kind}`] ??= []).push(r);
  }
  const summary = Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, summarise(v)]));
  return { rows, summary };
}

const engines = { tuloskortti: await runOurs() };
if (withPagefind) engines.pagefind = await runPagefind();
const scored = Object.fromEntries(Object.entries(engines).map(([name, answers]) => [name, score(answers)]));

const f = (x) => (Number.isNaN(x) ? "-" : x.toFixed(2));
const keys = Object.keys(scored.tuloskortti.summary);
const names = Object.keys(scored);
console.log(`judged queries: ${queries.length}, site: ${path.basename(site)}`);
console.log(`| set | n | ${names.map((e) => `${e} s@1 | s@3 | MRR@10 | zero`).join(" | ")} |`);
console.log(`| --- | --- | ${names.map(() => "--- | --- | --- | ---").join(" | ")} |`);
for (const k of keys) {
  const cells = names.map((e) => {
    const s = scored[e].summary[k];
    return `${f(s.success1)} | ${f(s.success3)} | ${f(s.mrr10)} | ${f(s.zero)}`;
  });
  console.log(`| ${k} | ${scored.tuloskortti.summary[k].n} | ${cells.join(" | ")} |`);
}
if (showMisses) {
  for (const e of names) {
    for (const r of scored[e].rows) {
      if (r.rank !== 0) console.log(`${e} miss ${r.q.id} [${r.q.kind}] ${JSON.stringify(r.q.query)} -> ${r.got[0] ?? "(nothing)"} (want ${r.q.relevant[0]})`);
    }
  }
}
if (out) writeFileSync(out, JSON.stringify(Object.fromEntries(names.map((e) => [e, scored[e].summary])), null, 1));

if (floorFile) {
  const floor = JSON.parse(readFileSync(floorFile, "utf8"));
  let failures = 0;
  for (const [set, limits] of Object.entries(floor)) {
    const s = scored.tuloskortti.summary[set];
    for (const [metric, limit] of Object.entries(limits)) {
      const value = s?.[metric];
      const bad = metric === "zero" ? !(value <= limit) : !(value >= limit);
      if (bad) {
        failures += 1;
        console.error(`FAIL relevance ${set} ${metric}: ${f(value)} against the floor ${limit}`);
      }
    }
  }
  if (failures > 0) process.exit(1);
  console.log("relevance floor: held");
}
