#!/usr/bin/env bash
# Measures this machine's noise floor for paired speedups: the spread of the ratio of two
# 1-thread batches of the same work run back to back (an A/A test, whose true ratio is 1).
# No speedup interval can be narrower than this spread allows for the rounds it gets, so the
# script also prints the rounds a cell would need for a 95% interval within +-5%.
#
#   scripts/noise-floor.sh [ROUNDS] [more threadbench run options]
#
# ROUNDS (default 20) 1-thread batches per workload x runtime, through `threadbench run
# --threads 1` (adjacent rounds form the pairs; a CPython round is a fresh interpreter), and
# for CPython `math` ROUNDS pairs more inside one interpreter, through the driver directly
# (a CPython round's batches share one interpreter). Needs a release build (made if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-20}"
[[ $# -gt 0 ]] && shift
source scripts/lib.sh
if ! "$binary" run --workloads math,primes,sleep,http,file --runtimes swift,swift-gil,cpython \
    --threads 1 --repetitions "$rounds" --label noise --out "$out" "$@" > /dev/null 2> "$out/stderr"; then
    cat "$out/stderr" >&2
    exit 1
fi
raw="$(ls "$out"/noise-*Z.csv)"
python3 - "$raw" "$rounds" <<'PY'
import csv, json, math, statistics, subprocess, sys

def spread(walls):
    """Standard deviation (%) of the log ratio of consecutive batches, pairs not overlapping."""
    logs = [math.log(a / b) for a, b in zip(walls[0::2], walls[1::2]) if a > 0 and b > 0]
    return 100 * statistics.stdev(logs) if len(logs) > 2 else float("nan")

def needed(sd):
    # A median's standard error is about 1.2533 sd / sqrt(n); a 95% interval is +-1.96 of them.
    return math.ceil((1.96 * 1.2533 * sd / 5.0) ** 2) if sd == sd else "-"

print("%-28s %7s %10s %12s %18s" % ("curve (1 thread, A/A)", "batches", "median s", "ratio sd %", "rounds for +-5%"))
curves = {}
for row in csv.DictReader(open(sys.argv[1])):
    if row["errors"] == "0" and row["timed_out"] == "0":
        curves.setdefault((row["workload"], row["runtime"]), []).append((int(row["repetition"]), float(row["wall_s"]), row))
for (workload, runtime), items in curves.items():
    walls = [w for _, w, _ in sorted(items, key=lambda item: item[0])]
    sd = spread(walls)
    print("%-28s %7d %10.3f %12.1f %18s" % (workload + " / " + runtime, len(walls), statistics.median(walls), sd, needed(sd)))

# CPython math, pairs inside one interpreter, as a CPython round runs them.
math_row = curves[("math", "cpython")][0][2]
batch = {"contract": 1, "workload": "math", "threads": 1, "tasks": int(math_row["tasks"]),
         "timeout_s": 120, "params": {"iterations": int(float(math_row["task_work"]))}}
report = subprocess.run(["python3", "Benchmarks/Python/threadbench_driver.py", json.dumps([batch] * (2 * int(sys.argv[2])))],
                        capture_output=True, text=True, check=True)
walls = [json.loads(line)["wall_s"] for line in report.stdout.splitlines()]
sd = spread(walls)
print("%-28s %7d %10.3f %12.1f %18s" % ("math / cpython, 1 process", len(walls), statistics.median(walls), sd, needed(sd)))
PY
