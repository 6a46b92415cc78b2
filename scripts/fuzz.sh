#!/usr/bin/env bash
# Fuzzes the CSV reader and the --threads parser with libFuzzer for a bounded time each,
# starting from the corpora kept in Tests/ThreadBenchCoreTests/Fuzz/ (copied to a temp folder:
# the run never writes to the repository), with the same seed every time, so a run here and one
# in CI try the same inputs in the same order. Usage: scripts/fuzz.sh [seconds per target, default 25]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-25}"
swift build --scratch-path .build-fuzz --product ThreadBenchFuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DTHREADBENCH_LIBFUZZER -Xswiftc -parse-as-library
binary=.build-fuzz/debug/ThreadBenchFuzz
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for target in csv threads; do
    mkdir -p "$work/$target" "$work/crashes-$target"
    cp Tests/ThreadBenchCoreTests/Fuzz/"$target"/* "$work/$target/"
    echo "fuzz: $target for $seconds s"
    # SWIFT_BACKTRACE off: Swift's backtracer would take the crash from libFuzzer, which then saves no input.
    if ! SWIFT_BACKTRACE=enable=no THREADBENCH_FUZZ_TARGET="$target" "$binary" -seed=1 -max_total_time="$seconds" -max_len=16384 \
            -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$work/crashes-$target/" "$work/$target" > "$work/$target.log" 2>&1; then
        tail -40 "$work/$target.log"
        echo "fuzz: $target FAILED; the input that failed:" >&2
        for crash in "$work/crashes-$target"/*; do echo "--- $crash"; od -c "$crash" | head -20; done >&2
        exit 1
    fi
    grep -E "^(stat::number_of_executed_units|Done)" "$work/$target.log" || true
done
