"""Classify parsed rows against the register: new, update (with differences), unchanged or error."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from calmi_vendors.domain.enums import PartyStatus
from calmi_vendors.domain.lifecycle import NEEDS_PASSED_SELECTION
from calmi_vendors.services.importing_compare import (
    Incoming,
    KnownParty,
    RegisterSnapshot,
    differences,
    exact_key,
    name_key,
    same_company,
)
from calmi_vendors.services.importing_types import MissingParty, PreviewRow, RowKind
from calmi_vendors.spreadsheets import fields as f
from calmi_vendors.spreadsheets.cells import SheetData, column_letter, is_blank
from calmi_vendors.spreadsheets.errors import RowError
from calmi_vendors.spreadsheets.parsed import ParsedRow, ParsedTable
from calmi_vendors.store.models import ImportBatch, ImportBatchItem

# A row's target: ("party", id) for a register party, ("row", n) for the party row n of the file creates.
Target = tuple[str, int]


@dataclass(slots=True)
class _Row:
    """Working state of one row while the file is classified."""

    parsed: ParsedRow
    target: Target | None = None
    known: KnownParty | None = None
    matched_by: str | None = None
    duplicate_of: int | None = None
    problem: str | None = None


class Classifier:
    """Matches every row once against a register snapshot; no query runs per row."""

    def __init__(self, snapshot: RegisterSnapshot, table: ParsedTable, sheet: SheetData) -> None:
        self.snapshot = snapshot
        self.table = table
        self.sheet = sheet
        self.columns: dict[str, list[int]] = {}
        for column, target in sorted(table.mapping.items()):
            self.columns.setdefault(target, []).append(column)
        self.rows = [_Row(parsed) for parsed in table.rows]
        self.by_number = {row.parsed.row_number: row for row in self.rows}

    def classify(self, session: Session) -> tuple[PreviewRow, ...]:
        self._match()
        self.snapshot.load_details(
            session, {row.known.id for row in self.rows if row.known is not None and row.parsed.ok}
        )
        failed = {row.parsed.row_number for row in self.rows if not row.parsed.ok or row.problem}
        found: dict[int, list[RowError]] = {}
        while True:
            # A row that cannot be created fails the rows naming it as their parent: repeat until stable.
            extra, parents = self._link(failed)
            for n, errors in extra.items():
                found.setdefault(n, errors)
            grown = failed | set(found)
            if grown == failed:
                break
            failed = grown
        return tuple(self._preview(row, found.get(row.parsed.row_number, []), parents) for row in self.rows)

    def _match(self) -> None:
        claimed: dict[Target, int] = {}
        new_numbers: dict[str, int] = {}
        new_names: dict[str, list[tuple[int, str | None, str | None]]] = {}
        for row in self.rows:
            parsed = row.parsed
            number = parsed.party.corporate_number if parsed.party else parsed.corporate_number
            country = self._country(parsed)
            known, matched_by, row.problem = self.snapshot.find(parsed.name, number, country)
            n = parsed.row_number
            if known is not None:
                row.known, row.matched_by, row.target = known, matched_by, ("party", known.id)
            elif row.problem is None:
                earlier = new_numbers.get(number) if number else None
                if earlier is None and parsed.name:
                    same = [
                        r
                        for r, other, other_country in new_names.get(name_key(parsed.name), ())
                        if same_company(number, country, other, other_country)
                    ]
                    earlier = same[0] if same else None
                row.target = ("row", n) if earlier is None else self.by_number[earlier].target
            if row.target is not None:
                first = claimed.setdefault(row.target, n)
                if first != n:
                    row.duplicate_of = first
                elif row.target == ("row", n):
                    if number:
                        new_numbers.setdefault(number, n)
                    if parsed.name:
                        new_names.setdefault(name_key(parsed.name), []).append((n, number, country))
            if row.duplicate_of is None and parsed.duplicate_of is not None:
                row.duplicate_of = parsed.duplicate_of

    def _country(self, parsed: ParsedRow) -> str | None:
        """The country the row gives (None if blank or unreadable): it tells same-named companies apart."""
        if not self._given(parsed, "country"):
            return None
        if parsed.party is not None:
            return parsed.party.country
        try:
            return f.as_country(self._cell(parsed, "country"))
        except f.CellProblem:
            return None

    def _cell(self, parsed: ParsedRow, target: str) -> object:
        cells = self.sheet.rows[parsed.row_number - 1]
        for column in self.columns.get(target, ()):
            value = cells[column] if column < len(cells) else None
            if not is_blank(value):
                return value
        return None

    def _creatable(self, target: Target, failed: set[int]) -> bool:
        return target[0] == "party" or target[1] not in failed

    def _link(self, failed: set[int]) -> tuple[dict[int, list[RowError]], dict[int, Target]]:
        """Resolve each row's parent (再委託元) and refuse unknown parents and loops."""
        extra: dict[int, list[RowError]] = {}
        parents: dict[int, Target] = {}
        for row in self.rows:
            parsed = row.parsed
            n = parsed.row_number
            if row.problem:
                extra.setdefault(n, []).append(
                    self._error(parsed, "name", parsed.name, row.problem, "ambiguous")
                )
            if not parsed.parent_name:
                continue
            target, problem = self._parent_of(row, failed)
            if problem is not None:
                kind, reason = problem
                extra.setdefault(n, []).append(
                    self._error(parsed, "parent_name", parsed.parent_name, reason, kind)
                )
            elif target is not None:
                parents[n] = target
        graph: dict[Target, Target | None] = {
            ("party", p.id): ("party", p.parent_id) if p.parent_id is not None else None
            for p in self.snapshot.by_id.values()
        }
        owners: dict[Target, int] = {}
        for n, target in parents.items():
            own = self.by_number[n].target
            if own is not None and n not in failed and self.by_number[n].duplicate_of is None:
                graph[own] = target
                owners[own] = n
        for own, n in owners.items():
            if _loops(graph, own):
                parsed = self.by_number[n].parsed
                extra.setdefault(n, []).append(
                    self._error(
                        parsed,
                        "parent_name",
                        parsed.parent_name,
                        "this parent would make the re-entrustment chain a loop",
                        "parent_loop",
                    )
                )
        return extra, parents

    def _parent_of(self, row: _Row, failed: set[int]) -> tuple[Target | None, tuple[str, str] | None]:
        """The parent's target, or (kind, reason) of why the row's 再委託元 cannot be linked."""
        parsed = row.parsed
        parent_name = parsed.parent_name or ""
        target: Target | None = None
        if parsed.parent_row is not None:
            parent = self.by_number.get(parsed.parent_row)
            if parent is not None and parent.target is not None:
                target = parent.target
                if not self._creatable(target, failed):
                    return None, (
                        "parent_has_errors",
                        f"its parent {parent_name!r} is row {target[1]}, which has errors and cannot be "
                        "imported; correct that row first",
                    )
        else:
            found = self.snapshot.named(parent_name)
            if len(found) > 1:
                shown = ", ".join(f"{p.name} (#{p.id})" for p in found[:5])
                return None, ("ambiguous_parent", f"the parent {parent_name!r} could be any of {shown}")
            if not found:
                return None, (
                    "unknown_parent",
                    f"unknown parent {parent_name!r}: no row of this file and no party in the register "
                    "has that name",
                )
            target = ("party", found[0].id)
        if target is not None and target == row.target:
            return None, ("own_parent", "a party cannot be its own parent")
        return target, None

    def _error(self, parsed: ParsedRow, target: str, value: object, reason: str, kind: str) -> RowError:
        column = self.columns.get(target, [0])[0]
        header = self.table.headers[column] if column < len(self.table.headers) else ""
        return RowError(
            self.table.sheet, parsed.row_number, column_letter(column), header, value, reason, kind, target
        )

    def _given(self, parsed: ParsedRow, target: str, *, as_bool: bool = False) -> bool:
        """Does the row's cell for `target` say anything (country and yes/no default when blank)?"""
        cells = self.sheet.rows[parsed.row_number - 1]
        for column in self.columns.get(target, ()):
            value = cells[column] if column < len(cells) else None
            if is_blank(value):
                continue
            if not as_bool:
                return True
            try:
                if f.as_bool(value) is not None:
                    return True
            except f.CellProblem:
                continue
        return False

    def _preview(self, row: _Row, extra: list[RowError], parents: Mapping[int, Target]) -> PreviewRow:
        parsed = row.parsed
        n = parsed.row_number
        errors = list(parsed.errors) + extra
        data = parsed.party
        warnings = list(parsed.warnings)
        if data is not None:
            unknown = [k for k in data.business_functions if k not in self.snapshot.function_keys]
            unknown += [k for k in data.data_categories if k not in self.snapshot.category_keys]
            if unknown:
                errors.append(
                    self._error(
                        parsed,
                        "business_functions" if data.business_functions else "data_categories",
                        ", ".join(unknown),
                        f"not in this register's lists (removed from it?): {', '.join(unknown)}",
                        "unknown_key",
                    )
                )
        parent = parents.get(n)
        parent_id = parent[1] if parent is not None and parent[0] == "party" else None
        parent_row = parent[1] if parent is not None and parent[0] == "row" else None
        known = row.known
        base = PreviewRow(
            row_number=n,
            kind="error",
            name=parsed.name,
            corporate_number=(data.corporate_number if data else None) or parsed.corporate_number,
            party_id=known.id if known else None,
            party_version=known.version if known else None,
            matched_by=_matched_by(row.matched_by),
            errors=tuple(errors),
            duplicate_of=row.duplicate_of,
            parent_name=parsed.parent_name,
            parent_id=parent_id,
            parent_row=parent_row,
            status=parsed.status,
            party=data if not errors else None,
            source_key=_source_key(parsed),
        )
        if errors or data is None:
            return replace(base, warnings=tuple(warnings))
        if known is None:
            if parsed.status in NEEDS_PASSED_SELECTION:
                warnings.append(
                    f"listed as {parsed.status.value}: registered so, recorded as an override because "
                    "no selection assessment is on record"
                )
            return replace(base, kind="new", warnings=tuple(warnings))
        if parsed.status is not None and parsed.status != known.status:
            warnings.append(
                f"the list says {parsed.status.value}, the register {known.status.value}; "
                "an import never changes a party's status — change it on the party's page"
            )
        incoming = Incoming(
            data,
            country_given=self._given(parsed, "country"),
            reentrustment_given=self._given(parsed, "reentrustment_allowed", as_bool=True),
            parent_name=parsed.parent_name,
        )
        parent_shown = None
        if parent is not None:
            parent_party = self.snapshot.by_id.get(parent[1]) if parent[0] == "party" else None
            parent_shown = (parent_id, parent_party.name if parent_party else parsed.parent_name)
        found = differences(
            known, incoming, matched_by=row.matched_by, parent=parent_shown, names=self.snapshot.by_id
        )
        kind: RowKind = "update" if found else "unchanged"
        return replace(base, kind=kind, differences=tuple(found), warnings=tuple(warnings))


