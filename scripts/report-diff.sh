#!/usr/bin/env bash
# Proves that a refactor changed no text: runs `threadbench report` on every raw CSV under
# results/ and `threadbench compare` (table, markdown, csv) on five pairs of them, and diffs what
# they print (stdout, stderr, exit status, and the chart's checksum) against the texts saved
# in scripts/report-golden/, which were made by the commit before issue 16's refactor.
#
# Usage: scripts/report-diff.sh [--record] [BINARY]
#   --record  writes the texts to scripts/report-golden/ instead of diffing against them
#   BINARY    the threadbench to run (default: .build/debug/threadbench, built when missing)
# Exits 0 when every text matches, 1 (with the diff) otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
record=false
if [[ "${1:-}" == "--record" ]]; then record=true; shift; fi
binary="${1:-.build/debug/threadbench}"
if [[ ! -x "$binary" ]]; then swift build --product threadbench >&2; fi
golden=scripts/report-golden
work="$(mktemp -d "${TMPDIR:-/tmp}/threadbench-report-diff.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/texts"

# Runs one command and keeps what it printed, with the temp folder's name made constant.
capture() {
    local name="$1"; shift
    local status=0
    "$@" >"$work/stdout" 2>"$work/stderr" || status=$?
    {
        echo "\$ ${*/#$binary/threadbench}"
        echo "status: $status"
        echo "stdout:"; cat "$work/stdout"
        echo "stderr:"; cat "$work/stderr"
        for svg in "$work"/*.svg; do
            [[ -e "$svg" ]] || continue
            echo "chart sha256: $(sha256sum <"$svg" | cut -d' ' -f1)"
            rm -f "$svg"
        done
    } | sed "s|$work|TMP|g" >"$work/texts/$name.txt"
}

for csv in results/*.csv; do
    case "$csv" in *-summary.csv|*-model.csv) continue ;; esac
    capture "report-$(basename "$csv" .csv)" "$binary" report "$csv" --out "$work/chart.svg"
done
# Pairs that cover compare's paths: same machine, another CPU limit, no shared rows, start methods.
pairs=(
    "fidelity-30r-20261128T162752Z fidelity-30r-20261128T162908Z"
    "vm-2core-s2-20261128T171735Z vm-2core-s2-20261128T171916Z"
    "taskset-20261128T153240Z vm-2core-20261128T153426Z"
    "math-20261128T043854Z io-20261128T044633Z"
    "start-fork-20261128T164433Z start-spawn-20261128T164441Z"
)
for pair in "${pairs[@]}"; do
    read -r a b <<<"$pair"
    name="compare-$a--$b"
    capture "$name" "$binary" compare "results/$a.csv" "results/$b.csv" --chart "$work/chart.svg"
    capture "$name-markdown" "$binary" compare "results/$a.csv" "results/$b.csv" --format markdown
    capture "$name-csv" "$binary" compare "results/$a.csv" "results/$b.csv" --format csv --fail-on-regression 0
done

if $record; then
    rm -rf "$golden"; mkdir -p "$golden"; cp "$work"/texts/*.txt "$golden/"
    echo "recorded $(ls "$golden" | wc -l) texts in $golden"
elif diff -ru "$golden" "$work/texts"; then
    echo "report-diff: all $(ls "$golden" | wc -l) texts match $golden"
else
    echo "report-diff: the texts differ from $golden (above)" >&2
    exit 1
fi
