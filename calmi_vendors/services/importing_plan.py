"""What applying a preview does with each row, and the checks that it still fits the register."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from typing import Literal

import sqlalchemy as sa

from calmi_vendors.services.importing_compare import chunks, name_key
from calmi_vendors.services.importing_types import ImportAborted, ImportPreview, PreviewRow
from calmi_vendors.store.models import EntrustedParty
from calmi_vendors.store.unit_of_work import UnitOfWork

Outcome = Literal["created", "updated", "kept", "unchanged", "duplicate", "skipped", "error"]
# Outcomes that put a party on the batch's list; a batch without any would only record a failure.
_RECORDED = frozenset({"created", "updated", "kept", "unchanged", "duplicate"})


@dataclass(slots=True)
class ImportPlan:
    """What applying does with each row, decided before anything is written."""

    outcomes: dict[int, Outcome] = field(default_factory=dict)
    accepted: dict[int, tuple[str, ...]] = field(default_factory=dict)


def plan_import(
    preview: ImportPreview,
    accept_updates: Set[tuple[int, str]] | Literal["all"],
    skip_rows: Set[int],
) -> ImportPlan:
    """Each row's outcome; refuses a plan that would link a party to a parent row being skipped."""
    plan = ImportPlan()
    for row in preview.rows:
        n = row.row_number
        if row.kind == "error":
            plan.outcomes[n] = "error"
        elif n in skip_rows:
            plan.outcomes[n] = "skipped"
        elif row.duplicate_of is not None:
            plan.outcomes[n] = "duplicate"
        elif row.kind == "new":
            plan.outcomes[n] = "created"
        elif row.kind == "update":
            fields = tuple(
                d.field for d in row.differences if accept_updates == "all" or (n, d.field) in accept_updates
            )
            plan.outcomes[n] = "updated" if fields else "kept"
            plan.accepted[n] = fields
        else:
            plan.outcomes[n] = "unchanged"
    if not any(outcome in _RECORDED for outcome in plan.outcomes.values()):
        raise ImportAborted(
            f"Nothing to import from {preview.file_name}: every row has errors or is skipped. "
            "Nothing was written."
        )
    orphans: dict[int, list[int]] = {}
    for row in preview.rows:
        n = row.row_number
        links = plan.outcomes[n] == "created" or "parent" in plan.accepted.get(n, ())
        if links and row.parent_row is not None and plan.outcomes.get(row.parent_row) != "created":
            orphans.setdefault(row.parent_row, []).append(n)
    if orphans:
        parent, children = next(iter(orphans.items()))
        listed = ", ".join(map(str, children))
        raise ImportAborted(
            f"Row {parent} ({preview.row(parent).name}) is not imported, but row(s) {listed} name it as "
            f"their parent. Skip row(s) {listed} too, or import row {parent}. Nothing was written."
        )
    return plan


def check_unchanged(uow: UnitOfWork, preview: ImportPreview, plan: ImportPlan) -> None:
    """Refuse to apply a preview the register has moved away from since it was made."""
    session = uow.session
    versions = {
        row.party_id: row
        for row in preview.rows
        if plan.outcomes[row.row_number] == "updated" and row.party_id is not None
    }
    for part in chunks(sorted(versions)):
        query = sa.select(EntrustedParty.id, EntrustedParty.version).where(EntrustedParty.id.in_(part))
        current = dict(session.execute(query).tuples().all())
        for pid in part:
            row = versions[pid]
            if current.get(pid) != row.party_version:
                raise ImportAborted(
                    f"{row.name} (row {row.row_number}) was changed or removed in the register since the "
                    "preview. Preview the file again; nothing was imported."
                )
    new_rows = [row for row in preview.rows if plan.outcomes[row.row_number] == "created"]
    numbers: dict[str, PreviewRow] = {}
    for row in new_rows:
        if row.party is not None and row.party.corporate_number:
            numbers[row.party.corporate_number] = row
    for numbers_part in chunks(sorted(numbers)):
        for number, name in session.execute(
            sa.select(EntrustedParty.corporate_number, EntrustedParty.name).where(
                EntrustedParty.corporate_number.in_(numbers_part)
            )
        ).tuples():
            row = numbers[number or ""]
            raise ImportAborted(
                f"Row {row.row_number} ({row.name}): corporate number {number} is now registered for {name}. "
                "Preview the file again; nothing was imported."
            )
    keys = {name_key(row.name): row for row in new_rows if row.name}
    for name, key in session.execute(
        sa.select(EntrustedParty.name, EntrustedParty.name_key).where(
            EntrustedParty.id > preview.max_party_id
        )
    ).tuples():
        if key in keys:
            row = keys[key]
            raise ImportAborted(
                f"Row {row.row_number} ({row.name}): {name} was added to the register since the preview. "
                "Preview the file again; nothing was imported."
            )
