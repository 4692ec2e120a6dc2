#!/usr/bin/env bash
# Install the Debian packages the tests and the app need, only those that are missing.
#
#   bash scripts/setup-system.sh
#
# Runs as root; otherwise uses sudo when available; otherwise prints what to install and exits 1.
# All names were checked with `apt-cache policy` against Debian 12 (bookworm).
set -euo pipefail

PACKAGES=(
    # Qt's xcb platform under Xvfb (conventions.md, "Measured on these machines").
    # QT_QPA_PLATFORM=offscreen needs none of them, the app on a real display does.
    xvfb
    xauth
    libxkbcommon-x11-0
    libxcb-cursor0
    libxcb-icccm4
    libxcb-keysyms1
    libxcb-shape0
    libxcb-render-util0
    libxcb-image0
    libxcb-randr0
    libxcb-xinerama0
    libxcb-xkb1
    libegl1
    libgl1
    libfontconfig1
    libdbus-1-3
    libglib2.0-0
    # pdftotext/pdffonts for the report tests.
    poppler-utils
    # The throwaway server of scripts/pg-test-server.sh (Debian 12 ships PostgreSQL 15).
    postgresql
    sqlite3
)

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-system: not a Debian-like system (no dpkg/apt-get); install the equivalents of:" >&2
    echo "  ${PACKAGES[*]}" >&2
    echo "setup-system: continuing without checking" >&2
    exit 0
fi

is_installed() {
    # `dpkg -s` also succeeds for removed-but-not-purged packages: look at the status line.
    dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! is_installed "$pkg"; then
        missing+=("$pkg")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "setup-system: all ${#PACKAGES[@]} Debian packages already installed"
    exit 0
fi

echo "setup-system: missing: ${missing[*]}"

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
    as_root=(sudo)   # interactive: let sudo ask for the password
else
    echo "setup-system: not root and no usable sudo; as root, run:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt_opts=(-y -q --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "${missing[@]}"

still_missing=()
for pkg in "${missing[@]}"; do
    if ! is_installed "$pkg"; then
        still_missing+=("$pkg")
    fi
done
if [ "${#still_missing[@]}" -ne 0 ]; then
    echo "setup-system: still missing after apt-get install: ${still_missing[*]}" >&2
    exit 1
fi
echo "setup-system: installed ${missing[*]}"
