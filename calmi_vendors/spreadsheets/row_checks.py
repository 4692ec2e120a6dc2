"""Rows below the header that are not vendors: notes, totals, repeated headers, untouched template rows."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from calmi_vendors.domain.text import clean_text, match_key
from calmi_vendors.spreadsheets.cells import Row, is_blank
from calmi_vendors.spreadsheets.headers import header_key

# Notes, totals and section headings ("■ 再委託先", "【関東】") written in the first column of a list.
_NOTE = re.compile(
    r"^\s*([※*■□●◆◇▼▽【\[]|注[:：)\s]|\(注|以上|合計|小計|総計|計$|total\b|subtotal\b|notes?\b|備考)", re.I
)
# Columns a template pre-fills (a 無 in every yes/no cell, JP as country): alone they make no vendor.
_DEFAULTED_FIELDS = frozenset(
    {"special_care", "reentrustment_allowed", "status", "country", "processing_country"}
)


def skip_reason(cells: Row, mapping: Mapping[int, str], headers: Sequence[str]) -> str | None:
    """Why a non-blank row below the header is not a vendor row, or None when it is one."""
    filled = {column: value for column, value in enumerate(cells) if not is_blank(value)}
    mapped = {column: mapping[column] for column in filled if column in mapping}
    if not mapped:
        return "no value in any recognised column"
    if _repeats_header(filled, mapped, headers):
        return "repeats the header row"
    has_name = "name" in mapped.values()
    if len(filled) == 1:
        text = unicodedata.normalize("NFKC", clean_text(str(next(iter(filled.values())))))
        if not has_name:
            return f"a single value outside the name column: {text[:40]!r}"
        if _NOTE.match(text):
            return f"only a note, total or section heading: {text[:40]!r}"
    if not has_name and set(mapped.values()) <= _DEFAULTED_FIELDS:
        return "no vendor name and only pre-filled yes/no or country values"
    return None


def _repeats_header(filled: Mapping[int, object], mapped: Mapping[int, str], headers: Sequence[str]) -> bool:
    """A header row repeated below (printed lists repeat it on every page)."""
    name_columns = [column for column, target in mapped.items() if target == "name"]
    # Cheap gate first: only a row whose name cell reads like the name header can be a repeated header.
    if name_columns and not _same_text(filled[name_columns[0]], headers, name_columns[0]):
        return False
    repeats = sum(1 for column in mapped if _same_text(filled[column], headers, column))
    return repeats >= max(2, len(mapped) // 2)


def _same_text(value: object, headers: Sequence[str], column: int) -> bool:
    return (
        column < len(headers) and isinstance(value, str) and header_key(value) == _header_key(headers[column])
    )


# The same few headers are compared with every row of a list.
_header_key = functools.lru_cache(maxsize=1024)(header_key)


Entry = tuple[int, str | None, str | None]
"""(row number, vendor name, corporate number) of one parsed row."""


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An earlier row this one repeats; `certain` when the number or the exact name says so."""

    row: int
    reason: str
    certain: bool


def find_duplicates(entries: Sequence[Entry]) -> dict[int, Duplicate]:
    """Later row → the earlier row it repeats: same corporate number or same name, else a similar name."""
    by_number: dict[str, int] = {}
    by_exact: dict[str, tuple[int, str | None]] = {}
    by_similar: dict[str, tuple[int, str | None]] = {}
    found: dict[int, Duplicate] = {}
    for number, name, corporate in entries:
        # Keys once per name: match_key costs ~50 µs, and lists have up to 200,000 rows.
        exact_key, loose_key = (_exact_key(name), match_key(name)) if name else ("", "")
        if corporate and corporate in by_number:
            earlier = by_number[corporate]
            found[number] = Duplicate(earlier, f"same corporate number as row {earlier}", True)
        elif name:
            # Differing corporate numbers mean different companies (株式会社X and X株式会社 can both exist).
            same = by_exact.get(exact_key)
            similar = by_similar.get(loose_key)
            if same is not None and not (corporate and same[1]):
                found[number] = Duplicate(same[0], f"same name as row {same[0]}", True)
            elif similar is not None and not (corporate and similar[1]):
                found[number] = Duplicate(similar[0], f"may be the same company as row {similar[0]}", False)
        if corporate:
            by_number.setdefault(corporate, number)
        if name:
            by_exact.setdefault(exact_key, (number, corporate))
            by_similar.setdefault(loose_key, (number, corporate))
    return found


def find_parent_rows(entries: Sequence[Entry], parents: Mapping[int, str]) -> dict[int, int]:
    """Row → the row of the same file its parent (再委託元) names: exact name first, else a unique match."""
    exact: dict[str, list[int]] = {}
    loose: dict[str, list[int]] = {}
    for number, name, _ in entries:
        if name:
            exact.setdefault(_exact_key(name), []).append(number)
            loose.setdefault(match_key(name), []).append(number)
    found: dict[int, int] = {}
    for number, parent in parents.items():
        same = [row for row in exact.get(_exact_key(parent), []) if row != number]
        similar = [row for row in loose.get(match_key(parent), []) if row != number]
        if same:
            found[number] = same[0]  # a name written twice is one company: link to its first row
        elif len(similar) == 1:
            found[number] = similar[0]  # (株)X for 株式会社X, unless two companies could be meant
    return found


def _exact_key(name: str) -> str:
    return unicodedata.normalize("NFKC", clean_text(name)).casefold()