def _matched_by(how: str | None) -> Literal["corporate_number", "name"] | None:
    if how == "corporate_number":
        return "corporate_number"
    return "name" if how == "name" else None


def _loops(graph: Mapping[Target, Target | None], start: Target) -> bool:
    seen: set[Target] = set()
    current = graph.get(start)
    while current is not None:
        if current == start:
            return True
        if current in seen:
            return False  # a loop above, not through this row (already in the register)
        seen.add(current)
        current = graph.get(current)
    return False


def _source_key(parsed: ParsedRow) -> str | None:
    """How the row identified its company: the corporate number, else the normalised name."""
    number = parsed.party.corporate_number if parsed.party else parsed.corporate_number
    if number:
        return number
    return exact_key(parsed.name)[:300] if parsed.name else None


def missing_since_last(
    session: Session, source_name: str, present: set[int], snapshot: RegisterSnapshot
) -> tuple[int | None, tuple[MissingParty, ...]]:
    """Parties on the source's last (not undone) imported list that this file no longer names."""
    batch_id = session.scalar(
        sa.select(ImportBatch.id)
        .where(ImportBatch.source_name == source_name, ImportBatch.undone_at.is_(None))
        .order_by(ImportBatch.id.desc())
        .limit(1)
    )
    if batch_id is None:
        return None, ()
    missing: dict[int, MissingParty] = {}
    for party_id, row_number in session.execute(
        sa.select(ImportBatchItem.party_id, ImportBatchItem.row_number)
        .where(ImportBatchItem.batch_id == batch_id, ImportBatchItem.party_id.is_not(None))
        .order_by(ImportBatchItem.row_number)
    ).tuples():
        known = snapshot.by_id.get(party_id) if party_id is not None else None
        if known is not None and known.id not in present and known.id not in missing:
            missing[known.id] = MissingParty(known.id, known.name, known.corporate_number, row_number)
    return batch_id, tuple(missing.values())


def status_of(row: PreviewRow) -> PartyStatus:
    return row.status or PartyStatus.CANDIDATE
