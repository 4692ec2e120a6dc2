"""Table model of the party register: rows are cached PartySummary objects, never live ORM records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from calmi_vendors.services.dto import PartySummary

PARTY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegisterModel", text)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    value: Callable[[PartySummary], Any]
    display: Callable[[PartySummary], str]


def _enum_label(value: Any) -> str:
    return "" if value is None else _tr(str(value.value).replace("_", " ").capitalize())


COLUMNS: tuple[Column, ...] = (
    Column("name", "Name", lambda p: p.name, lambda p: p.name),
    Column("name_kana", "Reading", lambda p: p.name_kana or "", lambda p: p.name_kana or ""),
    Column(
        "corporate_number",
        "Corporate number",
        lambda p: p.corporate_number or "",
        lambda p: p.corporate_number or "",
    ),
    Column("status", "Status", lambda p: p.status.value, lambda p: _enum_label(p.status)),
    Column("tier", "Risk tier", lambda p: p.tier.value if p.tier else "", lambda p: _enum_label(p.tier)),
    Column(
        "next_audit_due",
        "Next audit due",
        lambda p: p.next_audit_due.isoformat() if p.next_audit_due else "",
        lambda p: p.next_audit_due.isoformat() if p.next_audit_due else "",
    ),
    Column("country", "Country", lambda p: p.country, lambda p: p.country),
    Column(
        "owner_department", "Owner", lambda p: p.owner_department or "", lambda p: p.owner_department or ""
    ),
)


class RegisterModel(QAbstractTableModel):
    """Rows of the register; sorting happens here (a proxy would call back into Python per comparison)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PartySummary] = []

    def set_rows(self, rows: Sequence[PartySummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PartySummary:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        party = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(party)
        if role == PARTY_ID_ROLE:
            return party.id
        if role == SORT_KEY_ROLE:
            return column.value(party)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section].title)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].value
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=lambda p: (key(p) is None, key(p)), reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()
