"""What an import preview, an applied import and an undo report: frozen dataclasses, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from calmi_vendors.domain.enums import PartyStatus
from calmi_vendors.errors import CalmiError
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.spreadsheets.errors import RowError
from calmi_vendors.spreadsheets.parsed import SkippedRow

RowKind = Literal["new", "update", "unchanged", "error"]
ROW_KINDS: tuple[RowKind, ...] = ("new", "update", "unchanged", "error")

# Fields a row can update on a party already in the register, in the order a preview shows them.
UPDATABLE_FIELDS: tuple[str, ...] = (
    "name",
    "name_kana",
    "corporate_number",
    "country",
    "address",
    "processing_country",
    "data_subjects_approx",
    "business_functions",
    "data_categories",
    "reentrustment_allowed",
    "parent",
    "owner_department",
    "website",
    "notes",
    "contact",
    "certifications",
)


class ImportAborted(CalmiError):
    """An import stopped before its commit: nothing of it was written."""


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field a row would change on its party, as the preview shows it."""

    field: str
    current: str | None
    incoming: str | None


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One data row classified against the register; nothing has been written for it."""

    row_number: int
    kind: RowKind
    name: str | None
    corporate_number: str | None
    # The register party the row matches, and its version when the preview was made.
    party_id: int | None = None
    party_version: int | None = None
    matched_by: Literal["corporate_number", "name"] | None = None
    differences: tuple[FieldDifference, ...] = ()
    errors: tuple[RowError, ...] = ()
    warnings: tuple[str, ...] = ()
    # An earlier row of the same file naming the same company: this one is never applied.
    duplicate_of: int | None = None
    parent_name: str | None = None
    # The parent is either a party already in the register or the party another row of this file creates.
    parent_id: int | None = None
    parent_row: int | None = None
    status: PartyStatus | None = None
    party: PartyInput | None = None
    source_key: str | None = None

    @property
    def applicable(self) -> bool:
        """Would applying the preview write anything for this row (before the user's choices)?"""
        return self.kind in ("new", "update") and self.duplicate_of is None


@dataclass(frozen=True, slots=True)
class MissingParty:
    """A party that was on the source's last imported list but is not on this one."""

    party_id: int
    name: str
    corporate_number: str | None
    last_row_number: int


@dataclass(frozen=True, slots=True)
class ImportCounts:
    new: int
    update: int
    unchanged: int
    error: int
    duplicate: int
    missing_since_last: int

    def as_dict(self) -> dict[str, int]:
        return {
            "new": self.new,
            "update": self.update,
            "unchanged": self.unchanged,
            "error": self.error,
            "duplicate": self.duplicate,
            "missing_since_last": self.missing_since_last,
        }


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """A vendor list read and classified row by row against the register, ready to apply."""

    path: Path
    file_name: str
    file_sha256: str
    file_format: str
    encoding: str | None
    source_name: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    mapping: dict[int, str]
    profile_name: str | None
    keep_unmapped_as_notes: bool
    rows: tuple[PreviewRow, ...]
    skipped: tuple[SkippedRow, ...] = ()
    missing_since_last: tuple[MissingParty, ...] = ()
    last_batch_id: int | None = None
    # The highest party id when the preview was made: parties added after it are checked on apply.
    max_party_id: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[RowError, ...]:
        return tuple(error for row in self.rows for error in row.errors)

    @property
    def error_rows(self) -> tuple[PreviewRow, ...]:
        return tuple(row for row in self.rows if row.kind == "error")

    @property
    def counts(self) -> ImportCounts:
        kinds = {kind: 0 for kind in ROW_KINDS}
        duplicates = 0
        for row in self.rows:
            if row.duplicate_of is not None and row.kind != "error":
                duplicates += 1
            else:
                kinds[row.kind] += 1
        return ImportCounts(
            new=kinds["new"],
            update=kinds["update"],
            unchanged=kinds["unchanged"],
            error=kinds["error"],
            duplicate=duplicates,
            missing_since_last=len(self.missing_since_last),
        )

    def row(self, row_number: int) -> PreviewRow:
        for row in self.rows:
            if row.row_number == row_number:
                return row
        raise KeyError(row_number)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What apply_import wrote (nothing when cancelled)."""

    batch_id: int | None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    errors: int = 0
    skipped: int = 0
    duplicates: int = 0
    created_ids: tuple[int, ...] = ()
    updated_ids: tuple[int, ...] = ()
    cancelled: bool = False
    recomputed: int = 0


@dataclass(frozen=True, slots=True)
class UndoResult:
    """The import batch undone and what undoing it changed."""

    batch_id: int
    source_name: str
    file_name: str
    deleted: tuple[str, ...]
    restored_fields: int
    restored_parties: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProfileView:
    """A saved column mapping: column index → field, for files whose headers have this signature."""

    id: int
    name: str
    headers_signature: str
    headers: tuple[str, ...]
    mapping: dict[int, str]
    keep_unmapped_as_notes: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "headers": list(self.headers),
            "columns": {str(column): target for column, target in sorted(self.mapping.items())},
            "keep_unmapped_as_notes": self.keep_unmapped_as_notes,
        }
