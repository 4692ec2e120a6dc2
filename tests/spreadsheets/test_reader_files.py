"""read_table_file on the sample files and on ordinary files: values, encodings, delimiters, markers."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from calmi_vendors.spreadsheets.cells import CellError, Limits, UnevaluatedFormula, column_letter
from calmi_vendors.spreadsheets.reader import read_table_file

WriteXlsx = Callable[..., Path]
Rewrite = Callable[[Path, str, Callable[[str], str]], None]
INJECTIONS = ['=HYPERLINK("http://evil.invalid","click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)"]


def test_japanese_workbook_keeps_title_blank_row_and_sheet_name(samples: Path) -> None:
    book = read_table_file(samples / "vendors_ja.xlsx")
    assert book.format == "xlsx"
    (sheet,) = book.sheets
    assert sheet.name == "委託先一覧"
    assert len(sheet.rows) == 65
    assert sheet.rows[0][0] == "個人情報取扱い委託先一覧（2026年度）"
    assert all(cell is None for cell in sheet.rows[1])
    assert sheet.rows[2][:3] == ("委託先名", "法人番号", "所在地")
    first = sheet.rows[3]
    assert first[1] == "2308627149709"  # typed as text in Excel, so it stays text
    assert first[5] == 300
    assert isinstance(first[5], int)
    assert first[9] == date(2025, 4, 15)
    assert not isinstance(first[9], datetime)
    assert sheet.rows[6][5] == "３００"  # full-width digits stay text for the count parser


def test_english_workbook_from_another_producer(samples: Path) -> None:
    (sheet,) = read_table_file(samples / "vendors_en.xlsx").sheets
    assert sheet.name == "Vendors"
    assert len(sheet.rows) == 41
    assert sheet.rows[0][0] == "Vendor name"
    assert sheet.rows[1][4] == 500


def test_cp932_csv_is_detected(samples: Path) -> None:
    book = read_table_file(samples / "vendors_cp932.csv")
    assert (book.format, book.encoding, book.delimiter) == ("csv", "cp932", ",")
    (sheet,) = book.sheets
    assert len(sheet.rows) == 26
    assert sheet.rows[0][0] == "委託先名"
    assert sheet.rows[1][:2] == ("翠印刷株式会社", "4818193200090")  # CSV cells stay text: no lost zeros


def test_whole_numbers_dates_and_booleans(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx([["a", 1, 2.5, 3.0, True, date(2024, 1, 2), datetime(2024, 1, 2, 9, 30), None, "x"]])
    (row,) = read_table_file(path).sheets[0].rows
    assert row == ("a", 1, 2.5, 3, True, date(2024, 1, 2), datetime(2024, 1, 2, 9, 30), None, "x")
    assert isinstance(row[3], int)


def test_error_values_and_formulas_without_results_become_markers(
    write_xlsx: WriteXlsx, rewrite_member: Rewrite
) -> None:
    path = write_xlsx([["name", "count", "total", "sum"], ["#N/A", "#DIV/0!", "=1+1", "=SUM(1,2)"]])
    # Excel would have saved the result of the last formula; openpyxl saves none.
    rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace("<f>SUM(1,2)</f><v></v>", "<f>SUM(1,2)</f><v>3</v>").replace(
            "<f>SUM(1,2)</f><v />", "<f>SUM(1,2)</f><v>3</v>"
        ),
    )
    row = read_table_file(path).sheets[0].rows[1]
    assert row[0] == CellError("#N/A")
    assert row[1] == CellError("#DIV/0!")
    assert row[2] == UnevaluatedFormula("1+1")
    assert row[3] == 3  # a formula's cached result is read, never recomputed


def test_formula_injection_sample_is_read_as_text_and_markers(samples: Path) -> None:
    rows = read_table_file(samples / "bad" / "formula_injection.xlsx").sheets[0].rows
    assert rows[1][0] == UnevaluatedFormula('HYPERLINK("http://example.invalid","click")')
    assert rows[2][0] == UnevaluatedFormula("cmd|' /C calc'!A0")
    assert rows[3][0] == "+SUM(1,2)"  # a text cell that only looks like a formula stays text
    assert rows[3][4] == UnevaluatedFormula("1/0")
    assert rows[3][11] == "@c@example.com"


def test_dimension_claiming_a_million_rows_is_read_by_its_cells(
    write_xlsx: WriteXlsx, rewrite_member: Rewrite, claim_dimension: Callable[[str], Callable[[str], str]]
) -> None:
    path = write_xlsx([["Vendor name", "法人番号"], ["A社", "1"], ["B社", "2"]])
    rewrite_member(path, "xl/worksheets/sheet1.xml", claim_dimension("A1:Z1000000"))
    started = time.perf_counter()
    (sheet,) = read_table_file(path, limits=Limits(max_rows=10)).sheets
    assert time.perf_counter() - started < 2
    assert len(sheet.rows) == 3
    assert sheet.width == 2


def test_several_sheets_in_order(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx(sheets={"説明": [["この表の使い方"]], "一覧": [["委託先名"], ["A社"]], "空": []})
    book = read_table_file(path)
    assert [sheet.name for sheet in book.sheets] == ["説明", "一覧", "空"]
    assert book.sheets[2].rows == ()


def test_workbook_renamed_to_csv_or_xls_is_read_as_what_it_is(samples: Path, tmp_path: Path) -> None:
    for name in ("renamed.csv", "renamed.xls"):
        copy = tmp_path / name
        copy.write_bytes((samples / "vendors_en.xlsx").read_bytes())
        assert read_table_file(copy).sheets[0].rows[0][0] == "Vendor name"


def test_utf8_bom_csv(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("委託先名,法人番号\r\n株式会社テスト,2308627149709\r\n".encode("utf-8-sig"))
    book = read_table_file(path)
    assert book.encoding == "utf-8-sig"
    assert book.sheets[0].rows == (("委託先名", "法人番号"), ("株式会社テスト", "2308627149709"))


def test_cp932_csv_with_characters_shift_jis_lacks(tmp_path: Path) -> None:
    text = "委託先名,備考\r\n髙橋①商事株式会社,﨑本様\r\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("shift_jis")
    path = tmp_path / "nec.csv"
    path.write_bytes(text.encode("cp932"))
    book = read_table_file(path)
    assert book.encoding == "cp932"
    assert book.sheets[0].rows[1] == ("髙橋①商事株式会社", "﨑本様")


def test_plain_utf8_csv_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("Vendor name,Country\nAcme,US\n", encoding="utf-8")
    assert read_table_file(path).encoding == "utf-8"


@pytest.mark.parametrize(
    ("suffix", "delimiter", "content"),
    [
        (".csv", ";", "Vendor name;Country;Notes\nAcme, Inc.;US;a, b\nB社;JP;\n"),
        (".tsv", "\t", "Vendor name\tCountry\nAcme, Inc.\tUS\n"),
        (".txt", "\t", "委託先名\t所在地\nA社\t東京都\n"),
        (".csv", ",", 'Vendor name,Notes\n"Acme; Ltd",x\n'),
    ],
)
def test_delimiter_is_sniffed(tmp_path: Path, suffix: str, delimiter: str, content: str) -> None:
    path = tmp_path / f"list{suffix}"
    path.write_text(content, encoding="utf-8")
    book = read_table_file(path)
    assert book.delimiter == delimiter
    assert book.sheets[0].rows[1][0] in ("Acme, Inc.", "A社", "Acme; Ltd")


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("委託先名\t所在地\r\n髙島屋①\t大阪\r\n".encode("utf-16"))
    book = read_table_file(path)
    assert (book.encoding, book.delimiter) == ("utf-16", "\t")
    assert book.sheets[0].rows[1] == ("髙島屋①", "大阪")


def test_excel_sep_hint_line(tmp_path: Path) -> None:
    path = tmp_path / "hint.csv"
    path.write_text("sep=;\nVendor name;Country\nAcme;US\n", encoding="utf-8")
    book = read_table_file(path)
    assert book.delimiter == ";"
    assert book.sheets[0].rows[0] == ("Vendor name", "Country")


def test_csv_keeps_formula_like_text_and_marks_error_codes(tmp_path: Path) -> None:
    path = tmp_path / "inject.csv"
    lines = ["Vendor name,Notes"] + [f'"{text.replace(chr(34), chr(34) * 2)}",x' for text in INJECTIONS]
    path.write_text("\n".join([*lines, "#N/A,#REF!"]) + "\n", encoding="utf-8")
    rows = read_table_file(path).sheets[0].rows
    assert [row[0] for row in rows[1:5]] == INJECTIONS
    assert rows[5] == (CellError("#N/A"), CellError("#REF!"))


def test_ragged_csv_rows_are_padded(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("a,b,c\n1\n1,2\n", encoding="utf-8")
    assert read_table_file(path).sheets[0].rows == (("a", "b", "c"), ("1", None, None), ("1", "2", None))


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702, 16383)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
    ]  # fmt: skip


def test_openpyxl_parses_xml_through_defusedxml() -> None:
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML


def test_opendocument_spreadsheet(write_ods: Callable[..., Path]) -> None:
    path = write_ods([["委託先名", "件数"], ["株式会社オーディーエス", 1200]])
    book = read_table_file(path)
    assert book.format == "ods"
    assert book.sheets[0].name == "一覧"
    assert book.sheets[0].rows == (("委託先名", "件数"), ("株式会社オーディーエス", 1200))


def test_opendocument_trailing_repeated_empty_rows_are_harmless(write_ods: Callable[..., Path]) -> None:
    # LibreOffice ends every table with a run of a million repeated empty rows.
    cell = '<table:table-cell office:value-type="string"><text:p>A社</text:p></table:table-cell>'
    raw = f'<table:table-row>{cell}</table:table-row><table:table-row table:number-rows-repeated="1048575">'
    raw += '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    assert read_table_file(write_ods(raw=raw)).sheets[0].rows == (("A社",),)


def test_binary_workbook(write_xlsb: Callable[..., Path]) -> None:
    path = write_xlsb(
        [(0, 0, "委託先名"), (0, 1, "件数"), (1, 0, "株式会社エックスエルエスビー"), (1, 1, 1200)]
    )
    book = read_table_file(path)
    assert book.format == "xlsb"
    assert book.sheets[0].name == "一覧"
    assert book.sheets[0].rows == (("委託先名", "件数"), ("株式会社エックスエルエスビー", 1200))
