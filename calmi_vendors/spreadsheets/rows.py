"""Data rows under a header row turned into PartyInput, with every unusable cell reported by place."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from calmi_vendors.domain.corporate_number import normalize_corporate_number
from calmi_vendors.domain.text import clean_text
from calmi_vendors.services.dto import CertificationInput, ContactInput, PartyInput
from calmi_vendors.spreadsheets import fields as f
from calmi_vendors.spreadsheets.cells import Row, SheetData, column_letter, is_blank
from calmi_vendors.spreadsheets.certifications import parse_certifications
from calmi_vendors.spreadsheets.errors import RowError
from calmi_vendors.spreadsheets.headers import header_key, header_texts
from calmi_vendors.spreadsheets.labels import (
    BUSINESS_FUNCTION_LABELS,
    DATA_CATEGORY_LABELS,
    SPECIAL_CARE_CATEGORIES,
    match_labels,
)
from calmi_vendors.spreadsheets.parsed import ParsedRow, ParsedTable, SkippedRow
from calmi_vendors.spreadsheets.row_checks import find_duplicates, find_parent_rows, skip_reason

T = TypeVar("T")


def parse_rows(
    sheet: SheetData,
    header_row: int,
    mapping: Mapping[int, str],
    *,
    keep_unmapped_as_notes: bool = False,
    today: date | None = None,
) -> ParsedTable:
    """Every non-blank row below `header_row` (0-based index into sheet.rows) read through `mapping`."""
    headers = header_texts(sheet.rows[header_row]) if 0 <= header_row < len(sheet.rows) else ()
    labels = _labels(headers, sheet.width)
    rows: list[ParsedRow] = []
    skipped: list[SkippedRow] = []
    for index in range(header_row + 1, len(sheet.rows)):
        cells = sheet.rows[index]
        if all(is_blank(cell) for cell in cells):
            continue
        reason = skip_reason(cells, mapping, headers)
        if reason is not None:
            skipped.append(SkippedRow(index + 1, reason))
            continue
        reader = _RowReader(sheet.name, index + 1, cells, mapping, labels, today)
        rows.append(reader.parse(keep_unmapped_as_notes))
    linked = _link(rows)
    return ParsedTable(sheet.name, header_row + 1, dict(mapping), headers, linked, tuple(skipped))


def _link(rows: list[ParsedRow]) -> tuple[ParsedRow, ...]:
    """Mark rows that repeat an earlier one, and point re-entrusted rows at their parent's row."""
    entries = [(row.row_number, row.name, row.corporate_number) for row in rows]
    duplicates = find_duplicates(entries)
    parents = find_parent_rows(entries, {row.row_number: row.parent_name for row in rows if row.parent_name})
    linked: list[ParsedRow] = []
    for row in rows:
        duplicate = duplicates.get(row.row_number)
        linked.append(
            replace(
                row,
                duplicate_of=duplicate.row if duplicate and duplicate.certain else None,
                warnings=row.warnings + ((duplicate.reason,) if duplicate else ()),
                parent_row=parents.get(row.row_number),
            )
        )
    return tuple(linked)


def _labels(headers: Sequence[str], width: int) -> tuple[str, ...]:
    """A unique label per column for `raw`: the header text, else "Column F"; repeats get their letter."""
    seen: set[str] = set()
    labels: list[str] = []
    for column in range(max(width, len(headers))):
        text = (
            headers[column]
            if column < len(headers) and headers[column]
            else f"Column {column_letter(column)}"
        )
        if header_key(text) in seen:
            text = f"{text} ({column_letter(column)})"
        seen.add(header_key(text))
        labels.append(text)
    return tuple(labels)


