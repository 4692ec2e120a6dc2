"""Read a vendor list file (.xlsx/.xlsm/.xls/.xlsb/.ods/.csv/.tsv/.txt) into plain Python rows, safely."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path

# defusedxml guards the XML read here, and openpyxl uses it too whenever it is importable.
import defusedxml
import python_calamine
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from calmi_vendors.spreadsheets import guards
from calmi_vendors.spreadsheets.cells import Cell, Limits, SheetData, Workbook
from calmi_vendors.spreadsheets.errors import SpreadsheetError
from calmi_vendors.spreadsheets.ods_extent import check_ods_tables
from calmi_vendors.spreadsheets.text_tables import read_text_table
from calmi_vendors.spreadsheets.xlsb_extent import check_xlsb_sheets
from calmi_vendors.spreadsheets.xlsx_markers import Marker, read_markers, sheet_parts

__all__ = ["Limits", "SheetData", "Workbook", "read_table_file"]

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
_EXPECTED = {".xls": "an Excel 97-2003 workbook", ".ods": "an OpenDocument spreadsheet"}
_PACKAGE_SUFFIX = {"xlsx": (".xlsx", ".xlsm"), "xlsb": (".xlsb",), "ods": (".ods",)}
_MIDNIGHT = time(0)


DEFAULT_LIMITS = Limits()


def read_table_file(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Workbook:
    """Every sheet of `path` as rows of Python values, or SpreadsheetError saying what is wrong."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES | TEXT_SUFFIXES:
        raise SpreadsheetError(
            f"{name}: {suffix or 'files without an extension'} cannot be imported; "
            "use .xlsx, .xlsm, .xls, .xlsb, .ods, .csv or .tsv.",
            file_name=name,
        )
    head = guards.check_file(path, limits)
    # The bytes decide, not the name: a renamed workbook is still read as what it is.
    if head.startswith((guards.ZIP_MAGIC, guards.EMPTY_ZIP_MAGIC)):
        return _read_package(path, suffix, limits)
    if head.startswith(guards.OLE2_MAGIC):
        guards.check_ole(path, name, suffix)
        return _read_calamine(path, "xls", suffix == ".xls", {}, limits)
    if suffix in TEXT_SUFFIXES:
        data = _read_bytes(path, limits)
        sheet, encoding, delimiter = read_text_table(path, data, limits)
        return Workbook(name, suffix.lstrip("."), (sheet,), encoding=encoding, delimiter=delimiter)
    raise guards.not_a_workbook(name, head, _EXPECTED.get(suffix, "an Excel workbook"))


def _read_bytes(path: Path, limits: Limits) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        # The file grew after its size was checked.
        raise SpreadsheetError(f"{path.name} is larger than the import limit.", file_name=path.name)
    return data


def _read_package(path: Path, suffix: str, limits: Limits) -> Workbook:
    """A zip-based file: refuse bombs and damage before calamine inflates anything."""
    name = path.name
    with guards.open_zip(path, name) as archive:
        guards.check_declared_sizes(archive, name, limits)
        kind = _package_kind(archive, name)
        try:
            parts = sheet_parts(archive) if kind == "xlsx" else {}
            extents = guards.scan_members(
                archive, name, limits, {part: sheet for sheet, part in parts.items()}
            )
            markers = {
                sheet: _markers(archive, part)
                for sheet, part in parts.items()
                if part in extents and extents[part].has_markers
            }
            if kind == "ods":
                check_ods_tables(archive, name, limits)
            elif kind == "xlsb":
                check_xlsb_sheets(archive, name, limits)
        except (SyntaxError, ValueError, defusedxml.DefusedXmlException) as exc:
            # ElementTree's ParseError is a SyntaxError; defusedxml refuses DTDs and entities.
            raise guards.damaged(name, f"invalid XML: {exc}") from None
    return _read_calamine(path, kind, suffix in _PACKAGE_SUFFIX[kind], markers, limits)


def _markers(archive: zipfile.ZipFile, part: str) -> dict[tuple[int, int], Marker]:
    with archive.open(part) as source:
        return read_markers(source)


