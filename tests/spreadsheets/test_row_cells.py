"""Single cells of a data row: formulas as text, markers, labels, certifications, skipped rows, notes."""

from __future__ import annotations

from datetime import date

import pytest

from calmi_vendors.domain.enums import CertificationKind, PartyStatus
from calmi_vendors.spreadsheets.cells import CellError, SheetData, UnevaluatedFormula
from calmi_vendors.spreadsheets.headers import detect_header_row
from calmi_vendors.spreadsheets.parsed import ParsedRow, ParsedTable
from calmi_vendors.spreadsheets.rows import parse_rows

VALID = "2308627149709"


def parse(headers: tuple[str, ...], *rows: tuple[object, ...], keep: bool = False) -> ParsedTable:
    sheet = SheetData("一覧", (headers, *rows))
    guess = detect_header_row(sheet)
    assert guess is not None
    return parse_rows(
        sheet, guess.row_index, guess.mapping, keep_unmapped_as_notes=keep, today=date(2026, 4, 1)
    )


def only(headers: tuple[str, ...], row: tuple[object, ...]) -> ParsedRow:
    (parsed,) = parse(headers, row).rows
    return parsed


@pytest.mark.parametrize(
    "payload",
    ['=HYPERLINK("http://evil.invalid","click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "=1+1"],
)
def test_formula_text_is_data_in_text_fields(payload: str) -> None:
    row = only(("委託先名", "法人番号", "備考", "担当部署"), (payload, VALID, payload, payload))
    assert row.errors == ()
    assert row.party is not None
    assert (row.party.name, row.party.notes, row.party.owner_department) == (payload, payload, payload)


@pytest.mark.parametrize("payload", ["=1+1", "-2+3", "@SUM(1,2)", "+SUM(1,2)"])
def test_formula_text_is_an_error_where_a_number_or_date_is_needed(payload: str) -> None:
    row = only(("委託先名", "件数", "契約満了日"), ("A社", payload, payload))
    assert [error.kind for error in row.errors] == ["bad_number", "bad_date"]
    assert row.party is None


def test_error_values_and_result_less_formulas_are_reported_per_cell() -> None:
    row = only(
        ("委託先名", "件数", "契約満了日", "Pマーク", "社内コード"),
        (
            "A社",
            CellError("#DIV/0!"),
            UnevaluatedFormula("TODAY()+365"),
            CellError("#N/A"),
            CellError("#REF!"),
        ),
    )
    assert sorted((error.column, error.kind) for error in row.errors) == [
        ("B", "excel_error"),
        ("C", "formula_without_value"),
        ("D", "excel_error"),
    ]  # the unmapped E column is not validated
    messages = sorted(error.message for error in row.errors)
    assert messages[0] == (
        "Sheet '一覧', row 2, column B (件数): the cell shows the Excel error #DIV/0!; "
        "correct the formula or type the value"
    )
    assert messages[1].startswith(
        "Sheet '一覧', row 2, column C (契約満了日): =TODAY()+365 — the cell holds a formula"
    )


def test_missing_name_is_an_error_on_the_name_column() -> None:
    row = only(("法人番号", "委託先名", "委託業務"), (VALID, None, "配送"))
    (error,) = row.errors
    assert (error.kind, error.column, error.header, error.field) == ("missing_name", "B", "委託先名", "name")
    assert row.party is None
    assert row.name is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1234567890123", "bad_check_digit"),
        ("123456789012", "bad_corporate_number"),
        ("ABC", "bad_corporate_number"),
        ("2.30863E+12", "bad_corporate_number"),
    ],
)
def test_corporate_number_problems(text: str, kind: str) -> None:
    (error,) = only(("委託先名", "法人番号"), ("A社", text)).errors
    assert error.kind == kind


def test_corporate_number_written_as_a_number_or_with_hyphens() -> None:
    for written in (2308627149709, 2308627149709.0, "2-3086-2714-9709", "２３０８６２７１４９７０９"):
        party = only(("委託先名", "法人番号"), ("A社", written)).party
        assert party is not None
        assert party.corporate_number == VALID


def test_unknown_labels_are_reported_with_the_label() -> None:
    row = only(("委託先名", "委託業務", "個人情報の項目"), ("A社", "配送・占い", "氏名、趣味"))
    assert [(error.kind, error.reason) for error in row.errors] == [
        ("unknown_data_category", "unknown data category: 趣味"),
        ("unknown_business_function", "unknown business function: 占い"),
    ]


def test_countries_statuses_yes_no_and_counts() -> None:
    headers = ("Vendor name", "Country", "Processing country", "Status", "Re-entrustment allowed", "Records")
    party_row = only(headers, ("Acme", "United States", "シンガポール", "取引中", "○", "約 1,200 件"))
    assert party_row.party is not None
    assert (party_row.party.country, party_row.party.processing_country) == ("US", "SG")
    assert party_row.status is PartyStatus.ACTIVE
    assert party_row.party.reentrustment_allowed is True
    assert party_row.party.data_subjects_approx == 1200
    bad = only(headers, ("Acme", "Atlantis", None, "maybe", "perhaps", "-5"))
    assert [error.kind for error in bad.errors] == [
        "unknown_country",
        "bad_number",
        "bad_yes_no",
        "unknown_status",
    ]


def test_no_date_markers_are_blank_not_errors() -> None:
    row = only(("委託先名", "契約締結日", "契約満了日"), ("A社", "令和7年4月1日", "未定"))
    assert row.errors == ()
    assert (row.contract_signed_on, row.contract_expires_on) == (date(2025, 4, 1), None)
    assert only(("委託先名", "契約締結日"), ("A社", 45748)).contract_signed_on == date(2025, 4, 1)  # serial


