"""Apply a previewed import in one transaction, as one import batch recorded in the change history."""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import replace
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from calmi_vendors.domain.corporate_number import InvalidCorporateNumber
from calmi_vendors.domain.lifecycle import NEEDS_PASSED_SELECTION
from calmi_vendors.domain.values import InvalidValue
from calmi_vendors.errors import ValidationError
from calmi_vendors.services import supervision
from calmi_vendors.services.importing_bulk import BulkCreator, NewParty, prepare
from calmi_vendors.services.importing_compare import CHUNK, chunks
from calmi_vendors.services.importing_fields import Lookups, set_field
from calmi_vendors.services.importing_match import status_of
from calmi_vendors.services.importing_plan import ImportPlan, check_unchanged, plan_import
from calmi_vendors.services.importing_types import ImportAborted, ImportPreview, ImportResult, PreviewRow
from calmi_vendors.store.base import utcnow
from calmi_vendors.store.models import EntrustedParty, ImportBatch, ImportBatchItem
from calmi_vendors.store.unit_of_work import UnitOfWork

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
# How often (in rows) progress is reported and cancel is asked: often enough for a responsive bar.
_EVERY = 200


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
        check_unchanged(uow, preview, plan)
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


class _Writer:
    """Writes one import: new parties in bulk through Core, accepted updates through the ORM.

    Both record the same change history; updates stay on the ORM, whose hook compares each field and
    collection (they are few next to a list's new parties, and load with their party in bulk).
    """

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
        self.creator = BulkCreator(uow.session, uow.actor, batch.id)
        self.created = self.creator.created
        self.loaded: dict[int, EntrustedParty] = {}
        self.lookups = Lookups()
        self.function_ids: dict[str, int] = {}
        self.category_ids: dict[str, int] = {}
        # New parties waiting for a chunk to fill, and those whose parent row is not inserted yet.
        self.pending: list[NewParty] = []
        self.deferred: list[NewParty] = []
        self.linked: dict[int, PreviewRow] = {}
        self.parented: dict[int, PreviewRow] = {}
        self.now = utcnow()

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
                if len(self.pending) >= CHUNK:
                    self._insert(self.pending)
                    self.pending = []
            self._insert(self.pending)
            self._insert_deferred()
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

    def _refused(self, exc: sa.exc.IntegrityError) -> ImportAborted:
        return ImportAborted(
            "The register changed while importing (another user saving the same parties?); "
            f"nothing was imported. Preview the file again. ({str(exc.orig).splitlines()[0]})"
        )

    def _flush(self) -> None:
        try:
            self.session.flush()
        except sa.exc.IntegrityError as exc:
            raise self._refused(exc) from exc

    def _insert(self, chunk: list[NewParty]) -> None:
        try:
            self.creator.insert(chunk)
        except sa.exc.IntegrityError as exc:
            raise self._refused(exc) from exc

    def _insert_deferred(self) -> None:
        """Insert sub-contractors whose parent row came later in the file, a generation at a time."""
        waiting = self.deferred
        while waiting:
            ready = [new for new in waiting if new.parent_row in self.created]
            # The plan refused orphans and the preview refused loops: every generation has a parent.
            assert ready, "re-entrustment rows without an inserted parent"
            for part in chunks(ready):
                self._insert(list(part))
            waiting = [new for new in waiting if new.parent_row not in self.created]

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
        self.function_ids = {key: row.id for key, row in self.lookups.functions.items()}
        self.category_ids = {key: row.id for key, row in self.lookups.categories.items()}

    def _create(self, row: PreviewRow) -> None:
        assert row.party is not None
        status = status_of(row)
        try:
            values, contacts, certifications, functions, categories = prepare(
                row.party,
                status=status,
                parent_id=row.parent_id,
                functions=self.function_ids,
                categories=self.category_ids,
                now=self.now,
            )
        except (ValidationError, InvalidValue, InvalidCorporateNumber) as exc:
            raise self._fail(row, exc) from exc
        override = status in NEEDS_PASSED_SELECTION
        new = NewParty(
            row_number=row.row_number,
            values=values,
            contacts=contacts,
            certifications=certifications,
            functions=functions,
            categories=categories,
            status_change={
                "from_status": None,
                "to_status": status,
                "changed_at": self.now,
                "changed_by": self.uow.actor,
                "reason": f"Imported from {self.preview.file_name}, sheet {self.preview.sheet}, "
                f"row {row.row_number}"
                + ("; listed so, without a selection assessment on record" if override else ""),
                "is_override": override,
                "approver": None,
            },
            parent_row=row.parent_row,
        )
        if row.parent_row is None or row.parent_row in self.created:
            self.pending.append(new)
        else:
            self.deferred.append(new)
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
        """Point updated parties at parents this import created, then check the chains written."""
        for row in self.linked.values():
            assert row.parent_row is not None
            self.loaded[row.party_id or 0].parent_id = self.created[row.parent_row]
        if self.linked:
            self._flush()
        if not self.parented:
            return
        # The preview checked the whole file; declined updates can still leave a loop: check what was written.
        parent_of = dict(
            self.session.execute(sa.select(EntrustedParty.id, EntrustedParty.parent_id)).tuples().all()
        )
        for n, row in self.parented.items():
            start = self.created.get(n) or self.loaded[row.party_id or 0].id
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
            return self.created[row.row_number]
        if row.party_id is not None:
            return row.party_id
        return self.created.get(row.duplicate_of or 0)

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
            created_ids=tuple(self.created[n] for n in sorted(self.created)),
            updated_ids=tuple(
                row.party_id
                for row in self.preview.rows
                if self.plan.outcomes[row.row_number] == "updated" and row.party_id is not None
            ),
        )
