"""Checks made before any parser sees a file: size, what the bytes really are, zip bombs, damage."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from calmi_vendors.spreadsheets.cells import Limits
from calmi_vendors.spreadsheets.errors import SpreadsheetError

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# Stream names are stored in UTF-16LE in the compound file's directory.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))
_CHUNK = 1024 * 1024
# A worksheet needs the slow second look only if it holds error cells or formulas.
_MARKERS = re.compile(rb't="e"|<(?:\w+:)?f[\s>/]')
# Only cells carry an r="A1"-style reference (rows have r="1"); calamine places cells by it.
# Any length is matched: a hostile r="AAAAA99999999" must count as far away, not be overlooked.
_CELL_COLUMN = re.compile(rb'\sr="([A-Za-z]+)\d')
_CELL_ROW = re.compile(rb'\sr="[A-Za-z]+(\d+)"')
_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")

_SAVE_AS = "Open it in Excel and save it as an Excel workbook (.xlsx) or as CSV, then import that file."


def describe_bytes(head: bytes) -> str:
    """A short guess at what a file really is, from its first bytes, for messages."""
    stripped = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    lowered = stripped[:512].lower()
    if head.startswith(b"%PDF"):
        return "a PDF document"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "an image"
    if lowered.startswith((b"<!doctype html", b"<html", b"<table")) or b"<html" in lowered:
        return "a web page (HTML), as some systems export tables"
    if lowered.startswith(b"<?xml"):
        return "an XML file (perhaps an 'XML Spreadsheet 2003')"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "a UTF-16 text file"
    if not head:
        return "an empty file"
    if b"\x00" not in head[:4096]:
        return "a text file"
    return "a file of an unknown kind"


def check_file(path: Path, limits: Limits) -> bytes:
    """The file's first 8 KB once it is known to exist, be a file and be within the size limit."""
    name = path.name
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise SpreadsheetError(f"{name} is a folder, not a file.", file_name=name)
        if size > limits.max_file_bytes:
            raise SpreadsheetError(
                f"{name} is {size / 1024 / 1024:.1f} MB; files over "
                f"{limits.max_file_bytes / 1024 / 1024:.0f} MB are not imported. "
                "Split the list into smaller files.",
                file_name=name,
            )
        with path.open("rb") as handle:
            return handle.read(8192)
    except FileNotFoundError:
        raise SpreadsheetError(f"{name} was not found at {path.parent}.", file_name=name) from None
    except PermissionError:
        raise SpreadsheetError(
            f"{name} cannot be opened: permission denied (is it open in another program?).", file_name=name
        ) from None
    except OSError as exc:
        raise SpreadsheetError(f"{name} cannot be read: {exc.strerror or exc}.", file_name=name) from None


def not_a_workbook(name: str, head: bytes, expected: str) -> SpreadsheetError:
    """The error for a file whose bytes are not the spreadsheet its name promises."""
    if name.startswith("~$"):
        return SpreadsheetError(
            f"{name} is the lock file Excel keeps while a workbook is open; choose the workbook itself.",
            file_name=name,
        )
    what = describe_bytes(head)
    if what == "a text file":
        hint = "If it is a CSV or tab-separated list, rename it to .csv and import it again."
    else:
        hint = _SAVE_AS
    return SpreadsheetError(f"{name} is not {expected} (it looks like {what}). {hint}", file_name=name)


def check_ole(path: Path, name: str, suffix: str) -> None:
    """Refuse an OLE2 compound file that is an encrypted workbook (or is no workbook at all)."""
    found_encrypted = found_workbook = False
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            window = tail + chunk
            found_encrypted = found_encrypted or _ENCRYPTED_PACKAGE in window
            found_workbook = found_workbook or any(stream in window for stream in _XLS_STREAMS)
            tail = window[-64:]
    if found_encrypted or (suffix != ".xls" and not found_workbook):
        raise password_protected(name)
    if not found_workbook:
        raise SpreadsheetError(
            f"{name} is an Office file but holds no Excel workbook (perhaps a Word or other document). "
            + _SAVE_AS,
            file_name=name,
        )


def password_protected(name: str) -> SpreadsheetError:
    return SpreadsheetError(
        f"{name} is password-protected (encrypted), so it cannot be read. In Excel choose "
        "File ▸ Info ▸ Protect Workbook ▸ Encrypt with Password, clear the password, save a copy "
        "and import that copy.",
        file_name=name,
    )


