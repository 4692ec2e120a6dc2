"""The party register: instant search, filters, sortable and configurable columns, bulk status change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.countries import country_name
from calmi_vendors.domain.enums import PartyStatus, RiskTier
from calmi_vendors.services.reference import Lookup
from calmi_vendors.services.register_view import RegisterFilter, RegisterRow
from calmi_vendors.ui.labels import enum_label, is_japanese
from calmi_vendors.ui.models.register_model import COLUMN_KEYS, PARTY_ID_ROLE, RegisterModel

HIDDEN_BY_DEFAULT = ("name_kana", "processing_country", "certificate_expires_on", "owner_department")


class RegisterView(QWidget):
    """Signals:
    party_opened(int): the user asked to open a party's workspace.
    status_change_requested(list): ids of the selected parties whose status should change.
    export_requested(): export exactly the rows shown.
    """

    party_opened = Signal(int)
    status_change_requested = Signal(list)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RegisterModel(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, reading, corporate number, notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search parties"))
        self.status_filter = QComboBox(self)
        self.tier_filter = QComboBox(self)
        self.function_filter = QComboBox(self)
        self.country_filter = QComboBox(self)
        self.overdue_check = QCheckBox(self.tr("Audit overdue"), self)
        self.contract_check = QCheckBox(self.tr("Contract expires ≤ 90 days"), self)
        self.certificate_check = QCheckBox(self.tr("Certificate expires ≤ 90 days"), self)
        self.findings_check = QCheckBox(self.tr("Open findings"), self)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self._build()
        self._fill_static_filters()
        # Typing re-filters at most every 60 ms: fast typists do not queue a scan per keystroke.
        self._debounce = QTimer(self, singleShot=True, interval=60)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.status_filter, self.tier_filter, self.function_filter, self.country_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        for box in (self.overdue_check, self.contract_check, self.certificate_check, self.findings_check):
            box.toggled.connect(self.apply_filter)
        self.table.doubleClicked.connect(self._open_current)
        self.model.modelReset.connect(self._update_count)
        self.model.layoutChanged.connect(self._update_count)

    def _build(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo, name in (
            (self.status_filter, self.tr("Status filter")),
            (self.tier_filter, self.tr("Risk tier filter")),
            (self.function_filter, self.tr("Entrusted work filter")),
            (self.country_filter, self.tr("Country filter")),
        ):
            combo.setAccessibleName(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(combo)
        flags = QHBoxLayout()
        for box in (self.overdue_check, self.contract_check, self.certificate_check, self.findings_check):
            flags.addWidget(box)
        flags.addStretch(1)
        clear = QToolButton(self)
        clear.setText(self.tr("Clear filters"))
        clear.clicked.connect(self.clear_filters)
        flags.addWidget(clear)
        flags.addWidget(self.count_label)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for key in HIDDEN_BY_DEFAULT:
            self.table.setColumnHidden(COLUMN_KEYS.index(key), True)
        widths = {"name": 300, "corporate_number": 130, "status": 140, "tier": 80, "next_audit_due": 110}
        widths |= {"business_functions": 200, "country": 110, "contract_expires_on": 120, "open_findings": 90}
        for key, width in widths.items():
            self.table.setColumnWidth(COLUMN_KEYS.index(key), width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        open_action = QAction(self.tr("Open"), self.table)
        open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self._open_current)
        self.table.addAction(open_action)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(flags)
        layout.addWidget(self.table, 1)

    def _fill_static_filters(self) -> None:
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in PartyStatus:
            self.status_filter.addItem(enum_label(status), status)
        self.tier_filter.addItem(self.tr("Any tier"), None)
        for tier in RiskTier:
            self.tier_filter.addItem(enum_label(tier), tier)
        self.function_filter.addItem(self.tr("Any entrusted work"), None)
        self.country_filter.addItem(self.tr("Any country"), None)

    def set_lookups(self, functions: Sequence[Lookup], language: str) -> None:
        self.function_filter.blockSignals(True)
        while self.function_filter.count() > 1:
            self.function_filter.removeItem(1)
        for f in functions:
            self.function_filter.addItem(f.name(language), f.key)
        self.function_filter.blockSignals(False)
        self.model.set_function_names({f.key: f.name(language) for f in functions})

    def set_rows(self, rows: Sequence[RegisterRow]) -> None:
        self.model.set_rows(rows)
        countries = sorted(
            {r.country for r in rows} | {r.processing_country for r in rows if r.processing_country}
        )
        current = self.country_filter.currentData()
        self.country_filter.blockSignals(True)
        while self.country_filter.count() > 1:
            self.country_filter.removeItem(1)
        for code in countries:
            self.country_filter.addItem(country_name(code, "ja" if is_japanese() else "en"), code)
        if current is not None:
            self.country_filter.setCurrentIndex(max(0, self.country_filter.findData(current)))
        self.country_filter.blockSignals(False)
        self._update_count()

    def current_filter(self) -> RegisterFilter:
        status = self.status_filter.currentData()
        tier = self.tier_filter.currentData()
        return RegisterFilter(
            text=self.search.text().strip(),
            statuses=frozenset({status}) if status else frozenset(),
            tiers=frozenset({tier}) if tier else frozenset(),
            business_function=self.function_filter.currentData(),
            country=self.country_filter.currentData(),
            overdue_audit=self.overdue_check.isChecked(),
            contract_expiring_within=90 if self.contract_check.isChecked() else None,
            certificate_expiring_within=90 if self.certificate_check.isChecked() else None,
            with_open_findings=self.findings_check.isChecked(),
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def show_filtered(self, spec: RegisterFilter) -> None:
        """Set the filter widgets to `spec` (from a dashboard click) and apply it."""
        widgets = (self.search, self.status_filter, self.tier_filter, self.overdue_check, self.contract_check)
        for w in (
            *widgets,
            self.certificate_check,
            self.findings_check,
            self.function_filter,
            self.country_filter,
        ):
            w.blockSignals(True)
        self.search.setText(spec.text)
        self.status_filter.setCurrentIndex(
            self.status_filter.findData(next(iter(spec.statuses))) if spec.statuses else 0
        )
        self.tier_filter.setCurrentIndex(
            self.tier_filter.findData(next(iter(spec.tiers))) if spec.tiers else 0
        )
        self.function_filter.setCurrentIndex(0)
        self.country_filter.setCurrentIndex(0)
        self.overdue_check.setChecked(spec.overdue_audit)
        self.contract_check.setChecked(spec.contract_expiring_within is not None)
        self.certificate_check.setChecked(spec.certificate_expiring_within is not None)
        self.findings_check.setChecked(spec.with_open_findings)
        for w in (
            *widgets,
            self.certificate_check,
            self.findings_check,
            self.function_filter,
            self.country_filter,
        ):
            w.blockSignals(False)
        self.model.set_filter(spec)

    def clear_filters(self) -> None:
        self.show_filtered(RegisterFilter())

    def selected_party_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).id for r in rows]

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("register/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("register/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.party_opened.emit(int(self.model.data(index, PARTY_ID_ROLE)))

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count
        text = self.tr("%1 of %2 parties").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        self.count_label.setText(text)

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for column, _key in enumerate(COLUMN_KEYS):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column != 0)
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _row_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), self._open_current)
        ids = self.selected_party_ids()
        change = menu.addAction(
            self.tr("Change status of %n part(ies)…", "", len(ids)),
            lambda: self.status_change_requested.emit(ids),
        )
        change.setEnabled(bool(ids))
        menu.addAction(self.tr("Export shown rows…"), self.export_requested.emit)
        menu.exec(self.table.viewport().mapToGlobal(pos))
