#!/usr/bin/env python3
"""Prints the figures of issue 17's checks from the summary CSVs of several runs of the same suite.

Usage: scripts/verdict-stability.py A-summary.csv B-summary.csv [C-summary.csv ...]
- per run: the serialized cells (math/primes under swift-gil and cpython at 2 threads and more,
  with the upper end of their parallelism interval), swift math at 2 threads, cells within +-5%;
- across runs: the share of cells at N >= 2 (convoy aside) with the same verdict in every run,
  and, for every pair of runs and every such cell, z = (ln a - ln b) / sqrt(se_a^2 + se_b^2) of
  the speedup and of the parallelism (se from each run's 95% t-interval on the logs): the share
  of pairs with |z| > 1.96, which is about 5% when the runs measure the same thing.
Only the standard library.
"""
import csv
import itertools
import math
import sys


def rows(path):
    with open(path, newline="") as f:
        return [r for r in csv.DictReader(f)]


def key(r):
    return (r["workload"], r["runtime"], int(r["threads"]))


def log_se(r, prefix):
    """The standard error of ln(figure) from its 95% t-interval, with the t of its rounds."""
    low, high, rounds = r.get(f"{prefix}_ci95_low", ""), r.get(f"{prefix}_ci95_high", ""), r.get("rounds", "")
    if not low or not high or not rounds or float(low) <= 0 or int(rounds) < 2:
        return None
    return (math.log(float(high)) - math.log(float(low))) / 2 / T975.get(int(rounds), 1.96)


# t(0.975, n - 1) by rounds n.
T975 = {2: 12.706, 3: 4.303, 4: 3.182, 5: 2.776, 6: 2.571, 7: 2.447, 8: 2.365, 9: 2.306, 10: 2.262,
        11: 2.228, 12: 2.201, 13: 2.179, 14: 2.160, 15: 2.145, 16: 2.131, 17: 2.120, 18: 2.110,
        19: 2.101, 20: 2.093, 25: 2.064, 30: 2.045}


def main(paths):
    runs = [{key(r): r for r in rows(p)} for p in paths]
    for path, run in zip(paths, runs):
        cells = [r for r in run.values() if r["threads"] != "1" and r["kind"] != "mixed"]
        serial = [r for r in cells if r["workload"] in ("math", "primes") and r["runtime"] in ("swift-gil", "cpython")]
        ok = [r for r in serial if r["verdict"] == "serialized" and r["parallelism_ci95_high"]
              and float(r["parallelism_ci95_high"]) <= 1.05]
        highest = max((float(r["parallelism_ci95_high"]) for r in serial if r["parallelism_ci95_high"]), default=float("nan"))
        within = [r for r in cells if r["speedup_half_width_pct"] and float(r["speedup_half_width_pct"]) <= 5]
        met = [r for r in cells if r.get("precision_met") == "true"]
        print(path)
        print(f"  serialized GIL computing cells: {len(ok)} of {len(serial)} (highest parallelism upper end {highest:.3f})")
        m2 = run.get(("math", "swift", 2))
        if m2:
            print(f"  swift math at 2: {m2['verdict']} {float(m2['speedup']):.2f}x, parallelism "
                  f"{float(m2['parallelism']):.2f} [{float(m2['parallelism_ci95_low']):.2f}-{float(m2['parallelism_ci95_high']):.2f}]")
        print(f"  cells: {len(cells)}; speedup within +-5%: {len(within)}; precision met: {len(met)}")
    shared = set.intersection(*(set(k for k, r in run.items() if k[2] > 1 and r["kind"] != "mixed") for run in runs))
    same = [k for k in shared if len({run[k]["verdict"] for run in runs}) == 1]
    print(f"same verdict in all {len(runs)} runs: {len(same)} of {len(shared)} cells ({100 * len(same) / max(1, len(shared)):.0f}%)")
    for k in sorted(set(shared) - set(same)):
        print(f"  differs: {k[0]} {k[1]} {k[2]}: " + ", ".join(run[k]["verdict"] for run in runs))
    for figure in ("speedup", "parallelism"):
        pairs = big = 0
        by_runtime = {}
        for a, b in itertools.combinations(runs, 2):
            for k in shared:
                ra, rb = a[k], b[k]
                sa, sb = log_se(ra, figure), log_se(rb, figure)
                if sa is None or sb is None or not ra[figure] or not rb[figure]:
                    continue
                se = math.hypot(sa, sb)
                diff = math.log(float(ra[figure])) - math.log(float(rb[figure]))
                if se == 0:
                    z = 0 if diff == 0 else math.inf
                else:
                    z = diff / se
                pairs += 1
                big += abs(z) > 1.96
                counts = by_runtime.setdefault(k[1], [0, 0])
                counts[0] += abs(z) > 1.96
                counts[1] += 1
        print(f"A/A {figure}: {big} of {pairs} same-cell pairs at |z| > 1.96 ({100 * big / max(1, pairs):.1f}%); "
              + ", ".join(f"{runtime} {b}/{n}" for runtime, (b, n) in sorted(by_runtime.items())))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: verdict-stability.py A-summary.csv B-summary.csv [more]")
    main(sys.argv[1:])
