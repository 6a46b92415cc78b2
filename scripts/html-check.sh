#!/usr/bin/env bash
# Loads `threadbench report --html` of a committed default run in a real browser (Debian's
# headless Chromium) and checks it: the page loads with no console error and no failed request,
# names no network resource, and every workload has its chart and its tables. Takes a screenshot.
# Usage: scripts/html-check.sh [--record] [BINARY]
#   --record  also copies the screenshot to docs/report-screenshot.png (the README links it)
#   BINARY    the threadbench to run (default: .build/debug/threadbench, built when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
record=false
if [[ "${1:-}" == "--record" ]]; then record=true; shift; fi
binary="${1:-.build/debug/threadbench}"
if [[ ! -x "$binary" ]]; then swift build --product threadbench >&2; fi
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then echo "html-check: chromium not found (scripts/setup.sh installs it)" >&2; exit 1; fi
run="results/vm-2core-s2-20261128T172053Z.csv"
work="$(mktemp -d "${TMPDIR:-/tmp}/threadbench-html.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$binary" report "$run" --out "$work/chart.svg" --html "$work/page.html" > /dev/null 2>&1
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --user-data-dir="$work/profile"
       --enable-logging=stderr --v=0)
timeout 120 "$browser" "${flags[@]}" --window-size=1280,2400 --screenshot="$work/page.png" \
    "file://$work/page.html" > "$work/screenshot.log" 2>&1
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$work/page.html" > "$work/dom.html" 2> "$work/dom.log"
fail=0
if grep -hE 'CONSOLE\(|net::ERR_|Uncaught' "$work/screenshot.log" "$work/dom.log"; then
    echo "html-check: the browser reported console errors or failed requests (above)" >&2; fail=1
fi
if grep -Eo '(src|href)="(https?:)?//[^"]*"' "$work/page.html"; then
    echo "html-check: the page names network resources (above)" >&2; fail=1
fi
[[ -s "$work/page.png" ]] || { echo "html-check: no screenshot" >&2; fail=1; }
python3 - "$work/dom.html" "$run" <<'PY' || fail=1
import csv, re, sys
dom = open(sys.argv[1]).read()
workloads = []
for row in csv.DictReader(open(sys.argv[2])):
    if row["workload"] not in workloads:
        workloads.append(row["workload"])
missing = []
for w in workloads:
    ident = re.sub(r"[^0-9A-Za-z]", "-", w)
    m = re.search(r'<section class="workload" id="workload-%s".*?</section>' % re.escape(ident), dom, re.S)
    if not m or "<svg" not in m.group(0) or '<table class="summary"' not in m.group(0):
        missing.append(w)
if "Where threads helped" not in dom:
    missing.append("the findings")
if missing:
    sys.exit("html-check: no chart or table for: " + ", ".join(missing))
print(f"html-check: {len(workloads)} workloads, each with its chart and tables")
PY
if $record; then cp "$work/page.png" docs/report-screenshot.png; echo "html-check: docs/report-screenshot.png"; fi
exit $fail
