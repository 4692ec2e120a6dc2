"""Fixtures for the spreadsheet tests: the sample files and small workbooks written on the fly."""

from __future__ import annotations

import json
import re
import struct
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"

WriteXlsx = Callable[..., Path]


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def ja_notes() -> dict[str, list[object]]:
    notes: dict[str, list[object]] = json.loads((SAMPLES / "vendors_ja.notes.json").read_text("utf-8"))
    return notes


@pytest.fixture
def write_xlsx(tmp_path: Path) -> WriteXlsx:
    """Write rows (or several named sheets) to an .xlsx with openpyxl and return its path."""

    def write(
        rows: Sequence[Sequence[object]] | None = None,
        *,
        name: str = "book.xlsx",
        sheets: dict[str, Sequence[Sequence[object]]] | None = None,
    ) -> Path:
        book = openpyxl.Workbook()
        book.remove(book.active)  # type: ignore[arg-type]
        for title, content in (sheets or {"Sheet1": rows or []}).items():
            sheet = book.create_sheet(title)
            for row in content:
                sheet.append(list(row))
        path = tmp_path / name
        book.save(path)
        return path

    return write


Rewrite = Callable[[Path, str, Callable[[str], str]], None]


@pytest.fixture
def rewrite_member() -> Rewrite:
    """Rewrite one XML part of a zip package in place (to fake what other producers write)."""

    def rewrite(path: Path, member: str, edit: Callable[[str], str]) -> None:
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        parts[member] = edit(parts[member].decode("utf-8")).encode("utf-8")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for filename, data in parts.items():
                archive.writestr(filename, data)

    return rewrite


def set_dimension(xml: str, ref: str) -> str:
    """The sheet XML with its <dimension> claiming `ref`, whatever the cells really are."""
    return re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{ref}"', xml)


@pytest.fixture
def claim_dimension() -> Callable[[str], Callable[[str], str]]:
    return lambda ref: lambda xml: set_dimension(xml, ref)


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _ods_cell(value: object) -> str:
    if isinstance(value, int):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


@pytest.fixture
def write_ods(tmp_path: Path) -> Callable[..., Path]:
    """Write an OpenDocument spreadsheet from rows of strings and ints, or from raw table XML."""

    def write(rows: Sequence[Sequence[object]] = (), *, raw: str = "", name: str = "book.ods") -> Path:
        body = raw or "".join(
            "<table:table-row>" + "".join(_ods_cell(value) for value in row) + "</table:table-row>"
            for row in rows
        )
        content = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
            f'<office:body><office:spreadsheet><table:table table:name="一覧">{body}'
            "</table:table></office:spreadsheet></office:body></office:document-content>"
        )
        manifest = (
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'
        )
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
            archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        return path

    return write


def _record(kind: int, payload: bytes) -> bytes:
    head = bytes([(kind & 0x7F) | 0x80, kind >> 7]) if kind >= 0x80 else bytes([kind])
    size, encoded = len(payload), bytearray()
    while True:
        byte, size = size & 0x7F, size >> 7
        encoded.append(byte | (0x80 if size else 0))
        if not size:
            break
    return head + bytes(encoded) + payload


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


@pytest.fixture
def write_xlsb(tmp_path: Path) -> Callable[..., Path]:
    """Write a minimal .xlsb (binary workbook) holding (row, column, text or number) cells."""

    def write(cells: Sequence[tuple[int, int, object]], name: str = "book.xlsb") -> Path:
        workbook = _record(0x83, b"") + _record(0x8F, b"")
        workbook += _record(0x9C, struct.pack("<II", 0, 1) + _wide("rId1") + _wide("一覧"))
        workbook += _record(0x90, b"") + _record(0x84, b"")
        sheet = _record(0x81, b"") + _record(0x94, struct.pack("<IIII", 0, 0, 0, 0)) + _record(0x91, b"")
        current = -1
        for row, column, value in cells:
            if row != current:
                sheet += _record(0x00, struct.pack("<I", row) + bytes(13))
                current = row
            if isinstance(value, str):
                sheet += _record(0x06, struct.pack("<II", column, 0) + _wide(value))
            else:
                sheet += _record(0x05, struct.pack("<IId", column, 0, float(str(value))))
        sheet += _record(0x92, b"") + _record(0x82, b"")
        rels = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.bin"/></Relationships>'
        )
        path = tmp_path / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/workbook.bin", workbook)
            archive.writestr("xl/_rels/workbook.bin.rels", rels)
            archive.writestr("xl/worksheets/sheet1.bin", sheet)
        return path

    return write
