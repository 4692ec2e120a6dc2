"""A searchable, sortable list of portfolio records; double-click opens the party it belongs to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.ui.models.list_model import ListColumn, ListModel


class RecordListView(QWidget):
    """Signals:
    party_opened(int): open the workspace of the party the double-clicked record belongs to.
    """

    party_opened = Signal(int)

    def __init__(
        self,
        columns: Sequence[ListColumn[Any]],
        *,
        party_of: Callable[[Any], int],
        scopes: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model: ListModel[Any] = ListModel(columns, self)
        self._party_of = party_of
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Filter…"))
        self.search.textChanged.connect(self.model.set_text_filter)
        self.scope = QComboBox(self)
        self.scope.addItems(list(scopes))
        self.scope.setVisible(bool(scopes))
        self.count = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(
            lambda index: self.party_opened.emit(party_of(self.model.row_at(index.row())))
        )
        self.model.modelReset.connect(self._count)
        top = QHBoxLayout()
        self._top = top
        top.addWidget(self.search, 1)
        top.addWidget(self.scope)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def add_button(self, text: str) -> QPushButton:
        """An action on the selected record, placed above the list."""
        button = QPushButton(text, self)
        self._top.insertWidget(self._top.count() - 2, button)
        return button

    def selected(self) -> Any | None:
        """The record of the current row, if one is selected."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 360))

    def _count(self) -> None:
        self.count.setText(self.tr("%1 shown").replace("%1", f"{self.model.rowCount():,}"))
