#!/usr/bin/env node
// Accessibility gate of the built tuloskortti site (Node 20, ES module).
//
//   node tests/quality/a11y.mjs --site DIR --out DIR [--jobs N]
//
// Serves DIR on 127.0.0.1 (an ephemeral port), opens Debian's Chromium through
// playwright-core (one browser, one context) and:
//   1. runs axe-core (WCAG 2.0/2.1 A and AA rules) on every .html file;
//   2. walks the home page and one scorecard page (a page /{lang}/*/*/ with a
//      <table>) of each language with the Tab key, at 1280 and at 320 px: the
//      skip link and every link of the language switcher (nav.languages a) must
//      be reached, focus must never get stuck or cycle, every focused element
//      must be on screen with a visible focus indicator, and the skip link must
//      move focus to its target;
//   3. takes full-page screenshots of those pages at 320 and 1280 px into
//      OUT/screenshots/ and checks that nothing overflows horizontally at 320 px;
//      the same for each page named by --screenshot LANG-NAME=/path/
//      (OUT/screenshots/LANG-NAME-WIDTH.png), for people to look at.
//   4. on every scorecard, goal and metric page with a table or a chart, at
//      320 and 1280 px: every table cell is on screen whole and not cut off by
//      a scrolling or clipping box, and (at 320 px) every chart text is drawn
//      at 12 CSS px or more (its font size times the SVG's scale);
//   5. on every scorecard page that offers it, the view of only the goals at
//      risk or not achieved (#filter-concerns, CSS only) shows those goals and
//      no other, as many as its link says;
//   6. every page again under its own Content-Security-Policy, enforced: the
//      policy is strict and nothing on the page violates it.
// Writes OUT/a11y-report.json, prints every problem and the summary line
// `axe: N pages checked, M violations`; exits 1 on any problem, 2 on usage
// errors. Environment: CHROMIUM (default /usr/bin/chromium),
// A11Y_JOBS (pages checked at once, default 3), A11Y_DEADLINE (seconds, default 540).

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { launchChromium, serve } from './serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [320, 1280];
const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const started = Date.now();

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const args = { site: null, out: null, jobs: Number(process.env.A11Y_JOBS || 3), shots: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--site') args.site = value();
    else if (a === '--out') args.out = value();
    else if (a === '--jobs') args.jobs = Number(value());
    else if (a === '--screenshot') {
      const m = /^([a-z]{2,3})-([a-z0-9-]+)=(\/.*\/)$/.exec(value());
      if (!m) usage('--screenshot takes LANG-NAME=/path/, e.g. fi-kemijarvi=/fi/kemijarvi/2025-asuminen-ja-ymparisto/');
      args.shots.push({ lang: m[1], kind: m[2], url: m[3] });
    }
    else if (a.startsWith('--site=')) args.site = a.slice(7);
    else if (a.startsWith('--out=')) args.out = a.slice(6);
    else if (a === '-h' || a === '--help') usage(null, 0);
    else usage(`unknown argument ${a}`);
  }
  if (!args.site || !args.out) usage('--site and --out are required');
  if (!Number.isInteger(args.jobs) || args.jobs < 1) usage('--jobs must be a positive integer');
  return args;
}

function usage(message, code = 2) {
  if (message) console.error(`a11y: ${message}`);
  console.error('usage: node a11y.mjs --site DIR --out DIR [--jobs N] [--screenshot LANG-NAME=/path/ ...]');
  process.exit(code);
}

// ---------------------------------------------------------------- files

function htmlFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

// fi/x/index.html -> /fi/x/
function urlPath(rel) {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return '/' + rel.slice(0, -'index.html'.length);
  return '/' + rel;
}

// ---------------------------------------------------------------- helpers

const failures = []; // every problem: { kind, page, message }
const reported = new Set();
function fail(kind, page, message) {
  const key = `${kind}\u0000${page}\u0000${message}`;
  if (reported.has(key)) return;
  reported.add(key);
  failures.push({ kind, page, message });
  console.log(`${kind.toUpperCase()}  ${page}  ${message}`);
}

