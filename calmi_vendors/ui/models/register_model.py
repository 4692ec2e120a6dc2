"""Table model of the party register: filters, searches and sorts 100k rows in the model itself.

A `QSortFilterProxyModel` calls back into Python for every comparison (30 s for a 100k sort,
measured); here a list of row indices is filtered and sorted with Python's own sort instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from calmi_vendors.domain.countries import country_name
from calmi_vendors.domain.enums import PartyStatus, RiskTier
from calmi_vendors.domain.text import search_key
from calmi_vendors.services.register_view import RegisterFilter, RegisterRow, row_matches, row_search_text
from calmi_vendors.ui.labels import QT_TRANSLATE_NOOP, enum_label, format_date, is_japanese

PARTY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("RegisterModel", text)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    sort_key: Callable[[RegisterRow], Any]


def _date_key(day: date | None) -> tuple[bool, date]:
    return (day is None, day or date.max)


_TIER_ORDER = {RiskTier.HIGH: 0, RiskTier.MEDIUM: 1, RiskTier.LOW: 2}
_STATUS_ORDER = {s: i for i, s in enumerate(PartyStatus)}

COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("RegisterModel", "Name"), lambda r: r.name.casefold()),
    Column(
        "name_kana",
        QT_TRANSLATE_NOOP("RegisterModel", "Reading"),
        lambda r: (r.name_kana is None, r.name_kana or ""),
    ),
    Column(
        "corporate_number",
        QT_TRANSLATE_NOOP("RegisterModel", "Corporate number"),
        lambda r: (r.corporate_number is None, r.corporate_number or ""),
    ),
    Column("status", QT_TRANSLATE_NOOP("RegisterModel", "Status"), lambda r: _STATUS_ORDER[r.status]),
    Column(
        "tier",
        QT_TRANSLATE_NOOP("RegisterModel", "Risk tier"),
        lambda r: _TIER_ORDER.get(r.tier, 3) if r.tier else 3,
    ),
    Column(
        "next_audit_due",
        QT_TRANSLATE_NOOP("RegisterModel", "Next audit due"),
        lambda r: _date_key(r.next_audit_due),
    ),
    Column(
        "business_functions",
        QT_TRANSLATE_NOOP("RegisterModel", "Entrusted work"),
        lambda r: r.business_functions,
    ),
    Column("country", QT_TRANSLATE_NOOP("RegisterModel", "Country"), lambda r: r.country),
    Column(
        "processing_country",
        QT_TRANSLATE_NOOP("RegisterModel", "Processed in"),
        lambda r: r.processing_country or "",
    ),
    Column(
        "contract_expires_on",
        QT_TRANSLATE_NOOP("RegisterModel", "Contract expires"),
        lambda r: _date_key(r.contract_expires_on),
    ),
    Column(
        "certificate_expires_on",
        QT_TRANSLATE_NOOP("RegisterModel", "Certificate expires"),
        lambda r: _date_key(r.certificate_expires_on),
    ),
    Column("open_findings", QT_TRANSLATE_NOOP("RegisterModel", "Open findings"), lambda r: r.open_findings),
    Column(
        "owner_department",
        QT_TRANSLATE_NOOP("RegisterModel", "Owner department"),
        lambda r: (r.owner_department is None, r.owner_department or ""),
    ),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


class RegisterModel(QAbstractTableModel):
    """Rows of the register; `set_filter` and `sort` rebuild the list of visible row indices."""

    def __init__(self, parent: Any = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RegisterRow] = []
        self._haystacks: list[str] = []
        self._visible: list[int] = []
        self._filter = RegisterFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._function_names: Mapping[str, str] = {}
        self._sort_keys: dict[int, list[Any]] = {}
        self.today = today or date.today()

    # -- data in ----------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[RegisterRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._haystacks = [row_search_text(r) for r in self._rows]
        self._sort_keys.clear()
        self._visible = self._compute_visible()
        self.endResetModel()

    def set_function_names(self, names: Mapping[str, str]) -> None:
        """Business-function key → name in the UI language."""
        self._function_names = dict(names)
        if self._visible:
            column = COLUMN_KEYS.index("business_functions")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._visible) - 1, column))

    def update_rows(self, rows: Sequence[RegisterRow]) -> None:
        """Replace changed rows in place (after an edit) and re-apply filter and sort."""
        by_id = {r.id: r for r in rows}
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [
            self._rows[self._visible[i.row()]].id if i.row() < len(self._visible) else None
            for i in old_persistent
        ]
        for position, row in enumerate(self._rows):
            if row.id in by_id:
                self._rows[position] = by_id.pop(row.id)
                self._haystacks[position] = row_search_text(self._rows[position])
        for row in by_id.values():
            self._rows.append(row)
            self._haystacks.append(row_search_text(row))
        self._sort_keys.clear()
        self._visible = self._compute_visible()
        self._remap(old_persistent, old_ids)
        self.layoutChanged.emit()

    # -- filtering and sorting --------------------------------------------------------------------
    @property
    def filter(self) -> RegisterFilter:
        return self._filter

    def set_filter(self, spec: RegisterFilter) -> None:
        if spec == self._filter:
            return
        self._filter = spec
        self.beginResetModel()
        self._visible = self._compute_visible()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [
            self._rows[self._visible[i.row()]].id for i in old_persistent if i.row() < len(self._visible)
        ]
        self._sort = (column, order)
        self._sort_visible()
        self._remap(old_persistent, old_ids)
        self.layoutChanged.emit()

    def _compute_visible(self) -> list[int]:
        spec = self._filter
        if spec.is_empty:
            visible = list(range(len(self._rows)))
        elif spec == RegisterFilter(text=spec.text):
            # Text only: the hot path of incremental search, a plain substring scan.
            needle = search_key(spec.text)
            visible = [i for i, hay in enumerate(self._haystacks) if needle in hay]
        else:
            rows, hays, today = self._rows, self._haystacks, self.today
            visible = [
                i for i in range(len(rows)) if row_matches(rows[i], spec, today=today, haystack=hays[i])
            ]
        self._visible = visible
        if self._sort is not None:
            self._sort_visible()
        return self._visible

    def _sort_visible(self) -> None:
        assert self._sort is not None
        column, order = self._sort
        keys = self._sort_keys.get(column)
        if keys is None:
            # Computed once per column and kept until the rows change: re-sorting is then a plain list sort.
            key = COLUMNS[column].sort_key
            keys = self._sort_keys[column] = [key(r) for r in self._rows]
        self._visible.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    def _remap(self, old: list[QModelIndex], old_ids: Sequence[int | None]) -> None:
        position = {self._rows[v].id: n for n, v in enumerate(self._visible)}
        new = [
            self.index(position[pid], idx.column()) if pid is not None and pid in position else QModelIndex()
            for idx, pid in zip(old, old_ids, strict=False)
        ]
        self.changePersistentIndexList(old[: len(new)], new)

    # -- reading ------------------------------------------------------------------------------------
    def row_at(self, row: int) -> RegisterRow:
        return self._rows[self._visible[row]]

    def visible_rows(self) -> list[RegisterRow]:
        return [self._rows[i] for i in self._visible]

    @property
    def total_count(self) -> int:
        return len(self._rows)

    def row_of_party(self, party_id: int) -> int | None:
        for n, i in enumerate(self._visible):
            if self._rows[i].id == party_id:
                return n
        return None

    def display_text(self, row: RegisterRow, key: str) -> str:
        value = getattr(row, key)
        if key == "business_functions":
            separator = "、" if is_japanese() else ", "
            return separator.join(self._function_names.get(k, k) for k in value) if value else ""
        if key in ("status", "tier"):
            return enum_label(value)
        if key in ("country", "processing_country"):
            return country_name(value, "ja" if is_japanese() else "en")
        if isinstance(value, date):
            return format_date(value)
        if key == "open_findings":
            return str(value) if value else ""
        return "" if value is None else str(value)

    # -- Qt overrides -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._rows[self._visible[index.row()]]
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "name" and row.notes:
            return row.notes[:500]
        if role == PARTY_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        overdue = row.next_audit_due is not None and row.next_audit_due < self.today
        if role == Qt.ItemDataRole.ForegroundRole and key == "next_audit_due" and overdue:
            return QColor("#c62828") if _light() else QColor("#ef9a9a")
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "open_findings":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(COLUMNS):
            return _t(COLUMNS[section].title)
        return None


def _light() -> bool:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return True
    return app.palette().color(QPalette.ColorRole.Base).lightness() > 128
