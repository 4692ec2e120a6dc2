"""Rows of the sample lists turned into PartyInput, and every bad cell reported by sheet, row and column."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from calmi_vendors.domain.enums import CertificationKind
from calmi_vendors.domain.text import clean_text
from calmi_vendors.spreadsheets.headers import find_data_sheet
from calmi_vendors.spreadsheets.parsed import ParsedTable
from calmi_vendors.spreadsheets.reader import read_table_file
from calmi_vendors.spreadsheets.rows import parse_rows


def parse_sample(path: Path) -> ParsedTable:
    sheet, guess = find_data_sheet(read_table_file(path))
    return parse_rows(sheet, guess.row_index, guess.mapping)


@pytest.fixture(scope="module")
def ja() -> ParsedTable:
    return parse_sample(Path(__file__).resolve().parents[1] / "data" / "samples" / "vendors_ja.xlsx")


def test_japanese_list_every_row_parsed(ja: ParsedTable) -> None:
    assert ja.sheet == "委託先一覧"
    assert ja.header_row == 3
    assert [row.row_number for row in ja.rows] == list(range(4, 66))
    assert ja.skipped == ()
    assert len(ja.parties) == 56
    assert Counter(error.kind for error in ja.errors) == {
        "bad_check_digit": 4,
        "impossible_date": 2,
        "invalid_email": 1,
    }


def test_reiwa_date_before_the_era_began_is_impossible(ja: ParsedTable) -> None:
    # Not in the notes: 令和元年2月14日 never existed (令和 began on 1 May 2019; that day was 平成31年).
    (row,) = [row for row in ja.rows if row.row_number == 36]
    assert row.name == "大和情報サービス合同会社"
    (error,) = row.errors
    assert (error.kind, error.column, error.value) == ("impossible_date", "J", "令和元年2月14日")
    assert "before the start of the 令和 era" in error.reason
    assert next(r for r in ja.rows if r.row_number == 31).contract_signed_on == date(
        2019, 6, 16
    )  # 令和元年6月16日


def test_bad_corporate_numbers_name_sheet_row_and_column(
    ja: ParsedTable, ja_notes: dict[str, list[object]]
) -> None:
    flagged = {row.name for row in ja.rows if any(e.kind == "bad_check_digit" for e in row.errors)}
    assert flagged == {clean_text(str(name)) for name in ja_notes["bad_corporate_numbers"]}
    error = next(e for e in ja.errors if e.kind == "bad_check_digit")
    assert (error.sheet, error.row, error.column, error.header, error.field) == (
        "委託先一覧", 9, "B", "法人番号", "corporate_number",
    )  # fmt: skip
    assert error.value == "9978262868459"
    assert error.message.startswith("Sheet '委託先一覧', row 9, column B (法人番号): bad check digit")
    assert "expected 8" in error.reason


def test_impossible_date_and_bad_email(ja: ParsedTable, ja_notes: dict[str, list[object]]) -> None:
    (bad,) = [row for row in ja.rows if row.name in ja_notes["bad_dates"]]
    assert bad.row_number == 65
    assert bad.party is None
    by_kind = {error.kind: error for error in bad.errors}
    assert set(by_kind) == {"impossible_date", "invalid_email"}
    date_error = by_kind["impossible_date"]
    assert (date_error.column, date_error.header, date_error.value) == ("J", "契約締結日", "2025/02/30")
    assert date_error.reason.startswith("impossible date")
    assert (by_kind["invalid_email"].column, by_kind["invalid_email"].header) == ("P", "メールアドレス")
    assert bad.contract_expires_on is None  # 未定 means "no date yet", not an error
    assert bad.name == "ホシノ印刷株式会社"


def test_values_as_written_are_parsed(ja: ParsedTable) -> None:
    rows = {row.row_number: row for row in ja.rows}
    first = rows[4].party
    assert first is not None
    assert first.name == "株式会社みなとビジネスサポート"
    assert first.corporate_number == "2308627149709"
    assert first.country == "JP"
    assert first.address == "福岡県"
    assert first.business_functions == ("it_operations",)
    assert first.data_categories == ("basic_contact", "purchase_history")
    assert first.data_subjects_approx == 300
    assert first.reentrustment_allowed is True
    assert first.owner_department == "購買部"
    (contact,) = first.contacts
    assert (contact.name, contact.email, contact.phone, contact.is_primary) == (
        "田中 翔", "contact000@example.co.jp", "06-6350-4961", True,
    )  # fmt: skip
    assert [c.kind for c in first.certifications] == [CertificationKind.ISO_27001]
    assert rows[4].special_care is True
    assert rows[4].contract_signed_on == date(2025, 4, 15)
    assert rows[5].contract_signed_on == date(2022, 1, 1)  # "2022/01/01"
    assert rows[6].contract_signed_on == date(2022, 7, 14)  # "令和4年7月14日"
    assert rows[7].contract_signed_on == date(2020, 11, 19)  # "2020-11-19"
    assert rows[7].party is not None
    assert rows[7].party.data_subjects_approx == 300
    assert rows[14].party is not None
    assert rows[14].party.data_subjects_approx == 15000
    assert rows[65].raw["件数(概算)"] == "約5000"
    assert {c.kind for c in rows[6].party.certifications} == {  # type: ignore[union-attr]
        CertificationKind.PRIVACY_MARK,
        CertificationKind.ISO_27001,
    }


def test_names_are_cleaned_but_otherwise_as_written(ja: ParsedTable) -> None:
    names = [row.name for row in ja.rows]
    assert "有限会社さくら野ロジスティクス" in names  # was " 有限会社さくら野ロジスティクス\u3000"
    assert "(株)さくら野ソリューションズ" in names  # (株) is kept; matching is the register's job
    assert all(name == clean_text(name) for name in names if name)


def test_duplicate_row_is_marked(ja: ParsedTable, ja_notes: dict[str, list[object]]) -> None:
    duplicates = [row for row in ja.rows if row.duplicate_of is not None]
    assert [(row.row_number, row.duplicate_of, row.name) for row in duplicates] == [
        (64, 6, ja_notes["duplicates"][0])
    ]
    assert "same corporate number as row 6" in duplicates[0].warnings
    assert duplicates[0].party is not None
    assert duplicates[0].party.notes == "重複登録の可能性"


def test_subcontractor_rows_name_their_parent(ja: ParsedTable, ja_notes: dict[str, list[object]]) -> None:
    rows_by_name = {row.name: row for row in ja.rows}
    numbers_by_name = {row.name: row.row_number for row in reversed(ja.rows)}
    for child, parent in ja_notes["subcontractors"]:  # type: ignore[misc]
        row = rows_by_name[clean_text(child)]
        assert row.parent_name == parent
        assert row.parent_row == numbers_by_name[clean_text(parent)]
    assert sum(1 for row in ja.rows if row.parent_name) == len(ja_notes["subcontractors"])


def test_english_list_is_clean(samples: Path) -> None:
    table = parse_sample(samples / "vendors_en.xlsx")
    assert len(table.rows) == 40
    assert table.errors == ()
    assert len(table.parties) == 40
    first = table.parties[0]
    assert (first.name, first.country, first.business_functions) == (
        "Orbit Analytics K.K.",
        "PH",
        ("billing",),
    )
    assert first.contacts[0].email == "privacy000@example.com"  # a "Privacy contact" holding an address
    assert {party.country for party in table.parties} >= {
        "JP",
        "PH",
        "VN",
        "SG",
        "IN",
        "IE",
        "DE",
        "NL",
        "US",
    }
    both = next(p for p in table.parties if len(p.certifications) == 2)
    assert [c.kind for c in both.certifications] == [CertificationKind.ISO_27001, CertificationKind.SOC2]
    assert table.rows[0].contract_expires_on == date(2022, 7, 6)


def test_cp932_csv_parses_with_the_same_columns(samples: Path, ja: ParsedTable) -> None:
    table = parse_sample(samples / "vendors_cp932.csv")
    assert len(table.rows) == 25
    assert table.errors == ()
    assert table.headers == ja.headers[:11]
    assert set(table.mapping.values()) <= set(ja.mapping.values())
    first = table.parties[0]
    assert (first.name, first.corporate_number, first.data_subjects_approx) == (
        "翠印刷株式会社", "4818193200090", 1_200_000,
    )  # fmt: skip
    assert first.business_functions == ("sales_desk", "information_desk")
    assert table.rows[0].contract_signed_on == date(2021, 1, 18)


def test_formula_injection_sample_is_neutralised(samples: Path) -> None:
    table = parse_sample(samples / "bad" / "formula_injection.xlsx")
    assert table.parties == ()  # nothing from this file may be stored as it is
    kinds = [(error.row, error.column, error.kind) for error in table.errors]
    assert kinds == [
        (2, "A", "formula_without_value"),
        (3, "A", "formula_without_value"),
        (4, "E", "formula_without_value"),
        (4, "L", "invalid_email"),
    ]
    assert table.rows[2].name == "+SUM(1,2)"  # text that looks like a formula is kept as text
    assert "formulas are never run" in table.errors[0].reason
