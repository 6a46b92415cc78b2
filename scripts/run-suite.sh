#!/usr/bin/env bash
# Builds ThreadBench optimised and runs the default suite; results land in results/.
# Extra arguments go to `threadbench run` (for example --quick, --threads 1,2,4,8).
set -euo pipefail
cd "$(dirname "$0")/.."
THREADBENCH_SETUP_TESTS=0 scripts/setup.sh
swift build -c release --product threadbench >&2
exec .build/release/threadbench run "$@"
