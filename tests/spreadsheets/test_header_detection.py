"""Finding the header row and the data sheet, whatever the language and layout, and mapping signatures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from calmi_vendors.spreadsheets.cells import SheetData, Workbook
from calmi_vendors.spreadsheets.errors import SpreadsheetError
from calmi_vendors.spreadsheets.headers import (
    FIELD_SYNONYMS,
    detect_header_row,
    find_data_sheet,
    header_key,
    headers_signature,
    match_header,
)
from calmi_vendors.spreadsheets.reader import read_table_file

WriteXlsx = Callable[..., Path]

JA_MAPPING = {
    "委託先名": "name",
    "法人番号": "corporate_number",
    "所在地": "address",
    "委託業務": "business_functions",
    "取扱う個人情報": "data_categories",
    "件数(概算)": "data_subjects_approx",
    "要配慮個人情報": "special_care",
    "再委託": "reentrustment_allowed",
    "再委託元": "parent_name",
    "契約締結日": "contract_signed_on",
    "契約満了日": "contract_expires_on",
    "Pマーク": "certification",
    "ISMS認証": "certification",
    "担当部署": "owner_department",
    "担当者": "contact_name",
    "メールアドレス": "contact_email",
    "電話番号": "contact_phone",
    "備考": "notes",
}
EN_MAPPING = {
    "Vendor name": "name",
    "Country": "country",
    "Service entrusted": "business_functions",
    "Personal data handled": "data_categories",
    "Records (approx.)": "data_subjects_approx",
    "Special-care data": "special_care",
    "Sub-contracting allowed": "reentrustment_allowed",
    "Contract signed": "contract_signed_on",
    "Contract expires": "contract_expires_on",
    "Certifications": "certification",
    "Owner department": "owner_department",
    "Privacy contact": "contact_name",
}


def sheet_of(*rows: tuple[object, ...], name: str = "S", visible: bool = True) -> SheetData:
    return SheetData(name, tuple(rows), visible)


@pytest.mark.parametrize(
    ("sample", "row_index", "expected"),
    [
        ("vendors_ja.xlsx", 2, JA_MAPPING),
        ("vendors_en.xlsx", 0, EN_MAPPING),
        ("vendors_cp932.csv", 0, dict(list(JA_MAPPING.items())[:11])),
        ("bad/formula_injection.xlsx", 0, EN_MAPPING),
    ],
)
def test_every_sample_header_maps(
    samples: Path, sample: str, row_index: int, expected: dict[str, str]
) -> None:
    _sheet, guess = find_data_sheet(read_table_file(samples / sample))
    assert guess.row_index == row_index
    assert guess.row_number == row_index + 1
    assert {guess.header(column): target for column, target in guess.mapping.items()} == expected
    assert len(guess.mapping) == len(guess.headers)  # no column of a sample is left unmapped
    assert guess.score == len(expected)  # all exact


def test_header_below_merged_title_and_blank_row(samples: Path) -> None:
    sheet = read_table_file(samples / "vendors_ja.xlsx").sheets[0]
    guess = detect_header_row(sheet)
    assert guess is not None
    assert guess.row_index == 2
    assert detect_header_row(sheet, scan_rows=2) is None  # the title alone is not a header


def test_header_under_title_notes_and_blank_rows() -> None:
    sheet = sheet_of(
        ("取引先一覧表",),
        ("作成日: 2026/4/1", None, "作成者: 購買部"),
        (),
        ("※ 個人情報を取り扱う委託先のみ記載",),
        (None, None, None),
        ("No.", "取引先名", "フリガナ", "法人番号", "住所", "業務内容"),
        (1, "株式会社テスト", "テスト", "2308627149709", "東京都", "配送"),
    )
    guess = detect_header_row(sheet)
    assert guess is not None
    assert guess.row_index == 5
    assert guess.mapping == {
        1: "name",
        2: "name_kana",
        3: "corporate_number",
        4: "address",
        5: "business_functions",
    }
    assert guess.header(0) == "No."


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("委託先名（カナ）", "name_kana"),
        ("委託先名フリガナ", "name_kana"),
        ("ふりがな", "name_kana"),
        ("ＶＥＮＤＯＲ　ＮＡＭＥ", "name"),
        ("vendor name ", "name"),
        ("会社名", "name"),
        ("業者名", "name"),
        ("法人名", "name"),
        ("Supplier", "name"),
        ("Company", "name"),
        ("Corporate No.", "corporate_number"),
        ("法人番号（13桁）", "corporate_number"),
        ("データ処理国", "processing_country"),
        ("保管国", "processing_country"),
        ("本人の数", "data_subjects_approx"),
        ("取扱件数（概数）", "data_subjects_approx"),
        ("Data subjects", "data_subjects_approx"),
        ("業務内容", "business_functions"),
        ("Business function", "business_functions"),
        ("個人情報の項目", "data_categories"),
        ("Data categories", "data_categories"),
        ("要配慮個人情報の有無", "special_care"),
        ("Special-care", "special_care"),
        ("再委託元", "parent_name"),
        ("Re-entrusted by", "parent_name"),
        ("主管部署", "owner_department"),
        ("担当者名", "contact_name"),
        ("Contact name", "contact_name"),
        ("Vendor contact name", "contact_name"),
        ("メールアドレス（担当者）", "contact_email"),
        ("担当者メール", "contact_email"),
        ("E-mail", "contact_email"),
        ("電話番号(担当者)", "contact_phone"),
        ("TEL", "contact_phone"),
        ("取得認証", "certification"),
        ("プライバシーマーク", "certification"),
        ("ISO27001", "certification"),
        ("認証有効期限", "certification_expires_on"),
        ("ISMS認証有効期限", "certification_expires_on"),
        ("Certificate expiry", "certification_expires_on"),
        ("契約期限", "contract_expires_on"),
        ("契約有効期限", "contract_expires_on"),
        ("Contract expiry date", "contract_expires_on"),
        ("再委託可否", "reentrustment_allowed"),
        ("Re-entrustment allowed", "reentrustment_allowed"),
        ("Remarks", "notes"),
        ("ステータス", "status"),
    ],
)
def test_header_synonyms_in_both_languages(header: str, target: str) -> None:
    matched = match_header(header)
    assert matched is not None
    assert matched[0] == target


@pytest.mark.parametrize(
    "header", ["Product", "Price", "Stock", "No.", "再委託先", "再委託先名", "", "   ", None, 12, "x" * 100]
)
def test_headers_that_are_no_field(header: object) -> None:
    assert match_header(header) is None


def test_every_synonym_maps_to_its_own_field() -> None:
    owners: dict[str, str] = {}
    for target, synonyms in FIELD_SYNONYMS.items():
        for synonym in synonyms:
            key = header_key(synonym)
            assert owners.setdefault(key, target) == target, f"{synonym!r} is listed under two fields"
            matched = match_header(synonym)
            assert matched is not None, synonym
            assert matched[0] in (target, "name_kana"), synonym


def test_a_field_named_twice_keeps_its_first_exact_column() -> None:
    guess = detect_header_row(sheet_of(("会社名", "委託先名", "備考", "メモ", "Pマーク", "ISMS")))
    assert guess is not None
    assert guess.mapping == {0: "name", 2: "notes", 3: "notes", 4: "certification", 5: "certification"}


def test_find_data_sheet_skips_a_cover_sheet_and_prefers_sheets_with_rows() -> None:
    cover = sheet_of(("委託先一覧の記入方法",), ("委託先名: 正式名称を記入",), name="記入方法")
    template = sheet_of(("委託先名", "法人番号", "委託業務"), name="様式")
    data = sheet_of(("委託先名", "法人番号", "委託業務"), ("A社", "2308627149709", "配送"), name="一覧")
    sheet, guess = find_data_sheet(Workbook("book.xlsx", "xlsx", (cover, template, data)))
    assert sheet.name == "一覧"
    assert guess.row_index == 0


def test_find_data_sheet_prefers_a_visible_sheet() -> None:
    rows = (("委託先名", "法人番号"), ("A社", "2308627149709"))
    hidden = sheet_of(*rows, name="old", visible=False)
    shown = sheet_of(*rows, name="new")
    sheet, _ = find_data_sheet(Workbook("book.xlsx", "xlsx", (hidden, shown)))
    assert sheet.name == "new"


def test_vendor_columns_without_a_name_column_are_refused() -> None:
    sheet = sheet_of(("法人番号", "委託業務"), ("2308627149709", "配送"), name="一覧")
    with pytest.raises(SpreadsheetError, match="none for the vendor's name") as caught:
        find_data_sheet(Workbook("book.xlsx", "xlsx", (sheet,)))
    assert caught.value.sheet == "一覧"
    assert caught.value.file_name == "book.xlsx"


def test_unrelated_sheets_list_what_they_hold(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx(sheets={"在庫": [["Product", "Price"], ["Widget", 3]], "空": []})
    with pytest.raises(SpreadsheetError) as caught:
        find_data_sheet(read_table_file(path))
    message = str(caught.value)
    assert "found headers: Product, Price (sheet '在庫')" in message
    assert detect_header_row(read_table_file(path).sheets[0]) is None


def test_headers_signature_ignores_width_case_spaces_and_trailing_blanks() -> None:
    base = headers_signature(["委託先名", "法人番号", "Vendor name"])
    assert headers_signature(["委託先名 ", "法人番号", "VENDOR  NAME", None, ""]) == base
    assert headers_signature(["委託先名", "法人番号", "ＶＥＮＤＯＲ　ＮＡＭＥ"]) == base
    assert headers_signature(["法人番号", "委託先名", "Vendor name"]) != base
    assert headers_signature(["委託先名", None, "法人番号"]) != headers_signature(["委託先名", "法人番号"])
    assert len(base) == 64
    assert int(base, 16) >= 0
