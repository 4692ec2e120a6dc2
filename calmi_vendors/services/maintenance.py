"""Keeping a register sound: integrity check, online backup, validated restore, change history lookups."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from calmi_vendors.domain.enums import ChangeAction
from calmi_vendors.errors import CorruptRegisterError, NewerSchemaError, NotARegisterError, RegisterError
from calmi_vendors.services.dto import CheckReport, HistoryEntry
from calmi_vendors.services.evidence import verify_evidence
from calmi_vendors.store import history
from calmi_vendors.store.backup import Progress, backup_sqlite, rotating_backup
from calmi_vendors.store.base import Base
from calmi_vendors.store.engine import parse_location
from calmi_vendors.store.models import ChangeRecord
from calmi_vendors.store.register import Register, head_revision, known_revisions, sqlite_revision
from calmi_vendors.store.unit_of_work import UnitOfWork

COUNTED_TABLES = (
    "entrusted_party",
    "consignment_contract",
    "clause_coverage",
    "assessment",
    "supervision_audit",
    "finding",
    "evidence",
    "change_history",
)


def check_register(register: Register) -> CheckReport:
    """Integrity, foreign keys, schema revision and the change-history hash chain."""
    problems: list[str] = []
    warnings: list[str] = []
    with register.engine.connect() as conn:
        if register.is_sqlite:
            for (line,) in conn.exec_driver_sql("PRAGMA integrity_check").fetchall():
                if line != "ok":
                    problems.append(f"integrity: {line}")
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
                problems.append(f"{table} row {rowid} refers to a missing {parent} row")
        revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
        if revision != head_revision():
            problems.append(f"schema revision {revision} is not the app's {head_revision()}")
        counts = {
            name: int(
                conn.execute(sa.select(sa.func.count()).select_from(Base.metadata.tables[name])).scalar_one()
            )
            for name in COUNTED_TABLES
        }
        problems.extend(history.verify_chain(conn))
    problems.extend(verify_evidence(register.unit_of_work(readonly=True), register.evidence_dir))
    if register.location.path is not None and os.name == "posix":
        mode = register.location.path.stat().st_mode & 0o777
        if mode & 0o077:
            warnings.append(f"the register file is readable by other users (mode {mode:o})")
    return CheckReport(
        location=register.location.display(),
        backend=register.engine.dialect.name,
        schema_revision=str(revision),
        counts=counts,
        problems=tuple(problems),
        warnings=tuple(warnings),
    )


def backup_register(register: Register, destination: Path, *, progress: Progress | None = None) -> Path:
    """A consistent copy of a live SQLite register (other connections may go on writing)."""
    if register.location.path is None:
        raise RegisterError(
            "Back up a PostgreSQL register on the server (pg_dump); this command copies SQLite files."
        )
    return backup_sqlite(register.location.path, destination, progress=progress)


def validate_backup(candidate: Path) -> str:
    """Refuse anything that is not a sound register this app can open; return its schema revision."""
    if not candidate.is_file():
        raise RegisterError(f"{candidate} does not exist.")
    revision = sqlite_revision(candidate)
    if revision is None:
        raise NotARegisterError(f"{candidate} is empty, not a register backup.")
    if revision not in known_revisions():
        raise NewerSchemaError(
            f"{candidate} comes from a newer version of Calmi Vendors (schema {revision})."
        )
    conn = sqlite3.connect(candidate)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    if [r[0] for r in result] != ["ok"]:
        raise CorruptRegisterError(f"{candidate} is damaged ({result[0][0]}); it was not restored.")
    return revision


def restore_register(register: Register, source: Path, *, keep_backups: int = 10) -> Path:
    """Replace the register's content with a validated backup; the current content is backed up first."""
    path = register.location.path
    if path is None or register.backup_dir is None:
        raise RegisterError(
            "Restore works on SQLite registers; restore PostgreSQL on the server (pg_restore)."
        )
    source = parse_location(str(source)).path or source
    if source.resolve() == path.resolve():
        raise RegisterError("That is the register itself, not a backup of it.")
    validate_backup(source)
    safety = rotating_backup(path, register.backup_dir, reason="before-restore", keep=keep_backups)
    register.engine.dispose()
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(path, timeout=10)
        try:
            # The backup API copies into the live file under SQLite's own locks, WAL included.
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise RegisterError(f"Restore failed ({exc}); the previous content is saved in {safety}.") from exc
    finally:
        src.close()
    return safety


def history_of(uow: UnitOfWork, table_name: str, record_id: int, *, limit: int = 500) -> list[HistoryEntry]:
    with uow:
        rows = uow.session.scalars(
            sa.select(ChangeRecord)
            .where(ChangeRecord.table_name == table_name, ChangeRecord.record_id == record_id)
            .order_by(ChangeRecord.id.desc())
            .limit(limit)
        ).all()
        return [
            HistoryEntry(
                id=r.id,
                changed_at=r.changed_at,
                changed_by=r.changed_by,
                action=ChangeAction(r.action),
                table_name=r.table_name,
                record_id=r.record_id,
                field=r.field,
                old_value=r.old_value,
                new_value=r.new_value,
            )
            for r in rows
        ]
