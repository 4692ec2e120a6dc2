"""Import of vendor lists: preview against the register, apply as one undoable batch, saved mappings."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from calmi_vendors.domain.text import clean_text
from calmi_vendors.errors import ValidationError
from calmi_vendors.services.importing_apply import apply_import
from calmi_vendors.services.importing_compare import RegisterSnapshot
from calmi_vendors.services.importing_layout import choose_layout, list_profiles, save_profile
from calmi_vendors.services.importing_match import Classifier, missing_since_last
from calmi_vendors.services.importing_plan import plan_import
from calmi_vendors.services.importing_types import (
    UPDATABLE_FIELDS,
    FieldDifference,
    ImportAborted,
    ImportCounts,
    ImportPreview,
    ImportResult,
    MissingParty,
    PreviewRow,
    ProfileView,
    RowKind,
    UndoResult,
)
from calmi_vendors.services.importing_undo import undo_last_import
from calmi_vendors.spreadsheets.cells import Limits
from calmi_vendors.spreadsheets.reader import DEFAULT_LIMITS, read_table_file
from calmi_vendors.spreadsheets.rows import parse_rows
from calmi_vendors.store.unit_of_work import UnitOfWork

__all__ = [
    "UPDATABLE_FIELDS",
    "FieldDifference",
    "ImportAborted",
    "ImportCounts",
    "ImportPreview",
    "ImportResult",
    "MissingParty",
    "PreviewRow",
    "ProfileView",
    "RowKind",
    "UndoResult",
    "apply_import",
    "list_profiles",
    "plan_import",
    "preview_import",
    "save_profile",
    "undo_last_import",
]

MAX_SOURCE_NAME = 300


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def preview_import(
    uow: UnitOfWork,
    path: Path,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    profile: str | None = None,
    source_name: str | None = None,
    today: date | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportPreview:
    """Read `path` and classify every row against the register; nothing is written.

    `header_row` is 1-based, as the user sees it. A saved profile whose headers match is applied
    automatically; `profile` names one to apply. `source_name` (default: the file name without its
    extension) groups the imports of one list, so that the next import can tell what left it.
    """
    path = Path(path)
    source = clean_text(source_name) if source_name else clean_text(path.stem) or path.name
    if len(source) > MAX_SOURCE_NAME:
        raise ValidationError(f"A source name has at most {MAX_SOURCE_NAME} characters.", field="source")
    if header_row is not None and header_row < 1:
        raise ValidationError("The header row is counted from 1.", field="header_row")
    # Hashed before reading: the digest recorded with the batch is of the bytes that were checked.
    digest = file_sha256(path) if path.is_file() else ""
    workbook = read_table_file(path, limits=limits)
    with uow:
        session = uow.session
        layout = choose_layout(session, workbook, sheet=sheet, header_row=header_row, profile=profile)
        keep = layout.profile.keep_unmapped_as_notes if layout.profile else False
        table = parse_rows(
            layout.sheet, layout.row_index, layout.mapping, keep_unmapped_as_notes=keep, today=today
        )
        snapshot = RegisterSnapshot.load(session)
        rows = Classifier(snapshot, table, layout.sheet).classify(session)
        present = {row.party_id for row in rows if row.party_id is not None}
        last_batch, missing = missing_since_last(session, source, present, snapshot)
    return ImportPreview(
        path=path,
        file_name=path.name,
        file_sha256=digest,
        file_format=workbook.format,
        encoding=workbook.encoding,
        source_name=source,
        sheet=table.sheet,
        header_row=table.header_row,
        headers=table.headers,
        mapping=dict(table.mapping),
        profile_name=layout.profile.name if layout.profile else None,
        keep_unmapped_as_notes=keep,
        rows=rows,
        skipped=table.skipped,
        missing_since_last=missing,
        last_batch_id=last_batch,
        max_party_id=snapshot.max_party_id,
        warnings=layout.warnings,
    )
