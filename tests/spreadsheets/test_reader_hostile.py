"""Files that must be refused before any parser runs, each with a message that says what and how to fix."""

from __future__ import annotations

import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from calmi_vendors.errors import CalmiError
from calmi_vendors.spreadsheets.cells import Limits
from calmi_vendors.spreadsheets.errors import SpreadsheetError
from calmi_vendors.spreadsheets.headers import find_data_sheet
from calmi_vendors.spreadsheets.reader import read_table_file

WriteXlsx = Callable[..., Path]
Rewrite = Callable[[Path, str, Callable[[str], str]], None]
OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


def refused(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(SpreadsheetError) as caught:
        read_table_file(path, limits=limits or Limits())
    assert isinstance(caught.value, CalmiError)
    message = str(caught.value)
    assert path.name in message  # every refusal says which file
    return message


def refused_as_vendor_list(path: Path) -> str:
    with pytest.raises(SpreadsheetError) as caught:
        find_data_sheet(read_table_file(path))
    return str(caught.value)


def test_text_file_named_xlsx(samples: Path) -> None:
    message = refused(samples / "bad" / "not_a_workbook.xlsx")
    assert "is not an Excel workbook (it looks like a text file)" in message
    assert "rename it to .csv" in message


def test_truncated_sample(samples: Path) -> None:
    assert "damaged or incomplete" in refused(samples / "bad" / "truncated.xlsx")


def test_real_workbook_cut_in_half(samples: Path, tmp_path: Path) -> None:
    data = (samples / "vendors_ja.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    assert "damaged or incomplete" in refused(cut)


def test_empty_workbook(samples: Path) -> None:
    assert "empty: no sheet holds any data" in refused_as_vendor_list(samples / "bad" / "empty.xlsx")


def test_headers_without_rows(samples: Path) -> None:
    message = refused_as_vendor_list(samples / "bad" / "header_only.xlsx")
    assert "sheet 'Sheet' has the column headers on row 1 but no vendor rows" in message


def test_unrelated_columns(samples: Path) -> None:
    message = refused_as_vendor_list(samples / "bad" / "unrelated_columns.xlsx")
    assert "no sheet has recognisable vendor columns — found headers: Product, Price, Stock" in message


def test_zip_bomb_by_total_size(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (12 * 1024 * 1024))
    assert bomb.stat().st_size < 100_000
    started = time.perf_counter()
    message = refused(bomb, Limits(max_uncompressed_bytes=10 * 1024 * 1024))
    assert "looks like a zip bomb" in message
    assert "more than 10 MB" in message
    assert time.perf_counter() - started < 1  # refused on the directory, nothing inflated


def test_zip_bomb_by_ratio_under_default_limits(tmp_path: Path) -> None:
    bomb = tmp_path / "ratio.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"A" * (4 * 1024 * 1024))
    message = refused(bomb)
    assert "looks like a zip bomb" in message
    assert "xl/sharedStrings.xml inflates" in message


def test_zip_whose_directory_understates_the_size_is_caught_while_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "liar.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"x" * (3 * 1024 * 1024))
    data = bytearray(bomb.read_bytes())
    # Patch the central directory entry of the sheet to claim 1,000 bytes (offset 24 = uncompressed size).
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(b"xl/worksheets/sheet1.xml"))
    struct.pack_into("<I", data, entry + 24, 1000)
    bomb.write_bytes(bytes(data))
    message = refused(bomb)
    assert "damaged or incomplete" in message or "zip bomb" in message


def test_password_protected_looking_ole_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(OLE2 + b"\x00" * 4096)
    message = refused(locked)
    assert "password-protected (encrypted)" in message
    assert "clear the password" in message


def test_encrypted_package_stream_in_an_xls(tmp_path: Path) -> None:
    locked = tmp_path / "locked.xls"
    locked.write_bytes(OLE2 + b"\x00" * 1024 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024)
    assert "password-protected" in refused(locked)


def test_ole_file_that_is_no_workbook(tmp_path: Path) -> None:
    document = tmp_path / "memo.xls"
    document.write_bytes(OLE2 + b"\x00" * 1024 + "WordDocument".encode("utf-16-le") + b"\x00" * 1024)
    assert "holds no Excel workbook" in refused(document)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("scan.xlsx", b"%PDF-1.7\n...", "it looks like a PDF document"),
        ("export.xls", b"<html><body><table><tr><td>A</td></tr></table>", "web page (HTML)"),
        ("logo.xlsx", b"\x89PNG\r\n\x1a\n\x00\x00", "an image"),
        ("blank.xlsx", b"", "an empty file"),
        ("~$vendors.xlsx", b"\x08user  \x00\x00", "lock file Excel keeps"),
    ],
)
def test_other_files_with_workbook_names(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert expected in refused(path)


def test_word_document_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert "it is a Word document" in refused(path)


def test_xml_entities_in_the_package_are_refused(write_xlsx: WriteXlsx, rewrite_member: Rewrite) -> None:
    path = write_xlsx([["委託先名"], ["A社"]])
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
    rewrite_member(path, "xl/workbook.xml", lambda xml: laughs + xml.split("?>", 1)[-1])
    assert "damaged or incomplete (invalid XML" in refused(path)


def test_file_over_the_size_limit(samples: Path) -> None:
    message = refused(samples / "vendors_ja.xlsx", Limits(max_file_bytes=10_000))
    assert "files over 0 MB are not imported" in message or "are not imported" in message


def test_unsupported_extension_and_missing_file(tmp_path: Path) -> None:
    numbers = tmp_path / "list.numbers"
    numbers.write_bytes(b"x")
    assert ".numbers cannot be imported" in refused(numbers)
    assert "was not found" in refused(tmp_path / "missing.xlsx")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert "is a folder" in refused(folder)


def test_sheet_with_more_rows_than_the_limit(tmp_path: Path) -> None:
    def write(rows: int) -> Path:
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("一覧")
        sheet.append(["委託先名", "法人番号"])
        for index in range(rows):
            sheet.append([f"会社{index}", index])
        path = tmp_path / f"rows{rows}.xlsx"
        book.save(path)
        return path

    limits = Limits(max_rows=50)
    assert len(read_table_file(write(50), limits=limits).sheets[0].rows) == 51
    message = refused(write(51), limits)
    assert "sheet '一覧' has 51 rows" in message
    assert "at most 50 vendor rows" in message


def test_csv_with_more_rows_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("委託先名\n" + "".join(f"会社{i}\n" for i in range(30)), encoding="utf-8")
    assert len(read_table_file(path, limits=Limits(max_rows=30)).sheets[0].rows) == 31
    assert "more than 29 rows" in refused(path, Limits(max_rows=29))


def test_stray_cell_far_away_is_refused_before_building_the_grid(
    write_xlsx: WriteXlsx, rewrite_member: Rewrite
) -> None:
    path = write_xlsx([["委託先名"], ["A社"]])
    stray = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("</sheetData>", stray))
    started = time.perf_counter()
    message = refused(path)
    assert "delete the stray cells" in message
    assert time.perf_counter() - started < 2


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(bytes(range(128, 256)) * 4)
    assert "neither UTF-8 nor Japanese Shift_JIS (cp932)" in refused(path)


