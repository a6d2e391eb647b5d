#!/usr/bin/env bash
# Every test of tuloskortti: the Rust suite (unit, integration, fixtures),
# formatting and lints, then the quality gates on the built example site
# (axe-core in Chromium, the Nu Html Checker, links). Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
started=$(date +%s)

step "cargo fmt --check"
cargo fmt --check

step "module graph: no import circle in src/ (tools/module-graph.py)"
python3 tools/module-graph.py | tail -n 1

step "cargo clippy (debug, warnings are errors)"
cargo clippy --all-targets --quiet -- -D warnings

# strace injects the faults of the crash tests (a build killed at its commit).
command -v strace >/dev/null || { apt-get update -qq; apt-get install -y -qq strace >/dev/null; }

step "cargo test (debug)"
mkdir -p target
set +e
cargo test 2>&1 | tee target/cargo-test.log | grep -E '^(test result|running [0-9]|failures:|---- )|panicked'
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "cargo test failed (exit $status); the end of target/cargo-test.log:"
  tail -n 80 target/cargo-test.log
  exit 1
fi
passed=$(grep -oE '^test result: ok\. [0-9]+ passed' target/cargo-test.log | awk '{s+=$4} END {print s+0}')
echo "rust tests: ${passed} passed"

step "search: the JavaScript client against tantivy (parity, stemmer, hostile queries) and the search page in Chromium"
./target/debug/tuloskortti build --root . --out target/search-site >/dev/null
node tests/search/parity.mjs target/search-site --root .
# Relevance on the judged queries, which must not fall below the floor.
node tests/search/relevance/run.mjs target/search-site --floor tests/search/relevance/floor.json
# A synthetic site, where common words have postings pages, heads and a
# full hot dictionary (the example site's words are mostly rare).
rm -rf target/search-synth
./target/debug/examples/synth --scorecards 60 --out target/search-synth >/dev/null
cp -r themes i18n target/search-synth/
./target/debug/tuloskortti build --root target/search-synth --out target/search-synth/public >/dev/null
node tests/search/parity.mjs target/search-synth/public --root target/search-synth
command -v chromium >/dev/null || { apt-get update -qq; apt-get install -y -qq chromium >/dev/null; }
(cd tests/search && npm install --no-audit --no-fund --silent)
node tests/search/page.mjs target/search-site

step "the guide's commands: first steps, build, and its nginx example on loopback (compression, caching, 404)"
bash tests/guide/run.sh

if [ -f tests/quality/run.sh ]; then
  step "quality gates: vnu, links, axe-core + keyboard in Chromium"
  bash tests/quality/run.sh
fi

echo
echo "all tests passed in $(( $(date +%s) - started )) s"
echo "${passed} passed, 0 failed"
