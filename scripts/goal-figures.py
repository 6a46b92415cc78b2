#!/usr/bin/env python3
"""Prints the figures docs/RESULTS.md checks, from the summary and model CSVs of runs.

Usage: scripts/goal-figures.py RUN-summary.csv [RUN-summary.csv ...]
For each run: the share of cells (thread count above 1, convoy aside) whose paired speedup
interval lies within +-5% of the speedup, the median rounds, the 2-thread speedups of math
under every runtime, and the math/swift Amdahl serial fraction from the sibling model file.
Only the standard library, so it runs wherever ThreadBench's CSVs are.
"""
import csv
import statistics
import sys


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def figures(summary_path):
    summary = rows(summary_path)
    cells = [r for r in summary if int(r["threads"]) > 1 and r["kind"] != "mixed"]
    widths = [float(r["speedup_half_width_pct"]) for r in cells if r["speedup_half_width_pct"]]
    within = sum(1 for w in widths if w <= 5.0)
    print(f"{summary_path}")
    print(f"  cells within +-5%: {within} of {len(cells)} ({100.0 * within / max(1, len(cells)):.0f}%); "
          f"within +-3%: {sum(1 for w in widths if w <= 3.0)}; median rounds "
          f"{statistics.median(int(r['rounds']) for r in cells):.0f}")
    for r in summary:
        if r["workload"] in ("math", "primes") and r["threads"] in ("2", "4", "8"):
            print(f"  {r['workload']} {r['runtime']} {r['threads']}: {float(r['speedup']):.2f}x "
                  f"[{float(r['speedup_ci95_low']):.2f}-{float(r['speedup_ci95_high']):.2f}] "
                  f"unpaired {float(r['speedup_unpaired']):.2f}x "
                  f"[{float(r['speedup_unpaired_ci95_low']):.2f}-{float(r['speedup_unpaired_ci95_high']):.2f}] "
                  f"rounds {r['rounds']} verdict {r['verdict']}")
    raw = rows(summary_path.replace("-summary.csv", ".csv"))
    convoy = {}
    for r in raw:
        if r["workload"] == "convoy" and r["errors"] == "0" and r["io_p50_ms"] and r["io_baseline_p50_ms"]:
            convoy.setdefault((r["runtime"], int(r["threads"])), []).append(
                (float(r["io_p50_ms"]), float(r["io_baseline_p50_ms"])))
    for (runtime, threads), pairs in sorted(convoy.items()):
        if threads in (2, 4, 64):
            busy = statistics.median(p for p, _ in pairs)
            parked = statistics.median(b for _, b in pairs)
            print(f"  convoy {runtime} {threads}: p50 {busy:.2f} ms, parked {parked:.2f} ms, added {busy - parked:.2f} ms")
    try:
        model = rows(summary_path.replace("-summary.csv", "-model.csv"))
    except OSError:
        return
    for m in model:
        if m["workload"] == "math" and m["runtime"] == "swift":
            print(f"  math/swift Amdahl serial fraction {m['amdahl_serial_fraction']} "
                  f"(fitted on {m['fitted_thread_counts']})")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: goal-figures.py RUN-summary.csv [more]")
    for path in sys.argv[1:]:
        figures(path)
