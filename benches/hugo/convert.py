#!/usr/bin/env python3
"""Turn a tuloskortti site folder into a Hugo project that builds the same site.

    python3 benches/hugo/convert.py SITE_ROOT HUGO_DIR

SITE_ROOT has content/, i18n/ and themes/ as `tuloskortti build --root` reads
them. HUGO_DIR is written from scratch:

- data/: the scorecard, organisation, metric, network and site YAML files,
  byte for byte (Hugo parses the same YAML that tuloskortti parses);
- content/<lang>/_content.gotmpl: one content adapter per language, the same
  file three times, that creates the organisation, scorecard, goal, metric,
  search and accessibility pages from data/ at build time;
- content/<lang>/updates/*.md and content/<lang>/*.md: the news posts and
  static pages, Markdown with their front matter as written; a language that
  lacks a file gets the default language's text marked as a fallback, as
  tuloskortti shows it;
- i18n/<lang>.yaml: the theme's Fluent UI strings as Hugo translations (Go
  templates), so both tools print the same words;
- layouts/ and hugo.yaml from benches/hugo/site/, static/assets/style.css
  from the theme.

Standard library only: the YAML files are copied, not parsed; site.yaml is
read for the few settings Hugo needs in its own configuration.
"""

import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


# ---------------------------------------------------------------- Fluent


def parse_ftl(text):
    """Messages of a Fluent file: {id: value}, value lines joined by newlines."""
    messages = {}
    current = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            if not line.strip() and current:
                current = None
            continue
        m = re.match(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s?(.*)$", line)
        if m and not line[0].isspace():
            current = m.group(1)
            messages[current] = m.group(2)
        elif current and (line[0].isspace() or line.startswith("}")):
            messages[current] += "\n" + line
    return messages


def to_go_template(value):
    """Fluent pattern -> Go template: `{ $x }` -> `{{ .x }}`, selects -> if chains."""
    out, _ = _pattern(value, 0, top=True)
    return out


def _pattern(s, i, top=False):
    """Text and placeables until an unmatched `}` (or a variant line inside a select)."""
    out = []
    while i < len(s):
        c = s[i]
        if c == "{":
            piece, i = _placeable(s, i + 1)
            out.append(piece)
        elif c == "}" and not top:
            return "".join(out), i
        elif c == "\n" and not top:
            # A select's variants start on their own lines.
            rest = s[i + 1 :].lstrip(" ")
            if rest.startswith("[") or rest.startswith("*[") or rest.startswith("}"):
                return "".join(out), i
            out.append(" ")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out), i


def _placeable(s, i):
    m = re.compile(r"\s*\$([a-zA-Z0-9_-]+)\s*(->)?\s*").match(s, i)
    if not m:
        m2 = re.compile(r'\s*"([^"]*)"\s*\}').match(s, i)  # a string literal
        if m2:
            return m2.group(1), m2.end()
        raise ValueError(f"unsupported placeable: {s[i:i + 40]!r}")
    var = m.group(1)
    i = m.end()
    if not m.group(2):
        assert s[i] == "}", s[i:]
        return "{{ .%s }}" % var, i + 1
    variants = []
    default = None
    while True:
        while i < len(s) and s[i] in " \n":
            i += 1
        if s[i] == "}":
            i += 1
            break
        is_default = s[i] == "*"
        if is_default:
            i += 1
        assert s[i] == "[", s[i:]
        end = s.index("]", i)
        key = s[i + 1 : end].strip()
        text, i = _pattern(s, end + 1)
        text = text.strip()
        variants.append((key, text))
        if is_default:
            default = text
    parts = []
    for key, text in variants:
        if text is default:
            continue
        value = "1" if key == "one" else key
        parts.append('{{ %s eq (printf "%%v" .%s) "%s" }}%s' % ("if" if not parts else "else if", var, value, text))
    if not parts:
        return default or "", i
    return "".join(parts) + "{{ else }}" + (default or "") + "{{ end }}", i


def messages_of(root, lang):
    messages = {}
    for f in sorted((root / "i18n" / lang).glob("*.ftl")):
        messages.update(parse_ftl(f.read_text(encoding="utf-8")))
    return messages


def i18n_yaml(root, lang):
    messages = {}
    for f in sorted((root / "i18n" / lang).glob("*.ftl")):
        messages.update(parse_ftl(f.read_text(encoding="utf-8")))
    lines = [f"# Generated from i18n/{lang}/*.ftl by benches/hugo/convert.py"]
    for key, value in messages.items():
        lines.append(f"{key}: {json.dumps(to_go_template(value), ensure_ascii=False)}")
    return "\n".join(lines) + "\n", messages


# ---------------------------------------------------------------- site.yaml


