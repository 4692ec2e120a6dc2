#!/usr/bin/env bash
# Create or update .venv in the repo root with the app and its test tools:
#
#   PYTHON=python3.11 bash scripts/venv.sh
#
# The `pip install -e '.[test]'` is skipped when .venv/.pyproject.sha256 holds the sha256 of the
# current pyproject.toml (written only after a successful install). The venv is rebuilt when its
# interpreter is missing, broken, or of another version than ${PYTHON:-python3}.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PY="${PYTHON:-python3}"
VENV="$ROOT/.venv"
STAMP="$VENV/.pyproject.sha256"

if ! command -v "$PY" >/dev/null 2>&1; then
    echo "venv: interpreter '$PY' not found (set PYTHON=...)" >&2
    exit 1
fi
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    echo "venv: $PY is Python $("$PY" -c 'import platform; print(platform.python_version())'); need >= 3.11" >&2
    exit 1
fi
want_version="$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"

if [ -d "$VENV" ]; then
    have_version="$("$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)"
    if [ "$have_version" != "$want_version" ]; then
        echo "venv: .venv has Python '${have_version:-broken}', want $want_version: recreating"
        rm -rf "$VENV"
    fi
fi
if [ ! -d "$VENV" ]; then
    echo "venv: creating .venv with $PY ($("$PY" -c 'import sys; print(sys.executable)'), Python $want_version)"
    "$PY" -m venv "$VENV"
fi

want_hash="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_hash" ]; then
    echo "venv: .venv up to date with pyproject.toml (${want_hash:0:12})"
    exit 0
fi

rm -f "$STAMP"
echo "venv: installing -e '.[test]' into .venv"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
"$VENV/bin/python" -m pip install --progress-bar off -e '.[test]'
printf '%s\n' "$want_hash" >"$STAMP"
echo "venv: done (${want_hash:0:12})"
