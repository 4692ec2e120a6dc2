"""Dates as people write them in Japanese and English lists: Excel serials, slashes, 年月日, and eras."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta


class InvalidDate(ValueError):
    """A value that is not a date; the message names the value and why."""


@dataclass(frozen=True, slots=True)
class Era:
    name: str
    english: str
    letter: str
    start: date
    end: date | None


# Newest first: era_of takes the first era that has started by the day asked about.
ERAS: tuple[Era, ...] = (
    Era("令和", "Reiwa", "R", date(2019, 5, 1), None),
    Era("平成", "Heisei", "H", date(1989, 1, 8), date(2019, 4, 30)),
    Era("昭和", "Shōwa", "S", date(1926, 12, 25), date(1989, 1, 7)),
    Era("大正", "Taishō", "T", date(1912, 7, 30), date(1926, 12, 24)),
)
_ERA_BY_KEY = {e.name: e for e in ERAS} | {e.letter: e for e in ERAS}

# Vendor lists hold contract and audit dates; a year outside this span is a typo, not a record.
MIN_YEAR = 1900
MAX_YEAR = 2200

# Excel's 1900 date system counts 1900 as a leap year, so serials from 61 on are a day ahead of a
# plain day count from 1900-01-01; counting from 1899-12-30 absorbs that for every serial above 60.
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_PHANTOM_LEAP_DAY = 60
_EXCEL_LAST_SERIAL = (date(MAX_YEAR, 12, 31) - _EXCEL_EPOCH).days

_YEAR = r"(?:(?P<western>\d{4})|(?P<era>令和|平成|昭和|大正|[RHST])\s*(?P<era_year>元|\d{1,3}))"
_KANJI_FORM = re.compile(rf"^{_YEAR}\s*年\s*(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日?$")
# One separator throughout: 2025/04-01 is more likely a typo than a date.
_SYMBOL_FORM = re.compile(
    rf"^{_YEAR}\s*(?P<sep>[./-])\s*(?P<month>\d{{1,2}})\s*(?P=sep)\s*(?P<day>\d{{1,2}})$"
)
_COMPACT_FORM = re.compile(r"^(?P<western>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")
# Exports add a time of day (usually midnight) and sometimes a zone; the day is what the cell means.
_TIME_TAIL = re.compile(r"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$")
_WEEKDAY_TAIL = re.compile(r"\s*\((?:[月火水木金土日]|MON|TUE|WED|THU|FRI|SAT|SUN)\)$")


def _make(year: int, month: int, day: int, original: object) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDate(f"{original} is not a calendar date") from None


def _check_year(result: date, original: object) -> date:
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise InvalidDate(f"{original} is outside the years this register accepts ({MIN_YEAR} to {MAX_YEAR})")
    return result


def _from_excel_serial(value: int | float) -> date:
    if not math.isfinite(value):
        raise InvalidDate(f"{value!r} is not a date")
    whole = math.floor(value)  # the fraction is the time of day
    if whole == _EXCEL_PHANTOM_LEAP_DAY:
        raise InvalidDate(f"{value!r} is Excel's 29 February 1900, which never existed")
    if not 1 <= whole <= _EXCEL_LAST_SERIAL:
        raise InvalidDate(
            f"{value!r} is outside the range of Excel dates this register accepts "
            f"(1900-01-01 to {MAX_YEAR}-12-31)"
        )
    if whole < _EXCEL_PHANTOM_LEAP_DAY:
        return date(1899, 12, 31) + timedelta(days=whole)
    return _EXCEL_EPOCH + timedelta(days=whole)


def _from_match(match: re.Match[str], original: object) -> date:
    month, day = int(match["month"]), int(match["day"])
    if match["western"] is not None:
        return _check_year(_make(int(match["western"]), month, day, original), original)
    era = _ERA_BY_KEY[match["era"]]
    era_year = 1 if match["era_year"] == "元" else int(match["era_year"])
    if era_year < 1:
        raise InvalidDate(f"{original}: an era's years start at 1 (元年)")
    result = _make(era.start.year + era_year - 1, month, day, original)
    if result < era.start:
        raise InvalidDate(
            f"{original} is before the start of the {era.name} era "
            f"({era.english}, which began on {era.start.isoformat()})"
        )
    if era.end is not None and result > era.end:
        raise InvalidDate(
            f"{original} is past the end of the {era.name} era "
            f"({era.english}, which ended on {era.end.isoformat()})"
        )
    return _check_year(result, original)


def _from_text(value: str) -> date:
    text = unicodedata.normalize("NFKC", value).strip().upper()
    text = _TIME_TAIL.sub("", text).strip()
    text = _WEEKDAY_TAIL.sub("", text).strip()
    if not text:
        raise InvalidDate("the date is empty")
    for pattern in (_KANJI_FORM, _SYMBOL_FORM, _COMPACT_FORM):
        match = pattern.match(text)
        if match:
            return _from_match(match, value.strip())
    raise InvalidDate(
        f"{value!r} is not a date format we recognise (write it like 2025/4/1, 2025-04-01, "
        "2025年4月1日, 令和7年4月1日 or R7.4.1)"
    )


def parse_date(value: object, *, today: date | None = None) -> date:
    """Read a date from a spreadsheet cell or typed text; raise InvalidDate saying why not.

    `today` is accepted so callers can pass their reference day; no accepted form depends on it yet.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):  # a bool is an int, but True is no Excel serial anyone meant
        raise InvalidDate(f"{value!r} is not a date")
    if isinstance(value, int | float):
        return _from_excel_serial(value)
    if isinstance(value, str):
        return _from_text(value)
    raise InvalidDate(f"{value!r} is not a date")


def era_of(day: date) -> Era:
    for era in ERAS:
        if day >= era.start:
            return era
    raise InvalidDate(f"{day.isoformat()} is before the Taishō era (大正), the earliest era written here")


def format_wareki(day: date) -> str:
    """令和7年4月1日; the first year of an era is 元年."""
    era = era_of(day)
    year = day.year - era.start.year + 1
    return f"{era.name}{'元' if year == 1 else year}年{day.month}月{day.day}日"


def format_date_ja(day: date) -> str:
    """2025年4月1日."""
    return f"{day.year}年{day.month}月{day.day}日"