class _RowReader:
    """Reads one row's cells field by field, collecting a RowError for every cell it cannot use."""

    def __init__(
        self,
        sheet: str,
        number: int,
        cells: Row,
        mapping: Mapping[int, str],
        labels: tuple[str, ...],
        today: date | None,
    ) -> None:
        self.sheet, self.number, self.cells, self.labels, self.today = sheet, number, cells, labels, today
        self.columns: dict[str, list[int]] = {}
        for column, target in sorted(mapping.items()):
            self.columns.setdefault(target, []).append(column)
        self.errors: list[RowError] = []
        self.warnings: list[str] = []

    def cell(self, column: int) -> object:
        return self.cells[column] if column < len(self.cells) else None

    def fail(self, column: int, target: str | None, kind: str, reason: str) -> None:
        header = self.labels[column] if column < len(self.labels) else ""
        letter = column_letter(column)
        self.errors.append(
            RowError(self.sheet, self.number, letter, header, self.cell(column), reason, kind, target)
        )

    def read(self, target: str, convert: Callable[[object], T | None]) -> T | None:
        """The first non-blank column of `target` converted, or None (a failure is recorded)."""
        for column in self.columns.get(target, ()):
            if not is_blank(self.cell(column)):
                return self.read_column(column, target, convert)
        return None

    def keys(self, target: str, table: Mapping[str, tuple[str, ...]], what: str) -> tuple[str, ...]:
        found: list[str] = []
        for column in self.columns.get(target, ()):
            text = self.read_column(column, target, f.as_text)
            if text is None:
                continue
            keys, unknown = match_labels(text, table)
            found += [key for key in keys if key not in found]
            if unknown:
                self.fail(
                    column,
                    target,
                    f"unknown_{what.replace(' ', '_')}",
                    f"unknown {what}: {'、'.join(unknown)}",
                )
        return tuple(found)

    def peek(self, target: str) -> str | None:
        """The text of `target`'s first filled cell without reporting anything (read() already has)."""
        for column in self.columns.get(target, ()):
            try:
                if (text := f.as_text(self.cell(column))) is not None:
                    return text
            except f.CellProblem:
                return None
        return None

    def read_column(self, column: int, target: str, convert: Callable[[object], T | None]) -> T | None:
        try:
            return convert(self.cell(column))
        except f.CellProblem as problem:
            self.fail(column, target, problem.kind, problem.reason)
            return None

    def parse(self, keep_unmapped_as_notes: bool) -> ParsedRow:
        name = self.read("name", f.as_text)
        if name is None and not any(error.field == "name" for error in self.errors):
            if "name" in self.columns:
                reason = "the vendor name is empty; every vendor row needs one"
            else:
                reason = "no column is mapped to the vendor name; choose which column holds it"
            self.fail(self.columns.get("name", [0])[0], "name", "missing_name", reason)
        special_care = self.read("special_care", f.as_bool)
        data_categories = self.keys("data_categories", DATA_CATEGORY_LABELS, "data category")
        self._check_special_care(special_care, data_categories)
        party = PartyInput(
            name=name or "",
            name_kana=self.read("name_kana", f.as_text),
            corporate_number=self.read("corporate_number", f.as_corporate_number),
            country=self.read("country", f.as_country) or "JP",
            address=self.read("address", f.as_text),
            processing_country=self.read("processing_country", f.as_country),
            data_subjects_approx=self.read("data_subjects_approx", f.as_count),
            business_functions=self.keys("business_functions", BUSINESS_FUNCTION_LABELS, "business function"),
            data_categories=data_categories,
            reentrustment_allowed=bool(self.read("reentrustment_allowed", f.as_bool)),
            owner_department=self.read("owner_department", f.as_text),
            website=self.read("website", f.as_text),
            notes=self._notes(keep_unmapped_as_notes),
            contacts=self._contacts(),
            certifications=self._certifications(),
        )
        written = self.peek("corporate_number")
        parent_name = self.read("parent_name", f.as_text)
        status = self.read("status", f.as_status)
        signed_on = self.read("contract_signed_on", self.as_date)
        effective_on = self.read("contract_effective_on", self.as_date)
        expires_on = self.read("contract_expires_on", self.as_date)
        return ParsedRow(
            row_number=self.number,
            party=None if self.errors else party,
            parent_name=parent_name,
            errors=tuple(self.errors),
            raw={
                label: value
                for label, value in zip(self.labels, self.cells, strict=False)
                if not is_blank(value)
            },
            name=name,
            special_care=special_care,
            status=status,
            contract_signed_on=signed_on,
            contract_effective_on=effective_on,
            contract_expires_on=expires_on,
            warnings=tuple(self.warnings),
            corporate_number=normalize_corporate_number(written) if written else None,
        )

    def as_date(self, value: object) -> date | None:
        return f.as_date(value, today=self.today)

    def _check_special_care(self, special_care: bool | None, categories: tuple[str, ...]) -> None:
        sensitive = [key for key in categories if key in SPECIAL_CARE_CATEGORIES]
        if special_care and not sensitive:
            self.warnings.append(
                "marked as handling special-care data, but none of its data categories is special-care"
            )
        elif special_care is False and sensitive:
            self.warnings.append(
                "marked as handling no special-care data, but its data categories include "
                + ", ".join(sensitive)
            )

    def _contacts(self) -> tuple[ContactInput, ...]:
        name = self.read("contact_name", f.as_text)
        email = self.read("contact_email", f.as_email)
        phone = self.read("contact_phone", f.as_text)
        if name is not None and "@" in name and email is None and "contact_email" not in self.columns:
            # A "Privacy contact" column often holds the address itself.
            column = self.columns["contact_name"][0]
            email = self.read_column(column, "contact_email", f.as_email)
            name = None
        shown = name or email or phone
        if shown is None:
            return ()
        return (ContactInput(name=shown, email=email, phone=phone, is_primary=True),)

    def _certifications(self) -> tuple[CertificationInput, ...]:
        found: list[CertificationInput] = []
        for column in self.columns.get("certification", ()):
            value = self.cell(column)
            try:
                f.check_marker(value)
            except f.CellProblem as problem:
                self.fail(column, "certification", problem.kind, problem.reason)
                continue
            result = parse_certifications(value, self.labels[column], today=self.today)
            for text, reason in result.bad_dates:
                self.fail(column, "certification", "impossible_date", f"impossible date {text!r}: {reason}")
            found += result.certifications
        expires = self.read("certification_expires_on", self.as_date)
        if expires is not None:
            if not found:
                self.warnings.append("a certificate expiry date is given but no certification is named")
            found = [c if c.expires_on else replace(c, expires_on=expires) for c in found]
        return tuple(found)

    def _notes(self, keep_unmapped: bool) -> str | None:
        parts = [
            text
            for column in self.columns.get("notes", ())
            if (text := self.read_column(column, "notes", f.as_notes))
        ]
        if keep_unmapped:
            mapped = {column for columns in self.columns.values() for column in columns}
            for column, value in enumerate(self.cells):
                if column not in mapped and not is_blank(value):
                    parts.append(f"{self.labels[column]}: {clean_text(str(value))}")
        return "\n".join(parts) or None
