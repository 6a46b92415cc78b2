#!/usr/bin/env python3
"""How much a plain CPython loop's time moves from one batch to the next, free or pinned.

Usage: scripts/python-drift.py [PAIRS]            (then e.g. taskset -c 0 scripts/python-drift.py)
Times PAIRS pairs of back-to-back batches of the `math` workload's CPython loop (128 tasks of
7,000 iterations, the default sizes) in this one process and prints the median batch and the
range of the ratio within a pair, whose true value is 1. Run it free and under `taskset` to see
how much of CPython's batch-to-batch spread comes from the thread moving between CPUs.
"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Benchmarks", "Python"))
import threadbench_driver as driver  # noqa: E402  the driver's own loop and warm-up


def batch():
    begin = time.perf_counter()
    for task in range(128):
        driver.do_math(task * 7000, (task + 1) * 7000)
    return time.perf_counter() - begin


def main():
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    driver.warm_up()
    walls = [(batch(), batch()) for _ in range(pairs)]
    ratios = [b / a for a, b in walls]
    cpus = len(os.sched_getaffinity(0))
    print("%d usable CPU(s), %d pairs: median batch %.3f s; pair ratio median %.2f, range %.2f-%.2f"
          % (cpus, pairs, statistics.median(w for pair in walls for w in pair), statistics.median(ratios),
             min(ratios), max(ratios)))


if __name__ == "__main__":
    main()
