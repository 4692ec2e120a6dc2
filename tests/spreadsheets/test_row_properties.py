"""Properties of the row parser: whatever a cell holds, it gives a value or a RowError, never an exception."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from calmi_vendors.domain.text import clean_text
from calmi_vendors.spreadsheets.cells import (
    EXCEL_ERROR_CODES,
    CellError,
    SheetData,
    UnevaluatedFormula,
    is_blank,
)
from calmi_vendors.spreadsheets.headers import FIELD_SYNONYMS, detect_header_row
from calmi_vendors.spreadsheets.rows import parse_rows

VALID = "2308627149709"
# One header per field, each its field's first synonym, so every converter is exercised.
ALL_HEADERS = tuple(synonyms[0] for synonyms in FIELD_SYNONYMS.values())

cells = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        ["有", "無", "○", "2025/2/30", "令和7年4月1日", "Pマーク(2026/3/31)", "=1+1", "１，２００", "JP"]
    ),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.builds(CellError, st.sampled_from(sorted(EXCEL_ERROR_CODES))),
    st.builds(UnevaluatedFormula, st.text(max_size=20)),
)


@settings(max_examples=300, deadline=None)
@given(name=st.text())
def test_any_name_is_stored_cleaned_or_reported(name: str) -> None:
    sheet = SheetData("一覧", (("委託先名", "法人番号"), (name, VALID)))
    table = parse_rows(sheet, 0, {0: "name", 1: "corporate_number"})
    if is_blank(name):
        assert table.rows == ()
        assert len(table.skipped) == 1
        return
    (row,) = table.rows
    cleaned = clean_text(name)
    if cleaned:
        assert row.errors == ()
        assert row.name == cleaned
        assert row.party is not None
        assert row.party.name == cleaned
    else:
        assert [error.field for error in row.errors] == ["name"]
        assert row.errors[0].row == 2
        assert row.errors[0].column == "A"
        assert row.party is None


@settings(max_examples=200, deadline=None)
@given(row=st.lists(cells, min_size=len(ALL_HEADERS), max_size=len(ALL_HEADERS)))
def test_any_row_gives_values_or_errors_never_an_exception(row: list[object]) -> None:
    sheet = SheetData("一覧", (ALL_HEADERS, tuple(row)))
    guess = detect_header_row(sheet)
    assert guess is not None
    assert sorted(guess.mapping.values()) == sorted(FIELD_SYNONYMS)
    table = parse_rows(sheet, guess.row_index, guess.mapping, today=date(2026, 4, 1))
    for parsed in table.rows:
        assert (parsed.party is None) == bool(parsed.errors)
        for error in parsed.errors:
            assert error.sheet == "一覧"
            assert error.row == 2
            assert error.header in ALL_HEADERS
            assert error.reason
            assert error.message.startswith("Sheet '一覧', row 2, column ")
    assert len(table.rows) + len(table.skipped) <= 1


@settings(max_examples=100, deadline=None)
@given(grid=st.lists(st.lists(cells, max_size=6), max_size=12))
def test_header_detection_never_fails_on_noise(grid: list[list[object]]) -> None:
    sheet = SheetData("S", tuple(tuple(row) for row in grid))
    guess = detect_header_row(sheet)
    if guess is not None:
        assert len(guess.mapping) >= 2
        parse_rows(sheet, guess.row_index, guess.mapping)
