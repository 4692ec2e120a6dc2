"""The process the crash tests kill: imports a list, or saves one party over and over, saying where it is.

    python crash_child.py import LOCATION LIST.xlsx [--pause-before-commit]
    python crash_child.py save LOCATION PARTY_ID [--pause-in-transaction N]

Each line on stdout is a marker the parent waits for: `PROGRESS done total`, `WRITTEN` (every row is in
the open transaction), `COMMITTED`, `SAVED n version`, `IN-TRANSACTION n`. A pause sleeps right after its
marker, inside the open transaction, so the parent's SIGKILL lands there for certain.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event

from calmi_vendors.services import importing, parties
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.register import RegisterSession

TODAY = date(2026, 4, 1)
PAUSE_SECONDS = 120


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run_import(location: str, path: Path, pause_before_commit: bool) -> None:
    register = open_for_use(location)
    preview = importing.preview_import(register.unit_of_work(), path, today=TODAY)
    say(f"PREVIEWED {len(preview.rows)}")

    def progress(done: int, total: int, _where: str) -> None:
        if done < total:
            say(f"PROGRESS {done} {total}")
            return
        say("WRITTEN")
        if pause_before_commit:
            time.sleep(PAUSE_SECONDS)

    importing.apply_import(register.unit_of_work(), preview, progress=progress, today=TODAY)
    say("COMMITTED")
    time.sleep(PAUSE_SECONDS)


def run_saves(location: str, party_id: int, pause_at: int | None) -> None:
    register = open_for_use(location)
    count = 0

    def flushed(_session: Any, _context: Any) -> None:
        # After the flush the new version and its history rows are written but not committed.
        if pause_at is not None and count == pause_at:
            say(f"IN-TRANSACTION {count}")
            time.sleep(PAUSE_SECONDS)

    event.listen(RegisterSession, "after_flush_postexec", flushed)
    while True:
        count += 1
        current = parties.get_party(register.unit_of_work(readonly=True), party_id)
        edited = dataclasses.replace(current.as_input(), notes=f"save {count}")
        saved = parties.update_party(
            register.unit_of_work(), party_id, edited, expected_version=current.version
        )
        say(f"SAVED {count} {saved.version}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["import", "save"])
    parser.add_argument("location")
    parser.add_argument("subject")
    parser.add_argument("--pause-before-commit", action="store_true")
    parser.add_argument("--pause-in-transaction", type=int)
    args = parser.parse_args()
    if args.mode == "import":
        run_import(args.location, Path(args.subject), args.pause_before_commit)
    else:
        run_saves(args.location, int(args.subject), args.pause_in_transaction)
    return 0


if __name__ == "__main__":
    sys.exit(main())
