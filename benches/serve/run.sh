#!/usr/bin/env bash
# Preview server benchmarks (not part of tests/all.sh; results go to
# BENCHMARKS.md by hand):
#  1. time from a saved edit of one scorecard to the rebuilt page on disk and
#     to the reload event, for the example site and for a synthetic site of
#     about 30 000 pages, with the full build time beside it;
#  2. a template edit (every page re-rendered) to the reload event;
#  3. a load test: 10 000 keep-alive GETs over 50 connections on loopback.
#
#   bash benches/serve/run.sh            # SCORECARDS=1000 RUNS=10 by default
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
scorecards=${SCORECARDS:-1000}
runs=${RUNS:-10}
requests=${REQUESTS:-10000}
connections=${CONNECTIONS:-50}

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; memory $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(uname -sr); $(rustc --version)"

cargo build --release --quiet --bin tuloskortti --example synth
work=$(mktemp -d)
# A private copy: a rebuild of target/ during the run changes nothing here.
bin=$work/tuloskortti
cp target/release/tuloskortti "$bin"
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
rustc -O --edition 2024 -o "$work/probe" benches/serve/probe.rs

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

start_server() { # root
  "$bin" serve --root "$1" --port 0 >"$1/serve.out" 2>"$1/serve.log" &
  server_pid=$!
  for _ in $(seq 1 1200); do
    [ -s "$1/serve.out" ] && break
    sleep 0.5
  done
  addr=$(head -1 "$1/serve.out" | sed -e 's#^http://##' -e 's#/$##')
  [ -n "$addr" ] || { cat "$1/serve.log"; exit 1; }
}

stop_server() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

measure() { # name root scorecard-file
  local name=$1 root=$2 file=$3
  echo
  echo "== $name: $(find "$root/content" -type f | wc -l) content files, $(du -sh "$root/content" | cut -f1)"
  local times=()
  for _ in 1 2 3; do
    rm -rf "$work/public"
    local t0; t0=$(now_ms)
    "$bin" build --root "$root" --out "$work/public" 2>"$work/build.log" || { cat "$work/build.log"; exit 1; }
    times+=($(( $(now_ms) - t0 )))
  done
  tail -1 "$work/build.log"
  echo "full build (tuloskortti build), 3 runs: ${times[*]} ms"
  start_server "$root"
  grep -m1 "full rebuild" "$root/serve.log" | sed 's/^/serve, first build: /'
  # The builds' files reach the disk first, so as not to time their writeback.
  sync
  "$work/probe" edit --root "$root" --out "$root/target/preview" --addr "$addr" --file "$file" --runs "$runs"
  grep "scorecard rebuild" "$root/serve.log" | tail -3 | sed 's/^/server log: /'
  # The dataset and the search index follow once the folders are quiet.
  for _ in $(seq 1 240); do
    grep -q "search index and dataset" "$root/serve.log" && break
    sleep 0.5
  done
  { grep "search index and dataset" "$root/serve.log" || echo "(not within 2 minutes)"; } | tail -1 | sed 's/^/server log, when quiet: /'
  local template=$root/themes/default/templates/base.html
  local ms; ms=$("$work/probe" touch --addr "$addr" --file "$template" --append "{# benchmark #}")
  echo "template edit to reload event: $ms ms ($(grep "templates rebuild" "$root/serve.log" | tail -1))"
  echo "load test:"
  local out=$root/target/preview
  local org; org=$(basename "$(dirname "$file")")
  local scorecard; scorecard=$(basename "$file" .yaml)
  local goal; goal=$(cd "$out/en/$org/$scorecard" && first */)
  local css; css=$(cd "$out/assets" && first style.*.css)
  local paths="/fi/,/sv/$org/,/en/$org/$scorecard/,/fi/$org/$scorecard/$goal,/assets/$css,/data/$org/$scorecard.json,/sv/updates/,/en/search/"
  local bytes=0 p
  for p in ${paths//,/ }; do
    local f=$out$p
    case $p in */) f=${f}index.html ;; esac
    bytes=$((bytes + $(stat -c %s "$f")))
  done
  echo "  paths: $paths (average $((bytes / 8 / 1024)) KiB a response)"
  "$work/probe" load --addr "$addr" --requests "$requests" --connections "$connections" --paths "$paths"
  stop_server
}

# The example site, as in the repository.
example=$work/example
mkdir -p "$example"
cp -r content themes i18n "$example/"
first() { echo "$1"; }  # the first of the (sorted) glob, without a pipe that pipefail would end
example_file=$(cd "$example" && first $(grep -l follow_up content/scorecards/*/*.yaml))
if "$bin" check --root "$example" 2>/dev/null; then
  measure "example site" "$example" "$example_file"
else
  echo "the example content does not check clean; skipped"
fi

# The synthetic site, about 30 000 pages at 1000 scorecards.
synthetic=$work/synthetic
target/release/examples/synth --seed 1 --scorecards "$scorecards" --out "$synthetic"
cp -r themes i18n "$synthetic/"
synthetic_file=$(cd "$synthetic" && first content/scorecards/*/*.yaml)
measure "synthetic site ($scorecards scorecards)" "$synthetic" "$synthetic_file"

