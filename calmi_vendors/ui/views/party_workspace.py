"""A party's workspace: profile form, contracts and clauses, assessments, audits, chain and history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.countries import COUNTRY_NAMES, country_name
from calmi_vendors.domain.tiering import describe_tier
from calmi_vendors.errors import CalmiError, ConcurrentEditError, ValidationError
from calmi_vendors.services import assessments, audits, contracts, maintenance, parties
from calmi_vendors.services.dto import PartyDetail, PartyInput
from calmi_vendors.services.reference import Lookup
from calmi_vendors.store.register import Register
from calmi_vendors.ui.labels import enum_label, format_date
from calmi_vendors.ui.views import assessment_dialog, assessment_widgets, audit_dialogs
from calmi_vendors.ui.views.contract_dialog import ContractDialog
from calmi_vendors.ui.views.evidence_tab import EvidenceTab
from calmi_vendors.ui.views.reentrustment_panel import ReentrustmentPanel
from calmi_vendors.ui.views.tier_dialog import ask_tier_override


def _item(text: object) -> QStandardItem:
    item = QStandardItem("" if text is None else str(text))
    item.setEditable(False)
    return item


def table_model(headers: list[str], rows: Sequence[Sequence[object]], parent: QWidget) -> QStandardItemModel:
    model = QStandardItemModel(parent)
    model.setHorizontalHeaderLabels(headers)
    for row in rows:
        model.appendRow([_item(v) for v in row])
    return model


class PartyWorkspace(QWidget):
    """Signals:
    party_saved(int): the party was saved; views showing it should refresh.
    """

    party_saved = Signal(int)
    dossier_requested = Signal(int)

    def __init__(
        self,
        register: Register,
        party_id: int,
        *,
        functions: list[Lookup],
        categories: list[Lookup],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.register = register
        self.party_id = party_id
        self.language = language
        self.detail: PartyDetail = parties.get_party(register.unit_of_work(readonly=True), party_id)
        self._loading = False
        self.dirty = False
        self.tabs = QTabWidget(self)
        self.fields: dict[str, QWidget] = {}
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: palette(highlighted-text); background: #b71c1c; padding: 4px;")
        self.error_label.hide()
        self.functions = self._check_list(functions)
        self.categories = self._check_list(categories, special=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)
        dossier = self.buttons.addButton(self.tr("Dossier PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        dossier.setToolTip(self.tr("Preview, save or print this party's dossier in Reports"))
        dossier.clicked.connect(lambda: self.dossier_requested.emit(self.party_id))
        self.tabs.addTab(self._profile_tab(), self.tr("Profile"))
        self.tabs.addTab(self._contracts_tab(), self.tr("Contracts and clauses"))
        self.tabs.addTab(self._assessments_tab(), self.tr("Assessments"))
        self.tabs.addTab(self._audits_tab(), self.tr("Audits and findings"))
        self.tabs.addTab(self._chain_tab(), self.tr("Re-entrustment chain"))
        self.evidence_tab = EvidenceTab(register, "entrusted_party", party_id, self)
        self.tabs.addTab(self.evidence_tab, self.tr("Evidence"))
        self.tabs.addTab(self._history_tab(), self.tr("History"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 720)
        self._load(self.detail)

    # -- profile form --------------------------------------------------------------------------------
    def _check_list(self, lookups: list[Lookup], *, special: bool = False) -> QListWidget:
        widget = QListWidget(self)
        for lookup in lookups:
            text = lookup.name(self.language)
            if special and lookup.special_care:
                text += self.tr(" (special care)")
            item = QListWidgetItem(text, widget)
            item.setData(Qt.ItemDataRole.UserRole, lookup.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        widget.itemChanged.connect(self._changed)
        return widget

    def _country(self, key: str, empty: str) -> QComboBox:
        """Countries by name in the UI language; the register stores the ISO code."""
        combo = QComboBox(self)
        combo.addItem(empty, "")
        names = sorted(COUNTRY_NAMES, key=lambda code: (code != "JP", country_name(code, self.language)))
        for code in names:
            combo.addItem(country_name(code, self.language), code)
        combo.currentIndexChanged.connect(self._changed)
        self.fields[key] = combo
        return combo

    def _combo(self, key: str) -> QComboBox:
        combo = self.fields[key]
        assert isinstance(combo, QComboBox)
        return combo

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self._changed)
        self.fields[key] = edit
        return edit

    def _profile_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self._line("name"))
        form.addRow(self.tr("Reading (kana)"), self._line("name_kana"))
        form.addRow(self.tr("Corporate number"), self._line("corporate_number", self.tr("13 digits")))
        form.addRow(self.tr("Country"), self._country("country", self.tr("Japan or another country")))
        form.addRow(
            self.tr("Data processed in"), self._country("processing_country", self.tr("Same as the country"))
        )
        form.addRow(self.tr("Address"), self._line("address"))
        subjects = QSpinBox(self)
        subjects.setRange(0, 2_000_000_000)
        subjects.setGroupSeparatorShown(True)
        subjects.setSpecialValueText(self.tr("Unknown"))
        subjects.valueChanged.connect(self._changed)
        self.fields["data_subjects_approx"] = subjects
        form.addRow(self.tr("Data subjects (approx.)"), subjects)
        form.addRow(self.tr("Owner department"), self._line("owner_department"))
        form.addRow(self.tr("Website"), self._line("website"))
        reentrust = QCheckBox(self.tr("This party may re-entrust work (with prior approval)"), self)
        reentrust.toggled.connect(self._changed)
        self.fields["reentrustment_allowed"] = reentrust
        form.addRow("", reentrust)
        self.status_label = QLabel(self)
        self.tier_label = QLabel(self)
        self.tier_label.setWordWrap(True)
        form.addRow(self.tr("Status"), self.status_label)
        set_tier = QPushButton(self.tr("Set by hand…"), self)
        set_tier.setToolTip(self.tr("Override the computed risk tier, with a reason the register keeps"))
        set_tier.clicked.connect(self.set_tier_by_hand)
        tier_row = QHBoxLayout()
        tier_row.addWidget(self.tier_label, 1)
        tier_row.addWidget(set_tier, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Risk tier"), tier_row)
        notes = QPlainTextEdit(self)
        notes.textChanged.connect(self._changed)
        self.fields["notes"] = notes
        form.addRow(self.tr("Notes"), notes)
        lists = QVBoxLayout()
        for title, widget in (
            (self.tr("Entrusted work"), self.functions),
            (self.tr("Personal information handled"), self.categories),
        ):
            box = QGroupBox(title, page)
            QVBoxLayout(box).addWidget(widget)
            lists.addWidget(box, 1)
        layout = QHBoxLayout(page)
        layout.addLayout(form, 3)
        layout.addLayout(lists, 2)
        return page

    def _load(self, d: PartyDetail) -> None:
        self._loading = True
        self.detail = d
        self.setWindowTitle(self.tr("%1 — Entrusted party").replace("%1", d.name))
        for key in ("name", "name_kana", "corporate_number", "address"):
            self._edit(key).setText(getattr(d, key) or "")
        for key in ("country", "processing_country"):
            combo = self.fields[key]
            assert isinstance(combo, QComboBox)
            code = getattr(d, key)
            if code and combo.findData(code) < 0:
                combo.addItem(code, code)  # a code the app has no name for is kept as written
            combo.setCurrentIndex(max(0, combo.findData(code or "")))
        for key in ("owner_department", "website"):
            self._edit(key).setText(getattr(d, key) or "")
        spin = self.fields["data_subjects_approx"]
        assert isinstance(spin, QSpinBox)
        spin.setValue(d.data_subjects_approx or 0)
        box = self.fields["reentrustment_allowed"]
        assert isinstance(box, QCheckBox)
        box.setChecked(d.reentrustment_allowed)
        notes = self.fields["notes"]
        assert isinstance(notes, QPlainTextEdit)
        notes.setPlainText(d.notes or "")
        self.status_label.setText(enum_label(d.status))
        self.tier_label.setText(describe_tier(d.computed_tier, d.tier_reason, self.language))
        if d.tier_override_reason:
            self.tier_label.setText(
                self.tr("%1 (set by hand: %2)")
                .replace("%1", enum_label(d.tier))
                .replace("%2", d.tier_override_reason)
            )
        for widget, keys in ((self.functions, d.business_functions), (self.categories, d.data_categories)):
            for row in range(widget.count()):
                item = widget.item(row)
                checked = item.data(Qt.ItemDataRole.UserRole) in keys
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._loading = False
        self._set_dirty(False)

    def set_tier_by_hand(self) -> None:
        if self.dirty:
            self._show_error(self.tr("Save or discard your changes to the profile first."), None)
            return
        d = self.detail
        chosen = ask_tier_override(
            self, d.computed_tier, d.tier if d.tier_override_reason else None, d.tier_override_reason
        )
        if chosen is None:
            return
        tier, reason = chosen
        try:
            parties.override_tier(
                self.register.unit_of_work(), d.id, tier, reason=reason, expected_version=d.version
            )
        except CalmiError as exc:
            self._show_error(str(exc), None)
            return
        self.error_label.hide()
        self.party_saved.emit(d.id)
        self._load(parties.get_party(self.register.unit_of_work(readonly=True), d.id))

    def _edit(self, key: str) -> QLineEdit:
        edit = self.fields[key]
        assert isinstance(edit, QLineEdit)
        return edit

    def _checked(self, widget: QListWidget) -> tuple[str, ...]:
        return tuple(
            str(widget.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(widget.count())
            if widget.item(r).checkState() == Qt.CheckState.Checked
        )

    def form_input(self) -> PartyInput:
        spin = self.fields["data_subjects_approx"]
        box = self.fields["reentrustment_allowed"]
        notes = self.fields["notes"]
        assert isinstance(spin, QSpinBox)
        assert isinstance(box, QCheckBox)
        assert isinstance(notes, QPlainTextEdit)
        return replace(
            self.detail.as_input(),
            name=self._edit("name").text(),
            name_kana=self._edit("name_kana").text() or None,
            corporate_number=self._edit("corporate_number").text() or None,
            country=str(self._combo("country").currentData() or ""),
            processing_country=str(self._combo("processing_country").currentData() or "") or None,
            address=self._edit("address").text() or None,
            data_subjects_approx=spin.value() or None,
            owner_department=self._edit("owner_department").text() or None,
            website=self._edit("website").text() or None,
            reentrustment_allowed=box.isChecked(),
            notes=notes.toPlainText() or None,
            business_functions=self._checked(self.functions),
            data_categories=self._checked(self.categories),
        )

    def save(self) -> bool:
        """Save the form; a validation error names its field, a conflicting edit is never overwritten."""
        try:
            saved = parties.update_party(
                self.register.unit_of_work(),
                self.party_id,
                self.form_input(),
                expected_version=self.detail.version,
            )
        except ValidationError as exc:
            self._show_error(str(exc), exc.field)
            return False
        except ConcurrentEditError as exc:
            self._show_error(str(exc), None)
            return False
        except CalmiError as exc:
            self._show_error(str(exc), None)
            return False
        self.error_label.hide()
        self._load(saved)
        self.party_saved.emit(self.party_id)
        return True

    def _show_error(self, message: str, field: str | None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.tabs.setCurrentIndex(0)
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.setWindowModified(dirty)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(dirty)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty:
            answer = ask_unsaved(self)
            if answer == QMessageBox.StandardButton.Save and not self.save():
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
        event.accept()

    # -- read-only tabs ----------------------------------------------------------------------------
    def _tree(self, model: QStandardItemModel) -> QTreeView:
        view = QTreeView(self)
        view.setModel(model)
        view.setRootIsDecorated(False)
        view.setAlternatingRowColors(True)
        view.setUniformRowHeights(True)
        view.header().setStretchLastSection(True)
        for column in range(model.columnCount()):
            view.resizeColumnToContents(column)
        return view

    def _title(self, en: str, ja: str) -> str:
        return ja if self.language == "ja" else en

    def _contracts_tab(self) -> QWidget:
        self.contracts_page = QWidget(self)
        self.contracts_box = QVBoxLayout(self.contracts_page)
        new = QPushButton(self.tr("New contract…"), self)
        new.clicked.connect(lambda: self.edit_contract(None))
        self.contracts_box.addWidget(self._contracts_list(), 1)
        self.contracts_box.addWidget(new, 0, Qt.AlignmentFlag.AlignLeft)
        return self.contracts_page

    def edit_contract(self, contract_id: int | None) -> None:
        """Open the contract dialog (a new contract when `contract_id` is None); refresh on save."""
        current = (
            contracts.get_contract(self.register.unit_of_work(readonly=True), contract_id)
            if contract_id is not None
            else None
        )
        dialog = ContractDialog(self.register, self.party_id, current, self.language, self)
        if audit_dialogs.run_dialog(dialog):
            old = self.contracts_view
            self.contracts_box.replaceWidget(old, self._contracts_list())
            old.deleteLater()
            self.party_saved.emit(self.party_id)

    def _contracts_list(self) -> QWidget:
        rows: list[list[object]] = []
        self.contract_rows: list[int] = []
        for c in contracts.contracts_of(self.register.unit_of_work(readonly=True), self.party_id):
            for cov in c.coverage:
                self.contract_rows.append(c.id)
                rows.append(
                    [
                        c.reference_number or c.title,
                        format_date(c.expires_on),
                        self._title(cov.title_en, cov.title_ja),
                        enum_label(cov.coverage),
                        cov.article,
                    ]
                )
        headers = [
            self.tr("Contract"),
            self.tr("Expires"),
            self.tr("Clause"),
            self.tr("Coverage"),
            self.tr("Article"),
        ]
        view = self._tree(table_model(headers, rows, self))
        view.setToolTip(self.tr("Double-click a row to edit its contract"))
        view.doubleClicked.connect(lambda index: self.edit_contract(self.contract_rows[index.row()]))
        self.contracts_view = view
        return view

    def _assessments_tab(self) -> QWidget:
        self.assessments_page = QWidget(self)
        self.assessments_box = QVBoxLayout(self.assessments_page)
        new = QPushButton(self.tr("New assessment…"), self)
        new.clicked.connect(self.new_assessment)
        self.assessments_box.addWidget(self._assessments_list(), 1)
        self.assessments_box.addWidget(new, 0, Qt.AlignmentFlag.AlignLeft)
        return self.assessments_page

    def _assessments_list(self) -> QWidget:
        found = assessments.assessments_of(self.register.unit_of_work(readonly=True), self.party_id)
        self.assessment_ids = [a.id for a in found]
        rows = [
            [
                enum_label(a.kind),
                enum_label(a.status),
                format_date(a.completed_on or a.started_on),
                f"{a.score:g} / {a.max_score:g}" if a.score is not None and a.max_score else "",
                enum_label(a.result),
                a.assessor,
            ]
            for a in found
        ]
        headers = [self.tr("Kind"), self.tr("Status"), self.tr("Date"), self.tr("Score"), self.tr("Result")]
        view = self._tree(table_model([*headers, self.tr("Assessor")], rows, self))
        view.setToolTip(self.tr("Double-click an assessment to open it"))
        view.doubleClicked.connect(lambda index: self.open_assessment(self.assessment_ids[index.row()]))
        self.assessments_view = view
        return view

    def new_assessment(self) -> None:
        kind = assessment_widgets.ask_assessment_kind(self)
        if kind is None:
            return
        try:
            window = assessment_dialog.start_new_assessment(
                self.register, self.party_id, kind, self, language=self.language
            )
        except CalmiError as exc:
            self._show_error(str(exc), None)
            return
        window.assessment_changed.connect(self._assessment_changed)
        self._assessment_changed(self.party_id)

    def open_assessment(self, assessment_id: int) -> None:
        window = assessment_dialog.open_assessment(self.register, assessment_id, self, language=self.language)
        window.assessment_changed.connect(self._assessment_changed)

    def _assessment_changed(self, party_id: int) -> None:
        old = self.assessments_view
        self.assessments_box.replaceWidget(old, self._assessments_list())
        old.deleteLater()
        self.party_saved.emit(party_id)

    def _audits_tab(self) -> QWidget:
        model = QStandardItemModel(self)
        model.setHorizontalHeaderLabels(
            [
                self.tr("Audit / finding"),
                self.tr("Date / due"),
                self.tr("Method / severity"),
                self.tr("Status"),
            ]
        )
        for a in audits.audits_of(self.register.unit_of_work(readonly=True), self.party_id):
            when = format_date(a.performed_on or a.planned_on)
            parent = [_item(a.title or enum_label(a.method)), _item(when), _item(enum_label(a.method))]
            parent.append(_item(enum_label(a.status)))
            for f in a.findings:
                parent[0].appendRow(
                    [
                        _item(f.title),
                        _item(format_date(f.due_on)),
                        _item(enum_label(f.severity)),
                        _item(enum_label(f.status)),
                    ]
                )
            model.appendRow(parent)
        view = self._tree(model)
        view.setRootIsDecorated(True)
        view.expandAll()
        return view

    def _chain_tab(self) -> QWidget:
        model = QStandardItemModel(self)
        model.setHorizontalHeaderLabels([self.tr("Party"), self.tr("Role")])
        uow = self.register.unit_of_work
        chain: list[PartyDetail] = []
        current = self.detail
        while current.parent_id is not None and len(chain) < 50:
            current = parties.get_party(uow(readonly=True), current.parent_id)
            chain.append(current)
        parent_item: QStandardItem | None = None
        for ancestor in reversed(chain):
            row = [_item(ancestor.name), _item(self.tr("Entrusts work to the party below"))]
            (parent_item.appendRow(row) if parent_item else model.appendRow(row))
            parent_item = row[0]
        me = [_item(self.detail.name), _item(self.tr("This party"))]
        (parent_item.appendRow(me) if parent_item else model.appendRow(me))
        for child in parties.children_of(uow(readonly=True), self.party_id):
            me[0].appendRow([_item(child.name), _item(self.tr("Re-entrustee"))])
        view = self._tree(model)
        view.setRootIsDecorated(True)
        view.expandAll()
        view.resizeColumnToContents(0)
        country = self.detail.processing_country or self.detail.country
        self.reentrustment = ReentrustmentPanel(self.register, self.party_id, country, self.language, self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(view)
        split.addWidget(self.reentrustment)
        return split

    def _history_tab(self) -> QWidget:
        entries = maintenance.history_of(
            self.register.unit_of_work(readonly=True), "entrusted_party", self.party_id
        )
        rows = [
            [
                e.changed_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                e.changed_by,
                e.field or enum_label(e.action),
                e.old_value,
                e.new_value,
            ]
            for e in entries
        ]
        headers = [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Before"), self.tr("After")]
        return self._tree(table_model(headers, rows, self))


def ask_unsaved(parent: QWidget) -> QMessageBox.StandardButton:
    """Ask what to do with unsaved edits; tests replace this function (native dialogs block)."""
    return QMessageBox.question(
        parent,
        QCoreApplication.translate("PartyWorkspace", "Unsaved changes"),
        QCoreApplication.translate(
            "PartyWorkspace", "This party has unsaved changes. Save them before closing?"
        ),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
