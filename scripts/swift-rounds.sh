#!/usr/bin/env bash
# Issue 17's run-to-run A/A with the Swift runtimes' rounds in this process or each in a fresh one:
# N default runs of each, alternating (shared, fresh, shared, fresh, ...), so that both meet the
# same drift; then scripts/verdict-stability.py on each set (A/A: the share of same-cell pairs at
# |z| > 1.96) and the wall time of every run.
# Usage: scripts/swift-rounds.sh [RUNS=3] [LABEL=vm-2core-rounds]
# Run nothing else CPU-heavy meanwhile. Results land in results/; the figures on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
label="${2:-vm-2core-rounds}"
swift build -c release --product threadbench >&2
T=.build/release/threadbench
declare -A made=([shared]="" [fresh]="")
for i in $(seq 1 "$runs"); do
    for mode in shared fresh; do
        start=$(date +%s.%N)
        $T run --swift-rounds "$mode" --label "$label-$mode" > "/tmp/$label-$mode-$i.out" 2> "/tmp/$label-$mode-$i.err"
        end=$(date +%s.%N)
        raw=$(ls -t results/"$label-$mode"-*Z.csv | head -1)
        made[$mode]+="${raw%.csv}-summary.csv "
        printf '%s run %d: %s, %.1f s\n' "$mode" "$i" "$raw" "$(echo "$end - $start" | bc)"
    done
done
for mode in shared fresh; do
    echo "== --swift-rounds $mode"
    # shellcheck disable=SC2086
    scripts/verdict-stability.py ${made[$mode]}
done
