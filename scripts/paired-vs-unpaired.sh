#!/usr/bin/env bash
# Measures CPython math at 1 and 2 threads for a fixed number of rounds and prints the 95%
# interval of the 2-thread speedup two ways: paired by round (what the summary reports) and
# unpaired (ratio of medians, the rounds resampled independently). On a machine whose speed
# drifts, the paired interval should be the narrower one.
#
#   scripts/paired-vs-unpaired.sh [ROUNDS] [more threadbench run options, e.g. --quick]
#
# ROUNDS defaults to 15. Needs a release build (made here if missing) and a Python 3 on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-15}"
[[ $# -gt 0 ]] && shift
source scripts/lib.sh
if ! "$binary" run --runtimes cpython --workloads math --threads 1,2 --repetitions "$rounds" \
    --label pvu --out "$out" "$@" > /dev/null 2> "$out/stderr"; then
    cat "$out/stderr" >&2
    exit 1
fi
summary="$(ls "$out"/pvu-*-summary.csv)"
python3 - "$summary" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["threads"] == "2"]
if not rows:
    sys.exit("paired-vs-unpaired: no 2-thread row in " + sys.argv[1])
r = rows[0]
def line(name, speedup, low, high):
    speedup, low, high = float(speedup), float(low), float(high)
    half = (high - low) / 2 / speedup * 100 if speedup > 0 else float("inf")
    print("%-9s %.3fx  95%% CI %.3f-%.3f  width %.3f  (+-%.1f%%)" % (name, speedup, low, high, high - low, half))
print("cpython math, 2 threads against 1, %s rounds (%s per task):" % (r["rounds"], " ".join([r["task_work"], r["task_work_unit"]])))
line("paired", r["speedup"], r["speedup_ci95_low"], r["speedup_ci95_high"])
line("unpaired", r["speedup_unpaired"], r["speedup_unpaired_ci95_low"], r["speedup_unpaired_ci95_high"])
PY
