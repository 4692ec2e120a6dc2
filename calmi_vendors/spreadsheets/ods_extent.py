"""The real extent of each .ods table, whose repeat counts can make a 1 KB file claim a billion cells."""

from __future__ import annotations

import zipfile
from typing import Any

import defusedxml.ElementTree as SafeET

from calmi_vendors.spreadsheets.cells import Limits
from calmi_vendors.spreadsheets.guards import SheetExtent, check_extent

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")


def _repeat(element: Any, attribute: str) -> int:
    text = element.get(f"{_TABLE}{attribute}", "1")
    return int(text) if text.isdigit() else 1


def check_ods_tables(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    """Refuse a table whose non-empty cells reach too far, before calamine allocates its grid."""
    sheet = ""
    extent = SheetExtent()
    row = column = repeat_rows = 0
    row_filled = False
    parents: list[Any] = []
    with archive.open("content.xml") as source:
        for event, element in SafeET.iterparse(source, events=("start", "end"), forbid_dtd=True):
            tag = element.tag
            if event == "start":
                parents.append(element)
                if tag == f"{_TABLE}table":
                    sheet, extent, row = element.get(f"{_TABLE}name", ""), SheetExtent(), 0
                elif tag == f"{_TABLE}table-row":
                    column, row_filled = 0, False
                    repeat_rows = _repeat(element, "number-rows-repeated")
                continue
            parents.pop()
            if tag in _CELLS:
                repeat = _repeat(element, "number-columns-repeated")
                # calamine expands repeated cells that hold something; trailing empty runs cost nothing.
                if element.get(f"{_OFFICE}value-type") is not None or len(element):
                    extent.last_column = max(extent.last_column, column + repeat)
                    row_filled = True
                column += repeat
            elif tag == f"{_TABLE}table-row":
                if row_filled:
                    extent.first_row = extent.first_row or row + 1
                    extent.last_row = row + repeat_rows
                row += repeat_rows
            elif tag == f"{_TABLE}table":
                check_extent(name, sheet, extent, limits)
            if tag in (*_CELLS, f"{_TABLE}table-row") and parents:
                element.clear()
                parents[-1].remove(element)
