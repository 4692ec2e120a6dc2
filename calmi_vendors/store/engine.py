"""Engines for SQLite files and PostgreSQL URLs, with the connection settings each needs."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url

from calmi_vendors.errors import RegisterError

BUSY_TIMEOUT_MS = 5000
# "CVND": lets a plain SQLite file be recognised as a register before anything else is read.
APPLICATION_ID = 0x43564E44


@dataclass(frozen=True, slots=True)
class Location:
    """Where a register lives: a SQLite file or a server URL."""

    url: URL

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def display(self) -> str:
        """The location as the user should see it: a path, or a URL without the password."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)


def parse_location(text: str) -> Location:
    """Accept a file path or a SQLAlchemy URL (`sqlite:///…`, `postgresql+psycopg://…`)."""
    text = text.strip()
    if not text:
        raise RegisterError("No register location given.")
    if "://" in text:
        try:
            url = make_url(text)
        except sa.exc.ArgumentError as exc:
            raise RegisterError(f"Not a database URL: {text!r}.") from exc
        backend = url.get_backend_name()
        if backend == "postgresql" and url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        elif backend not in ("sqlite", "postgresql"):
            raise RegisterError(f"Unsupported database {backend!r}: use a SQLite file or PostgreSQL.")
        if backend == "sqlite" and url.database and url.database != ":memory:":
            url = url.set(database=str(Path(url.database).expanduser().resolve()))
        return Location(url)
    path = Path(text).expanduser().resolve()
    return Location(URL.create("sqlite", database=str(path)))


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any, foreign_keys: bool) -> None:
    # The driver's implicit transactions would defeat BEGIN IMMEDIATE; SQLAlchemy's recipe turns them off.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA synchronous = FULL")
        # 64 MB of page cache (the default 2 MB thrashes on a 100,000-party register).
        cursor.execute("PRAGMA cache_size = -65536")
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() not in ("wal", "memory"):
            cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def create_engine(location: Location, *, foreign_keys: bool = True, **kwargs: Any) -> Engine:
    """Build the engine; SQLite transactions begin IMMEDIATE when `sqlite_begin` says so."""
    if location.is_sqlite:
        engine = sa.create_engine(
            location.url,
            hide_parameters=True,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            **kwargs,
        )

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
            _sqlite_on_connect(dbapi_connection, record, foreign_keys)

        @event.listens_for(engine, "begin")
        def _begin(connection: sa.Connection) -> None:
            mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
            connection.exec_driver_sql(f"BEGIN {mode}")

        return engine
    from calmi_vendors.store.server_roles import install_permission_messages

    connect_args = {"connect_timeout": 10, "application_name": "calmi-vendors"}
    engine = sa.create_engine(
        location.url, hide_parameters=True, pool_pre_ping=True, connect_args=connect_args, **kwargs
    )
    # Roles set up by `setup-server` are enforced by the server; its refusals reach the user in words.
    install_permission_messages(engine)
    return engine


def secure_file(path: Path) -> None:
    """Make the register file readable by its owner only (POSIX; Windows profiles are private already)."""
    if os.name == "posix" and path.exists():
        path.chmod(0o600)
