"""Errors of the spreadsheet layer: a whole file refused, or one cell of one row that cannot be used."""

from __future__ import annotations

from dataclasses import dataclass

from calmi_vendors.errors import CalmiError
from calmi_vendors.spreadsheets.cells import CellError, UnevaluatedFormula


class SpreadsheetError(CalmiError):
    """A file that cannot be read or used as a vendor list; the message says what and where."""

    def __init__(self, message: str, *, file_name: str | None = None, sheet: str | None = None) -> None:
        super().__init__(message)
        self.file_name = file_name
        self.sheet = sheet


def shown_value(value: object, *, limit: int = 60) -> str:
    """A cell value as a message shows it: quoted text, shortened, without line breaks."""
    if value is None:
        return "(empty)"
    if isinstance(value, CellError | UnevaluatedFormula):
        text = str(value)
    elif isinstance(value, str):
        text = repr(value if len(value) <= limit else value[: limit - 1] + "…")
    else:
        text = str(value)
    return text.replace("\n", " ").replace("\r", " ")


@dataclass(frozen=True, slots=True)
class RowError:
    """One cell of one data row that cannot be used as written; row and column as Excel shows them."""

    sheet: str
    row: int
    column: str
    header: str
    value: object
    reason: str
    kind: str = "invalid"
    field: str | None = None

    @property
    def cell(self) -> str:
        return f"{self.column}{self.row}"

    @property
    def message(self) -> str:
        where = f"Sheet {self.sheet!r}, row {self.row}, column {self.column}"
        if self.header:
            where += f" ({self.header})"
        raw = "" if self.value is None else str(self.value).strip()
        if raw and raw in self.reason:
            return f"{where}: {self.reason}"  # the reason already quotes the value
        return f"{where}: {shown_value(self.value)} — {self.reason}"

    def __str__(self) -> str:
        return self.message
