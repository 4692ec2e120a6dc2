"""What a read table is made of: cell values, markers for cells that hold no usable value, sheets, limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# The codes Excel shows in a cell whose formula failed; a text cell equal to one of these is an error too
# (Excel turns a typed "#N/A" into the error, and CSV exports write errors out as this text).
EXCEL_ERROR_CODES = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#EXTERNAL!",
        "#PYTHON!",
    }
)


@dataclass(frozen=True, slots=True)
class CellError:
    """An Excel error value (#N/A, #REF! …) in a cell; validation reports it for that cell."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class UnevaluatedFormula:
    """A formula cell saved without its result (files written by programs); formulas are never run."""

    formula: str

    def __str__(self) -> str:
        return f"={self.formula}"


Cell = str | int | float | bool | date | datetime | CellError | UnevaluatedFormula | None
Row = tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class SheetData:
    """One sheet as rows of Python values; rows[0] is the sheet's row 1 and cells[0] its column A."""

    name: str
    rows: tuple[Row, ...]
    visible: bool = True

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@dataclass(frozen=True, slots=True)
class Workbook:
    """Every sheet of a file, in the order the file lists them (a CSV is one sheet named after the file)."""

    path_name: str
    format: str
    sheets: tuple[SheetData, ...]
    encoding: str | None = None
    delimiter: str | None = None


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep a hostile or mistaken file from exhausting memory or time."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_uncompressed_bytes: int = 300 * 1024 * 1024
    max_compression_ratio: float = 100.0
    # A member this small cannot hurt whatever its ratio, and repetitive XML compresses very well.
    ratio_check_min_bytes: int = 1024 * 1024
    max_rows: int = 200_000
    max_columns: int = 1_000
    max_cells: int = 6_000_000


def column_letter(index: int) -> str:
    """Excel's column name for a 0-based index: 0 → A, 25 → Z, 26 → AA."""
    if index < 0:
        raise ValueError(f"column index {index} is negative")
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def is_blank(value: object) -> bool:
    """True for an empty cell or text that is only spaces (ASCII or full-width)."""
    return value is None or (isinstance(value, str) and not value.strip(" \t\r\n\u3000\u00a0"))
