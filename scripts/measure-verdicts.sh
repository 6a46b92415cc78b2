#!/usr/bin/env bash
# Issue 17 and 18's figures on this machine: N consecutive default runs (release build), the
# verdict stability and A/A figures across them, compare of consecutive pairs and of a 1.3x copy
# (exit status of --fail-on-regression 0), and swift math at 2 threads under `taskset -c 0`.
# Usage: scripts/measure-verdicts.sh [RUNS=3] [LABEL=vm-2core-s3]
# Run nothing else CPU-heavy meanwhile. Results land in results/; the figures on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
label="${2:-vm-2core-s3}"
THREADBENCH_SETUP_TESTS=0 scripts/setup.sh
swift build -c release --product threadbench >&2
T=.build/release/threadbench
made=()
for i in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    $T run --label "$label" > "/tmp/$label-$i.out" 2> "/tmp/$label-$i.err"
    end=$(date +%s.%N)
    raw=$(ls -t results/"$label"-*Z.csv | head -1)
    made+=("$raw")
    printf 'run %d: %s, %.1f s, %d lines of output\n' "$i" "$raw" "$(echo "$end - $start" | bc)" "$(wc -l < "/tmp/$label-$i.out")"
done
summaries=()
for raw in "${made[@]}"; do summaries+=("${raw%.csv}-summary.csv"); done
scripts/verdict-stability.py "${summaries[@]}"
for ((i = 1; i < runs; i++)); do
    status=0
    $T compare "${made[$((i - 1))]}" "${made[$i]}" --fail-on-regression 0 > "/tmp/$label-compare-$i.txt" 2>&1 || status=$?
    echo "compare run $i vs run $((i + 1)): $(grep -m1 -E '^[0-9]+ faster' "/tmp/$label-compare-$i.txt" || true) exit $status"
done
copy="$(mktemp -d)/x1.3.csv"
scripts/scaled-copy.py "${made[-1]}" 1.3 "$copy"
status=0
$T compare "${made[-1]}" "$copy" --fail-on-regression 0 > "/tmp/$label-compare-x1.3.txt" 2>&1 || status=$?
echo "compare last run vs its 1.3x copy: $(grep -m1 -E '^[0-9]+ faster' "/tmp/$label-compare-x1.3.txt" || true) exit $status"
rm -rf "$(dirname "$copy")"
taskset -c 0 $T run --workloads math --runtimes swift --threads 1,2 --label "$label-taskset" > "/tmp/$label-taskset.out" 2>&1
grep -E '^math:' "/tmp/$label-taskset.out"
