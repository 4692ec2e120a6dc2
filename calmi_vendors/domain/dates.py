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
    letter: str
    start: date
    end: date | None


ERAS: tuple[Era, ...] = (
    Era("令和", "R", date(2019, 5, 1), None),
    Era("平成", "H", date(1989, 1, 8), date(2019, 4, 30)),
    Era("昭和", "S", date(1926, 12, 25), date(1989, 1, 7)),
    Era("大正", "T", date(1912, 7, 30), date(1926, 12, 24)),
)
_ERA_BY_KEY = {e.name: e for e in ERAS} | {e.letter: e for e in ERAS}
_EXCEL_EPOCH = date(1899, 12, 30)
_ERA_DATE = re.compile(
    r"^(令和|平成|昭和|大正|[RHST])\s*(元|\d{1,2})\s*(?:年|[./-])\s*(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?$"
)
_WESTERN = re.compile(r"^(\d{4})\s*(?:年|[./-])\s*(\d{1,2})\s*(?:月|[./-])\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def _make(year: int, month: int, day: int, original: object) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidDate(f"{original} is not a calendar date") from None


def _from_excel_serial(serial: float, original: object) -> date:
    whole = int(serial)
    if whole == 60:
        raise InvalidDate(f"{original} is Excel's 29 February 1900, which never existed")
    if not 1 <= whole <= 110_000:
        raise InvalidDate(f"{original} is outside the range of dates Excel writes")
    # Excel counts 1900 as a leap year: serials after day 60 are one day ahead.
    return _EXCEL_EPOCH + timedelta(days=whole) if whole > 60 else date(1899, 12, 31) + timedelta(days=whole)


def _from_era(match: re.Match[str], original: object) -> date:
    era = _ERA_BY_KEY[match.group(1)]
    year_text = match.group(2)
    era_year = 1 if year_text == "元" else int(year_text)
    if era_year < 1:
        raise InvalidDate(f"{original}: an era year starts at 1 (元年)")
    result = _make(era.start.year + era_year - 1, int(match.group(3)), int(match.group(4)), original)
    if result < era.start:
        raise InvalidDate(f"{original} is before the start of the {era.name} era ({era.start.isoformat()})")
    if era.end is not None and result > era.end:
        raise InvalidDate(f"{original} is past the end of the {era.name} era ({era.end.isoformat()})")
    return result


def parse_date(value: object, *, today: date | None = None) -> date:
    """Read a date from a spreadsheet cell or typed text; raise InvalidDate saying why not."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise InvalidDate(f"{value!r} is not a date")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise InvalidDate(f"{value!r} is not a date")
        return _from_excel_serial(float(value), value)
    if not isinstance(value, str):
        raise InvalidDate(f"{value!r} is not a date")
    text = unicodedata.normalize("NFKC", value).strip().upper()
    text = _TIME_TAIL.sub("", text).strip()
    if not text:
        raise InvalidDate("the date is empty")
    for pattern in (_WESTERN, _COMPACT):
        match = pattern.match(text)
        if match:
            return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), value)
    match = _ERA_DATE.match(text)
    if match:
        return _from_era(match, value)
    raise InvalidDate(f"{value!r} is not a date format we know (e.g. 2025/4/1, 2025年4月1日, 令和7年4月1日)")


def era_of(day: date) -> Era:
    for era in ERAS:
        if day >= era.start:
            return era
    raise InvalidDate(f"{day.isoformat()} is before the Taishō era")


def format_wareki(day: date) -> str:
    """令和7年4月1日; the first year of an era is 元年."""
    era = era_of(day)
    year = day.year - era.start.year + 1
    return f"{era.name}{'元' if year == 1 else year}年{day.month}月{day.day}日"


def format_date_ja(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