function snippet(html, max = 140) {
  const s = String(html || '').replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// Records what went wrong while a page loaded: JS errors and failed requests.
function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`JavaScript error: ${snippet(e.message, 200)}`));
  // The icon loads last, at low priority; the next page's navigation may
  // cancel it, which is no fault of the page.
  const cancelledIcon = (r) => r.failure()?.errorText === 'net::ERR_ABORTED' && /\/favicon\.(ico|svg)$/.test(new URL(r.url()).pathname);
  page.on('requestfailed', (r) => blockedRequests.has(r) || cancelledIcon(r) || problems.push(`request failed: ${new URL(r.url()).pathname} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (r.status() >= 400 && u.pathname !== '/favicon.ico') problems.push(`HTTP ${r.status()} for ${u.pathname}`);
  });
  return problems;
}

// Each page may navigate only where goto() sends it: a navigation the page
// starts by itself (the root redirect's <meta http-equiv="refresh">) is
// aborted, so that the page that was asked for is the one checked.
const navigationsAllowed = new WeakMap();
const blockedRequests = new WeakSet();
async function guardNavigation(page) {
  navigationsAllowed.set(page, 0);
  await page.route('**/*', (route) => {
    const req = route.request();
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      const left = navigationsAllowed.get(page) || 0;
      if (left <= 0) {
        blockedRequests.add(req);
        return route.abort('aborted');
      }
      navigationsAllowed.set(page, left - 1);
    }
    return route.continue();
  });
}

async function load(page, url) {
  navigationsAllowed.set(page, 1);
  const resp = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  navigationsAllowed.set(page, 0);
  return resp ? resp.status() : 0;
}

// ---------------------------------------------------------------- axe

async function axePage(page, origin, rel, axeSource, problems) {
  const url = urlPath(rel);
  problems.length = 0;
  const status = await load(page, origin + url);
  // 404 pages are served with status 404 by real hosts, but here they are files.
  if (status !== 200) fail('load', url, `HTTP status ${status}`);
  for (const p of problems.splice(0)) fail('load', url, p);
  await page.addScriptTag({ content: axeSource });
  const result = await withTimeout(page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    const slim = (list) => list.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.map((n) => ({
        target: n.target, html: n.html, impact: n.impact, failureSummary: n.failureSummary,
        messages: [...n.any, ...n.all, ...n.none].map((c) => c.message),
      })),
    }));
    return { violations: slim(r.violations), incomplete: slim(r.incomplete) };
  }, AXE_TAGS), 60000, 'axe.run');
  return { url, ...result };
}

function printViolation(url, v) {
  console.log(`VIOLATION  ${url}  ${v.id} [${v.impact}]  ${v.help}`);
  console.log(`    ${v.helpUrl}`);
  for (const n of v.nodes) {
    console.log(`  - target: ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ')}`);
    console.log(`    html:   ${snippet(n.html)}`);
    const msg = n.messages.filter(Boolean)[0];
    if (msg) console.log(`    why:    ${snippet(msg, 300)}`);
  }
}

// ---------------------------------------------------------------- keyboard

// Runs in the page: marks every element that should be reachable with Tab.
function markTabbables() {
  const sel = 'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls], [contenteditable]:not([contenteditable="false"]), [tabindex]';
  const list = [];
  for (const el of document.querySelectorAll(sel)) {
    if (el.tabIndex < 0 || el.disabled || el.closest('[inert]')) continue;
    if (el.type === 'hidden') continue;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) continue;
    if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') continue;
    list.push(el);
  }
  window.__kb = { list, index: new Map(list.map((el, i) => [el, i])) };
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList.length) s += '.' + [...el.classList].join('.');
    const href = el.getAttribute('href');
    if (href !== null) s += `[href="${href}"]`;
    const text = (el.innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
    if (text) s += ` "${text.slice(0, 40)}"`;
    return s;
  };
  window.__kbDescribe = describe;
  const skip = document.querySelector('a.skip-link') || document.querySelector('a[href="#main"], a[href="#content"], a[href="#main-content"]');
  return {
    count: list.length,
    languageLinks: [...document.querySelectorAll('nav.languages a')].map((el) => ({ index: window.__kb.index.get(el) ?? -1, desc: describe(el) })),
    skip: skip ? { index: window.__kb.index.get(skip) ?? -1, desc: describe(skip), href: skip.getAttribute('href') } : null,
  };
}

