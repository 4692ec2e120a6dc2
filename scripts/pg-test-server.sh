#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, never touching the system cluster.
#
#   bash scripts/pg-test-server.sh start   # prints the SQLAlchemy URL (idempotent)
#   bash scripts/pg-test-server.sh url     # prints the URL of the running server, exit 1 if none
#   bash scripts/pg-test-server.sh stop    # stops the server and removes its folder (idempotent)
#
# Environment:
#   CALMI_PG_DIR   folder of the server (default /tmp/calmi-pg-test); holds data/, postgres.log, url
#   CALMI_PG_PORT  preferred port (default 54329; the next free one is used when it is busy)
#   PG_BIN         folder of initdb/pg_ctl (default: newest /usr/lib/postgresql/*/bin)
#
# The server listens on 127.0.0.1 only, its unix socket lives in the data folder, authentication is
# `trust` (it is a test server reachable only from this machine), durability is off (fsync=off) and
# the database `calmi_test` is created. Only the URL goes to stdout; messages go to stderr.
set -euo pipefail

DB_NAME="calmi_test"
DB_USER="postgres"
WAIT_SECONDS=30

usage() {
    echo "usage: $0 start|stop|url" >&2
    exit 2
}
[ "$#" -eq 1 ] || usage
action="$1"

say() { echo "pg-test-server: $*" >&2; }
die() {
    say "$*"
    exit 1
}

dir="${CALMI_PG_DIR:-/tmp/calmi-pg-test}"
case "$dir" in
    /*) ;;
    *) dir="$PWD/$dir" ;;
esac
dir="${dir%/}"
[ -n "$dir" ] || die "refusing CALMI_PG_DIR=/"
data="$dir/data"
marker="$dir/.calmi-pg-test"
url_file="$dir/url"
log_file="$dir/postgres.log"

# Binaries: newest Debian major version, else whatever is on PATH (other distributions, macOS).
if [ -z "${PG_BIN:-}" ]; then
    PG_BIN="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$PG_BIN" ] && command -v pg_ctl >/dev/null 2>&1; then
        PG_BIN="$(dirname "$(command -v pg_ctl)")"
    fi
fi

# initdb and postgres refuse to run as root: run the server side as the `postgres` OS user then.
as_server=()
if [ "$(id -u)" -eq 0 ]; then
    id -u postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user (run scripts/setup-system.sh)"
    as_server=(runuser -u postgres --)
fi
# fd 9 holds the lock below: close it for these commands, or the postmaster inherits it and keeps
# the lock for its lifetime.
server() { "${as_server[@]}" "$@" 9>&-; }

# Never run from a folder the postgres user cannot enter (it warns and some tools fail).
cd /

export PGCONNECT_TIMEOUT=10

need_bin() {
    if [ -z "${PG_BIN:-}" ] || [ ! -x "$PG_BIN/pg_ctl" ] || [ ! -x "$PG_BIN/initdb" ]; then
        die "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and PATH; run scripts/setup-system.sh or set PG_BIN)"
    fi
}

is_running() {
    [ -n "${PG_BIN:-}" ] && [ -f "$data/PG_VERSION" ] &&
        server "$PG_BIN/pg_ctl" status -D "$data" >/dev/null 2>&1
}

running_port() {
    # Line 4 of postmaster.pid is the port the running server listens on.
    sed -n 4p "$data/postmaster.pid"
}

url_for_port() {
    echo "postgresql+psycopg://$DB_USER@127.0.0.1:$1/$DB_NAME"
}

# Remove the server folder, but only if this script made it (or it is empty).
remove_dir() {
    [ -e "$dir" ] || return 0
    if [ -f "$marker" ] || [ -z "$(ls -A "$dir" 2>/dev/null)" ]; then
        rm -rf -- "$dir"
    else
        die "$dir exists and was not made by this script; not removing it"
    fi
}

port_is_free() {
    # Bind test on the loopback address the server will use (python3 is always there for this project).
    "${PYTHON:-python3}" - "$1" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

pick_port() {
    local first="${CALMI_PG_PORT:-54329}" p
    for ((p = first; p < first + 100; p++)); do
        if port_is_free "$p"; then
            echo "$p"
            return 0
        fi
    done
    die "no free port in $first..$((first + 99))"
}

stop_server() {
    if is_running; then
        say "stopping server in $data"
        if ! server "$PG_BIN/pg_ctl" stop -D "$data" -m fast -w -t "$WAIT_SECONDS" >&2; then
            say "fast shutdown failed; trying immediate"
            server "$PG_BIN/pg_ctl" stop -D "$data" -m immediate -w -t "$WAIT_SECONDS" >&2 || true
        fi
    fi
    remove_dir
}

start_server() {
    need_bin
    if is_running; then
        local port
        port="$(running_port)"
        url_for_port "$port" >"$url_file"
        say "already running on 127.0.0.1:$port ($data)"
        cat "$url_file"
        return 0
    fi

    # Whatever is left (a crashed or half-made server) is thrown away: this is a test server.
    stop_server

    local t0 port
    t0=$(date +%s)
    port="$(pick_port)"
    mkdir -p "$dir"
    : >"$marker"
    if [ "${#as_server[@]}" -ne 0 ]; then
        chown postgres: "$dir"
        server test -x "$dir" || die "the postgres user cannot enter $dir; choose another CALMI_PG_DIR"
    fi

    say "initdb ($("$PG_BIN/postgres" --version 2>/dev/null || echo "$PG_BIN")) in $data"
    server "$PG_BIN/initdb" -D "$data" -U "$DB_USER" -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
        {
            cat "$dir/initdb.log" >&2
            die "initdb failed"
        }

    # Settings in the config file, so a plain `pg_ctl start` on this folder gives the same server.
    server tee -a "$data/postgresql.conf" >/dev/null <<EOF

# --- calmi-vendors throwaway test server (scripts/pg-test-server.sh) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
EOF
    server touch "$log_file"

    if ! server "$PG_BIN/pg_ctl" start -D "$data" -l "$log_file" -w -t "$WAIT_SECONDS" >&2; then
        tail -n 30 "$log_file" >&2 || true
        die "server did not start within ${WAIT_SECONDS}s (log: $log_file)"
    fi

    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$DB_USER" "$DB_NAME" ||
        die "createdb $DB_NAME failed (log: $log_file)"

    url_for_port "$port" >"$url_file"
    say "started on 127.0.0.1:$port in $(($(date +%s) - t0))s; URL in $url_file"
    cat "$url_file"
}

# One start/stop at a time per folder (flock is in util-linux, always on Debian).
lock_file="$dir.lock"
if command -v flock >/dev/null 2>&1; then
    exec 9>"$lock_file"
    flock -w 60 9 || die "another pg-test-server.sh holds $lock_file"
fi

case "$action" in
    start) start_server ;;
    stop) stop_server ;;
    url)
        if is_running && [ -f "$url_file" ]; then
            cat "$url_file"
        else
            die "not running ($dir)"
        fi
        ;;
    *) usage ;;
esac
