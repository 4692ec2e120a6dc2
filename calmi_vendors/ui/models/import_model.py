"""The rows of an import preview: what each row of the file will do, with a check box to leave it out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from calmi_vendors.services.importing import PreviewRow
from calmi_vendors.ui.labels import field_label, problem_text

_Index = QModelIndex | QPersistentModelIndex
INCLUDE, ROW, OUTCOME, NAME, NUMBER, DETAILS = range(6)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# What a row does, for the filter: the preview's kinds plus duplicates, which the importer skips.
OUTCOMES = ("new", "update", "unchanged", "error", "duplicate")


def outcome_of(row: PreviewRow) -> str:
    if row.kind == "error":
        return "error"
    return "duplicate" if row.duplicate_of is not None else row.kind


def outcome_label(outcome: str) -> str:
    labels = {
        "new": QCoreApplication.translate("ImportModel", "New"),
        "update": QCoreApplication.translate("ImportModel", "Update"),
        "unchanged": QCoreApplication.translate("ImportModel", "Unchanged"),
        "error": QCoreApplication.translate("ImportModel", "Error"),
        "duplicate": QCoreApplication.translate("ImportModel", "Duplicate"),
    }
    return labels[outcome]


def details_of(row: PreviewRow) -> str:
    """One line on what the row changes or why it cannot be imported; the column named as Excel shows it."""
    if row.errors:
        return "; ".join(f"{e.column} ({e.header}): {problem_text(e.kind, e.reason)}" for e in row.errors)
    if row.duplicate_of is not None:
        return QCoreApplication.translate("ImportModel", "Same party as row %1").replace(
            "%1", str(row.duplicate_of)
        )
    parts = [f"{field_label(d.field)}: {d.current or '—'} → {d.incoming or '—'}" for d in row.differences]
    parts.extend(row.warnings)
    return "; ".join(parts)


class ImportPreviewModel(QAbstractTableModel):
    """Filtering happens in the model (a preview may hold 100,000 rows; a proxy would crawl)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._outcomes: list[str] = []
        self._details: list[str] = []
        self._visible: list[int] = []
        self._shown: frozenset[str] = frozenset(OUTCOMES)
        self.skipped: set[int] = set()
        """Row numbers (as in the file) the user chose to leave out."""

    def set_rows(self, rows: Sequence[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._outcomes = [outcome_of(r) for r in self._rows]
        self._details = [details_of(r) for r in self._rows]
        self.skipped = set()
        self._refresh()
        self.endResetModel()

    def show_outcomes(self, outcomes: Sequence[str]) -> None:
        self.beginResetModel()
        self._shown = frozenset(outcomes)
        self._refresh()
        self.endResetModel()

    def _refresh(self) -> None:
        self._visible = [i for i, o in enumerate(self._outcomes) if o in self._shown]

    def row_at(self, row: int) -> PreviewRow:
        return self._rows[self._visible[row]]

    def set_all_included(self, included: bool) -> None:
        choosable = {r.row_number for r, o in zip(self._rows, self._outcomes, strict=True) if _choosable(o)}
        self.skipped = set() if included else choosable
        if self._visible:
            self.dataChanged.emit(self.index(0, INCLUDE), self.index(len(self._visible) - 1, INCLUDE))

    # -- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Import"),
            self.tr("Row"),
            self.tr("Outcome"),
            self.tr("Name"),
            self.tr("Corporate number"),
            self.tr("What changes / why not"),
        )[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if (
            index.isValid()
            and index.column() == INCLUDE
            and _choosable(self._outcomes[self._visible[index.row()]])
        ):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        i = self._visible[index.row()]
        row, outcome, column = self._rows[i], self._outcomes[i], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == INCLUDE and _choosable(outcome):
            included = row.row_number not in self.skipped
            return Qt.CheckState.Checked if included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ROW:
                return row.row_number
            if column == OUTCOME:
                return outcome_label(outcome)
            if column == NAME:
                return row.name or ""
            if column == NUMBER:
                return row.corporate_number or ""
            if column == DETAILS:
                return self._details[i]
        if role == Qt.ItemDataRole.ToolTipRole and column == DETAILS and self._details[i]:
            return self._details[i].replace("; ", "\n")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != INCLUDE:
            return False
        i = self._visible[index.row()]
        if not _choosable(self._outcomes[i]):
            return False
        number = self._rows[i].row_number
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.skipped.discard(number)
        else:
            self.skipped.add(number)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


def _choosable(outcome: str) -> bool:
    return outcome in ("new", "update")
