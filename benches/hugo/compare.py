#!/usr/bin/env python3
"""Check that two builds of the same corpus are the same site.

    python3 benches/hugo/compare.py TULOSKORTTI_OUT HUGO_OUT [--show N]

For every HTML page: is it in both outputs (by path), and is its visible text
the same (the words of the page, tags and whitespace left out) and do its
links point to the same places (resolved against the page; the feed and the
data downloads, which the tools name differently, are mapped by RENAMES)?
Are its inline SVG charts the same, byte for byte? Prints a
table per kind of page and the first differences of each kind. Exit code 0
always: this is a report.
"""

import re
import sys
from collections import Counter, defaultdict
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath, join, dirname


# Files that the two tools name differently: Hugo's name -> tuloskortti's.
RENAMES = [
    (re.compile(r"^(\w\w)/updates/index\.xml$"), r"\1/updates/atom.xml"),
    (re.compile(r"^fi/index\.json$"), "data/tuloskortti.json"),
    (re.compile(r"^fi/([^/]+)/([^/]+)/index\.(json|csv)$"), r"data/\1/\2.\3"),
]


def canonical(href):
    href = href.strip("/")
    for pattern, replacement in RENAMES:
        href = pattern.sub(replacement, href)
    return href


class Text(HTMLParser):
    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.words = []
        self.links = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg", "head"):
            self.skip += 1
        if tag == "a" and not self.skip:
            href = dict(attrs).get("href") or ""
            if href and not href.startswith(("#", "mailto:", "http:", "https:")):
                href = href.split("#")[0]
                if not href.startswith("/"):
                    href = normpath(join(dirname(self.page), href))
                href = canonical(href.removesuffix("/index.html").removesuffix("/."))
            self.links.append(href)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg", "head") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.words.extend(data.split())


def kind(path):
    parts = path.split("/")
    if len(parts) < 3:
        return "root"
    lang, rest = parts[0], parts[1:-1]
    if not rest:
        return "404" if parts[-1] == "404.html" else "home"
    if rest[0] == "updates":
        return "updates list" if len(rest) == 1 else "update"
    if rest[0] == "metrics":
        return "metric"
    if rest[0] == "search":
        return "search (A-Z list)"
    if len(rest) == 1:
        return "organisation or static page"
    return {2: "scorecard", 3: "goal"}.get(len(rest), "other")


CHART = re.compile(r'<svg class="chart.*?</svg>', re.S)


def read(root, path):
    parser = Text(path)
    html = (root / path).read_text(encoding="utf-8")
    parser.feed(html)
    parser.charts = [unescape(c) for c in CHART.findall(html)]  # Go escapes "+" as &#43;
    return parser


def main():
    a, b = Path(sys.argv[1]), Path(sys.argv[2])
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 2
    pages_a = {str(p.relative_to(a)) for p in a.rglob("*.html")}
    pages_b = {str(p.relative_to(b)) for p in b.rglob("*.html")}
    rows = defaultdict(Counter)
    examples = defaultdict(list)
    for path in sorted(pages_a | pages_b):
        k = kind(path)
        if path not in pages_b:
            rows[k]["only tuloskortti"] += 1
            continue
        if path not in pages_a:
            rows[k]["only Hugo"] += 1
            continue
        rows[k]["both"] += 1
        ta, tb = read(a, path), read(b, path)
        same_text = ta.words == tb.words
        same_links = sorted(ta.links) == sorted(tb.links)
        rows[k]["same text"] += same_text
        rows[k]["same links"] += same_links
        same_charts = ta.charts == tb.charts
        rows[k]["same charts"] += same_charts
        rows[k]["charts"] += len(ta.charts)
        if (not same_text or not same_links or not same_charts) and len(examples[k]) < show:
            i = next((i for i, (x, y) in enumerate(zip(ta.words, tb.words)) if x != y), min(len(ta.words), len(tb.words)))
            note = f"{path}: words {len(ta.words)} / {len(tb.words)}"
            if not same_text:
                note += f"; first difference at word {i}:\n    tuloskortti: {' '.join(ta.words[max(0, i - 8):i + 12])}\n    Hugo:        {' '.join(tb.words[max(0, i - 8):i + 12])}"
            if not same_links:
                da, db = Counter(ta.links), Counter(tb.links)
                note += f"\n    links only in tuloskortti: {list((da - db).elements())[:4]}; only in Hugo: {list((db - da).elements())[:4]}"
            if not same_charts:
                diff = next((x, y) for x, y in zip(ta.charts + [""], tb.charts + [""]) if x != y)
                note += f"\n    charts {len(ta.charts)} / {len(tb.charts)}; first different:\n    tuloskortti: {diff[0][:300]}\n    Hugo:        {diff[1][:300]}"
            examples[k].append(note)
    print(f"{'kind':30} {'both':>6} {'only tk':>8} {'only Hugo':>10} {'same text':>10} {'same links':>11} {'same charts':>12} {'charts':>7}")
    total = Counter()
    for k in sorted(rows):
        r = rows[k]
        total.update(r)
        print(f"{k:30} {r['both']:6} {r['only tuloskortti']:8} {r['only Hugo']:10} {r['same text']:10} {r['same links']:11} {r['same charts']:12} {r['charts']:7}")
    print(f"{'all':30} {total['both']:6} {total['only tuloskortti']:8} {total['only Hugo']:10} {total['same text']:10} {total['same links']:11} {total['same charts']:12} {total['charts']:7}")
    for k, notes in examples.items():
        print(f"\n-- {k}")
        for n in notes:
            print("  " + n)


if __name__ == "__main__":
    main()
