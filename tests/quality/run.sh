#!/usr/bin/env bash
# Quality gates of the built site: the Nu Html Checker (vnu, npm vnu-jar),
# the link check (links.py), the sitemap and the Atom feeds against their
# schemas (xmllint, jing), accessibility in headless Chromium (axe-core,
# keyboard walk, screenshots, overflow, phone widths, the goal filter:
# a11y.mjs) and printing to PDF (print.mjs).
#
#   bash tests/quality/run.sh          (from anywhere; works in the repo root)
#
# Installs what is missing (as root, or with sudo): Debian's chromium, Java for
# vnu, libxml2-utils and jing, poppler-utils, the npm packages of
# tests/quality/package-lock.json (vnu-jar, axe-core, playwright-core).
# Builds the site with target/debug/tuloskortti (running `cargo build`
# only when the binary is missing) into target/quality-site; reports go to
# target/quality-output. Every gate runs even when an earlier one fails; the
# exit status is non-zero when any gate failed.
#
# Environment: CHROMIUM (browser binary, default /usr/bin/chromium),
# A11Y_JOBS (pages checked at once, default 3), A11Y_DEADLINE (seconds, 540),
# QUALITY_ROOT (build from another project folder, e.g. a fixture copy with
# themes/ and i18n/; default .), QUALITY_BASE_URL (default: site.yaml's).
set -euo pipefail


cd "$(dirname "$0")/../.."
ROOT=$PWD
QDIR=tests/quality
SITE=target/quality-site
OUT=target/quality-output
BIN=target/debug/tuloskortti
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# The project folder the site is built from (content/, themes/, i18n/).
CONTENT_ROOT="${QUALITY_ROOT:-.}"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
step() { printf '\n== %s\n' "$*"; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "need root to run: $*" >&2; return 1
  fi
}
apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# ------------------------------------------------------------------ install

step "quality: tools"
t=$(now)
if [ ! -x "$CHROMIUM" ]; then
  if [ "$CHROMIUM" = /usr/bin/chromium ]; then
    apt_install chromium
  else
    echo "CHROMIUM=$CHROMIUM is not an executable" >&2; exit 2
  fi
fi
if ! command -v java >/dev/null 2>&1; then
  apt_install openjdk-17-jre-headless
fi
# xmllint (XML Schema) for the sitemap, jing (RELAX NG) for the Atom feeds.
if ! command -v xmllint >/dev/null 2>&1 || ! command -v jing >/dev/null 2>&1; then
  apt_install libxml2-utils jing
