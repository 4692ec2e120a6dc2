"""What parsing a vendor list gives: one ParsedRow per data row, with its errors and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from calmi_vendors.domain.enums import PartyStatus
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.spreadsheets.errors import RowError


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """One data row: `party` is None when any cell has an error; `name` is kept for matching regardless."""

    row_number: int
    party: PartyInput | None
    parent_name: str | None
    errors: tuple[RowError, ...]
    raw: dict[str, object]
    name: str | None = None
    special_care: bool | None = None
    status: PartyStatus | None = None
    contract_signed_on: date | None = None
    contract_effective_on: date | None = None
    contract_expires_on: date | None = None
    warnings: tuple[str, ...] = ()
    # Row numbers as Excel shows them: an earlier row with the same corporate number or name (a merely
    # similar name is only a warning), and the row of this file that 再委託元 (parent_name) names.
    duplicate_of: int | None = None
    parent_row: int | None = None
    # As written and normalised, valid or not, so that rows with errors can still be matched.
    corporate_number: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A non-blank row that is not a vendor (a note, a total, a repeated header)."""

    row_number: int
    reason: str


@dataclass(frozen=True, slots=True)
class ParsedTable:
    """The rows of one sheet; header_row is 1-based here, as the user sees it."""

    sheet: str
    header_row: int
    mapping: dict[int, str]
    headers: tuple[str, ...]
    rows: tuple[ParsedRow, ...]
    skipped: tuple[SkippedRow, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[RowError, ...]:
        return tuple(error for row in self.rows for error in row.errors)

    @property
    def parties(self) -> tuple[PartyInput, ...]:
        return tuple(row.party for row in self.rows if row.party is not None)
