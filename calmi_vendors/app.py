"""Composition root of the desktop app: settings → register → QApplication → main window."""

from __future__ import annotations

import sys


def run_gui(location: str | None = None) -> int:
    """Open the register (or say clearly why not) and run the main window until it is closed."""
    from calmi_vendors.ui.application import run

    return run(location)


def main() -> int:
    """Entry point of `calmi-vendors-gui` (no console on Windows): same options as `calmi-vendors`."""
    from calmi_vendors.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