def _package_kind(archive: zipfile.ZipFile, name: str) -> str:
    names = set(archive.namelist())
    if "xl/workbook.bin" in names:
        return "xlsb"
    if any(member.startswith("xl/") for member in names):
        return "xlsx"
    if "content.xml" in names and "mimetype" in names:
        return "ods"
    if "word/document.xml" in names:
        what = "a Word document"
    elif any(member.startswith("ppt/") for member in names):
        what = "a PowerPoint presentation"
    elif not names:
        what = "an empty zip archive"
    else:
        what = "a zip archive of other files"
    raise SpreadsheetError(
        f"{name} is not a spreadsheet (it is {what}). Choose the Excel workbook or CSV file itself.",
        file_name=name,
    )


def _read_calamine(
    path: Path, kind: str, by_name: bool, markers: dict[str, dict[tuple[int, int], Marker]], limits: Limits
) -> Workbook:
    name = path.name
    try:
        if by_name:
            book = CalamineWorkbook.from_path(path)
        else:
            # The extension lies about the format; let calamine detect it from the content.
            with path.open("rb") as handle:
                book = CalamineWorkbook.from_filelike(handle)
        with book:
            sheets = tuple(
                _read_sheet(book, index, meta.name, meta.visible, markers.get(meta.name, {}), name, limits)
                for index, meta in enumerate(book.sheets_metadata)
                if meta.typ == SheetTypeEnum.WorkSheet
            )
    except python_calamine.PasswordError:
        raise guards.password_protected(name) from None
    except python_calamine.CalamineError as exc:
        if "limit" in str(exc).lower():
            raise SpreadsheetError(
                f"{name} is too large to import ({exc}). Delete unused rows and columns and save it again.",
                file_name=name,
            ) from None
        raise guards.damaged(name, str(exc)) from None
    except BaseException as exc:
        # A Rust panic on a malformed file surfaces as pyo3's PanicException, a BaseException.
        if type(exc).__name__ != "PanicException":
            raise
        raise guards.damaged(name, "the reader failed on its contents") from None
    return Workbook(name, kind, sheets)


def _read_sheet(
    book: CalamineWorkbook,
    index: int,
    sheet_name: str,
    visibility: SheetVisibleEnum,
    markers: dict[tuple[int, int], Marker],
    name: str,
    limits: Limits,
) -> SheetData:
    sheet = book.get_sheet_by_index(index)
    visible = visibility == SheetVisibleEnum.Visible
    grid: list[list[Cell]] = []
    end = sheet.end
    if end is not None:
        # Checked again here for formats whose cells could not be surveyed before opening (.xls, .xlsb, .ods).
        first_row = (sheet.start or end)[0] + 1
        extent = guards.SheetExtent(first_row=first_row, last_row=end[0] + 1, last_column=end[1] + 1)
        guards.check_extent(name, sheet_name, extent, limits)
        grid = [[_value(cell) for cell in row] for row in sheet.to_python(skip_empty_area=False)]
    _place_markers(grid, markers)
    return SheetData(sheet_name, tuple(tuple(row) for row in grid), visible)


def _place_markers(grid: list[list[Cell]], markers: dict[tuple[int, int], Marker]) -> None:
    """Put markers in their cells, growing the grid where calamine saw only empty cells at its edge."""
    if not markers:
        return
    height = max(len(grid), max(row for row, _ in markers) + 1)
    width = max(max((len(row) for row in grid), default=0), max(column for _, column in markers) + 1)
    grid.extend([] for _ in range(height - len(grid)))
    for row in grid:
        row.extend([None] * (width - len(row)))
    for (row_index, column_index), marker in markers.items():
        grid[row_index][column_index] = marker


def _value(cell: object) -> Cell:
    """calamine's value as the layer's cell: ints for whole numbers, dates for midnight datetimes."""
    if isinstance(cell, str):
        return cell or None
    if isinstance(cell, bool | int):
        return cell
    if isinstance(cell, float):
        return int(cell) if cell.is_integer() else cell
    if isinstance(cell, datetime):
        return cell.date() if cell.time() == _MIDNIGHT and cell.tzinfo is None else cell
    if isinstance(cell, date):
        return cell
    if isinstance(cell, time):
        return cell.isoformat()
    return str(cell)
