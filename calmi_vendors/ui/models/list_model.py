"""A read-only table model over frozen dataclass rows, with text filter and sort done in the model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from calmi_vendors.domain.text import search_key
from calmi_vendors.ui.labels import enum_label, format_date

Row = TypeVar("Row")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ListColumn(Generic[Row]):
    title: str
    value: Callable[[Row], Any]


def display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return enum_label(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:.0%}"
    return str(value)


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (1, "")
    if isinstance(value, StrEnum):
        return (0, value.value)
    if isinstance(value, str):
        return (0, value.casefold())
    return (0, value)


class ListModel(QAbstractTableModel, Generic[Row]):
    def __init__(self, columns: Sequence[ListColumn[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Row] = []
        self._texts: list[str] = []
        self._visible: list[int] = []
        self._needle = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [search_key(" ".join(display(c.value(r)) for c in self.columns)) for r in self._rows]
        self._refresh()
        self.endResetModel()

    def set_text_filter(self, text: str) -> None:
        self.beginResetModel()
        self._needle = search_key(text)
        self._refresh()
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[self._visible[row]]

    def _refresh(self) -> None:
        self._visible = [i for i, t in enumerate(self._texts) if self._needle in t]
        if self._sort is not None:
            column, order = self._sort
            value = self.columns[column].value
            rows = self._rows
            self._visible.sort(
                key=lambda i: _sort_key(value(rows[i])), reverse=order == Qt.SortOrder.DescendingOrder
            )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._refresh()
        self.layoutChanged.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._rows[self._visible[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return display(self.columns[index.column()].value(row))
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return None
