"""Change history written by the store for every flush, chained by SHA-256 so tampering shows."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, inspect
from sqlalchemy.orm import Mapper, RelationshipProperty, Session, UOWTransaction

from calmi_vendors.domain.enums import ChangeAction
from calmi_vendors.store.base import Base, utcnow
from calmi_vendors.store.models.records import ChangeRecord

# Any arbitrary constant: serialises writers of the hash chain on PostgreSQL.
_CHAIN_LOCK_KEY = 0x43564E44
# Columns that change on every save and say nothing the other rows don't.
_IGNORED_COLUMNS = frozenset({"version", "updated_at", "created_at", "name_key"})
_UNTRACKED_TABLES = frozenset({"change_history"})
# One encoder each, built once: json.dumps with options builds a new encoder on every call.
_SNAPSHOT_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
_HASH_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_WRITE_CHUNK = 5000


@dataclass(frozen=True, slots=True)
class PendingChange:
    """A change to record; `record_id` may be filled only after the flush assigns ids."""

    action: ChangeAction
    table_name: str
    record_id: int
    field: str | None
    old_value: str | None
    new_value: str | None


def to_text(value: Any) -> str | None:
    """The stored text form of a value: ISO dates, enum values, sorted JSON."""
    if value is None or type(value) is str:
        return value
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _snapshot(obj: Base, mapper: Mapper[Any]) -> str:
    values = {
        attr.key: to_text(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in _IGNORED_COLUMNS
    }
    return _SNAPSHOT_JSON.encode(values)


@functools.cache
def _snapshot_columns(model: type[Base]) -> tuple[tuple[str, str], ...]:
    """(attribute, column) pairs a snapshot of `model` holds, as _snapshot reads them."""
    mapper = inspect(model)
    return tuple(
        (attr.key, attr.columns[0].key) for attr in mapper.column_attrs if attr.key not in _IGNORED_COLUMNS
    )


def inserted(model: type[Base], values: Mapping[str, Any]) -> PendingChange:
    """The change the ORM hook records for inserting `values` (every column, id included) into `model`.

    Bulk writers use it so that a row written through Core has the same history as one the ORM wrote.
    """
    snapshot = _SNAPSHOT_JSON.encode(
        {attr: to_text(values.get(column)) for attr, column in _snapshot_columns(model)}
    )
    table = model.__table__.name  # type: ignore[attr-defined]
    return PendingChange(ChangeAction.INSERT, table, int(values["id"]), None, None, snapshot)


def _collection_keys(items: Iterable[Any]) -> str:
    keys = sorted(str(getattr(item, "key", getattr(item, "id", item))) for item in items)
    return json.dumps(keys, ensure_ascii=False)


def _changes_of(obj: Base, action: ChangeAction) -> list[PendingChange]:
    mapper = inspect(obj).mapper
    table = mapper.local_table.name  # type: ignore[attr-defined]
    if table in _UNTRACKED_TABLES:
        return []
    record_id = int(mapper.primary_key_from_instance(obj)[0] or 0)
    if action is ChangeAction.INSERT:
        return [PendingChange(action, table, record_id, None, None, _snapshot(obj, mapper))]
    if action is ChangeAction.DELETE:
        return [PendingChange(action, table, record_id, None, _snapshot(obj, mapper), None)]
    state = inspect(obj)
    changes: list[PendingChange] = []
    for attr in mapper.column_attrs:
        if attr.key in _IGNORED_COLUMNS:
            continue
        hist = state.attrs[attr.key].history
        if not hist.has_changes():
            continue
        old = to_text(hist.deleted[0]) if hist.deleted else None
        new = to_text(hist.added[0]) if hist.added else None
        if old != new:
            changes.append(PendingChange(action, table, record_id, attr.key, old, new))
    for rel in mapper.relationships:
        if not isinstance(rel, RelationshipProperty) or rel.secondary is None:
            continue
        hist = state.attrs[rel.key].history
        if hist.has_changes():
            old_items = list(hist.unchanged or ()) + list(hist.deleted or ())
            new_items = list(hist.unchanged or ()) + list(hist.added or ())
            old_text, new_text = _collection_keys(old_items), _collection_keys(new_items)
            if old_text != new_text:
                changes.append(PendingChange(action, table, record_id, rel.key, old_text, new_text))
    return changes


def row_hash(prev_hash: str | None, values: Sequence[Any]) -> str:
    payload = _HASH_JSON.encode([prev_hash, *values])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _hashed_values(
    changed_at: datetime, actor: str, batch_id: int | None, change: PendingChange
) -> list[Any]:
    return [
        changed_at.isoformat(timespec="microseconds"),
        actor,
        change.action.value,
        change.table_name,
        change.record_id,
        change.field,
        change.old_value,
        change.new_value,
        batch_id,
    ]


def _table() -> sa.Table:
    table = ChangeRecord.__table__
    assert isinstance(table, sa.Table)
    return table


def write_changes(
    connection: sa.Connection,
    changes: Sequence[PendingChange],
    *,
    actor: str,
    import_batch_id: int | None = None,
) -> None:
    """Append changes to the history, extending the hash chain; used by the ORM hook and bulk imports."""
    if not changes:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_CHAIN_LOCK_KEY)))
    table = _table()
    prev = connection.execute(
        sa.select(table.c.row_hash).order_by(table.c.id.desc()).limit(1)
    ).scalar_one_or_none()
    changed_at = utcnow()
    # Inserted a chunk at a time: a recompute of 100,000 parties hands over 300,000 changes at once.
    for start in range(0, len(changes), _WRITE_CHUNK):
        rows: list[dict[str, Any]] = []
        for change in changes[start : start + _WRITE_CHUNK]:
            digest = row_hash(prev, _hashed_values(changed_at, actor, import_batch_id, change))
            rows.append(
                {
                    "changed_at": changed_at,
                    "changed_by": actor,
                    "action": change.action,
                    "table_name": change.table_name,
                    "record_id": change.record_id,
                    "field": change.field,
                    "old_value": change.old_value,
                    "new_value": change.new_value,
                    "import_batch_id": import_batch_id,
                    "prev_hash": prev,
                    "row_hash": digest,
                }
            )
            prev = digest
        connection.execute(sa.insert(table), rows)


def verify_chain(connection: sa.Connection, *, batch_size: int = 5000) -> list[str]:
    """Recompute the chain; return one message per row that was edited, removed or inserted by hand."""
    table = _table()
    problems: list[str] = []
    prev: str | None = None
    last_id = 0
    while True:
        rows = connection.execute(
            sa.select(table).where(table.c.id > last_id).order_by(table.c.id).limit(batch_size)
        ).all()
        if not rows:
            return problems
        for row in rows:
            change = PendingChange(
                ChangeAction(row.action),
                row.table_name,
                row.record_id,
                row.field,
                row.old_value,
                row.new_value,
            )
            expected = row_hash(
                prev, _hashed_values(row.changed_at, row.changed_by, row.import_batch_id, change)
            )
            if row.prev_hash != prev:
                problems.append(f"change history row {row.id}: the row before it was changed or removed")
            elif row.row_hash != expected:
                problems.append(f"change history row {row.id}: its content was changed outside the app")
            prev = row.row_hash
            last_id = row.id


def _after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    if session.info.get("history_disabled"):
        return
    changes: list[PendingChange] = []
    for obj in session.new:
        if isinstance(obj, Base):
            changes.extend(_changes_of(obj, ChangeAction.INSERT))
    for obj in session.dirty:
        if isinstance(obj, Base) and session.is_modified(obj, include_collections=True):
            changes.extend(_changes_of(obj, ChangeAction.UPDATE))
    for obj in session.deleted:
        if isinstance(obj, Base):
            changes.extend(_changes_of(obj, ChangeAction.DELETE))
    write_changes(
        session.connection(),
        changes,
        actor=str(session.info.get("actor") or "unknown"),
        import_batch_id=session.info.get("import_batch_id"),
    )


def install(session_class: type[Session]) -> None:
    """Record every ORM change made through sessions of this class."""
    if not event.contains(session_class, "after_flush", _after_flush):
        event.listen(session_class, "after_flush", _after_flush)
