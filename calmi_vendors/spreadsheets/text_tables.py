"""CSV and tab-separated text: the encoding Excel on Windows really used, and the delimiter."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections import Counter
from pathlib import Path

from calmi_vendors.spreadsheets.cells import EXCEL_ERROR_CODES, Cell, CellError, Limits, Row, SheetData
from calmi_vendors.spreadsheets.errors import SpreadsheetError

DELIMITERS = (",", "\t", ";")
_SAMPLE_CHARS = 64 * 1024
_SAMPLE_ROWS = 50


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM), UTF-16 with BOM, else cp932 — never shift_jis."""
    if data.startswith(codecs.BOM_UTF8):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" (.txt) is UTF-16 with a byte-order mark and tabs.
        candidates = ("utf-16",)
    else:
        # cp932, not shift_jis: Excel writes ①, 髙 and 﨑, which shift_jis cannot decode.
        candidates = ("utf-8", "cp932")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text, encoding
    raise SpreadsheetError(
        f"{name} is not readable text: it is neither UTF-8 nor Japanese Shift_JIS (cp932). "
        "In Excel save it as 'CSV UTF-8 (Comma delimited)' and import that file.",
        file_name=name,
    )


def sniff_delimiter(text: str, default: str) -> str:
    """The candidate that splits the first rows into the same number (> 1) of fields most often."""
    sample = text[:_SAMPLE_CHARS]
    best, best_score = default, 0
    for delimiter in DELIMITERS:
        try:
            rows = list(itertools.islice(csv.reader(io.StringIO(sample), delimiter=delimiter), _SAMPLE_ROWS))
        except csv.Error:
            continue
        counts = Counter(len(row) for row in rows if any(cell.strip() for cell in row))
        if not counts:
            continue
        width, times = counts.most_common(1)[0]
        score = times * width if width > 1 else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _cell(text: str) -> Cell:
    if text == "":
        return None
    if text.strip() in EXCEL_ERROR_CODES:
        return CellError(text.strip())
    return text


def read_text_table(path: Path, data: bytes, limits: Limits) -> tuple[SheetData, str, str]:
    """(sheet, encoding, delimiter) for a CSV/TSV/TXT file already read into memory (size-checked)."""
    name = path.name
    text, encoding = decode(data, name)
    first_line, _, rest = text.partition("\n")
    forced = first_line.strip().lower()
    if forced.startswith("sep=") and len(forced) == 5:
        # Excel's own hint line ("sep=;"): Excel uses it and does not show it as a row.
        delimiter = first_line.strip()[4]
        text = rest
    else:
        delimiter = sniff_delimiter(text, "\t" if path.suffix.lower() == ".tsv" else ",")
    rows: list[Row] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(rows) > limits.max_rows:
                raise SpreadsheetError(
                    f"{name} has more than {limits.max_rows:,} rows; at most {limits.max_rows:,} vendor rows "
                    "are imported at once. Split the list into smaller files.",
                    file_name=name,
                )
            if len(record) > limits.max_columns:
                raise SpreadsheetError(
                    f"{name}, row {len(rows) + 1} has {len(record):,} columns; at most "
                    f"{limits.max_columns:,} are read. Check the delimiter or the file.",
                    file_name=name,
                )
            rows.append(tuple(_cell(cell) for cell in record))
    except csv.Error as exc:
        raise SpreadsheetError(
            f"{name}, row {len(rows) + 1} cannot be read as CSV ({exc}); check its quotation marks.",
            file_name=name,
        ) from None
    width = max((len(row) for row in rows), default=0)
    padded = tuple(row + (None,) * (width - len(row)) for row in rows)
    return SheetData(name=path.stem, rows=padded), encoding, delimiter
