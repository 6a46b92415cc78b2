#!/usr/bin/env bash
# Measures whether the order of a round's batches narrows the speedup intervals: runs math under
# swift and cpython with a fixed number of rounds in each order (ascending: 1 first; centred: 1 in
# the middle), alternating, several times, and prints each order's median speedup half-width per
# thread count. Usage: scripts/round-order.sh [ROUNDS=12] [REPEATS=2]. Nothing else CPU-heavy meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-12}"
repeats="${2:-2}"
THREADBENCH_SETUP_TESTS=0 scripts/setup.sh
swift build -c release --product threadbench >&2
out="$(mktemp -d "${TMPDIR:-/tmp}/threadbench-order.XXXXXX")"
trap 'rm -rf "$out"' EXIT
for ((i = 1; i <= repeats; i++)); do
    for order in ascending centred; do
        .build/release/threadbench run --workloads math --runtimes swift,cpython --repetitions "$rounds" \
            --round-order "$order" --label "$order-$i" --out "$out" > /dev/null
    done
done
python3 - "$out" <<'PY'
import csv, glob, statistics, sys
widths = {}
for path in glob.glob(sys.argv[1] + "/*-summary.csv"):
    order = path.split("/")[-1].split("-")[0]
    for r in csv.DictReader(open(path)):
        if r["threads"] != "1" and r["speedup_half_width_pct"]:
            widths.setdefault((r["runtime"], int(r["threads"]), order), []).append(float(r["speedup_half_width_pct"]))
for runtime in ("swift", "cpython"):
    for threads in sorted({k[1] for k in widths if k[0] == runtime}):
        a = widths.get((runtime, threads, "ascending"), [])
        c = widths.get((runtime, threads, "centred"), [])
        print(f"{runtime:8} {threads:3} threads: ascending +-{statistics.median(a):5.1f}% {a}  "
              f"centred +-{statistics.median(c):5.1f}% {c}")
PY
