"""Write tables to .xlsx (typed cells, frozen header, filters) or CSV, safe against formula injection."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from calmi_vendors.errors import CalmiError

Report = Callable[[int, int, str], None]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix a quote to text a spreadsheet would run as a formula (CSV and XLSX injection)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_table(
    target: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    sheet_name: str = "Sheet1",
    encoding: str = "utf-8-sig",
    progress: Report | None = None,
) -> int:
    """Write `rows` under `headers` to `target` (.xlsx or .csv); the file appears only when complete."""
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise CalmiError(f"Export to .xlsx or .csv, not {suffix or 'a file without extension'}.")
    partial = target.with_name(target.name + ".partial")
    try:
        if suffix == ".csv":
            _write_csv(headers, rows, partial, encoding, progress)
        else:
            _write_xlsx(headers, rows, partial, sheet_name, progress)
        os.replace(partial, target)
    except UnicodeEncodeError as exc:
        partial.unlink(missing_ok=True)
        bad = exc.object[exc.start : exc.end]
        raise CalmiError(
            f"{bad!r} cannot be written in {encoding}; export as UTF-8 or .xlsx instead."
        ) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CalmiError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
    return len(rows)


def _write_csv(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], path: Path, encoding: str, progress: Report | None
) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralise(h) for h in headers])
        for n, row in enumerate(rows):
            writer.writerow(
                [
                    v.isoformat() if isinstance(v, date) else neutralise(v) if isinstance(v, str) else v
                    for v in row
                ]
            )
            if progress is not None and n % 5000 == 0:
                progress(n, len(rows), "")


def _write_xlsx(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    path: Path,
    sheet_name: str,
    progress: Report | None,
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=neutralise(title))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for n, row in enumerate(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                # Explicit string type: openpyxl would otherwise store "=…" as a formula.
                cell.data_type = "s"
                cell.value = neutralise(value)
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
        if progress is not None and n % 5000 == 0:
            progress(n, len(rows), "")
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(headers), 1))}{len(rows) + 1}"
    book.save(path)
