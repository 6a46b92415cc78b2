# Shared by the measuring scripts: source it after `cd` to the repository root.
# Sets $binary to the release build of threadbench (building it when missing) and $out to a
# private temporary folder that is removed when the script exits.
binary=.build/release/threadbench
if [[ ! -x "$binary" ]]; then swift build -c release --product threadbench >&2; fi
out="$(mktemp -d "${TMPDIR:-/tmp}/threadbench-$(basename "$0" .sh).XXXXXX")"
trap 'rm -rf "$out"' EXIT
