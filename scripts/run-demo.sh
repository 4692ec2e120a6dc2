#!/usr/bin/env bash
# THE "install and start the app on a demo database" command:
#
#   bash scripts/run-demo.sh
#   CALMI_DEMO_DB=/tmp/demo.sqlite3 bash scripts/run-demo.sh
#
# Installs the Debian packages Qt needs and the .venv, creates a demo register (300 parties, seed 7)
# the first time only, then opens the main window on it. Delete the file to get a fresh demo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DB="${CALMI_DEMO_DB:-$HOME/.local/share/calmi-vendors-demo/register.sqlite3}"

bash scripts/setup-system.sh
bash scripts/venv.sh

if [ ! -e "$DB" ]; then
    mkdir -p "$(dirname "$DB")"
    echo "run-demo: creating the demo register $DB"
    if ! .venv/bin/calmi-vendors --db "$DB" demo --parties 300 --seed 7; then
        # The file did not exist before: remove what the failed run left, so the next run retries.
        rm -f -- "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
        echo "run-demo: creating the demo register failed" >&2
        exit 1
    fi
fi

echo "run-demo: opening $DB"
exec .venv/bin/calmi-vendors --db "$DB"
