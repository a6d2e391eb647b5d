#!/usr/bin/env bash
# Search benchmarks (not part of tests/all.sh): builds the example site and a
# synthetic corpus of over 100 000 documents with the release binary, runs
# Pagefind (npm package, which ships its binary) over the same built HTML,
# and compares bytes, requests and times (bench.mjs). Machine: 2 cores.
#
#   bash benches/search/run.sh            # SCORECARDS=1300 synthetic scorecards
set -euo pipefail
cd "$(dirname "$0")/../.."
scorecards=${SCORECARDS:-1300}
bin=target/release/tuloskortti
pagefind=benches/search/node_modules/.bin/pagefind

cargo build --release --quiet --bin tuloskortti --example synth
(cd benches/search && npm install --no-audit --no-fund --silent)
mkdir -p target/bench

index_site() { # name root
  local name=$1 root=$2 out=target/bench/$1/public
  echo "== $name: build (release)"
  "$bin" build --root "$root" --out "$out" 2>&1 | tail -n 1 | tee "target/bench/$name-build.log"
  echo "== $name: Pagefind over the same HTML"
  local start=$(date +%s.%N)
  "$pagefind" --site "$out" > "target/bench/$name-pagefind.log" 2>&1
  echo "Pagefind: $(grep -E 'Indexed [0-9]+ pages' "target/bench/$name-pagefind.log" | head -n 1 | xargs) in $(echo "$(date +%s.%N) - $start" | bc) s" | tee -a "target/bench/$name-build.log"
}

index_site example .

# A realistic vocabulary for the synthetic corpus: wordfreq's most frequent
# forms of each language (pinned in requirements.txt).
python3 -m venv target/bench-venv
target/bench-venv/bin/pip install --quiet -r benches/search/requirements.txt
target/bench-venv/bin/python benches/search/vocabulary.py target/bench/vocabulary
rm -rf target/bench/synth
target/release/examples/synth --scorecards "$scorecards" --vocabulary target/bench/vocabulary --out target/bench/synth
cp -r themes i18n target/bench/synth/
index_site synth target/bench/synth

node benches/search/bench.mjs --site target/bench/example/public --label "Example site" --out target/bench/example.json
node benches/search/bench.mjs --site target/bench/synth/public --label "Synthetic corpus" --out target/bench/synth.json
