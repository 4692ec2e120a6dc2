"""The real extent of each .xlsb sheet, from its binary records, before calamine allocates a dense grid."""

from __future__ import annotations

import posixpath
import struct
import zipfile
from collections.abc import Iterator

from calmi_vendors.spreadsheets.cells import Limits
from calmi_vendors.spreadsheets.guards import SheetExtent, check_extent
from calmi_vendors.spreadsheets.xlsx_markers import relationships

_ROW_HEADER = 0x0000  # BrtRowHdr: u32 row
_CELLS = frozenset(range(0x0002, 0x000B))  # BrtCellRk … BrtFmlaBool: u32 column first, as calamine reads them
_END_SHEET_DATA = 0x0092
_BUNDLE_SHEET = 0x009C
_END_BUNDLE = 0x0090
_LAST_ROW = 0x0010_0000  # calamine stops reading a sheet at a row number beyond Excel's


def _records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(record type, payload) of an MS-XLSB record stream: 7-bit variable-length type and size."""
    position, end = 0, len(data)
    while position < end:
        kind = data[position]
        position += 1
        if kind & 0x80:
            if position >= end:
                return
            kind = (kind & 0x7F) | ((data[position] & 0x7F) << 7)
            position += 1
        size = shift = 0
        for _ in range(4):
            if position >= end:
                return
            byte = data[position]
            position += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        yield kind, data[position : position + size]
        position += size


def _wide(payload: bytes, offset: int) -> tuple[str, int]:
    """An XLWideString at offset: (text, offset after it)."""
    (length,) = struct.unpack_from("<I", payload, offset)
    start = offset + 4
    return payload[start : start + 2 * length].decode("utf-16-le", "replace"), start + 2 * length


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → sheet name, from xl/workbook.bin and its relationships."""
    try:
        data = archive.read("xl/workbook.bin")
    except KeyError:
        return {}
    targets = relationships(archive, "xl/workbook.bin")
    names: dict[str, str] = {}
    for kind, payload in _records(data):
        if kind == _END_BUNDLE:
            break
        if kind == _BUNDLE_SHEET and len(payload) >= 12:
            try:
                rel_id, after = _wide(payload, 8)
                name, _ = _wide(payload, after)
            except struct.error:
                continue
            if rel_id in targets:
                names[targets[rel_id][1]] = name
    return names


def check_xlsb_sheets(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    """Refuse a sheet whose cells reach too far (the members' sizes were bounded by scan_members)."""
    names = _sheet_names(archive)
    for member in archive.namelist():
        if posixpath.dirname(member) != "xl/worksheets" or not member.endswith(".bin"):
            continue
        extent = SheetExtent()
        row = 0
        for kind, payload in _records(archive.read(member)):
            if kind == _END_SHEET_DATA:
                break
            if len(payload) < 4:
                continue
            if kind == _ROW_HEADER:
                (row,) = struct.unpack_from("<I", payload)
                if row > _LAST_ROW:
                    break
            elif kind in _CELLS:
                (column,) = struct.unpack_from("<I", payload)
                extent.first_row = min(extent.first_row, row + 1) if extent.first_row else row + 1
                extent.last_row = max(extent.last_row, row + 1)
                extent.last_column = max(extent.last_column, column + 1)
        check_extent(name, names.get(member, member), extent, limits)
