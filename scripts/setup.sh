#!/usr/bin/env bash
# Installs the system packages ThreadBench needs (libcurl headers, pkg-config, Python 3),
# when any is missing and this user may run apt-get. Safe to run again.
set -euo pipefail
missing=0
pkg-config --exists libcurl 2>/dev/null || missing=1
command -v python3 >/dev/null 2>&1 || missing=1
if [ "$missing" = 1 ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq libcurl4-openssl-dev pkg-config python3 >/dev/null
    else
        echo "setup: please install libcurl4-openssl-dev, pkg-config and python3 (need root for apt-get)" >&2
        exit 1
    fi
fi
# Python's jsonschema, which the export tests validate the JSON export with.
if ! python3 -c "import jsonschema" >/dev/null 2>&1; then
    python3 -m pip install --quiet jsonschema || {
        echo "setup: please install Python's jsonschema (pip install jsonschema)" >&2
        exit 1
    }
fi
