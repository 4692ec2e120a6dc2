#!/usr/bin/env bash
# THE test command of the project (CI runs it through .ci/run):
#
#   bash scripts/test.sh                 # everything
#   bash scripts/test.sh -k party -x     # extra arguments go to pytest
#
# 1. Debian packages (scripts/setup-system.sh), 2. .venv (scripts/venv.sh), 3. a throwaway PostgreSQL
# (scripts/pg-test-server.sh; stopped on exit if this script started it), then ruff check,
# ruff format --check, mypy and pytest. The four checks all run even when one fails, so one CI run
# reports every problem; the script exits non-zero if any of them failed. pytest's exit code 5
# (no tests collected) counts as a failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

T_START=$(date +%s)
failed=()

header() {
    echo
    echo "==> $1"
}

# run_step NAME CMD...: runs CMD, prints its elapsed seconds, records a failure.
run_step() {
    local name="$1" t0 rc
    shift
    header "$name"
    t0=$(date +%s)
    set +e
    "$@"
    rc=$?
    set -e
    if [ "$rc" -eq 0 ]; then
        echo "<== $name: ok ($(($(date +%s) - t0))s)"
    else
        echo "<== $name: FAILED, exit $rc ($(($(date +%s) - t0))s)"
        failed+=("$name")
    fi
    return "$rc"
}

pg_started_here=0
cleanup() {
    if [ "$pg_started_here" -eq 1 ]; then
        bash scripts/pg-test-server.sh stop >/dev/null 2>&1 || echo "test.sh: could not stop the PostgreSQL test server" >&2
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- environment: any failure here stops the run -------------------------------------------------
run_step "system packages (scripts/setup-system.sh)" bash scripts/setup-system.sh || exit 1
run_step "virtualenv (scripts/venv.sh)" bash scripts/venv.sh || exit 1

if ! bash scripts/pg-test-server.sh url >/dev/null 2>&1; then
    pg_started_here=1
fi
pg_url_file="$(mktemp)"
pg_start() { bash scripts/pg-test-server.sh start >"$pg_url_file"; }
if ! run_step "PostgreSQL test server (scripts/pg-test-server.sh start)" pg_start; then
    rm -f "$pg_url_file"
    exit 1
fi
CALMI_TEST_PG_URL="$(cat "$pg_url_file")"
rm -f "$pg_url_file"
export CALMI_TEST_PG_URL
export QT_QPA_PLATFORM=offscreen
echo "CALMI_TEST_PG_URL=$CALMI_TEST_PG_URL"
echo "QT_QPA_PLATFORM=$QT_QPA_PLATFORM"
echo "python: $(.venv/bin/python --version 2>&1)  ruff: $(.venv/bin/ruff --version 2>&1)  mypy: $(.venv/bin/mypy --version 2>&1)"

# --- checks: all run, failures are collected -----------------------------------------------------
run_step "ruff check" .venv/bin/ruff check . || true
run_step "ruff format --check" .venv/bin/ruff format --check . || true
run_step "mypy" .venv/bin/mypy || true

pytest_rc=0
run_step "pytest" .venv/bin/python -m pytest -q -p no:cacheprovider "$@" || pytest_rc=$?
if [ "$pytest_rc" -eq 5 ]; then
    echo "test.sh: pytest collected no tests (exit 5): counted as a failure"
fi

echo
if [ "${#failed[@]}" -ne 0 ]; then
    echo "==> FAILED: ${failed[*]} (total $(($(date +%s) - T_START))s)"
    exit 1
fi
echo "==> all checks passed (total $(($(date +%s) - T_START))s)"
