"""Apply a previewed import in one transaction, as one import batch recorded in the change history."""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from calmi_vendors.domain.corporate_number import InvalidCorporateNumber
from calmi_vendors.domain.lifecycle import NEEDS_PASSED_SELECTION
from calmi_vendors.domain.values import InvalidValue
from calmi_vendors.errors import ValidationError
from calmi_vendors.services import parties, supervision
from calmi_vendors.services.importing_compare import CHUNK, chunks, name_key
from calmi_vendors.services.importing_fields import Lookups, set_field
from calmi_vendors.services.importing_match import status_of
from calmi_vendors.services.importing_types import ImportAborted, ImportPreview, ImportResult, PreviewRow
from calmi_vendors.store.base import utcnow
from calmi_vendors.store.models import (
    EntrustedParty,
    ImportBatch,
    ImportBatchItem,
    StatusChange,
)
from calmi_vendors.store.unit_of_work import UnitOfWork

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Outcome = Literal["created", "updated", "kept", "unchanged", "duplicate", "skipped", "error"]
# Outcomes that put a party on the batch's list; a batch without any would only record a failure.
_RECORDED = frozenset({"created", "updated", "kept", "unchanged", "duplicate"})
# How often (in rows) progress is reported and cancel is asked: often enough for a responsive bar.
_EVERY = 200


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


def apply_import(
    uow: UnitOfWork,
    preview: ImportPreview,
    *,
    accept_updates: Set[tuple[int, str]] | Literal["all"] = "all",
    skip_rows: Set[int] = frozenset(),
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
) -> ImportResult:
    """Write the preview's new parties and accepted updates as one batch; all of it or nothing."""
    plan = plan_import(preview, accept_updates, skip_rows)
    with uow:
        session = uow.session
        _check_unchanged(uow, preview, plan)
        batch = ImportBatch(
            imported_by=uow.actor,
            source_name=preview.source_name,
            file_name=preview.file_name[:500],
            file_sha256=preview.file_sha256,
            sheet=preview.sheet[:200],
            header_row=preview.header_row,
            profile_name=preview.profile_name,
        )
        session.add(batch)
        session.flush()
        # The history hook tags every change of this session with the batch.
        session.info["import_batch_id"] = batch.id
        try:
            result = _Writer(uow, preview, plan, batch, progress, cancelled).run()
            if result is None or (cancelled is not None and cancelled()):
                uow.rollback()
                return ImportResult(batch_id=None, cancelled=True)
            uow.commit()
        finally:
            session.info.pop("import_batch_id", None)
    # Tiers and audit dates follow from the imported facts; derived work runs after the import's own commit.
    recomputed = supervision.recompute_all(uow, today=today or date.today())
    return replace(result, recomputed=recomputed)


def _check_unchanged(uow: UnitOfWork, preview: ImportPreview, plan: ImportPlan) -> None:
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


