"""Opening a register: recognise it, refuse what is not ours or too new, back up, migrate."""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from calmi_vendors.errors import (
    CorruptRegisterError,
    NewerSchemaError,
    NotARegisterError,
    RegisterError,
    RegisterLockedError,
    RegisterUnavailableError,
)
from calmi_vendors.store import history
from calmi_vendors.store.backup import rotating_backup
from calmi_vendors.store.engine import APPLICATION_ID, Location, create_engine, secure_file
from calmi_vendors.store.unit_of_work import UnitOfWork

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
# Tables whose presence says "this is a register" (beside alembic_version).
MARKER_TABLES = frozenset({"entrusted_party", "change_history"})


class RegisterSession(Session):
    """Sessions of a register: every flush is written to the change history."""


history.install(RegisterSession)


def alembic_config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


@dataclass
class Register:
    """An open register: engines, session factories and the folders that belong to it."""

    location: Location
    engine: Engine
    actor: str
    evidence_dir: Path
    backup_dir: Path | None
    schema_revision: str
    migrated_from: str | None = None
    created: bool = False
    warnings: list[str] = field(default_factory=list)
    backup_made: Path | None = None
    _read_sessions: sessionmaker[Session] = field(init=False, repr=False)
    _write_sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._read_sessions = sessionmaker(self.engine, class_=RegisterSession, expire_on_commit=False)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._write_sessions = sessionmaker(writer, class_=RegisterSession, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.location.is_sqlite

    def unit_of_work(self, *, readonly: bool = False) -> UnitOfWork:
        """A unit of work; a writing one takes SQLite's write lock at BEGIN so it never deadlocks."""
        factory = self._read_sessions if readonly else self._write_sessions
        return UnitOfWork(factory, actor=self.actor, readonly=readonly)

    def close(self) -> None:
        self.engine.dispose()


def sqlite_revision(path: Path) -> str | None:
    """Read a register file's schema revision without changing it; None for a new, empty file."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if not header:
        return None
    if header != SQLITE_HEADER:
        raise NotARegisterError(f"{path} is not a Calmi Vendors register (it is not a SQLite database).")
    try:
        conn = sqlite3.connect(path, timeout=5)
    except sqlite3.Error as exc:
        raise RegisterUnavailableError(f"Cannot open {path}: {exc}.") from exc
    try:
        conn.execute("PRAGMA query_only = ON")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if (
            app_id not in (0, APPLICATION_ID)
            or "alembic_version" not in tables
            or not tables >= MARKER_TABLES
        ):
            raise NotARegisterError(
                f"{path} is a SQLite database but not a Calmi Vendors register; it was left untouched."
            )
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise RegisterLockedError(
                f"{path} is locked by another program; close it there and try again."
            ) from exc
        raise CorruptRegisterError(f"{path} cannot be read: {exc}.") from exc
    except sqlite3.DatabaseError as exc:
        raise CorruptRegisterError(f"{path} is damaged ({exc}); restore it from a backup.") from exc
    finally:
        conn.close()


def _server_revision(engine: Engine, location: Location) -> str | None:
    try:
        with engine.connect() as conn:
            tables = set(sa.inspect(conn).get_table_names())
            if not tables:
                return None
            if "alembic_version" not in tables or not tables >= MARKER_TABLES:
                raise NotARegisterError(
                    f"{location.display()} is not a Calmi Vendors register; it was left untouched."
                )
            return MigrationContext.configure(conn).get_current_revision()
    except sa.exc.OperationalError as exc:
        raise RegisterUnavailableError(
            f"Cannot connect to {location.display()}: {str(exc.orig).strip().splitlines()[0]}"
        ) from exc


def _refuse_unknown(revision: str | None, location: Location) -> None:
    if revision is not None and revision not in known_revisions():
        raise NewerSchemaError(
            f"{location.display()} was written by a newer version of Calmi Vendors (schema {revision}). "
            "Update the app to open it; the register was left untouched."
        )


def _migrate(engine: Engine, location: Location) -> None:
    """Upgrade to head in one transaction; on SQLite with foreign keys off, then checked."""
    if location.is_sqlite:
        # Batch mode rebuilds tables; with foreign keys on, dropping one would cascade into its children.
        engine = create_engine(location, foreign_keys=False, poolclass=sa.pool.NullPool)
        engine = engine.execution_options(sqlite_begin="EXCLUSIVE")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
        if location.is_sqlite:
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise CorruptRegisterError(
                    f"Migration left {len(broken)} broken references; it was rolled back."
                )
    if location.is_sqlite:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.commit()
        engine.dispose()


def _actor(engine: Engine) -> str:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            return str(conn.execute(sa.text("SELECT current_user")).scalar_one())
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def evidence_dir_for(location: Location, data_dir: Path) -> Path:
    if location.path is not None:
        return location.path.with_name(location.path.stem + "-evidence")
    url = location.url
    return data_dir / "evidence" / f"{url.host or 'localhost'}-{url.port or 5432}-{url.database}"


def open_register(
    location: Location,
    *,
    data_dir: Path,
    create: bool = True,
    migrate: bool = True,
    keep_backups: int = 10,
) -> Register:
    """Open (creating or migrating as allowed) the register at `location`."""
    path = location.path
    if path is not None:
        if path.is_dir():
            raise NotARegisterError(f"{path} is a folder, not a register file.")
        if not path.exists():
            if not create:
                raise RegisterError(f"There is no register at {path}.")
            path.parent.mkdir(parents=True, exist_ok=True)
            revision = None
        else:
            revision = sqlite_revision(path)
        _refuse_unknown(revision, location)
        engine = create_engine(location)
    else:
        engine = create_engine(location)
        revision = _server_revision(engine, location)
        _refuse_unknown(revision, location)
    head = head_revision()
    backup_made: Path | None = None
    backup_dir = path.parent / "backups" if path is not None else None
    if revision != head:
        if not migrate:
            engine.dispose()
            raise RegisterError(
                f"{location.display()} needs its schema upgraded; run `calmi-vendors migrate` first."
            )
        if path is not None and revision is not None and backup_dir is not None:
            backup_made = rotating_backup(path, backup_dir, reason="before-migration", keep=keep_backups)
        try:
            _migrate(engine, location)
        except sa.exc.OperationalError as exc:
            engine.dispose()
            raise _operational_error(exc, location) from exc
    if path is not None:
        secure_file(path)
    evidence_dir = evidence_dir_for(location, data_dir)
    return Register(
        location=location,
        engine=engine,
        actor=_actor(engine),
        evidence_dir=evidence_dir,
        backup_dir=backup_dir,
        schema_revision=head,
        migrated_from=revision if revision != head else None,
        created=revision is None,
        backup_made=backup_made,
    )


def _operational_error(exc: sa.exc.OperationalError, location: Location) -> RegisterError:
    text = str(exc.orig)
    if "locked" in text:
        return RegisterLockedError(f"{location.display()} is busy in another program; try again shortly.")
    if "readonly" in text or "read-only" in text:
        return RegisterUnavailableError(f"{location.display()} is read-only; it cannot be changed.")
    if "full" in text:
        return RegisterUnavailableError(f"The disk holding {location.display()} is full.")
    return RegisterError(f"{location.display()}: {text}")


@contextmanager
def translate_errors(location: Location) -> Iterator[None]:
    """Turn the driver's operational errors into messages the user can act on."""
    try:
        yield
    except sa.exc.OperationalError as exc:
        raise _operational_error(exc, location) from exc
