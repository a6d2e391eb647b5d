#!/usr/bin/env python3
"""Link check of a built tuloskortti site (Python 3.11, standard library only).

Usage: python3 tests/quality/links.py SITE_DIR BASE_URL

For every .html file under SITE_DIR it reads the URLs of a, area, link, img,
script, source, iframe, video, audio, form (action, formaction), srcset and
<meta http-equiv="refresh">, and checks every internal reference:

- relative ("../sv/"), root-relative ("/assets/x.css") or absolute under
  BASE_URL ("https://tavoitteet.example.fi/sv/"): the target must be a file in
  SITE_DIR; a folder stands for its index.html;
- a #fragment, on the same page or another page, must be an id (or <a name>)
  in the target page;
- mailto:, tel:, data: and http(s) addresses of other hosts are not checked.

Then every page is checked to be reachable by following <a>/<area> links and
<form> actions from its language's home page /{lang}/ through pages of the
same language only. The 404 pages and the root redirect /index.html are
exempt; a page outside every language folder must be reachable from some
language's pages.

Prints each broken link and unreachable page, then
`links: N pages, M links checked, K broken, U unreachable`; exit 1 on any
problem, 2 on usage errors.
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from collections import deque
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

# (tag, attribute) pairs whose values are URLs.
URL_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "button": ("formaction",),
    "input": ("formaction",),
}
SRCSET_TAGS = {"img", "source"}
NAV_TAGS = {"a", "area", "form", "button", "input"}  # links and forms a person can follow
SKIP_SCHEMES = ("mailto:", "tel:", "data:", "sms:", "geo:")
LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, int]] = []  # (tag, url, line)
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v if v is not None else "") for k, v in attrs}
        line = self.getpos()[0]
        if "id" in a and a["id"]:
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "base" and "href" in a and self.base is None:
            self.base = a["href"].strip()
        for attr in URL_ATTRS.get(tag, ()):
            if attr in a:
                self.refs.append((tag, a[attr].strip(), line))
        if tag in SRCSET_TAGS and a.get("srcset"):
            for candidate in a["srcset"].split(","):
                parts = candidate.strip().split()
                if parts:
                    self.refs.append((tag, parts[0], line))
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            m = re.search(r"url\s*=\s*['\"]?([^'\"]+)", a.get("content", ""), re.I)
            if m:
                self.refs.append(("meta", m.group(1).strip(), line))

    handle_startendtag = handle_starttag


def html_files(site: str) -> list[str]:
    """Site-relative paths ("fi/index.html") of every .html file, sorted."""
    out = []
    for root, dirs, files in os.walk(site):
        dirs.sort()
        for name in files:
            if name.endswith(".html"):
                rel = os.path.relpath(os.path.join(root, name), site)
                out.append(rel.replace(os.sep, "/"))
    return sorted(out)


def page_url(rel: str) -> str:
    """The URL path a page is served at: fi/x/index.html -> /fi/x/."""
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: links.py SITE_DIR BASE_URL", file=sys.stderr)
        return 2
    site = os.path.abspath(argv[1])
    base_url = argv[2]
    if not base_url.endswith("/"):
        base_url += "/"
    if not os.path.isdir(site):
        print(f"links: no such folder: {site}", file=sys.stderr)
        return 2
    base = urlsplit(base_url)
    base_path = base.path or "/"

    pages = html_files(site)
    if not pages:
        print(f"links: no .html files in {site}")
        return 1

    parsed: dict[str, PageParser] = {}
    for rel in pages:
        p = PageParser()
        with open(os.path.join(site, rel), encoding="utf-8", errors="replace") as f:
            p.feed(f.read())
        p.close()
        parsed[rel] = p

    ids_cache: dict[str, set[str]] = {rel: p.ids for rel, p in parsed.items()}

    def ids_of(rel: str) -> set[str] | None:
        if rel not in ids_cache:
            return None
        return ids_cache[rel]

    def resolve(page_rel: str, page_base: str, raw: str):
        """-> (None, None) for external/unchecked, or (target_rel|None, fragment, error)."""
        url = raw.strip()
        if url == "":
            return ("check", page_rel, None, "empty URL")
        low = url.lower()
        if low.startswith(SKIP_SCHEMES):
            return ("skip", None, None, None)
        if low.startswith("javascript:"):
            return ("check", page_rel, None, "javascript: URL")
        if url.startswith("#"):
            frag = unquote(url[1:])
            return ("check", page_rel, frag or None, None)
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//"):
            if parts.scheme not in ("", "http", "https"):
                return ("skip", None, None, None)
            if parts.netloc.lower() != base.netloc.lower():
                return ("skip", None, None, None)
            if parts.scheme and parts.scheme != base.scheme:
                return ("check", None, None, f"wrong scheme (base URL is {base.scheme}://)")
            path = parts.path or "/"
            if not path.startswith(base_path):
                return ("check", None, None, f"outside the base URL {base_url}")
            site_path = "/" + path[len(base_path):]
        else:
            joined = urljoin("http://site" + page_base, url)
            site_path = urlsplit(joined).path
            # a root-relative link ("/assets/...") is relative to the site root
            if url.startswith("/") and base_path != "/" and site_path.startswith(base_path):
                site_path = "/" + site_path[len(base_path):]
        site_path = unquote(site_path)
        norm = posixpath.normpath(site_path)
        # urljoin drops '..' above the root silently; detect it on the raw path
        if not parts.scheme and not url.startswith("/"):
            depth = page_base.count("/") - 1
            for seg in parts.path.split("/"):
                if seg == "..":
                    depth -= 1
                    if depth < 0:
                        return ("check", None, None, "goes above the site root")
                elif seg not in ("", "."):
                    depth += 1
        rel = norm.lstrip("/")
        full = os.path.join(site, rel) if rel else site
        if os.path.isdir(full):
            rel = (rel + "/index.html") if rel else "index.html"
            full = os.path.join(site, rel)
        if not os.path.isfile(full):
            return ("check", None, None, "no such file")
        frag = unquote(parts.fragment) if parts.fragment else None
        return ("check", rel, frag, None)

    broken: list[str] = []
    checked = 0
    edges: dict[str, set[str]] = {rel: set() for rel in pages}

    for rel in pages:
        p = parsed[rel]
        page_base = page_url(rel)
        if p.base:
            page_base = urlsplit(urljoin("http://site" + page_base, p.base)).path
        for tag, url, line in p.refs:
            kind, target, frag, err = resolve(rel, page_base, url)
            if kind == "skip":
                continue
            checked += 1
            if err is None and frag is not None:
                ids = ids_of(target) if target.endswith(".html") else None
                if ids is None:
                    err = f"fragment #{frag} points into a non-HTML file"
                elif frag not in ids and frag.lower() != "top":
                    err = f"no element with id=\"{frag}\" in /{target}"
            if err is not None:
                broken.append(f"BROKEN  /{rel}:{line}  <{tag}> {url!r}: {err}")
                continue
            if tag in NAV_TAGS and target.endswith(".html"):
                edges[rel].add(target)

    # Reachability per language, through pages of that language only.
    languages = sorted(
        d for d in os.listdir(site)
        if LANG_RE.match(d) and os.path.isfile(os.path.join(site, d, "index.html"))
    )

    def lang_of(rel: str) -> str | None:
        first = rel.split("/", 1)[0]
        return first if "/" in rel and first in languages else None

    def exempt(rel: str) -> bool:
        return rel == "index.html" or posixpath.basename(rel) == "404.html"

    reached_by_lang: dict[str, set[str]] = {}
    reached_any: set[str] = set()
    for lang in languages:
        home = f"{lang}/index.html"
        seen = {home}
        queue = deque([home])
        while queue:
            cur = queue.popleft()
            for nxt in sorted(edges.get(cur, ())):
                reached_any.add(nxt)
                if nxt not in seen and lang_of(nxt) == lang:
                    seen.add(nxt)
                    queue.append(nxt)
        reached_by_lang[lang] = seen
        reached_any |= seen

    unreachable: list[str] = []
    for rel in pages:
        if exempt(rel):
            continue
        lang = lang_of(rel)
        if lang is not None:
            if rel not in reached_by_lang[lang]:
                unreachable.append(
                    f"UNREACHABLE  {page_url(rel)}  (no chain of links from /{lang}/ "
                    f"through {lang} pages leads here)"
                )
        elif rel not in reached_any:
            unreachable.append(f"UNREACHABLE  {page_url(rel)}  (not linked from any language's pages)")

    for line in broken:
        print(line)
    for line in unreachable:
        print(line)
    if not languages:
        print("links: no language folders (/{lang}/index.html) found")
    print(
        f"links: {len(pages)} pages, {checked} links checked, "
        f"{len(broken)} broken, {len(unreachable)} unreachable"
    )
    return 1 if (broken or unreachable or not languages) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