class _Writer:
    """Writes one import through the ORM, so that the history hook records every change."""

    def __init__(
        self,
        uow: UnitOfWork,
        preview: ImportPreview,
        plan: ImportPlan,
        batch: ImportBatch,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.uow, self.session = uow, uow.session
        self.preview, self.plan, self.batch = preview, plan, batch
        self.progress, self.cancelled = progress, cancelled
        self.created: dict[int, EntrustedParty] = {}
        self.loaded: dict[int, EntrustedParty] = {}
        self.lookups = Lookups()
        self.linked: dict[int, PreviewRow] = {}
        self.parented: dict[int, PreviewRow] = {}

    def run(self) -> ImportResult | None:
        rows = self.preview.rows
        total = len(rows)
        self._load_updated()
        with self.session.no_autoflush:
            for done, row in enumerate(rows):
                if done % _EVERY == 0:
                    if self.cancelled is not None and self.cancelled():
                        return None
                    if self.progress is not None:
                        self.progress(done, total, f"row {row.row_number}")
                outcome = self.plan.outcomes[row.row_number]
                if outcome == "created":
                    self._create(row)
                elif outcome == "updated":
                    self._update(row, self.plan.accepted[row.row_number])
        self._flush()
        self._link_parents()
        counts = self._write_items()
        if self.progress is not None:
            self.progress(total, total, "")
        return counts

    def _fail(self, row: PreviewRow, exc: Exception) -> ImportAborted:
        return ImportAborted(
            f"Sheet {self.preview.sheet!r}, row {row.row_number} ({row.name}): {exc} "
            "Nothing was imported; correct the row or skip it."
        )

    def _flush(self) -> None:
        try:
            self.session.flush()
        except sa.exc.IntegrityError as exc:
            raise ImportAborted(
                "The register changed while importing (another user saving the same parties?); "
                f"nothing was imported. Preview the file again. ({str(exc.orig).splitlines()[0]})"
            ) from exc

    def _load_updated(self) -> None:
        ids = sorted(
            row.party_id
            for row in self.preview.rows
            if self.plan.outcomes[row.row_number] == "updated" and row.party_id is not None
        )
        for part in chunks(ids):
            for party in self.session.scalars(
                sa.select(EntrustedParty)
                .where(EntrustedParty.id.in_(part))
                .options(
                    selectinload(EntrustedParty.business_functions),
                    selectinload(EntrustedParty.data_categories),
                    selectinload(EntrustedParty.contacts),
                    selectinload(EntrustedParty.certifications),
                )
            ):
                self.loaded[party.id] = party
        self.lookups = Lookups.load(self.session)

    def _create(self, row: PreviewRow) -> None:
        assert row.party is not None
        status = status_of(row)
        party = EntrustedParty(status=status)
        data = row.party
        # _apply would run four queries per row for what was checked in bulk instead: the corporate number
        # (free in the register: _check_unchanged), the lookups (loaded once) and the parent (the preview).
        bare = replace(data, corporate_number=None, business_functions=(), data_categories=(), parent_id=None)
        try:
            parties._apply(self.uow, party, bare)
            if data.corporate_number:
                set_field(party, data, "corporate_number", self.lookups)
            set_field(party, data, "business_functions", self.lookups)
            set_field(party, data, "data_categories", self.lookups)
        except (ValidationError, InvalidCorporateNumber) as exc:
            raise self._fail(row, exc) from exc
        party.parent_id = row.parent_id
        self.session.add(party)
        override = status in NEEDS_PASSED_SELECTION
        party.status_changes.append(
            StatusChange(
                to_status=status,
                changed_by=self.uow.actor,
                reason=f"Imported from {self.preview.file_name}, sheet {self.preview.sheet}, "
                f"row {row.row_number}"
                + ("; listed so, without a selection assessment on record" if override else ""),
                is_override=override,
            )
        )
        self.created[row.row_number] = party
        if row.parent_row is not None:
            self.linked[row.row_number] = row
        if row.parent_row is not None or row.parent_id is not None:
            self.parented[row.row_number] = row

    def _update(self, row: PreviewRow, fields: tuple[str, ...]) -> None:
        assert row.party is not None
        assert row.party_id is not None
        party = self.loaded[row.party_id]
        for name in fields:
            if name != "parent":
                try:
                    set_field(party, row.party, name, self.lookups)
                except (ValidationError, InvalidValue, InvalidCorporateNumber) as exc:
                    raise self._fail(row, exc) from exc
                continue
            self.parented[row.row_number] = row
            if row.parent_row is not None:
                self.linked[row.row_number] = row
            else:
                party.parent_id = row.parent_id

    def _link_parents(self) -> None:
        """Point parties at parents this import created (their ids exist only after the first flush)."""
        for n, row in self.linked.items():
            assert row.parent_row is not None
            party = self.created.get(n) or self.loaded[row.party_id or 0]
            party.parent_id = self.created[row.parent_row].id
        if self.linked:
            self._flush()
        if not self.parented:
            return
        # The preview checked the whole file; declined updates can still leave a loop: check what was written.
        parent_of = dict(
            self.session.execute(sa.select(EntrustedParty.id, EntrustedParty.parent_id)).tuples().all()
        )
        for n, row in self.parented.items():
            start = (self.created.get(n) or self.loaded[row.party_id or 0]).id
            seen: set[int] = set()
            current = parent_of.get(start)
            while current is not None and current not in seen:
                if current == start:
                    raise ImportAborted(
                        f"Sheet {self.preview.sheet!r}, row {n} ({row.name}): with the updates chosen, its "
                        f"parent {row.parent_name} would make the re-entrustment chain a loop. "
                        "Nothing was imported."
                    )
                seen.add(current)
                current = parent_of.get(current)

    def _party_id(self, row: PreviewRow) -> int | None:
        if row.row_number in self.created:
            return self.created[row.row_number].id
        if row.party_id is not None:
            return row.party_id
        original = self.created.get(row.duplicate_of or 0)
        return original.id if original is not None else None

    def _write_items(self) -> ImportResult:
        counts: dict[str, int] = {}
        items: list[dict[str, Any]] = []
        for row in self.preview.rows:
            outcome = self.plan.outcomes[row.row_number]
            counts[outcome] = counts.get(outcome, 0) + 1
            items.append(
                {
                    "batch_id": self.batch.id,
                    "party_id": self._party_id(row),
                    "row_number": row.row_number,
                    "outcome": outcome,
                    "source_key": (row.source_key or "")[:300] or None,
                }
            )
        # Bookkeeping rows go in through Core: fast, and not themselves changes to the register's parties.
        table = ImportBatchItem.__table__
        assert isinstance(table, sa.Table)
        for start in range(0, len(items), CHUNK):
            self.session.execute(sa.insert(table), items[start : start + CHUNK])
        batch = self.batch
        batch.created_count = counts.get("created", 0)
        batch.updated_count = counts.get("updated", 0)
        batch.unchanged_count = counts.get("unchanged", 0) + counts.get("kept", 0)
        batch.error_count = counts.get("error", 0)
        batch.finished_at = utcnow()
        self._flush()
        return ImportResult(
            batch_id=batch.id,
            created=batch.created_count,
            updated=batch.updated_count,
            unchanged=counts.get("unchanged", 0),
            kept=counts.get("kept", 0),
            errors=batch.error_count,
            skipped=counts.get("skipped", 0),
            duplicates=counts.get("duplicate", 0),
            created_ids=tuple(p.id for p in self.created.values()),
            updated_ids=tuple(
                row.party_id
                for row in self.preview.rows
                if self.plan.outcomes[row.row_number] == "updated" and row.party_id is not None
            ),
        )
