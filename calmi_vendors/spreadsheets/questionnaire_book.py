"""The questionnaire workbook a party fills in: cover, protected answer sheet, hidden identification.

Writing needs openpyxl (data validation, protection, hidden columns); questionnaire_read reads a
returned file through the guarded reader, with the same size and zip-bomb checks as any imported list.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from calmi_vendors.domain.enums import AnswerType
from calmi_vendors.errors import CalmiError
from calmi_vendors.spreadsheets.cells import Cell, column_letter
from calmi_vendors.spreadsheets.questionnaire_labels import (
    EDITABLE,
    FIRST_ROW,
    FORMAT,
    HIDDEN,
    LANGUAGES,
    LISTS_FROM_COLUMN,
    META_SHEET,
    ROLES,
    TEXT,
    WIDTHS,
    YES_NO_PARTIAL_VALUES,
)
from calmi_vendors.spreadsheets.writer import neutralise


@dataclass(frozen=True, slots=True)
class ChoiceOption:
    value: str
    label_en: str
    label_ja: str

    def label(self, language: str) -> str:
        return self.label_ja if language == "ja" else self.label_en


@dataclass(frozen=True, slots=True)
class BookQuestion:
    """One question as the file shows it, with the answer the register holds (stored form)."""

    key: str
    number: str
    section: str
    text: str
    guidance: str | None
    answer_type: AnswerType
    must_pass: bool
    evidence_required: bool
    choices: tuple[ChoiceOption, ...] = ()
    answer: str | None = None
    comment: str | None = None
    evidence: str | None = None
    stored_comment: str | None = None


@dataclass(frozen=True, slots=True)
class BookCover:
    assessment_id: int
    party_name: str
    corporate_number: str | None
    template_key: str
    template_version: int
    questionnaire_name: str
    checksum: str
    due_on: date | None
    issued_on: date


@dataclass(frozen=True, slots=True)
class BookIdentity:
    """What the hidden sheet says the file is; values as read, checked by the service."""

    assessment_id: object
    template_key: object
    template_version: object
    checksum: object
    language: str


@dataclass(frozen=True, slots=True)
class AnswerRow:
    row: int
    key: str | None
    answer: Cell
    comment: Cell
    evidence: Cell
    exported_answer: Cell
    exported_comment: Cell
    has_exported: bool


@dataclass(frozen=True, slots=True)
class FilledBook:
    file_name: str
    identity: BookIdentity
    sheet: str
    columns: dict[str, str]
    headers: dict[str, str]
    rows: tuple[AnswerRow, ...]


def checksum(
    assessment_id: int, template_key: str, version: int, questions: Sequence[tuple[str, str, Sequence[str]]]
) -> str:
    """A digest of what the file must match: the assessment, the questionnaire version, its questions."""
    parts = [FORMAT, str(assessment_id), template_key, str(version)]
    parts += [f"{key}:{kind}:{','.join(choices)}" for key, kind, choices in questions]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:20]


def shown_answer(question: BookQuestion, language: str) -> str | int | float | date | None:
    """The stored answer as the party sees it in the file (labels in the file's language)."""
    value = question.answer
    if value is None:
        return None
    if question.answer_type is AnswerType.YES_NO_PARTIAL:
        return str(TEXT[language]["ynp"].get(value.lower(), value))
    if question.answer_type is AnswerType.CHOICE:
        return next((c.label(language) for c in question.choices if c.value == value), value)
    if question.answer_type is AnswerType.NUMBER:
        try:
            number = float(value)
        except ValueError:
            return value
        return int(number) if number.is_integer() else number
    if question.answer_type is AnswerType.DATE:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def write_questionnaire_book(
    path: Path, cover: BookCover, questions: Sequence[BookQuestion], language: str
) -> None:
    """Write the workbook to `path`; the file appears only when complete."""
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    if language not in LANGUAGES:
        raise CalmiError(f"Questionnaires are written in Japanese (ja) or English (en), not {language!r}.")
    if path.suffix.lower() != ".xlsx":
        raise CalmiError(
            f"A questionnaire is exported as .xlsx, not {path.suffix or 'a file without extension'}."
        )
    book = Workbook()
    _cover(book.active, cover, len(questions), language)
    lists = _meta(book.create_sheet(META_SHEET), cover, questions, language)
    _answers(book.create_sheet(TEXT[language]["answers"]), questions, lists, language)
    book.move_sheet(META_SHEET, offset=1)  # keep the hidden sheet last
    book.active = 0
    # Sheets cannot be added, renamed, deleted or unhidden; no password, as the sheets' protection.
    book.security = WorkbookProtection(lockStructure=True)
    partial = path.with_name(path.name + ".partial")
    try:
        book.save(partial)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CalmiError(f"Cannot write {path}: {exc.strerror or exc}.") from exc


def _put(sheet: Any, row: int, column: int, value: object) -> Any:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = neutralise(value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
    else:
        cell.value = value
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"
    return cell


def _cover(sheet: Any, cover: BookCover, count: int, language: str) -> None:
    from openpyxl.styles import Alignment, Font

    text = TEXT[language]
    sheet.title = text["cover"]
    _put(sheet, 1, 1, text["title"]).font = Font(bold=True, size=14)
    name = f"{cover.questionnaire_name} (version {cover.template_version}, {count} questions)"
    if language == "ja":
        name = f"{cover.questionnaire_name}（第{cover.template_version}版、{count}問）"
    values = (
        cover.party_name,
        cover.corporate_number,
        f"#{cover.assessment_id}",
        name,
        cover.due_on,
        cover.issued_on,
    )
    for n, (label, value) in enumerate(zip(text["fields"], values, strict=True)):
        _put(sheet, 3 + n, 1, label).font = Font(bold=True)
        _put(sheet, 3 + n, 2, value if value is not None else "—").alignment = Alignment(horizontal="left")
    start = 4 + len(values)
    _put(sheet, start, 1, text["instructions_title"]).font = Font(bold=True)
    for n, line in enumerate(text["instructions"], start=1):
        _put(sheet, start + n, 1, f"{n}.")
        _put(sheet, start + n, 2, line).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 100
    sheet.protection.sheet = True


def _meta(sheet: Any, cover: BookCover, questions: Sequence[BookQuestion], language: str) -> dict[str, str]:
    """Fill the hidden sheet: identification, and the dropdown lists; question key → list range."""
    for n, (key, value) in enumerate(
        (
            ("format", FORMAT),
            ("assessment_id", cover.assessment_id),
            ("template_key", cover.template_key),
            ("template_version", cover.template_version),
            ("language", language),
            ("checksum", cover.checksum),
        ),
        start=1,
    ):
        _put(sheet, n, 1, key)
        _put(sheet, n, 2, value)
    lists: dict[str, str] = {}
    column = LISTS_FROM_COLUMN
    ynp_range = ""
    for question in questions:
        if question.answer_type is AnswerType.YES_NO_PARTIAL and ynp_range:
            lists[question.key] = ynp_range
            continue
        if question.answer_type is AnswerType.YES_NO_PARTIAL:
            labels = [str(TEXT[language]["ynp"][v]) for v in YES_NO_PARTIAL_VALUES]
        elif question.answer_type is AnswerType.CHOICE and question.choices:
            labels = [c.label(language) for c in question.choices]
        else:
            continue
        letter = column_letter(column - 1)
        _put(sheet, 1, column, question.key)
        for n, label in enumerate(labels, start=2):
            _put(sheet, n, column, label)
        where = f"'{META_SHEET}'!${letter}$2:${letter}${len(labels) + 1}"
        lists[question.key] = where
        if question.answer_type is AnswerType.YES_NO_PARTIAL:
            ynp_range = where
        column += 1
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    return lists


def _answers(sheet: Any, questions: Sequence[BookQuestion], lists: dict[str, str], language: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    text = TEXT[language]
    for column, header in enumerate(text["headers"], start=1):
        _put(sheet, 1, column, header).font = Font(bold=True)
    editable = PatternFill("solid", fgColor="FFF2CC")
    wrap = Alignment(wrap_text=True, vertical="top")
    validations: dict[str, DataValidation] = {}
    index = {role: n for n, role in enumerate(ROLES, start=1)}
    for row, q in enumerate(questions, start=FIRST_ROW):
        kind = str(text["types"][q.answer_type])
        if q.answer_type is AnswerType.CHOICE:
            kind += "\n" + " / ".join(c.label(language) for c in q.choices)
        values: dict[str, object] = {
            "id": q.key,
            "section": q.section,
            "number": q.number,
            "question": q.text,
            "guidance": q.guidance,
            "type": kind,
            "must_pass": text["must_pass"] if q.must_pass else None,
            "evidence_required": text["needed"] if q.evidence_required else None,
            "answer": shown_answer(q, language),
            "comment": q.comment,
            "evidence": q.evidence,
            "exported_answer": q.answer,
            "exported_comment": q.stored_comment,
        }
        for role, value in values.items():
            cell = _put(sheet, row, index[role], value)
            cell.alignment = wrap
            if role in EDITABLE:
                cell.protection = Protection(locked=False)
                cell.fill = editable
        answer_cell = f"{column_letter(index['answer'] - 1)}{row}"
        rule = lists.get(q.key) or _rule_for(q.answer_type)
        if rule:
            if rule not in validations:
                validations[rule] = _validation(rule, language)
            validations[rule].add(answer_cell)
    for validation in validations.values():
        sheet.add_data_validation(validation)
    for role, n in index.items():
        dimension = sheet.column_dimensions[column_letter(n - 1)]
        dimension.width = WIDTHS.get(role, 12)
        dimension.hidden = role in HIDDEN
    sheet.freeze_panes = "D2"
    sheet.protection.sheet = True
    # Protected, yet the party may still widen columns and rows to read long questions.
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False


def _rule_for(answer_type: AnswerType) -> str:
    return {AnswerType.NUMBER: "number", AnswerType.TEXT: "text"}.get(answer_type, "")


def _validation(rule: str, language: str) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    ja = language == "ja"
    if rule == "number":
        validation = DataValidation(type="decimal", operator="between", formula1="0", formula2="1000000000")
        message = (
            "0〜1,000,000,000 の数値を入力してください。" if ja else "Type a number from 0 to 1,000,000,000."
        )
    elif rule == "text":
        validation = DataValidation(type="textLength", operator="lessThanOrEqual", formula1="4000")
        message = "4,000 文字以内で入力してください。" if ja else "Write at most 4,000 characters."
    else:
        validation = DataValidation(type="list", formula1=rule)
        message = "リストから選んでください。" if ja else "Choose an answer from the list."
    # A warning, not a stop: answers typed in the other language are accepted on import.
    validation.errorStyle = "warning"
    validation.allow_blank = True
    validation.showErrorMessage = True
    validation.error = message
    return validation
