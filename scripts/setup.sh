#!/usr/bin/env bash
# Installs the system packages ThreadBench needs (libcurl headers, pkg-config, Python 3), and for
# the tests Chromium, python3-venv and Python's jsonschema (THREADBENCH_SETUP_TESTS=0 skips those), when any is
# missing and this user may run apt-get. Safe to run again.
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
# Debian's Chromium, which scripts/html-check.sh loads the HTML report in (tests only).
if [ "${THREADBENCH_SETUP_TESTS:-1}" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
    else
        echo "setup: please install chromium (the HTML report's browser test needs it)" >&2
        exit 1
    fi
fi
# Debian's python3-venv, which the test of two interpreters side by side makes a virtual
# environment with (tests only; Debian leaves venv's ensurepip out of python3).
if [ "${THREADBENCH_SETUP_TESTS:-1}" = 1 ] && ! python3 -c "import ensurepip" >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq python3-venv >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null; }
    else
        echo "setup: please install python3-venv (the test of two interpreters needs python3 -m venv)" >&2
        exit 1
    fi
fi
# Python's jsonschema, which the export tests validate the JSON export with (tests only).
if [ "${THREADBENCH_SETUP_TESTS:-1}" = 1 ] && ! python3 -c "import jsonschema" >/dev/null 2>&1; then
    python3 -m pip install --quiet jsonschema || {
        echo "setup: please install Python's jsonschema (pip install jsonschema)" >&2
        exit 1
    }
fi
