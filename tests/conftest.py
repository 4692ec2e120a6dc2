"""Shared fixtures: a fresh register per test on SQLite, and on PostgreSQL when .ci/run started one."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

# Qt must never reach for a real display in tests; set before anything imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.register import Register

PG_URL_ENV = "CALMI_TEST_PG_URL"
# One template per test run: two runs against one server (a developer's and CI's) must not drop each other's.
_PG_TEMPLATE = f"calmi_template_{os.getpid()}"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real per-user folders or a register named in the environment."""
    monkeypatch.setenv("CALMI_VENDORS_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("CALMI_VENDORS_DB", raising=False)


def _pg_admin_engine() -> sa.Engine:
    url = sa.make_url(os.environ[PG_URL_ENV])
    return sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated, seeded database that each PostgreSQL test copies (CREATE DATABASE … TEMPLATE)."""
    if not os.environ.get(PG_URL_ENV):
        pytest.skip("PostgreSQL tests need CALMI_TEST_PG_URL (set by scripts/test.sh)")
    admin = _pg_admin_engine()
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{_PG_TEMPLATE}" WITH (FORCE)')
        conn.exec_driver_sql(f'CREATE DATABASE "{_PG_TEMPLATE}"')
    url = sa.make_url(os.environ[PG_URL_ENV]).set(database=_PG_TEMPLATE)
    register = open_for_use(url.render_as_string(hide_password=False))
    register.close()
    yield _PG_TEMPLATE
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{_PG_TEMPLATE}" WITH (FORCE)')
    admin.dispose()


def new_pg_database(template: str | None = None) -> str:
    """A new, uniquely named database; its URL (with the password) is returned."""
    name = f"calmi_t_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin_engine()
    try:
        with admin.connect() as conn:
            suffix = f' TEMPLATE "{template}"' if template else ""
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{suffix}')
    finally:
        admin.dispose()
    return sa.make_url(os.environ[PG_URL_ENV]).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    name = sa.make_url(url).database
    admin = _pg_admin_engine()
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@pytest.fixture
def pg_url(pg_template: str) -> Iterator[str]:
    """A fresh migrated and seeded PostgreSQL database, dropped afterwards."""
    url = new_pg_database(pg_template)
    yield url
    drop_pg_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not os.environ.get(PG_URL_ENV):
        pytest.skip("PostgreSQL tests need CALMI_TEST_PG_URL (set by scripts/test.sh)")
    return str(request.param)


@pytest.fixture
def register(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Register]:
    """A fresh, migrated and seeded register on the backend under test."""
    if backend == "sqlite":
        reg = open_for_use(str(tmp_path / "register.sqlite3"))
        yield reg
        reg.close()
        return
    reg = open_for_use(request.getfixturevalue("pg_url"))
    yield reg
    reg.close()


@pytest.fixture
def sqlite_register(tmp_path: Path) -> Iterator[Register]:
    reg = open_for_use(str(tmp_path / "register.sqlite3"))
    yield reg
    reg.close()