// Runs in the page: what has focus now, and can a person see it.
function focusInfo() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { none: true };
  const cs = getComputedStyle(el);
  const transparent = (c) => /^rgba\(.*,\s*0\)$/.test(c) || c === 'transparent';
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !transparent(cs.outlineColor);
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  const onScreen = r.width >= 2 && r.height >= 2 && r.right > 0 && r.bottom > 0 &&
    r.left < window.innerWidth && r.top < window.innerHeight;
  return {
    none: false,
    index: window.__kb.index.get(el) ?? -1,
    desc: window.__kbDescribe(el),
    indicator: Boolean(outline || shadow),
    style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`,
    onScreen,
    rect: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`,
  };
}

async function keyboardCheck(page, origin, url, width, problems) {
  const where = `${url} @${width}px`;
  const result = { url, width, focused: [], ok: true };
  const problem = (msg) => { result.ok = false; fail('keyboard', where, msg); };
  problems.length = 0;
  await page.setViewportSize({ width, height: 800 });
  await load(page, origin + url);
  const info = await page.evaluate(markTabbables);
  const maxTabs = Math.min(info.count + 20, 600);
  const seen = new Set();
  let previous = null;
  let first = null;
  let left = false;
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusInfo);
    if (f.none) { left = true; break; }
    const key = f.index >= 0 ? f.index : `?${f.desc}`;
    if (previous !== null && key === previous) { problem(`focus is stuck on ${f.desc}: Tab does not move it`); break; }
    if (seen.has(key)) {
      if (key === first && seen.size >= info.count) { left = true; break; } // wrapped around: fine
      problem(`focus cycles back to ${f.desc} after ${seen.size} elements (of ${info.count}): a keyboard trap`);
      break;
    }
    if (first === null) first = key;
    seen.add(key);
    previous = key;
    result.focused.push(f.desc);
    if (!f.indicator) problem(`no visible focus indicator on ${f.desc} (${f.style}); give it an outline or box-shadow on :focus-visible`);
    if (!f.onScreen) problem(`focused element ${f.desc} is not on screen (rect ${f.rect}); it must become visible when focused`);
  }
  if (!left && result.ok) problem(`Tab was pressed ${maxTabs} times and focus never left the page (${info.count} tabbable elements)`);
  if (!info.skip) problem('no skip link (a.skip-link or a[href="#main"]) on the page');
  else if (!seen.has(info.skip.index)) problem(`the skip link ${info.skip.desc} is never reached with Tab`);
  else if (first !== info.skip.index) problem(`the skip link ${info.skip.desc} is not the first element Tab reaches (first is ${result.focused[0]})`);
  if (info.languageLinks.length === 0) problem('no language switcher links (nav.languages a) on the page');
  for (const l of info.languageLinks) {
    if (l.index < 0 || !seen.has(l.index)) problem(`language switcher link ${l.desc} is never reached with Tab`);
  }
  const unreached = info.count - [...seen].filter((k) => typeof k === 'number').length;
  if (result.ok && unreached > 0) {
    const missing = await page.evaluate((seenIdx) => window.__kb.list
      .filter((_, i) => !seenIdx.includes(i)).slice(0, 5).map(window.__kbDescribe), [...seen].filter((k) => typeof k === 'number'));
    problem(`${unreached} focusable element(s) never reached with Tab, e.g. ${missing.join('; ')}`);
  }

  // The skip link must move focus (or the sequential focus start point) to its target.
  if (info.skip && info.skip.href && info.skip.href.startsWith('#')) {
    await load(page, origin + url);
    await page.keyboard.press('Tab');
    const onSkip = await page.evaluate(() => document.activeElement?.matches('a.skip-link, a[href="#main"], a[href="#content"], a[href="#main-content"]'));
    if (onSkip) {
      await page.keyboard.press('Enter');
      const id = decodeURIComponent(info.skip.href.slice(1));
      let moved = await page.evaluate((id) => {
        const t = document.getElementById(id);
        return Boolean(t && (document.activeElement === t || t.contains(document.activeElement)));
      }, id);
      if (!moved) {
        await page.keyboard.press('Tab');
        moved = await page.evaluate((id) => {
          const t = document.getElementById(id);
          const a = document.activeElement;
          return Boolean(t && a && a !== document.body && (t.contains(a) || (t.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)));
        }, id);
      }
      if (!moved) problem(`activating the skip link ${info.skip.desc} does not move focus to #${id}`);
    }
  }
  for (const p of problems.splice(0)) fail('load', where, p);
  return result;
}

