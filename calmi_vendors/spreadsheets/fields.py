"""One cell read as what its column needs; a CellProblem says why it cannot be (kind and reason)."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime

from calmi_vendors.domain.corporate_number import InvalidCorporateNumber, validate_corporate_number
from calmi_vendors.domain.dates import InvalidDate, parse_date
from calmi_vendors.domain.enums import PartyStatus
from calmi_vendors.domain.text import clean_text
from calmi_vendors.domain.values import InvalidValue, parse_bool, parse_count, validate_email
from calmi_vendors.spreadsheets.cells import CellError, UnevaluatedFormula, is_blank
from calmi_vendors.spreadsheets.labels import match_country, match_status

# Written in date columns to mean "no date yet"; not a mistake to report.
_NO_DATE = frozenset(
    {
        "未定", "未確定", "不明", "なし", "無し", "無", "-", "ー", "―", "—", "tbd", "tba", "n/a",
        "na", "none", "unknown", "自動更新", "auto-renewal", "auto renewal",
    }
)  # fmt: skip
# Text that reads as year, month and day, so a failure to parse it means the date does not exist.
_DATE_SHAPE = re.compile(
    r"^\s*((\d{4}|(令和|平成|昭和|[rhs])\s*(\d{1,2}|元))\s*[/.\-年]\s*\d{1,2}\s*[/.\-月]\s*\d{1,2}\s*日?)\s*$",
    re.I,
)
_EXPONENT = re.compile(r"\d[.,]?\d*e\+\d+", re.I)


class CellProblem(ValueError):
    """Why a cell cannot be used: `kind` groups problems (bad_check_digit …), `reason` is for the user."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def check_marker(value: object) -> None:
    """Refuse Excel error values and formulas saved without a result, whatever the column."""
    if isinstance(value, CellError):
        raise CellProblem(
            "excel_error",
            f"the cell shows the Excel error {value.code}; correct the formula or type the value",
        )
    if isinstance(value, UnevaluatedFormula):
        raise CellProblem(
            "formula_without_value",
            "the cell holds a formula saved without its result; formulas are never run on import — "
            "type the value, or open and save the file in Excel first",
        )


def as_text(value: object) -> str | None:
    """Cleaned text of any cell (numbers without a trailing .0, dates in ISO form), None when blank."""
    check_marker(value)
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()
    return clean_text(str(value)) or None


def as_notes(value: object) -> str | None:
    """Like as_text but keeping the line breaks people put in a remarks cell."""
    check_marker(value)
    if is_blank(value):
        return None
    lines = [clean_text(line) for line in str(value).splitlines()]
    return "\n".join(lines).strip("\n") or None


def as_corporate_number(value: object) -> str | None:
    check_marker(value)
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if isinstance(value, float) or _EXPONENT.search(text):
        raise CellProblem(
            "bad_corporate_number",
            "Excel has stored the corporate number as a rounded number and lost digits; "
            "format the column as text and type the 13 digits again",
        )
    try:
        return validate_corporate_number(text)
    except InvalidCorporateNumber as exc:
        if "expected" in str(exc):
            raise CellProblem("bad_check_digit", f"bad check digit: {exc}") from None
        raise CellProblem("bad_corporate_number", f"not a corporate number: {exc}") from None


def as_country(value: object) -> str | None:
    text = as_text(value)
    if text is None:
        return None
    code = match_country(text)
    if code is None:
        raise CellProblem(
            "unknown_country", "unknown country; write a two-letter code (JP, US …) or the country's name"
        )
    return code


def as_count(value: object) -> int | None:
    check_marker(value)
    try:
        return parse_count(value)
    except InvalidValue as exc:
        raise CellProblem("bad_number", f"not a count: {exc}") from None


def as_bool(value: object) -> bool | None:
    check_marker(value)
    try:
        return parse_bool(value)
    except InvalidValue as exc:
        raise CellProblem("bad_yes_no", str(exc)) from None


def as_date(value: object, *, today: date | None = None) -> date | None:
    check_marker(value)
    if is_blank(value):
        return None
    if isinstance(value, str) and unicodedata.normalize("NFKC", clean_text(value)).casefold() in _NO_DATE:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        # No spreadsheet cell holds these, and parse_date would fail on them with a bare ValueError.
        raise CellProblem("bad_date", f"not a date: {value!r}")
    try:
        return parse_date(value, today=today)
    except InvalidDate as exc:
        if isinstance(value, str) and _DATE_SHAPE.match(unicodedata.normalize("NFKC", value)):
            raise CellProblem("impossible_date", f"impossible date: {exc}") from None
        raise CellProblem("bad_date", f"not a date: {exc}") from None


def as_email(value: object) -> str | None:
    text = as_text(value)
    if text is None:
        return None
    try:
        return validate_email(text)
    except InvalidValue as exc:
        raise CellProblem("invalid_email", str(exc)) from None  # the message quotes the address


def as_status(value: object) -> PartyStatus | None:
    text = as_text(value)
    if text is None:
        return None
    status = match_status(text)
    if status is None:
        raise CellProblem(
            "unknown_status",
            "unknown status; use 候補, 評価中, 承認済, 取引中, 停止 or 終了 (or the English)",
        )
    return status