fi
# pdfinfo, pdftotext and pdftoppm for the print gate.
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  apt_install poppler-utils
fi
if ! command -v node >/dev/null 2>&1; then
  echo "node (20 or later) is needed for the accessibility gate" >&2; exit 2
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "node $(node --version) is too old: the accessibility gate needs 20 or later" >&2; exit 2
fi
# npm ci when node_modules is missing or was installed from another lockfile.
lock_sum=$(sha256sum "$QDIR/package-lock.json" | cut -d' ' -f1)
stamp="$QDIR/node_modules/.installed-from-lock"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ] \
  || [ ! -f "$QDIR/node_modules/axe-core/axe.min.js" ] \
  || [ ! -f "$QDIR/node_modules/playwright-core/package.json" ] \
  || [ ! -f "$QDIR/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  # --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime when none
  # is on PATH; Java is installed above, and vnu.jar is in the package.
  (cd "$QDIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$stamp"
fi
VNU_JAR="$QDIR/node_modules/vnu-jar/build/dist/vnu.jar"
vnu_version=$(java -jar "$VNU_JAR" --version)
echo "chromium: $("$CHROMIUM" --version 2>/dev/null | head -n1)"
echo "java: $(java -version 2>&1 | head -n1)"
echo "node: $(node --version); vnu $vnu_version; $(cd "$QDIR" && node -p '"axe-core " + require("axe-core/package.json").version + ", playwright-core " + require("playwright-core/package.json").version')"
echo "tools ready in $(since "$t") s"

# ------------------------------------------------------------------ build

step "quality: build the site into $SITE"
t=$(now)
if [ ! -x "$BIN" ]; then
  cargo build
fi
if ! "$BIN" build --root "$CONTENT_ROOT" --out "$SITE"; then
  echo "quality: the site did not build, so no gate ran"
  echo "quality: 0 passed, 1 failed"
  exit 1
fi
base_url=$(sed -n 's/^base_url:[[:space:]]*["'\'']\{0,1\}\([^"'\'' #]*\).*/\1/p' "$CONTENT_ROOT/content/site.yaml" | head -n1)
base_url=${QUALITY_BASE_URL:-${base_url:-https://tavoitteet.example.fi/}}
pages=$(find "$SITE" -type f -name '*.html' | wc -l)
css_files=$(find "$SITE" -type f -name '*.css' | wc -l)
echo "site: $pages pages, $css_files stylesheets, base URL $base_url (built in $(since "$t") s)"
rm -rf "$OUT"
mkdir -p "$OUT"

declare -a gate_names=() gate_results=() gate_times=()
record() { gate_names+=("$1"); gate_results+=("$2"); gate_times+=("$3"); }

# ------------------------------------------------------------------ vnu

step "gate 1/5: Nu Html Checker $vnu_version (npm vnu-jar) on every .html and .css file"
t=$(now)
mapfile -t vnu_files < <(find "$SITE" -type f \( -name '*.html' -o -name '*.css' \) | sort)
set +e
java -jar "$VNU_JAR" --format gnu --also-check-css "${vnu_files[@]}" >"$OUT/vnu.txt" 2>&1
vnu_status=$?
set -e
# vnu prints one line per message and exits 1 when any is an error. Lines
# that are neither a warning nor an info (a Java exception, a fatal parse
# error) count as errors.
grep -E ': info( warning)?: ' "$OUT/vnu.txt" >"$OUT/vnu-warnings.txt" || true
grep -vE ': info( warning)?: ' "$OUT/vnu.txt" | grep . >"$OUT/vnu-errors.txt" || true
vnu_errors=$(grep -c . "$OUT/vnu-errors.txt" || true)
vnu_warnings=$(grep -c . "$OUT/vnu-warnings.txt" || true)
strip() { sed -e "s#\"file:$ROOT/$SITE#\"#" "$@"; }
if [ "$vnu_warnings" -gt 0 ]; then
  # Grouped by message, with the first three places; all of them are in vnu-warnings.txt.
  echo "warnings (allowed; every one in $OUT/vnu-warnings.txt):"
  strip "$OUT/vnu-warnings.txt" | awk '{
      place = $0; sub(/: info( warning)?: .*/, "", place)
      msg = $0; sub(/^.*: info( warning)?: /, "", msg)
      if (!(msg in n)) order[++k] = msg
      n[msg]++; if (n[msg] <= 3) where[msg] = where[msg] "\n      " place
    } END { for (i = 1; i <= k; i++) { m = order[i]; printf "  %d x %s%s\n", n[m], m, where[m] } }'
fi
if [ "$vnu_errors" -gt 0 ]; then echo "errors:"; strip "$OUT/vnu-errors.txt" | head -n 200; fi
vnu_ok=1
if [ "$vnu_status" -ne 0 ] && [ "$vnu_errors" -eq 0 ]; then
  echo "vnu failed (exit $vnu_status) without a message"; vnu_ok=0
fi
if [ "${#vnu_files[@]}" -ne $(( pages + css_files )) ]; then
  echo "vnu was given ${#vnu_files[@]} files, but the site has $pages .html and $css_files .css files"; vnu_ok=0
fi
[ "$vnu_errors" -eq 0 ] || vnu_ok=0
echo "vnu: ${#vnu_files[@]} files checked ($pages html, $css_files css), $vnu_errors errors, $vnu_warnings warnings"
record vnu "$([ $vnu_ok -eq 1 ] && echo ok || echo FAILED)" "$(since "$t")"

# ------------------------------------------------------------------ links

step "gate 2/5: links and reachability"
t=$(now)
if python3 "$QDIR/links.py" "$SITE" "$base_url"; then r=ok; else r=FAILED; fi
record links "$r" "$(since "$t")"

# ------------------------------------------------------------------ feeds

step "gate 3/5: sitemap.xml against the Sitemaps protocol (XML Schema), Atom feeds against RFC 4287 (RELAX NG)"
t=$(now)
feeds_ok=1
mapfile -t feeds < <(find "$SITE" -name atom.xml | sort)
# jing prints warnings about optional Java libraries of its Debian package on stderr.
jing_check() { jing -c "$QDIR/schemas/atom.rnc" "$@" 2> >(grep -v '^\[warning\]' >&2); }
if ! xmllint --noout --schema "$QDIR/schemas/sitemap.xsd" "$SITE/sitemap.xml"; then feeds_ok=0; fi
if [ "${#feeds[@]}" -eq 0 ]; then echo "no Atom feed in $SITE"; feeds_ok=0
elif jing_check "${feeds[@]}"; then echo "${#feeds[@]} Atom feeds valid"; else feeds_ok=0; fi
# The schemas must also say no: a sitemap entry twice, an entry without its id.
broken=$(mktemp -d)
first_loc=$(grep -m1 -o '<loc>[^<]*</loc>' "$SITE/sitemap.xml")
sed "0,/<url>/s##<url>${first_loc}</url><url>#" "$SITE/sitemap.xml" >"$broken/sitemap.xml"
if xmllint --noout --schema "$QDIR/schemas/sitemap.xsd" "$broken/sitemap.xml" 2>/dev/null; then
  echo "the sitemap schema accepted a sitemap that lists a page twice"; feeds_ok=0
fi
python3 -c 'import re, sys; t = open(sys.argv[1]).read(); i = t.index("<entry"); print(t[:i] + re.sub(r"<id>[^<]*</id>", "", t[i:], count=1), end="")' "${feeds[0]}" >"$broken/atom.xml"
if cmp -s "${feeds[0]}" "$broken/atom.xml" || jing_check "$broken/atom.xml" >/dev/null 2>&1; then
  echo "the Atom schema accepted a feed whose entry has no id"; feeds_ok=0
fi
rm -rf "$broken"
record feeds "$([ $feeds_ok -eq 1 ] && echo ok || echo FAILED)" "$(since "$t")"

# ------------------------------------------------------------------ a11y

step "gate 4/5: axe-core (WCAG 2.1 A/AA), keyboard, screenshots, 320 px overflow in Chromium"
t=$(now)
# Debian's /usr/bin/chromium wrapper prints a harmless shell error on some
# machines ("[: ...: unexpected operator"); it is filtered from stderr.
# The Kemijärvi scorecard page with its charts, in Finnish and English, for people to look at.
shots=()
if [ "$CONTENT_ROOT" = . ]; then
  shots=(--screenshot fi-kemijarvi=/fi/kemijarvi/2025-asuminen-ja-ymparisto/
    --screenshot en-kemijarvi=/en/kemijarvi/2025-asuminen-ja-ymparisto/)
fi
if node "$QDIR/a11y.mjs" --site "$SITE" --out "$OUT" "${shots[@]}" 2> >(grep -v 'unexpected operator$' >&2); then r=ok; else r=FAILED; fi
record a11y "$r" "$(since "$t")"

# ------------------------------------------------------------------ print

step "gate 5/5: printing (Chromium, A4): at most 12 pages, each naming the scorecard"
t=$(now)
if [ "$CONTENT_ROOT" = . ]; then
  if node "$QDIR/print.mjs" --site "$SITE" --out "$OUT" --max-pages 12 \
      /fi/kemijarvi/2025-asuminen-ja-ymparisto/ /sv/kemijarvi/2025-asuminen-ja-ymparisto/ \
      /en/kemijarvi/2025-asuminen-ja-ymparisto/ 2> >(grep -v 'unexpected operator$' >&2); then r=ok; else r=FAILED; fi
else
  echo "print: only for the example site"; r=ok
fi
record print "$r" "$(since "$t")"

# ------------------------------------------------------------------ summary

step "quality gates on $pages pages (reports in $OUT)"
failed=0
for i in "${!gate_names[@]}"; do
  printf '  %-6s %-7s %6s s\n' "${gate_names[$i]}" "${gate_results[$i]}" "${gate_times[$i]}"
  [ "${gate_results[$i]}" = ok ] || failed=$((failed + 1))
done
echo "quality: $(( ${#gate_names[@]} - failed )) passed, $failed failed"
[ "$failed" -eq 0 ]
