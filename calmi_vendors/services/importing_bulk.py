"""New parties of an import written in bulk through SQLAlchemy Core, with the history the ORM would write.

The ORM costs about a millisecond per party (conventions.md: add_all 15 s for 100k rows, Core 2.2 s), so
an import validates each row as the parties service does, then inserts parties, contacts,
certifications, status changes and lookup links chunk by chunk, in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from calmi_vendors.domain.corporate_number import validate_corporate_number
from calmi_vendors.domain.enums import PartyStatus
from calmi_vendors.domain.values import InvalidValue, validate_email
from calmi_vendors.errors import ValidationError
from calmi_vendors.services import parties
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.importing_compare import name_key
from calmi_vendors.store import history
from calmi_vendors.store.base import Base
from calmi_vendors.store.models import (
    Certification,
    Contact,
    EntrustedParty,
    StatusChange,
    party_business_function,
    party_data_category,
)

# entrusted_party columns a new party starts without (derived later, or set only on its page).
_UNSET = {"tier": None, "tier_reason": None, "tier_override": None, "tier_override_reason": None}


def _table(model: type[Base]) -> sa.Table:
    table = model.__table__
    assert isinstance(table, sa.Table)
    return table


@dataclass(slots=True)
class NewParty:
    """One row's party, validated and ready to insert; `parent_row` is a row of this file it hangs under."""

    row_number: int
    values: dict[str, Any]
    contacts: list[dict[str, Any]]
    certifications: list[dict[str, Any]]
    functions: list[int]
    categories: list[int]
    status_change: dict[str, Any]
    parent_row: int | None = None


def prepare(
    data: PartyInput,
    *,
    status: PartyStatus,
    parent_id: int | None,
    functions: dict[str, int],
    categories: dict[str, int],
    now: datetime,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]], list[int], list[int]]:
    """The party's columns and its related rows, checked as parties._apply checks a form's input.

    Raises ValidationError, InvalidValue or InvalidCorporateNumber. Uniqueness of the corporate number
    and the parent's existence were checked for the whole file before (importing_plan.check_unchanged).
    """
    # In parties._apply's order, so that a row with several problems reports the same one first.
    name = parties._text(data.name, "name", limit=parties.MAX_NAME, required=True) or ""
    kana = parties._text(data.name_kana, "name_kana", limit=parties.MAX_NAME)
    country = parties._country(data.country, "country", required=True) or "JP"
    processing_country = parties._country(data.processing_country, "processing_country", required=False)
    address = parties._text(data.address, "address", limit=2000, multiline=True)
    if data.data_subjects_approx is not None and data.data_subjects_approx < 0:
        raise ValidationError("The number of data subjects cannot be negative.", field="data_subjects_approx")
    values: dict[str, Any] = {
        "name": name,
        "name_key": name_key(name),
        "name_kana": kana,
        "corporate_number": None,
        "country": country,
        "address": address,
        "processing_country": processing_country,
        "data_subjects_approx": data.data_subjects_approx,
        "status": status,
        "parent_id": parent_id,
        "reentrustment_allowed": data.reentrustment_allowed,
        "owner_department": parties._text(data.owner_department, "owner_department", limit=200),
        "website": parties._text(data.website, "website", limit=500),
        "notes": parties._text(data.notes, "notes", limit=parties.MAX_TEXT, multiline=True),
        "next_audit_due": None,
        "version": 1,
        "created_at": now,
        "updated_at": now,
        **_UNSET,
    }
    contacts = [_contact(c.name, c.role, c.department, c.email, c.phone, c.is_primary) for c in data.contacts]
    certifications = [
        {
            "kind": c.kind,
            "number": parties._text(c.number, "certification_number", limit=100),
            "name": parties._text(c.name, "certification_name", limit=200),
            "issuer": parties._text(c.issuer, "certification_issuer", limit=200),
            "issued_on": c.issued_on,
            "expires_on": c.expires_on,
        }
        for c in data.certifications
    ]
    if data.corporate_number:
        values["corporate_number"] = validate_corporate_number(data.corporate_number)
    return (
        values,
        contacts,
        certifications,
        _ids(functions, data.business_functions, "business function"),
        _ids(categories, data.data_categories, "data category"),
    )


