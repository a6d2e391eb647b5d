#!/usr/bin/env python3
"""Medians and ratios from run.sh's results.tsv; writes summary.json beside it.

    python3 benches/hugo/summarize.py RESULTS.tsv WORK_DIR
"""

import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path


def stages(work, size):
    """tuloskortti's own stage timings, from the last line of each build log."""
    found = defaultdict(list)
    for log in sorted(Path(work, f"n{size}").glob("tuloskortti-*.log")):
        lines = log.read_text(errors="replace").strip().splitlines()
        m = re.search(r"\[(.*)\]", lines[-1]) if lines else None
        if not m:
            continue
        for part in m.group(1).split(","):
            name, value, unit = re.match(r"\s*(.+?) ([\d.]+) (ms|s)", part).groups()
            found[name].append(float(value) / (1000 if unit == "ms" else 1))
    return {name: statistics.median(v) for name, v in found.items()}


def main():
    results, work = Path(sys.argv[1]), Path(sys.argv[2])
    runs = defaultdict(list)
    meta = {}
    for line in results.read_text().splitlines():
        tool, size, run, a, b, load, rc = (line.split("\t") + [""] * 7)[:7]
        if run in ("pages", "index"):
            meta[(tool, size, run)] = (int(a), int(b))
        elif a:
            runs[(tool, size)].append(
                {"run": int(run), "seconds": float(a), "peak_kib": int(b), "load": float(load or 0), "exit": int(rc or 0)}
            )
    summary = {"machine": (work / "machine.txt").read_text().strip() if (work / "machine.txt").exists() else "", "sizes": []}
    out = [summary["machine"], ""]
    sizes = sorted({int(s) for (_, s) in runs if s != "0"})
    for size in sizes:
        s = str(size)
        row = {"scorecards": size}
        for tool in ("tuloskortti", "hugo", "pagefind"):
            r = [x for x in runs.get((tool, s), []) if x["exit"] == 0]
            failed = [x for x in runs.get((tool, s), []) if x["exit"] != 0]
            if r:
                row[tool] = {
                    "runs": runs[(tool, s)],
                    "median_s": statistics.median(x["seconds"] for x in r),
                    "peak_mib": max(x["peak_kib"] for x in r) / 1024,
                    "median_peak_mib": statistics.median(x["peak_kib"] for x in r) / 1024,
                }
            elif failed:
                row[tool] = {"runs": failed, "failed": True}
            if (tool, s, "pages") in meta:
                row.setdefault(tool, {})["pages"], row[tool]["bytes"] = meta[(tool, s, "pages")]
            if (tool, s, "index") in meta:
                row.setdefault(tool, {})["files"], row[tool]["bytes"] = meta[(tool, s, "index")]
        row["tuloskortti_stages_s"] = stages(work, size)
        tk, hg, pf = row.get("tuloskortti", {}), row.get("hugo", {}), row.get("pagefind", {})
        if "median_s" in tk and "median_s" in hg:
            row["time_ratio"] = tk["median_s"] / hg["median_s"]
            row["memory_ratio"] = tk["median_peak_mib"] / hg["median_peak_mib"]
            if "median_s" in pf:
                row["time_ratio_with_pagefind"] = tk["median_s"] / (hg["median_s"] + pf["median_s"])
                row["memory_ratio_with_pagefind"] = tk["median_peak_mib"] / max(hg["median_peak_mib"], pf["median_peak_mib"])
        summary["sizes"].append(row)

        pages = tk.get("pages") or hg.get("pages")
        out.append(f"{size} scorecards ({tk.get('pages', '?')} pages tuloskortti, {hg.get('pages', '?')} Hugo)")
        def line(name, d):
            if "median_s" not in d:
                return f"  {name:24} {'failed' if d.get('failed') else '-':>10}"
            size_mb = f"{d['bytes'] / 1e6:10.0f} MB" if "bytes" in d else ""
            times = " ".join(f"{x['seconds']:.1f}" for x in d["runs"])
            loads = " ".join(f"{x['load']:.1f}" for x in d["runs"])
            return f"  {name:24} {d['median_s']:8.2f} s {d['median_peak_mib']:8.0f} MiB {size_mb}   runs {times}; load {loads}"
        out.append(line("tuloskortti", tk))
        if hg:
            out.append(line("hugo", hg))
        if pf:
            out.append(line("pagefind (over Hugo's)", pf))
        for key in ("time_ratio", "time_ratio_with_pagefind", "memory_ratio", "memory_ratio_with_pagefind"):
            if key in row:
                out.append(f"  {key:24} {row[key]:.2f}")
        if row["tuloskortti_stages_s"]:
            out.append("  tuloskortti stages (median): " + ", ".join(f"{k} {v:.2f} s" for k, v in row["tuloskortti_stages_s"].items()))
        out.append("")
    ex = [x for x in runs.get(("example", "0"), []) if x["exit"] == 0]
    if ex:
        summary["example"] = {"runs": ex, "median_s": statistics.median(x["seconds"] for x in ex)}
        out.append(f"example site: median {summary['example']['median_s']:.3f} s of {len(ex)} builds ({' '.join(str(x['seconds']) for x in ex)})")
    (work / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