def test_opendocument_repeat_counts_cannot_blow_up_the_grid(write_ods: Callable[..., Path]) -> None:
    cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    raw = f"<table:table-row>{cell}</table:table-row>"
    raw += '<table:table-row table:number-rows-repeated="99000"><table:table-cell/></table:table-row>'
    raw += f'<table:table-row><table:table-cell table:number-columns-repeated="900"/>{cell}</table:table-row>'
    path = write_ods(raw=raw)
    assert path.stat().st_size < 2000
    started = time.perf_counter()
    message = refused(path)
    assert "reaches column 901 and row 99,002: too large to import" in message
    assert time.perf_counter() - started < 2


def test_binary_workbook_with_a_far_away_cell_is_refused_before_reading(
    write_xlsb: Callable[..., Path],
) -> None:
    path = write_xlsb([(0, 0, "委託先名"), (1, 0, "A社"), (1_000_000, 16_000, "x")])
    started = time.perf_counter()
    message = refused(path)
    assert "sheet '一覧' has 1,000,000 rows below its first row" in message
    assert time.perf_counter() - started < 2
    wide = write_xlsb([(0, 0, "委託先名"), (1, 70_000_000, "x")], name="wide.xlsb")
    assert "reaches column 70,000,001" in refused(wide)


@pytest.mark.parametrize("reference", ["A99999999", "AAAAA1"])
def test_cell_references_beyond_excel_are_refused(
    write_xlsx: WriteXlsx, rewrite_member: Rewrite, reference: str
) -> None:
    path = write_xlsx([["委託先名"], ["A社"]])
    stray = f'<row r="3"><c r="{reference}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("</sheetData>", stray))
    assert "delete the stray cells" in refused(path).lower() or "too large to import" in refused(path)
