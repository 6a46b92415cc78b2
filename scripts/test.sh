#!/usr/bin/env bash
# The project's test command: installs what is missing, builds everything, runs every test target.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test
# The thread type, the emulated GIL and the runner again under ThreadSanitizer.
swift test --scratch-path .build-tsan --sanitize=thread \
    --filter 'BenchThreadTests|InterpreterLockTests|RunnerTests'
# The HTML report in a real browser: headless Chromium loads it, no console error, every chart and table.
scripts/html-check.sh
# The CSV reader and the --threads parser under libFuzzer, 25 s each, from the kept corpora.
scripts/fuzz.sh 25
