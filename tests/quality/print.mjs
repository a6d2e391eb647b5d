#!/usr/bin/env node
// Print gate: prints scorecard pages of the built site to PDF (A4) in
// Debian's Chromium, as a resident's browser would, and checks that each
// takes at most --max-pages pages and that every printed page names the
// scorecard (its <h1>, in the running head). The PDFs, and each page as a
// PNG (pdftoppm), go to OUT/print/ for people to look at.
//
//   node tests/quality/print.mjs --site DIR --out DIR --max-pages 12 /fi/kemijarvi/2025-asuminen-ja-ymparisto/ ...
//
// Needs pdfinfo, pdftotext and pdftoppm (Debian's poppler-utils).

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchChromium, serve } from './serve.mjs';

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const site = path.resolve(option('--site') || 'target/quality-site');
const out = path.resolve(option('--out') || 'target/quality-output');
const maxPages = Number(option('--max-pages') || 12);
const urls = args;
if (!urls.length) { console.error('usage: node print.mjs --site DIR --out DIR [--max-pages N] /path/ ...'); process.exit(2); }

const server = await serve(site);
const origin = `http://127.0.0.1:${server.address().port}`;

const dir = path.join(out, 'print');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage();
const problems = [];
for (const url of urls) {
  await page.goto(origin + url, { waitUntil: 'load' });
  // Compared as words: the running head punctuates the name its own way.
  const words = (t) => t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const name = words(await page.locator('h1').first().textContent());
  const base = url.replace(/^\/|\/$/g, '').replace(/\//g, '-');
  const pdf = path.join(dir, `${base}.pdf`);
  await page.pdf({ path: pdf, printBackground: true, preferCSSPageSize: true });
  const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
  const unnamed = [];
  for (let i = 1; i <= pages; i++) {
    const text = words(execFileSync('pdftotext', ['-f', String(i), '-l', String(i), pdf, '-'], { encoding: 'utf8' }));
    if (!text.includes(name)) unnamed.push(i);
  }
  execFileSync('pdftoppm', ['-r', '50', '-png', pdf, path.join(dir, base)]);
  console.log(`print: ${url} ${pages} A4 pages (at most ${maxPages}); "${name}" on ${pages - unnamed.length} of them`);
  if (pages > maxPages) problems.push(`${url}: ${pages} pages, more than ${maxPages}`);
  if (unnamed.length) problems.push(`${url}: pages ${unnamed.join(', ')} do not name "${name}"`);
}
await browser.close();
server.close();
for (const p of problems) console.log(`PRINT  ${p}`);
console.log(`print: ${urls.length} pages printed into ${dir}, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