// ---------------------------------------------------------------- screenshots and overflow

function overflowInfo(limit) {
  const vw = document.documentElement.clientWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  const culprits = [];
  if (scrollWidth > limit) {
    const root = document.documentElement;
    // The element that an element is positioned against (CSS containing block).
    const containingBlock = (n) => {
      const pos = getComputedStyle(n).position;
      if (pos === 'fixed') return null;
      if (pos !== 'absolute') return n.parentElement;
      for (let p = n.parentElement; p; p = p.parentElement) {
        const cs = getComputedStyle(p);
        if (p === root || cs.position !== 'static' || cs.transform !== 'none' || cs.contain.includes('layout') || cs.contain.includes('paint')) return p;
      }
      return root;
    };
    // Is the element clipped by a scrolling or clipping box (overflow-x not visible)?
    const clipped = (el) => {
      for (let n = el; n && n !== root;) {
        const c = containingBlock(n);
        if (!c) return true; // fixed: never widens the page
        if (c !== root && c !== document.body && getComputedStyle(c).overflowX !== 'visible') return true;
        n = c;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && !clipped(el)) {
        if (culprits.some((c) => c.el.contains(el))) continue; // keep the outermost offenders
        let s = el.tagName.toLowerCase();
        if (el.id) s += '#' + el.id;
        if (el.classList.length) s += '.' + [...el.classList].join('.');
        const cls = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
        const path = [];
        for (let p = el.parentElement; p && p !== document.body && path.length < 4; p = p.parentElement) path.unshift(cls(p));
        culprits.push({ el, desc: `${path.join(' > ')} > ${s} "${(el.textContent || '').trim().slice(0, 30)}" (position: ${getComputedStyle(el).position}; right edge at ${Math.round(r.right)} px)` });
        if (culprits.length >= 5) break;
      }
    }
  }
  return { scrollWidth, clientWidth: vw, culprits: culprits.map((c) => c.desc) };
}