def _contact(
    name: str, role: str | None, department: str | None, email: str | None, phone: str | None, primary: bool
) -> dict[str, Any]:
    checked = None
    if email and email.strip():
        try:
            checked = validate_email(email)
        except InvalidValue as exc:
            raise ValidationError(f"Contact {name}: {exc}", field="email") from exc
    return {
        "name": parties._text(name, "contact_name", limit=200, required=True),
        "role": parties._text(role, "contact_role", limit=200),
        "department": parties._text(department, "contact_department", limit=200),
        "email": checked,
        "phone": parties._text(phone, "phone", limit=50),
        "is_primary": primary,
    }


def _ids(table: dict[str, int], keys: tuple[str, ...], what: str) -> list[int]:
    unknown = [key for key in keys if key not in table]
    if unknown:
        raise ValidationError(f"Unknown {what}: {', '.join(unknown)}.")
    return [table[key] for key in dict.fromkeys(keys)]


@dataclass(slots=True)
class BulkCreator:
    """Inserts prepared parties chunk by chunk and records each inserted row in the change history."""

    session: Session
    actor: str
    batch_id: int
    created: dict[int, int] = field(default_factory=dict)

    def insert(self, chunk: Sequence[NewParty]) -> None:
        """Insert `chunk`, whose parent rows (if any) were inserted by an earlier call."""
        if not chunk:
            return
        for new in chunk:
            if new.parent_row is not None:
                new.values["parent_id"] = self.created[new.parent_row]
        ids = self._insert(EntrustedParty, [new.values for new in chunk])
        changes: list[history.PendingChange] = []
        contacts: list[dict[str, Any]] = []
        certifications: list[dict[str, Any]] = []
        status_changes: list[dict[str, Any]] = []
        functions: list[dict[str, Any]] = []
        categories: list[dict[str, Any]] = []
        for new, party_id in zip(chunk, ids, strict=True):
            self.created[new.row_number] = party_id
            new.values["id"] = party_id
            changes.append(history.inserted(EntrustedParty, new.values))
            contacts += [{**c, "party_id": party_id} for c in new.contacts]
            certifications += [{**c, "party_id": party_id} for c in new.certifications]
            status_changes.append({**new.status_change, "party_id": party_id})
            functions += [{"party_id": party_id, "business_function_id": f} for f in new.functions]
            categories += [{"party_id": party_id, "data_category_id": c} for c in new.categories]
        for model, rows in (
            (Contact, contacts),
            (Certification, certifications),
            (StatusChange, status_changes),
        ):
            if rows:
                self._insert(model, rows)
                changes += [history.inserted(model, row) for row in rows]
        # Links to lookups are rows of plain association tables: the ORM hook records no history for them.
        for table, rows in ((party_business_function, functions), (party_data_category, categories)):
            if rows:
                self.session.execute(sa.insert(table), rows)
        history.write_changes(
            self.session.connection(), changes, actor=self.actor, import_batch_id=self.batch_id
        )

    def _insert(self, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
        """Insert `rows` with ids reserved for them (filled into each row); return the ids."""
        table = _table(model)
        ids = self._reserve_ids(table, len(rows))
        for row, record_id in zip(rows, ids, strict=True):
            row["id"] = record_id
        # Plain executemany: INSERT … RETURNING with the rows' order kept runs one statement per row.
        self.session.execute(sa.insert(table), rows)
        return ids

    def _reserve_ids(self, table: sa.Table, count: int) -> list[int]:
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            # Drawn from the column's own sequence: concurrent writers never get the same ids.
            sequence = sa.func.pg_get_serial_sequence(table.name, "id")
            query = sa.select(sa.func.nextval(sequence)).select_from(sa.func.generate_series(1, count))
            return [int(i) for i in connection.execute(query).scalars()]
        # A writing unit of work holds SQLite's write lock from BEGIN IMMEDIATE: nobody else inserts.
        last = connection.execute(sa.select(sa.func.max(table.c.id))).scalar_one_or_none() or 0
        return list(range(last + 1, last + 1 + count))
