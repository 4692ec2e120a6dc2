"""Read a returned questionnaire workbook through the guarded reader: its identity and answer rows."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

from calmi_vendors.spreadsheets.cells import Cell, SheetData, column_letter, is_blank
from calmi_vendors.spreadsheets.errors import SpreadsheetError
from calmi_vendors.spreadsheets.questionnaire_book import AnswerRow, BookIdentity, FilledBook
from calmi_vendors.spreadsheets.questionnaire_labels import (
    FIRST_ROW,
    FORMAT,
    LANGUAGES,
    META_SHEET,
    ROLES,
    TEXT,
)
from calmi_vendors.spreadsheets.reader import read_table_file


def _fold(text: object) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().casefold()


_ROLE_BY_HEADER = {
    _fold(h): role for lang in LANGUAGES for h, role in zip(TEXT[lang]["headers"], ROLES, strict=True)
}


def read_questionnaire_book(path: Path) -> FilledBook:
    """The answer rows and hidden identification of a returned questionnaire (.xlsx, .ods …)."""
    book = read_table_file(Path(path))
    name = book.path_name
    meta = next((s for s in book.sheets if s.name == META_SHEET), None)
    if meta is None:
        raise SpreadsheetError(
            f"{name} is not a questionnaire exported by Calmi Vendors (its hidden sheet {META_SHEET!r} is "
            "missing). Export the questionnaire again and send that file to the party.",
            file_name=name,
        )
    fields = {str(row[0]): row[1] for row in meta.rows if len(row) >= 2 and isinstance(row[0], str)}
    if fields.get("format") != FORMAT:
        raise SpreadsheetError(
            f"{name}: the hidden sheet {META_SHEET!r} was changed or comes from another program "
            f"(format {fields.get('format')!r}). Export the questionnaire again.",
            file_name=name,
            sheet=META_SHEET,
        )
    language = str(fields.get("language") or "en")
    identity = BookIdentity(
        assessment_id=fields.get("assessment_id"),
        template_key=fields.get("template_key"),
        template_version=fields.get("template_version"),
        checksum=fields.get("checksum"),
        language=language if language in LANGUAGES else "en",
    )
    sheet = _answer_sheet(book.sheets, name)
    header = sheet.rows[0] if sheet.rows else ()
    columns: dict[str, int] = {}
    for n, title in enumerate(header):
        role = _ROLE_BY_HEADER.get(_fold(title)) if isinstance(title, str) else None
        if role is not None and role not in columns:
            columns[role] = n
    missing = [role for role in ("id", "answer", "comment", "evidence") if role not in columns]
    if missing:
        labels = ", ".join(repr(TEXT[identity.language]["headers"][ROLES.index(r)]) for r in missing)
        raise SpreadsheetError(
            f"{name}, sheet {sheet.name!r}, row 1: the column(s) {labels} are missing; the sheet's columns "
            "were changed. Export the questionnaire again.",
            file_name=name,
            sheet=sheet.name,
        )
    rows = tuple(
        _answer_row(number, cells, columns) for number, cells in enumerate(sheet.rows[1:], start=FIRST_ROW)
    )
    return FilledBook(
        file_name=name,
        identity=identity,
        sheet=sheet.name,
        columns={role: column_letter(n) for role, n in columns.items()},
        headers={role: str(header[n]) for role, n in columns.items()},
        rows=tuple(r for r in rows if r is not None),
    )


def _answer_sheet(sheets: Sequence[SheetData], name: str) -> SheetData:
    wanted = {TEXT[lang]["answers"] for lang in LANGUAGES}
    for sheet in sheets:
        if sheet.name in wanted:
            return sheet
    for sheet in sheets:  # renamed by another program: recognise it by its ID and answer headers
        header = {
            _ROLE_BY_HEADER.get(_fold(h)) for h in (sheet.rows[0] if sheet.rows else ()) if isinstance(h, str)
        }
        if {"id", "answer"} <= header:
            return sheet
    raise SpreadsheetError(
        f"{name} has no answer sheet ({' or '.join(repr(w) for w in sorted(wanted))}). "
        "Export the questionnaire again.",
        file_name=name,
    )


def _answer_row(number: int, cells: tuple[Cell, ...], columns: dict[str, int]) -> AnswerRow | None:
    def at(role: str) -> Cell:
        n = columns.get(role)
        return cells[n] if n is not None and n < len(cells) else None

    if all(is_blank(c) for c in cells):
        return None
    key = at("id")
    return AnswerRow(
        row=number,
        key=None if is_blank(key) else str(key).strip(),
        answer=at("answer"),
        comment=at("comment"),
        evidence=at("evidence"),
        exported_answer=at("exported_answer"),
        exported_comment=at("exported_comment"),
        has_exported="exported_answer" in columns,
    )