def damaged(name: str, detail: str = "") -> SpreadsheetError:
    reason = f" ({detail})" if detail else ""
    return SpreadsheetError(
        f"{name} is damaged or incomplete{reason}: the file may have been cut short by an interrupted "
        "download, copy or e-mail. Ask for the file again, or open it in Excel and save it anew.",
        file_name=name,
    )


def zip_bomb(name: str, detail: str) -> SpreadsheetError:
    return SpreadsheetError(
        f"{name} looks like a zip bomb ({detail}); it was not opened. A real vendor list is far "
        "smaller: open it in Excel, delete unused rows and columns, and save it again.",
        file_name=name,
    )


def open_zip(path: Path, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        # It starts like a zip (checked before) but its directory at the end is missing or broken.
        raise damaged(name, "the end of the archive is missing or broken") from None
    except OSError as exc:
        raise SpreadsheetError(f"{name} cannot be read: {exc.strerror or exc}.", file_name=name) from None


def check_declared_sizes(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    """Refuse on what the archive's directory declares, before inflating anything."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > limits.max_uncompressed_bytes:
            raise zip_bomb(name, f"it would unpack to more than {_mb(limits.max_uncompressed_bytes)}")
        if info.file_size >= limits.ratio_check_min_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise zip_bomb(name, f"{info.filename} inflates {ratio:,.0f} times")


@dataclass
class SheetExtent:
    """Where a worksheet's cells really lie, from their references (calamine builds a dense grid of it)."""

    first_row: int = 0
    last_row: int = 0
    last_column: int = 0
    has_markers: bool = False

    def add(self, window: bytes) -> None:
        rows = [int(number) for number in _CELL_ROW.findall(window)]
        if rows:
            low, high = min(rows), max(rows)
            self.first_row = min(self.first_row, low) if self.first_row else low
            self.last_row = max(self.last_row, high)
        for letters in set(_CELL_COLUMN.findall(window)):
            self.last_column = max(self.last_column, _column_number(letters))
        self.has_markers = self.has_markers or _MARKERS.search(window) is not None


def scan_members(
    archive: zipfile.ZipFile, name: str, limits: Limits, sheets: Mapping[str, str]
) -> dict[str, SheetExtent]:
    """Inflate every member under the limits (sizes in a directory can lie); what each worksheet holds."""
    extents: dict[str, SheetExtent] = {}
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        is_sheet = info.filename in sheets or _WORKSHEET.match(info.filename) is not None
        extent = extents.setdefault(info.filename, SheetExtent()) if is_sheet else None
        produced = 0
        tail = b""
        try:
            with archive.open(info) as member:
                while chunk := member.read(_CHUNK):
                    produced += len(chunk)
                    total += len(chunk)
                    if total > limits.max_uncompressed_bytes:
                        raise zip_bomb(name, f"it unpacks to more than {_mb(limits.max_uncompressed_bytes)}")
                    if produced >= limits.ratio_check_min_bytes:
                        ratio = produced / max(info.compress_size, 1)
                        if ratio > limits.max_compression_ratio:
                            raise zip_bomb(name, f"{info.filename} inflates {ratio:,.0f} times")
                    if extent is not None:
                        extent.add(tail + chunk)
                        tail = chunk[-32:]
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
            raise damaged(name, f"{info.filename}: {exc}") from None
        except RuntimeError as exc:
            # zipfile raises RuntimeError for an encrypted member.
            raise password_protected(name) from exc
        if extent is not None:
            check_extent(name, sheets.get(info.filename, info.filename), extent, limits)
    return extents


def check_extent(name: str, sheet: str, extent: SheetExtent, limits: Limits) -> None:
    """Refuse a sheet too long or too wide to import, before any reader allocates its grid."""
    data_rows = extent.last_row - extent.first_row
    if data_rows > limits.max_rows:
        raise SpreadsheetError(
            f"{name}, sheet {sheet!r} has {data_rows:,} rows below its first row (data reaches row "
            f"{extent.last_row:,}); at most {limits.max_rows:,} vendor rows are imported at once. Split the "
            "list, or if it is really shorter, delete the stray cells far below it and save again.",
            file_name=name,
            sheet=sheet,
        )
    if extent.last_column > limits.max_columns or extent.last_row * extent.last_column > limits.max_cells:
        raise SpreadsheetError(
            f"{name}, sheet {sheet!r} reaches column {extent.last_column:,} and row {extent.last_row:,}: too "
            "large to import. Delete the stray cells far to the right of or below the list and save again.",
            file_name=name,
            sheet=sheet,
        )


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - ord("A") + 1
    return number


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"
