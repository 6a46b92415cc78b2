#!/usr/bin/env bash
# The steps of docs/fleet-workflow.yml after the upload: compare every uploaded run (raw CSVs,
# not the -summary or -model files) with the first as the baseline, as Markdown.
# Usage: scripts/fleet-check.sh --compare FOLDER   (what the workflow's last job runs)
#        scripts/fleet-check.sh                    (proves it here: two quick local runs labelled
#                                                   like two runner kinds, then the comparison)
set -euo pipefail
cd "$(dirname "$0")/.."
THREADBENCH_SETUP_TESTS=0 scripts/setup.sh
swift build -c release --product threadbench >&2
T=.build/release/threadbench
if [[ "${1:-}" == "--compare" ]]; then
    folder="$2"
else
    folder="$(mktemp -d "${TMPDIR:-/tmp}/threadbench-fleet.XXXXXX")"
    trap 'rm -rf "$folder"' EXIT
    for runner in runner-a runner-b; do
        $T run --quick --workloads math,sleep --label "$runner" --out "$folder" > /dev/null 2>&1
    done
fi
mapfile -t runs < <(find "$folder" -name '*.csv' ! -name '*-summary.csv' ! -name '*-model.csv' | sort)
if (( ${#runs[@]} < 2 )); then echo "fleet-check: fewer than two runs in $folder" >&2; exit 1; fi
echo "## ThreadBench across ${#runs[@]} runs"
echo
$T compare "${runs[@]}" --format markdown
