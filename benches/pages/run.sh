#!/usr/bin/env bash
# The largest HTML page of each kind on a synthetic site, raw and gzipped.
#
#   bash benches/pages/run.sh [SCORECARDS] [DIR]
#
# Builds `examples/synth` with SCORECARDS scorecards (3200: about 100 000
# pages; 32000: about 1 000 000) into DIR (a fresh temporary folder by
# default) with the release binary, and prints, per kind of page, how many
# there are and the largest one's size. Not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/../.."
scorecards="${1:-3200}"
dir="${2:-$(mktemp -d)}"
cargo build --release --quiet --bin tuloskortti --example synth
rm -rf "$dir/content" "$dir/public"
target/release/examples/synth --scorecards "$scorecards" --out "$dir"
cp -r themes i18n "$dir/"
start=$(date +%s)
target/release/tuloskortti build --root "$dir" --out "$dir/public" 2>&1 | tail -1
echo "build: $(( $(date +%s) - start )) s"
python3 - "$dir/public" <<'PY'
import gzip, os, sys
root = sys.argv[1]
def kind(rel):
    s = rel.split("/")
    if len(s) == 1:
        return "root"
    if s[1] == "search":
        return "search" if len(s) == 3 else "search A-Z part"
    if s[1] == "metrics":
        return "metric" if len(s) == 4 else "metric year"
    if s[1] == "updates":
        return "updates" if len(s) == 3 else "update"
    if len(s) == 2:
        return "home" if s[1] == "index.html" else "404"
    return {3: "organisation or page", 4: "scorecard", 5: "goal"}.get(len(s), "other")
kinds = {}
over = 0
for dirpath, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".html"):
            continue
        path = os.path.join(dirpath, f)
        rel = os.path.relpath(path, root)
        size = os.path.getsize(path)
        over += size > 250 * 1024
        k = kinds.setdefault(kind(rel), [0, 0, ""])
        k[0] += 1
        if size > k[1]:
            k[1], k[2] = size, rel
print(f"{'kind':<22} {'pages':>8} {'largest KB':>11} {'gzip KB':>8}  largest")
total = 0
for name, (count, size, rel) in sorted(kinds.items()):
    total += count
    with open(os.path.join(root, rel), "rb") as fh:
        gz = len(gzip.compress(fh.read(), 6))
    print(f"{name:<22} {count:>8} {size / 1024:>11.1f} {gz / 1024:>8.1f}  {rel}")
print(f"{total} HTML pages, {over} over 250 KB")
PY
