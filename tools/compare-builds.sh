#!/usr/bin/env bash
# Do two commits build the same site? Builds the example site and a
# synthetic site with the binary of each commit, from the same inputs,
# and compares the outputs byte for byte (diff -r).
#
#   bash tools/compare-builds.sh OLD [NEW]      # NEW defaults to the work tree
#   SCORECARDS=300 bash tools/compare-builds.sh HEAD~5 HEAD
#
# The inputs are those of NEW (its content/, themes/, i18n/), so a change of
# content between the commits does not count as a difference of the code.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: tools/compare-builds.sh OLD [NEW]}
new=${2:-}
scorecards=${SCORECARDS:-300}
work=target/compare
mkdir -p "$work"
export CARGO_TARGET_DIR="$PWD/$work/cargo"

# The binary of a commit (or of the work tree), built in release.
binary_of() {
  local rev=$1 name=$2
  if [ -z "$rev" ]; then
    cargo build --release --quiet
    cp "$CARGO_TARGET_DIR/release/tuloskortti" "$work/$name"
    return
  fi
  local tree="$work/tree-$name"
  rm -rf "$tree"
  mkdir -p "$tree"
  git archive "$rev" | tar -x -C "$tree"
  (cd "$tree" && cargo build --release --quiet)
  cp "$CARGO_TARGET_DIR/release/tuloskortti" "$work/$name"
}

binary_of "$old" old
binary_of "$new" new

# The inputs: the example site of NEW, and a synthetic site made once.
inputs="$work/inputs"
rm -rf "$inputs" && mkdir -p "$inputs/example"
if [ -n "$new" ]; then
  git archive "$new" content themes i18n | tar -x -C "$inputs/example"
else
  cp -r content themes i18n "$inputs/example/"
fi
synth() {
  # The generator of NEW (a dev-only example; older commits had it in the
  # product binary).
  local tree=.
  [ -n "$new" ] && tree="$work/tree-new"
  if [ -f "$tree/examples/synth/main.rs" ]; then
    (cd "$tree" && cargo run --release --quiet --example synth -- "$@")
  else
    "$work/old" synth "$@"
  fi
}
synth --scorecards "$scorecards" --out "$PWD/$inputs/synth" >/dev/null
cp -r "$inputs/example/themes" "$inputs/example/i18n" "$inputs/synth/"

status=0
for site in example synth; do
  for side in old new; do
    rm -rf "$work/out-$site-$side" "$work/.out-$site-$side.build"
    "$work/$side" build --root "$inputs/$site" --out "$work/out-$site-$side" >/dev/null
  done
  files=$(find "$work/out-$site-old" -type f | wc -l)
  if diff -r "$work/out-$site-old" "$work/out-$site-new" >"$work/diff-$site.txt"; then
    echo "$site: identical ($files files)"
  else
    echo "$site: DIFFERENT ($(wc -l <"$work/diff-$site.txt") lines of diff in $work/diff-$site.txt)"
    status=1
  fi
done
exit $status
