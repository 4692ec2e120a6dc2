"""Opening, refusing, backing up and restoring register files; PostgreSQL where it applies."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from calmi_vendors.errors import CorruptRegisterError, NewerSchemaError, NotARegisterError, RegisterError
from calmi_vendors.services import maintenance, parties
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.register import Register


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_register_is_created_private_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "register.sqlite3"
    register = open_for_use(str(path))
    try:
        with register.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        register.close()
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


def test_a_text_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("meeting notes, not a database\n", encoding="utf-8")
    before = _digest(path)
    with pytest.raises(NotARegisterError, match="not a SQLite database"):
        open_for_use(str(path))
    assert _digest(path) == before


def test_another_apps_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('x')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotARegisterError, match="not a Calmi Vendors register"):
        open_for_use(str(path))
    assert _digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def _pretend_newer(register: Register) -> None:
    with register.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))


def test_a_register_from_a_newer_app_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    register = open_for_use(str(path))
    _pretend_newer(register)
    register.close()
    before = _digest(path)
    with pytest.raises(NewerSchemaError, match="newer version of Calmi Vendors"):
        open_for_use(str(path))
    assert _digest(path) == before


@pytest.mark.postgres
def test_a_postgresql_register_from_a_newer_app_is_refused(pg_url: str) -> None:
    register = open_for_use(pg_url)
    _pretend_newer(register)
    register.close()
    with pytest.raises(NewerSchemaError):
        open_for_use(pg_url)


def test_an_unreachable_server_gets_a_clear_message() -> None:
    with pytest.raises(RegisterError, match="Cannot connect"):
        open_for_use("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_a_damaged_file_is_reported_not_crashed_on(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite3"
    open_for_use(str(path)).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    path.write_bytes(bytes(data))
    with pytest.raises((CorruptRegisterError, NotARegisterError)):
        open_for_use(str(path))


def test_backup_is_consistent_while_another_connection_writes(
    sqlite_register: Register, tmp_path: Path
) -> None:
    uow = sqlite_register.unit_of_work
    for i in range(30):
        parties.create_party(uow(), PartyInput(name=f"Before {i} K.K."))
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        i = 0
        while not stop.is_set():
            parties.create_party(uow(), PartyInput(name=f"During {i} K.K."))
            written.append(i)
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        target = maintenance.backup_register(sqlite_register, tmp_path / "copy.sqlite3")
    finally:
        stop.set()
        thread.join()
    copy = open_for_use(str(target), migrate=False)
    try:
        report = maintenance.check_register(copy)
        assert report.ok, report.problems
        assert report.counts["entrusted_party"] >= 30
    finally:
        copy.close()
    assert written, "the writer should have committed while the backup ran"


def test_restore_refuses_a_bad_file_and_keeps_the_register(sqlite_register: Register, tmp_path: Path) -> None:
    parties.create_party(sqlite_register.unit_of_work(), PartyInput(name="Keep Me K.K."))
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"PK\x03\x04 definitely a zip")
    with pytest.raises(NotARegisterError):
        maintenance.restore_register(sqlite_register, junk)
    names = [p.name for p in parties.list_parties(sqlite_register.unit_of_work())]
    assert names == ["Keep Me K.K."]


def test_restore_brings_back_the_backup_and_saves_the_current_state(
    sqlite_register: Register, tmp_path: Path
) -> None:
    uow = sqlite_register.unit_of_work
    parties.create_party(uow(), PartyInput(name="In The Backup K.K."))
    backup = maintenance.backup_register(sqlite_register, tmp_path / "b.sqlite3")
    parties.create_party(uow(), PartyInput(name="Added Later K.K."))
    safety = maintenance.restore_register(sqlite_register, backup)
    assert safety.exists()
    reopened = open_for_use(str(sqlite_register.location.path))
    try:
        assert [p.name for p in parties.list_parties(reopened.unit_of_work())] == ["In The Backup K.K."]
    finally:
        reopened.close()


PROBE_MIGRATION = """
from alembic import op
import sqlalchemy as sa

revision = "0999_probe"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    # A batch rebuild of a table that has children: with foreign keys on, SQLite would cascade-delete them.
    with op.batch_alter_table("entrusted_party") as batch:
        batch.add_column(sa.Column("probe_note", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("entrusted_party") as batch:
        batch.drop_column("probe_note")
"""


def test_a_pending_migration_backs_up_first_and_keeps_child_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from calmi_vendors.domain.enums import CertificationKind
    from calmi_vendors.services.dto import CertificationInput, ContactInput
    from calmi_vendors.store import register as register_module

    path = tmp_path / "register.sqlite3"
    reg = open_for_use(str(path))
    party = parties.create_party(
        reg.unit_of_work(),
        PartyInput(
            name="Old Data K.K.",
            contacts=(ContactInput("Sato"),),
            certifications=(CertificationInput(CertificationKind.ISO_27001, "IS 1"),),
        ),
    )
    reg.close()
    migrations = tmp_path / "migrations"
    shutil.copytree(register_module.MIGRATIONS_DIR, migrations)
    head = register_module.head_revision()
    (migrations / "versions" / "0999_probe.py").write_text(
        PROBE_MIGRATION.format(head=head), encoding="utf-8"
    )
    monkeypatch.setattr(register_module, "MIGRATIONS_DIR", migrations)

    upgraded = open_for_use(str(path))
    try:
        assert upgraded.migrated_from == head
        assert upgraded.schema_revision == "0999_probe"
        assert upgraded.backup_made is not None
        assert upgraded.backup_made.exists()
        detail = parties.get_party(upgraded.unit_of_work(), party.id)
        assert [c.name for c in detail.contacts] == ["Sato"]
        assert [c.number for c in detail.certifications] == ["IS 1"]
    finally:
        upgraded.close()
    old = sqlite3.connect(upgraded.backup_made)
    try:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
    finally:
        old.close()