async function screenshotAndOverflow(page, origin, lang, kind, url, width, outDir, problems) {
  const where = `${url} @${width}px`;
  problems.length = 0;
  await page.setViewportSize({ width, height: 800 });
  await load(page, origin + url);
  const file = path.join(outDir, 'screenshots', `${lang}-${kind}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const result = { url, width, screenshot: path.relative(outDir, file) };
  if (width === 320) {
    const o = await page.evaluate(overflowInfo, 320 + 1);
    result.scrollWidth = o.scrollWidth;
    if (o.scrollWidth > 320 + 1) {
      fail('overflow', where, `the page is ${o.scrollWidth} px wide at a 320 px viewport (horizontal scrolling); widest: ${o.culprits.join('; ') || 'unknown'}`);
    }
  }
  for (const p of problems.splice(0)) fail('load', where, p);
  return result;
}

// ---------------------------------------------------------------- readable on a phone

// In the page: table cells that a reader cannot see whole (outside the
// viewport, or cut off by a scrolling or clipping ancestor), and chart
// text drawn smaller than `minText` CSS px (font size times the SVG's scale).
function readability(minText) {
  const vw = document.documentElement.clientWidth;
  const root = document.documentElement;
  // Not drawn, or kept for screen readers only (a box of 1 px).
  const hidden = (el) => {
    if (!el.getClientRects().length) return true;
    for (let p = el; p && p !== root; p = p.parentElement) {
      const r = p.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return true;
    }
    return false;
  };
  const name = (el) => `${el.tagName.toLowerCase()} "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
  const cells = [];
  for (const cell of document.querySelectorAll('main td, main th')) {
    if (hidden(cell)) continue;
    const r = cell.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    if (r.left < -1 || r.right > vw + 1) { cells.push(`${name(cell)} spans ${Math.round(r.left)}-${Math.round(r.right)} px`); continue; }
    for (let p = cell.parentElement; p && p !== root; p = p.parentElement) {
      const cs = getComputedStyle(p);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      const pr = p.getBoundingClientRect();
      if (r.left < pr.left - 1 || r.right > pr.right + 1) {
        cells.push(`${name(cell)} cut off by ${p.tagName.toLowerCase()}.${[...p.classList].join('.')} (cell ${Math.round(r.left)}-${Math.round(r.right)}, box ${Math.round(pr.left)}-${Math.round(pr.right)} px)`);
        break;
      }
    }
  }
  const texts = [];
  let measured = 0;
  for (const t of document.querySelectorAll('main svg text')) {
    if (!t.getClientRects().length || !t.textContent.trim()) continue;
    const m = t.getScreenCTM();
    const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    measured++;
    if (size < minText - 0.05) texts.push(`"${t.textContent.trim().slice(0, 30)}" ${size.toFixed(1)} px`);
  }
  return { cells, texts, measured };
}

async function readabilityCheck(page, origin, url, width, problems) {
  const where = `${url} @${width}px`;
  problems.length = 0;
  await page.setViewportSize({ width, height: 800 });
  await load(page, origin + url);
  const r = await page.evaluate(readability, 12);
  if (r.cells.length) fail('phone', where, `${r.cells.length} table cell(s) not readable whole: ${r.cells.slice(0, 4).join('; ')}`);
  if (width === 320 && r.texts.length) fail('phone', where, `${r.texts.length} of ${r.measured} chart text(s) under 12 px: ${r.texts.slice(0, 4).join('; ')}`);
  for (const p of problems.splice(0)) fail('load', where, p);
  return { url, width, cells: r.cells.length, smallTexts: width === 320 ? r.texts.length : 0, texts: r.measured };
}

// In the page, at #filter-concerns: the goals still shown, and whether each
// is one the filter keeps; and the count the link promised.
function filtered() {
  const shown = [...document.querySelectorAll('article.goal')].filter((g) => g.getClientRects().length);
  const link = document.querySelector('a.filter-on');
  return {
    shown: shown.length,
    others: shown.filter((g) => !g.classList.contains('concern')).map((g) => g.id),
    promised: Number((link?.textContent.match(/\((\d+)\)/) || [])[1]),
  };
}

async function filterCheck(page, origin, url, problems) {
  problems.length = 0;
  await page.setViewportSize({ width: 1280, height: 800 });
  await load(page, origin + url + '#filter-concerns');
  const r = await page.evaluate(filtered);
  if (r.others.length) fail('filter', url, `#filter-concerns still shows goals it should hide: ${r.others.join(', ')}`);
  if (r.shown !== r.promised) fail('filter', url, `#filter-concerns shows ${r.shown} goals; its link says ${r.promised}`);
  for (const p of problems.splice(0)) fail('load', url, p);
  return { url, shown: r.shown };
}

// ---------------------------------------------------------------- main

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const site = path.resolve(args.site);
  const outDir = path.resolve(args.out);
  const deadlineMs = Number(process.env.A11Y_DEADLINE || 540) * 1000;
  if (!fs.existsSync(site) || !fs.statSync(site).isDirectory()) usage(`no such folder: ${site}`);
  await fsp.rm(path.join(outDir, 'screenshots'), { recursive: true, force: true });
  await fsp.mkdir(path.join(outDir, 'screenshots'), { recursive: true });

  const pages = htmlFiles(site);
  if (pages.length === 0) {
    console.log(`a11y: no .html files in ${site}`);
    process.exit(1);
  }
  const languages = fs.readdirSync(site)
    .filter((d) => LANG_RE.test(d) && fs.existsSync(path.join(site, d, 'index.html')))
    .sort();

  // One scorecard page per language: a page /{lang}/*/*/ with a table, the one with most tables.
  const targets = [];
  for (const lang of languages) {
    targets.push({ lang, kind: 'home', url: `/${lang}/` });
    const re = new RegExp(`^${lang}/[^/]+/[^/]+/index\\.html$`);
    let best = null;
    for (const rel of pages.filter((p) => re.test(p))) {
      const tables = (fs.readFileSync(path.join(site, rel), 'utf8').match(/<table[\s>]/g) || []).length;
      if (tables > 0 && (!best || tables > best.tables)) best = { rel, tables };
    }
    if (best) targets.push({ lang, kind: 'scorecard', url: urlPath(best.rel) });
    else console.log(`note: no scorecard page (/${lang}/*/*/ with a table) yet; keyboard, screenshot and overflow checks of /${lang}/ cover the home page only`);
  }

  // Pages named on the command line: screenshots and the overflow check only.
  const shots = [];
  for (const shot of args.shots) {
    if (fs.existsSync(path.join(site, shot.url, 'index.html'))) shots.push(shot);
    else fail('missing', shot.url, `--screenshot names ${shot.url}, which the site does not have`);
  }

  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const axeVersion = require('axe-core/package.json').version;
  const server = await serve(site);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  // axe and the checks are scripts added to the page: this context lets them
  // past the pages' own Content-Security-Policy, which stage 6 checks.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce', bypassCSP: true });
  context.setDefaultTimeout(30000);
  console.log(`a11y: ${pages.length} pages from ${site}, served at ${origin}; Chromium ${browser.version()}, axe-core ${axeVersion}, ${args.jobs} at once`);

  const report = { site, axeVersion, chromium: browser.version(), tags: AXE_TAGS, pages: [], keyboard: [], screenshots: [], failures };
  let violations = 0;
  let violationNodes = 0;
  let checked = 0;
  const incompleteByRule = new Map();
  let timedOut = false;

  // 1. axe on every page, a few at once.
  const queue = [...pages];
  const worker = async () => {
    const page = await context.newPage();
    await guardNavigation(page);
    const problems = watch(page);
    while (queue.length) {
      if (Date.now() - started > deadlineMs) { timedOut = true; break; }
      const rel = queue.shift();
      try {
        const r = await axePage(page, origin, rel, axeSource, problems);
        checked++;
        report.pages.push(r);
        for (const v of r.violations) {
          violations++;
          violationNodes += v.nodes.length;
          failures.push({ kind: 'axe', page: r.url, message: `${v.id} (${v.nodes.length})` });
        }
        for (const v of r.incomplete) {
          const e = incompleteByRule.get(v.id) || { help: v.help, pages: 0, nodes: 0, example: null };
          e.pages++; e.nodes += v.nodes.length; e.example ||= `${r.url} ${v.nodes[0]?.target?.join(' ')}`;
          incompleteByRule.set(v.id, e);
        }
      } catch (e) {
        fail('error', urlPath(rel), `could not check the page: ${snippet(e.message, 300)}`);
      }
    }
    await page.close();
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: Math.min(args.jobs, pages.length) }, worker));
  const axeSeconds = (Date.now() - t0) / 1000;
  if (timedOut) fail('error', '-', `stopped after ${deadlineMs / 1000} s with ${queue.length} pages left unchecked (A11Y_DEADLINE)`);

  // 2 and 3. keyboard, screenshots and overflow on the chosen pages.
  const t1 = Date.now();
  const jobs = [];
  for (const t of targets) {
    for (const w of WIDTHS) {
      jobs.push(async (page, problems) => report.keyboard.push(await keyboardCheck(page, origin, t.url, w, problems)));
      jobs.push(async (page, problems) => report.screenshots.push(await screenshotAndOverflow(page, origin, t.lang, t.kind, t.url, w, outDir, problems)));
    }
  }
  // 4. every scorecard and goal page, readable whole at 320 px and at 1280 px.
  // Scorecard, goal and metric pages with their HTML, read once for stages 4 and 5.
  const pageHtml = new Map(pages
    .filter((p) => /^[a-z]{2,3}\/[^/]+\/[^/]+\/([^/]+\/)?index\.html$/.test(p))
    .map((p) => [p, fs.readFileSync(path.join(site, p), 'utf8')]));
  const readable = [...pageHtml.keys()].filter((p) => /<table[\s>]|<svg class="chart/.test(pageHtml.get(p)));
  report.readability = [];
  for (const rel of readable) {
    for (const w of WIDTHS) {
      jobs.push(async (page, problems) => report.readability.push(await readabilityCheck(page, origin, urlPath(rel), w, problems)));
    }
  }
  // 5. the "only goals at risk or not achieved" view, which needs no script.
  report.filters = [];
  for (const rel of readable.filter((p) => pageHtml.get(p).includes('class="filter-on"'))) {
    jobs.push(async (page, problems) => report.filters.push(await filterCheck(page, origin, urlPath(rel), problems)));
  }
  for (const t of shots) {
    for (const w of WIDTHS) {
      jobs.push(async (page, problems) => report.screenshots.push(await screenshotAndOverflow(page, origin, t.lang, t.kind, t.url, w, outDir, problems)));
    }
  }
  const kbWorker = async () => {
    const page = await context.newPage();
    await guardNavigation(page);
    const problems = watch(page);
    while (jobs.length) {
      if (Date.now() - started > deadlineMs) { timedOut = true; break; }
      const job = jobs.shift();
      try { await job(page, problems); } catch (e) { fail('error', '-', `keyboard/screenshot check failed: ${snippet(e.message, 300)}`); }
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: Math.min(args.jobs, jobs.length || 1) }, kbWorker));
  if (timedOut && jobs.length) fail('error', '-', `stopped after ${deadlineMs / 1000} s with ${jobs.length} keyboard/screenshot checks left (A11Y_DEADLINE)`);
  const kbSeconds = (Date.now() - t1) / 1000;

  // 6. every page under its own Content-Security-Policy (a <meta> of the
  // page, enforced): a strict policy is there, and nothing the page loads or
  // runs breaks it (the printed pages' running heads are allowed by hash).
  report.policy = { pages: 0, violations: 0 };
  const strict = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await strict.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI || 'inline'}`);
    });
  });
  const policyQueue = [...pages];
  const policyWorker = async () => {
    const page = await strict.newPage();
    await guardNavigation(page);
    const problems = watch(page);
    page.on('console', (m) => { if (m.text().startsWith('CSP violation')) problems.push(m.text()); });
    while (policyQueue.length) {
      const rel = policyQueue.shift();
      const url = urlPath(rel);
      problems.length = 0;
      try {
        await load(page, origin + url);
        const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
        if (!/default-src 'self'/.test(policy) || !/script-src 'self';/.test(policy) || /unsafe-inline|unsafe-eval/.test(policy)) {
          fail('policy', url, `no strict Content-Security-Policy: ${JSON.stringify(policy)}`);
        }
        await page.waitForTimeout(50);
        for (const p of problems.splice(0)) {
          report.policy.violations++;
          fail('policy', url, p);
        }
        report.policy.pages++;
      } catch (e) {
        fail('error', url, `policy check failed: ${snippet(e.message, 300)}`);
      }
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: Math.min(args.jobs, pages.length) }, policyWorker));
  await strict.close();
  console.log(`policy: ${report.policy.pages} pages under their own Content-Security-Policy, ${report.policy.violations} violations`);

  await context.close();
  await browser.close();
  server.close();

  if (incompleteByRule.size) {
    console.log('needs review (axe "incomplete", not counted as failures):');
    for (const [id, e] of [...incompleteByRule].sort()) {
      console.log(`  ${id}: ${e.nodes} element(s) on ${e.pages} page(s), e.g. ${e.example}  (${e.help})`);
    }
  }
  report.pages.sort((a, b) => a.url.localeCompare(b.url));
  // Every violation, page by page, then the same grouped by rule and element.
  const groups = new Map();
  for (const r of report.pages) {
    for (const v of r.violations) {
      printViolation(r.url, v);
      for (const n of v.nodes) {
        const key = `${v.id}\u0000${snippet(n.html, 100)}`;
        const g = groups.get(key) || { id: v.id, impact: v.impact, html: snippet(n.html, 100), why: n.messages.filter(Boolean)[0] || '', pages: [] };
        g.pages.push(r.url);
        groups.set(key, g);
      }
    }
  }
  if (groups.size) {
    console.log('axe violations by rule and element:');
    for (const g of [...groups.values()].sort((a, b) => b.pages.length - a.pages.length || a.id.localeCompare(b.id))) {
      const shown = g.pages.slice(0, 3).join(', ') + (g.pages.length > 3 ? `, … (+${g.pages.length - 3})` : '');
      console.log(`  ${g.id} [${g.impact}] on ${g.pages.length} page(s): ${g.html}`);
      console.log(`      ${snippet(g.why, 200)}`);
      console.log(`      pages: ${shown}`);
    }
  }
  await fsp.writeFile(path.join(outDir, 'a11y-report.json'), JSON.stringify(report, null, 1));

  const kbFailures = failures.filter((f) => f.kind === 'keyboard').length;
  const ovFailures = failures.filter((f) => f.kind === 'overflow').length;
  const other = failures.filter((f) => f.kind === 'load' || f.kind === 'error').length;
  console.log(`keyboard: ${report.keyboard.length} walks (${targets.length} pages x ${WIDTHS.length} widths), ${kbFailures} problems; ` +
    `overflow at 320 px: ${ovFailures} of ${targets.length + shots.length} pages; screenshots: ${report.screenshots.length} in ${path.join(outDir, 'screenshots')}`);
  const phone = failures.filter((f) => f.kind === 'phone');
  console.log(`readable: ${readable.length} scorecard and goal pages x ${WIDTHS.length} widths, ` +
    `${report.readability.reduce((n, r) => n + r.texts, 0)} chart texts measured; ${phone.length} problems`);
  console.log(`goal filter: ${report.filters.length} scorecard pages, ${failures.filter((f) => f.kind === 'filter').length} problems`);
  if (other) console.log(`load/errors: ${other} problems`);
  console.log(`a11y: axe ${axeSeconds.toFixed(1)} s, keyboard+screenshots ${kbSeconds.toFixed(1)} s, total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (violationNodes) console.log(`axe: the ${violations} violations concern ${violationNodes} elements`);
  console.log(`axe: ${checked} pages checked, ${violations} violations`);
  const ok = failures.length === 0 && checked === pages.length;
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(`a11y: ${e.stack || e}`);
  process.exit(1);
});