def test_contact_address_in_a_contact_column_becomes_the_email() -> None:
    contact = only(("委託先名", "Privacy contact"), ("A社", "dpo@example.jp")).party
    assert contact is not None
    assert contact.contacts[0].email == "dpo@example.jp"
    row = only(("委託先名", "担当者", "メール"), ("A社", "佐藤", "sato@example"))
    assert [error.kind for error in row.errors] == ["invalid_email"]


def test_certifications_from_separate_columns_and_an_expiry_column() -> None:
    party = only(
        ("委託先名", "Pマーク", "ISMS認証", "その他認証", "認証有効期限"),
        ("A社", "取得", "ISO/IEC 27001 (IS 123456)", "SOC 2 Type II; TRUSTe", "2027/3/31"),
    ).party
    assert party is not None
    assert [(c.kind, c.expires_on) for c in party.certifications] == [
        (CertificationKind.PRIVACY_MARK, date(2027, 3, 31)),
        (CertificationKind.ISO_27001, date(2027, 3, 31)),
        (CertificationKind.SOC2, date(2027, 3, 31)),
        (CertificationKind.OTHER, date(2027, 3, 31)),
    ]
    assert party.certifications[3].name == "TRUSTe"


def test_certification_with_an_impossible_date_is_an_error() -> None:
    row = only(("委託先名", "認証"), ("A社", "Pマーク(2026/2/30)"))
    (error,) = row.errors
    assert error.kind == "impossible_date"
    assert "2026/2/30" in error.reason


def test_blank_note_total_and_repeated_header_rows_are_skipped() -> None:
    headers = ("No.", "委託先名", "法人番号", "要配慮個人情報", "再委託")
    table = parse(
        headers,
        (1, "A社", VALID, "無", "無"),
        (None, None, None, None, None),
        (),
        headers,  # repeated on a printed page
        (2, None, None, "無", "無"),  # an untouched template row with pre-filled defaults
        (3, None, None, None, None),  # a numbered empty template row
        (None, "※ 2026年3月末時点", None, None, None),
        (None, "合計", None, None, None),
        (None, None, "以上", None, None),
        (4, "B社", None, None, None),
    )
    assert [row.name for row in table.rows] == ["A社", "B社"]
    assert [(skip.row_number, skip.reason.split(":")[0]) for skip in table.skipped] == [
        (5, "repeats the header row"),
        (6, "no vendor name and only pre-filled yes/no or country values"),
        (7, "no value in any recognised column"),
        (8, "only a note, total or section heading"),
        (9, "only a note, total or section heading"),
        (10, "a single value outside the name column"),
    ]


def test_unmapped_columns_go_to_raw_and_optionally_to_notes() -> None:
    headers = ("委託先名", "備考", "社内コード", "", "社内コード")
    row = (" A社 ", "要確認", "X-01", 42, "dup")
    (kept,) = parse(headers, row, keep=True).rows
    assert kept.raw == {
        "委託先名": " A社 ",
        "備考": "要確認",
        "社内コード": "X-01",
        "Column D": 42,
        "社内コード (E)": "dup",
    }
    assert kept.party is not None
    assert kept.party.notes == "要確認\n社内コード: X-01\nColumn D: 42\n社内コード (E): dup"
    (plain,) = parse(headers, row).rows
    assert plain.party is not None
    assert plain.party.notes == "要確認"


def test_notes_keep_their_line_breaks() -> None:
    party = only(("委託先名", "備考"), ("A社", " 一行目 \n\n  二行目　")).party
    assert party is not None
    assert party.notes == "一行目\n\n二行目"


def test_special_care_mismatch_is_a_warning_not_an_error() -> None:
    row = only(("委託先名", "要配慮個人情報", "個人情報の項目"), ("A社", "有", "氏名・住所"))
    assert row.errors == ()
    assert row.special_care is True
    assert "none of its data categories is special-care" in row.warnings[0]


def test_duplicates_and_parents_within_the_file() -> None:
    table = parse(
        ("委託先名", "法人番号", "再委託元"),
        ("株式会社双葉", VALID, None),
        ("(株)双葉", None, None),  # same company? no number to tell: flagged as possible
        ("双葉株式会社", "8361862179736", None),  # a different company (前株/後株, own number)
        ("有限会社子会社", None, "(株)双葉"),
        ("孫請合同会社", None, "有限会社子会社"),
        ("外部の子", None, "どこにもない会社"),
    )
    rows = {row.name: row for row in table.rows}
    assert rows["(株)双葉"].duplicate_of is None  # similar name, no number to tell: only a warning
    assert "may be the same company as row 2" in rows["(株)双葉"].warnings
    assert rows["双葉株式会社"].duplicate_of is None
    assert rows["双葉株式会社"].warnings == ()
    assert rows["有限会社子会社"].parent_row == 3
    assert rows["孫請合同会社"].parent_row == 5
    assert rows["外部の子"].parent_row is None
    assert rows["外部の子"].parent_name == "どこにもない会社"


def test_same_name_twice_is_a_duplicate_unless_the_numbers_differ() -> None:
    table = parse(
        ("委託先名", "法人番号"),
        ("株式会社みなと", None),
        (" 株式会社みなと ", None),
        ("北斗株式会社", VALID),
        ("北斗株式会社", "8361862179736"),
    )
    assert [(row.row_number, row.duplicate_of) for row in table.rows] == [
        (2, None),
        (3, 2),
        (4, None),
        (5, None),
    ]
    assert table.rows[1].warnings == ("same name as row 2",)
