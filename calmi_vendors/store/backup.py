"""Online, consistent copies of a SQLite register, and the rotating backups kept beside it."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from calmi_vendors.errors import RegisterError

Progress = Callable[[int, int], None]


def backup_sqlite(source: Path, destination: Path, *, progress: Progress | None = None) -> Path:
    """Copy a live register page by page (other connections may keep writing) into a new file."""
    destination = destination.expanduser().resolve()
    if destination == source.resolve():
        raise RegisterError("The backup cannot overwrite the register itself.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)

    def _progress(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    try:
        src = sqlite3.connect(source, timeout=10)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst, pages=256, progress=_progress)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        if os.name == "posix":
            partial.chmod(0o600)
        os.replace(partial, destination)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise RegisterError(f"Backup to {destination} failed: {exc}.") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise RegisterError(f"Backup to {destination} failed: {exc.strerror or exc}.") from exc
    return destination


def daily_backup(source: Path, backup_dir: Path, *, keep: int, today: datetime | None = None) -> Path | None:
    """The first use of a day leaves a backup; later opens that day find it and write nothing."""
    stamp = (today or datetime.now()).strftime("%Y%m%d")
    if any(backup_dir.glob(f"{source.stem}-{stamp}-*-daily.sqlite3")):
        return None
    return rotating_backup(source, backup_dir, reason="daily", keep=keep)


def rotating_backup(source: Path, backup_dir: Path, *, reason: str, keep: int) -> Path:
    """Write `<stem>-<timestamp>-<reason>.sqlite3` and delete all but the newest `keep` backups."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_sqlite(source, backup_dir / f"{source.stem}-{stamp}-{reason}.sqlite3")
    existing = sorted(backup_dir.glob(f"{source.stem}-*.sqlite3"))
    for old in existing[: max(0, len(existing) - keep)]:
        old.unlink(missing_ok=True)
    return target
