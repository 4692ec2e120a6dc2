"""Undo the last import batch: remove the parties it created and put back the fields it changed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from calmi_vendors.domain.enums import ChangeAction
from calmi_vendors.errors import NotFoundError, RuleViolation
from calmi_vendors.services import supervision
from calmi_vendors.services.importing_compare import chunks
from calmi_vendors.services.importing_types import UndoResult
from calmi_vendors.store import history
from calmi_vendors.store.base import Base, utcnow
from calmi_vendors.store.models import (
    Assessment,
    BusinessFunction,
    Certification,
    ChangeRecord,
    ConsignmentContract,
    Contact,
    DataCategory,
    EntrustedParty,
    Evidence,
    Finding,
    ForeignRegimeCheck,
    ImportBatch,
    ImportBatchItem,
    ReentrustmentApproval,
    StatusChange,
    SupervisionAudit,
)
from calmi_vendors.store.unit_of_work import UnitOfWork

# Written by the recompute that follows every import and undo, never by the import itself.
DERIVED_FIELDS = frozenset({"tier", "tier_reason", "next_audit_due"})
_RESTORABLE: dict[str, type[Base]] = {
    "entrusted_party": EntrustedParty,
    "contact": Contact,
    "certification": Certification,
}
_COLLECTIONS = frozenset({"business_functions", "data_categories"})


def undo_last_import(
    uow: UnitOfWork, source_name: str | None = None, *, today: date | None = None
) -> UndoResult:
    """Undo the most recent import not yet undone (of `source_name` if given), in one transaction."""
    with uow:
        session = uow.session
        query = sa.select(ImportBatch).where(ImportBatch.undone_at.is_(None))
        if source_name:
            query = query.where(ImportBatch.source_name == source_name)
        batch = session.scalar(query.order_by(ImportBatch.id.desc()).limit(1))
        if batch is None:
            of = f" of {source_name!r}" if source_name else ""
            raise NotFoundError(f"There is no import{of} to undo.")
        # Undo's own changes carry the batch too: together with the import's they cancel out.
        session.info["import_batch_id"] = batch.id
        try:
            changes = session.scalars(
                sa.select(ChangeRecord)
                .where(ChangeRecord.import_batch_id == batch.id)
                .order_by(ChangeRecord.id)
            ).all()
            created = sorted(
                pid
                for pid in session.scalars(
                    sa.select(ImportBatchItem.party_id).where(
                        ImportBatchItem.batch_id == batch.id,
                        ImportBatchItem.outcome == "created",
                        ImportBatchItem.party_id.is_not(None),
                    )
                )
                if pid is not None
            )
            _refuse_if_used(session, batch, created)
            restored, touched = _restore(session, batch, changes, set(created))
            session.flush()
            deleted = _delete(session, created)
            batch.undone_at = utcnow()
            batch.undone_by = uow.actor
            session.flush()
            names = {
                pid: name
                for pid, name in session.execute(
                    sa.select(EntrustedParty.id, EntrustedParty.name).where(EntrustedParty.id.in_(touched))
                ).tuples()
            }
            result = UndoResult(
                batch_id=batch.id,
                source_name=batch.source_name,
                file_name=batch.file_name,
                deleted=tuple(deleted),
                restored_fields=restored,
                restored_parties=tuple(names[pid] for pid in sorted(touched) if pid in names),
            )
            uow.commit()
        finally:
            session.info.pop("import_batch_id", None)
    supervision.recompute_all(uow, today=today or date.today())
    return result


def _outside(batch: ImportBatch) -> sa.ColumnElement[bool]:
    """History rows neither of this batch nor of an import that was undone (whose changes cancel out)."""
    undone = sa.select(ImportBatch.id).where(
        sa.or_(ImportBatch.undone_at.is_not(None), ImportBatch.id == batch.id)
    )
    return sa.or_(ChangeRecord.import_batch_id.is_(None), ChangeRecord.import_batch_id.not_in(undone))


def _refuse_if_used(session: Session, batch: ImportBatch, created: Sequence[int]) -> None:
    """A created party that anything else now refers to, or that was edited since, is not deleted."""
    used: dict[int, list[str]] = {}
    own = set(created)
    undone = sa.select(ImportBatch.id).where(ImportBatch.undone_at.is_not(None))
    first = _first_change(session, batch)
    for part in chunks(list(created)):
        checks: list[tuple[str, Any]] = [
            ("consignment contracts", sa.select(ConsignmentContract.party_id).where(
                ConsignmentContract.party_id.in_(part))),
            ("assessments", sa.select(Assessment.party_id).where(Assessment.party_id.in_(part))),
            ("supervision audits", sa.select(SupervisionAudit.party_id).where(
                SupervisionAudit.party_id.in_(part))),
            ("findings", sa.select(Finding.party_id).where(Finding.party_id.in_(part))),
            ("a re-entrustment approval", sa.select(ReentrustmentApproval.party_id).where(
                ReentrustmentApproval.party_id.in_(part))),
            ("sub-contractor approvals", sa.select(ReentrustmentApproval.parent_id).where(
                ReentrustmentApproval.parent_id.in_(part))),
            ("foreign regime checks", sa.select(ForeignRegimeCheck.party_id).where(
                ForeignRegimeCheck.party_id.in_(part))),
            ("evidence files", sa.select(Evidence.record_id).where(
                Evidence.record_type == "entrusted_party", Evidence.record_id.in_(part))),
            ("status changes", sa.select(StatusChange.party_id).where(StatusChange.party_id.in_(part))
             .group_by(StatusChange.party_id).having(sa.func.count() > 1)),
            ("a place on a later import", sa.select(ImportBatchItem.party_id).where(
                ImportBatchItem.party_id.in_(part), ImportBatchItem.batch_id > batch.id,
                ImportBatchItem.batch_id.not_in(undone))),
            ("edits since the import", sa.select(ChangeRecord.record_id).where(
                ChangeRecord.table_name == "entrusted_party", ChangeRecord.record_id.in_(part),
                ChangeRecord.id > first, _outside(batch),
                sa.or_(ChangeRecord.field.is_(None), ChangeRecord.field.not_in(DERIVED_FIELDS)))),
        ]  # fmt: skip
        for what, query in checks:
            for pid in session.scalars(query):
                used.setdefault(pid, []).append(what)
        for child, parent in session.execute(
            sa.select(EntrustedParty.id, EntrustedParty.parent_id).where(EntrustedParty.parent_id.in_(part))
        ).tuples():
            if child not in own and parent is not None:
                used.setdefault(parent, []).append("sub-contractors added since")
        for what, model in (("contact edits", Contact), ("certification edits", Certification)):
            for pid in session.scalars(
                sa.select(model.party_id)
                .join(
                    ChangeRecord,
                    sa.and_(
                        ChangeRecord.table_name == model.__tablename__, ChangeRecord.record_id == model.id
                    ),
                )
                .where(model.party_id.in_(part), _outside(batch), ChangeRecord.id > first)
            ):
                used.setdefault(pid, []).append(what)
    if not used:
        return
    names = dict(
        session.execute(
            sa.select(EntrustedParty.id, EntrustedParty.name).where(EntrustedParty.id.in_(sorted(used)))
        )
        .tuples()
        .all()
    )
    shown = "; ".join(
        f"{names.get(pid, f'#{pid}')} has {', '.join(dict.fromkeys(what))}"
        for pid, what in sorted(used.items())[:5]
    )
    more = f" (and {len(used) - 5} more)" if len(used) > 5 else ""
    raise RuleViolation(
        f"Import #{batch.id} of {batch.file_name} cannot be undone: parties it created are in use — "
        f"{shown}{more}. Nothing was changed."
    )


def _first_change(session: Session, batch: ImportBatch) -> int:
    first = session.scalar(
        sa.select(sa.func.min(ChangeRecord.id)).where(ChangeRecord.import_batch_id == batch.id)
    )
    return int(first or 0)


def _owners(session: Session, changes: Sequence[ChangeRecord]) -> dict[tuple[str, int], int]:
    """(table, record id) → the party it belongs to, for the records that still exist; read in bulk."""
    owners: dict[tuple[str, int], int] = {}
    for change in changes:
        if change.table_name == "entrusted_party":
            owners[("entrusted_party", change.record_id)] = change.record_id
    for model in (Contact, Certification):
        ids = sorted({c.record_id for c in changes if c.table_name == model.__tablename__})
        for part in chunks(ids):
            query = sa.select(model.id, model.party_id).where(model.id.in_(part))
            for record_id, party_id in session.execute(query).tuples():
                owners[(model.__tablename__, record_id)] = party_id
    return owners


def _restore(
    session: Session, batch: ImportBatch, changes: Sequence[ChangeRecord], created: set[int]
) -> tuple[int, set[int]]:
    """Put back the values the batch replaced, refusing where someone has changed them since."""
    restored = 0
    touched: set[int] = set()
    conflicts: list[str] = []
    relevant = [
        c
        for c in changes
        if c.table_name in _RESTORABLE and c.action in (ChangeAction.INSERT, ChangeAction.UPDATE)
    ]
    owners = _owners(session, relevant)
    with session.no_autoflush:
        for change in reversed(relevant):
            party_id = owners.get((change.table_name, change.record_id))
            if party_id is None or party_id in created:
                continue  # goes with the whole created party, or was deleted since (a contact, say)
            record = session.get(_RESTORABLE[change.table_name], change.record_id)
            if record is None:
                conflicts.append(f"party #{change.record_id} was deleted")
                continue
            if change.action is ChangeAction.INSERT:
                # A contact or certification the import added to an existing party.
                if _edited_since(session, batch, change):
                    label = getattr(record, "name", None) or change.table_name
                    conflicts.append(f"{label} was edited after the import")
                    continue
                session.delete(record)
            elif change.field:
                if _current_text(record, change.field) != change.new_value:
                    label = getattr(record, "name", None) or f"#{change.record_id}"
                    conflicts.append(f"{label}: {change.field} was changed again after the import")
                    continue
                _set_from_text(session, record, change.field, change.old_value)
            else:
                continue
            restored += 1
            touched.add(party_id)
    if conflicts:
        shown = "; ".join(conflicts[:5]) + (f" (and {len(conflicts) - 5} more)" if len(conflicts) > 5 else "")
        raise RuleViolation(
            f"Import #{batch.id} of {batch.file_name} cannot be undone: {shown}. Nothing was changed."
        )
    return restored, touched


def _edited_since(session: Session, batch: ImportBatch, change: ChangeRecord) -> bool:
    found = session.scalar(
        sa.select(ChangeRecord.id)
        .where(
            ChangeRecord.table_name == change.table_name,
            ChangeRecord.record_id == change.record_id,
            ChangeRecord.id > change.id,
            _outside(batch),
        )
        .limit(1)
    )
    return found is not None


def _current_text(record: Base, field: str) -> str | None:
    value = getattr(record, field)
    if field in _COLLECTIONS:
        return history._collection_keys(value)
    return history.to_text(value)


def _set_from_text(session: Session, record: Base, field: str, text: str | None) -> None:
    if field in _COLLECTIONS:
        keys = json.loads(text or "[]")
        if field == "business_functions":
            functions = session.scalars(sa.select(BusinessFunction).where(BusinessFunction.key.in_(keys)))
            by_key: dict[str, Any] = {r.key: r for r in functions}
        else:
            categories = session.scalars(sa.select(DataCategory).where(DataCategory.key.in_(keys)))
            by_key = {r.key: r for r in categories}
        setattr(record, field, [by_key[key] for key in keys if key in by_key])
        return
    column = sa.inspect(type(record)).columns[field]
    setattr(record, field, _from_text(column.type.python_type, text))


def _from_text(kind: type[Any], text: str | None) -> Any:
    """A value back from its history text (the inverse of history.to_text for a column's type)."""
    if text is None:
        return None
    if issubclass(kind, bool):
        return text == "true"
    if issubclass(kind, Enum):
        return kind(text)
    if issubclass(kind, int):
        return int(text)
    if issubclass(kind, datetime):
        return datetime.fromisoformat(text)
    if issubclass(kind, date):
        return date.fromisoformat(text)
    return text


def _delete(session: Session, created: Sequence[int]) -> list[str]:
    """Delete the created parties (sub-contractors before their parents, all in one flush)."""
    names: list[str] = []
    for part in chunks(list(created)):
        for party in session.scalars(
            sa.select(EntrustedParty)
            .where(EntrustedParty.id.in_(part))
            .options(
                selectinload(EntrustedParty.business_functions),
                selectinload(EntrustedParty.data_categories),
                selectinload(EntrustedParty.contacts),
                selectinload(EntrustedParty.certifications),
                selectinload(EntrustedParty.status_changes),
                selectinload(EntrustedParty.children),
                selectinload(EntrustedParty.reentrustment_approval),
                selectinload(EntrustedParty.foreign_regime_checks),
                # Empty (checked above), but the ORM would otherwise load each one per party to unlink it.
                selectinload(EntrustedParty.contracts),
                selectinload(EntrustedParty.assessments),
                selectinload(EntrustedParty.audits),
            )
            .order_by(EntrustedParty.id)
        ):
            names.append(party.name)
            session.delete(party)
    return names