def site_settings(text):
    """base_url and languages from site.yaml (flow list), without a YAML parser."""
    base = re.search(r"^base_url:\s*(\S+)", text, re.M).group(1).strip("\"'")
    langs = re.search(r"^languages:\s*\[([^\]]*)\]", text, re.M).group(1)
    return base, [l.strip().strip("\"'") for l in langs.split(",") if l.strip()]


# ---------------------------------------------------------------- Markdown files


def split_front_matter(text):
    m = re.match(r"^---\n(.*?)\n---\n?(.*)$", text, re.S)
    return (m.group(1), m.group(2)) if m else ("", text)


def write_docs(src_dir, hugo_content, languages, kind):
    """updates/<date>-<slug>.<lang>.md -> content/<lang>/updates/<slug>.md,
    pages/<slug>.<lang>.md -> content/<lang>/<slug>.md."""
    default = languages[0]
    groups = {}
    for f in sorted(src_dir.glob("*.md")) if src_dir.is_dir() else []:
        stem, lang = f.name[: -len(".md")].rsplit(".", 1)
        groups.setdefault(stem, {})[lang] = f.read_text(encoding="utf-8")
    for stem, versions in groups.items():
        slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", stem) if kind == "update" else stem
        for lang in languages:
            shown = lang if lang in versions else (default if default in versions else sorted(versions)[0])
            front, body = split_front_matter(versions[shown])
            extra = f"\nlayout: {kind}\nfallback: {shown}" if shown != lang else f"\nlayout: {kind}"
            if kind == "page":
                extra += f"\nmenu: main\nweight: {list(groups).index(stem) + 1}"
            folder = hugo_content / lang / ("updates" if kind == "update" else "")
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{slug}.md").write_text(f"---\n{front}{extra}\n---\n{body}", encoding="utf-8")


# ---------------------------------------------------------------- main


def main():
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    content = root / "content"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    base_url, languages = site_settings((content / "site.yaml").read_text(encoding="utf-8"))

    # Data: the same YAML files.
    data = out / "data"
    data.mkdir()
    for name in ["site.yaml", "metrics.yaml", "networks.yaml"]:
        if (content / name).exists():
            shutil.copy(content / name, data / name)
    shutil.copytree(content / "organisations", data / "organisations")
    shutil.copytree(content / "scorecards", data / "scorecards")

    # Content: adapters, posts, pages, section files.
    adapter = (HERE / "site" / "_content.gotmpl").read_text(encoding="utf-8")
    hugo_content = out / "content"
    for lang in languages:
        folder = hugo_content / lang
        (folder / "updates").mkdir(parents=True)
        (folder / "_content.gotmpl").write_text(adapter, encoding="utf-8")
        if lang == languages[0]:
            # The whole dataset as JSON, once: the home page's JSON output.
            (folder / "_index.md").write_text("---\noutputs: [html, json]\n---\n", encoding="utf-8")
        (folder / "updates" / "_index.md").write_text(
            f"---\ntitle: {json.dumps(messages_of(root, lang)['updates-title'], ensure_ascii=False)}\nlayout: updates\noutputs: [html, rss]\n---\n", encoding="utf-8"
        )
    write_docs(content / "updates", hugo_content, languages, "update")
    write_docs(content / "pages", hugo_content, languages, "page")

    # UI strings.
    (out / "i18n").mkdir()
    params = {}
    for lang in languages:
        text, messages = i18n_yaml(root, lang)
        (out / "i18n" / f"{lang}.yaml").write_text(text, encoding="utf-8")
        params[lang] = {
            "name": messages["language-name"],
            "accessibility": messages["accessibility-slug"],
        }

    # Configuration, layouts, stylesheet.
    config = (HERE / "site" / "hugo.yaml").read_text(encoding="utf-8")
    config = config.replace("@BASE_URL@", base_url).replace("@DEFAULT_LANGUAGE@", languages[0])
    config += "languages:\n"
    for weight, lang in enumerate(languages, 1):
        config += (
            f"  {lang}:\n    weight: {weight}\n    contentDir: content/{lang}\n"
            f"    label: {json.dumps(params[lang]['name'], ensure_ascii=False)}\n"
            f"    params:\n      accessibilitySlug: {params[lang]['accessibility']}\n"
        )
    (out / "hugo.yaml").write_text(config, encoding="utf-8")
    shutil.copytree(HERE / "site" / "layouts", out / "layouts")
    theme = (root / "content" / "site.yaml").read_text(encoding="utf-8")
    theme_name = (re.search(r"^theme:\s*(\S+)", theme, re.M) or [None, "default"])[1]
    static = out / "static" / "assets"
    static.mkdir(parents=True)
    shutil.copy(root / "themes" / theme_name / "static" / "style.css", static / "style.css")


if __name__ == "__main__":
    main()
