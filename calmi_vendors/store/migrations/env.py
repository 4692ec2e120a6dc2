"""Alembic environment: always run on a connection handed in by the app (never from a .ini file)."""

from __future__ import annotations

from alembic import context

from calmi_vendors.store import models  # noqa: F401 - registers every table on the metadata
from calmi_vendors.store.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through `calmi-vendors migrate`, which passes the connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode rebuilds tables (with foreign keys off, see register.py).
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
