"""Under the re-entrustment chain: the party's approvals as a re-entrustee, and its foreign-regime checks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.cadence import add_months
from calmi_vendors.domain.countries import COUNTRY_NAMES, country_name
from calmi_vendors.errors import CalmiError
from calmi_vendors.services.reentrustment import (
    ApprovalInput,
    RegimeInput,
    approvals_of,
    record_approval,
    record_regime_check,
    regime_checks_of,
)
from calmi_vendors.store.register import Register
from calmi_vendors.ui.labels import format_date
from calmi_vendors.ui.views import audit_dialogs
from calmi_vendors.ui.views.audit_dialogs import date_edit, to_date


def _text_box(parent: QWidget, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setMaximumHeight(70)
    return box


class ApprovalDialog(QDialog):
    def __init__(
        self, register: Register, party_id: int, actor: str, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.register, self.party_id = register, party_id
        self.setWindowTitle(self.tr("Approve the re-entrustment"))
        self.prior_report_on = date_edit(self, today)
        self.approved_on = date_edit(self, today)
        self.approved_by = QLineEdit(actor, self)
        self.scope = _text_box(self, self.tr("The work the parent hands on to this party"))
        self.method = _text_box(
            self, self.tr("How the personal information is handled (access, location, return)")
        )
        self.recheck = date_edit(self, add_months(today, 12))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Prior report received on"), self.prior_report_on)
        form.addRow(self.tr("Approved on"), self.approved_on)
        form.addRow(self.tr("Approved by"), self.approved_by)
        form.addRow(self.tr("Scope of work"), self.scope)
        form.addRow(self.tr("Handling method"), self.method)
        form.addRow(self.tr("Next re-check"), self.recheck)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def save(self) -> None:
        try:
            record_approval(
                self.register.unit_of_work(),
                self.party_id,
                ApprovalInput(
                    approved_on=to_date(self.approved_on.date()),
                    approved_by=self.approved_by.text(),
                    scope_of_work=self.scope.toPlainText(),
                    handling_method=self.method.toPlainText(),
                    prior_report_on=to_date(self.prior_report_on.date()),
                    next_recheck_on=to_date(self.recheck.date()),
                ),
            )
        except CalmiError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class RegimeDialog(QDialog):
    def __init__(
        self, register: Register, party_id: int, country: str | None, actor: str, today: date, language: str,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.register, self.party_id = register, party_id
        self.setWindowTitle(self.tr("Foreign-regime check"))
        self.country = QComboBox(self)
        for code in sorted((c for c in COUNTRY_NAMES if c != "JP"), key=lambda c: country_name(c, language)):
            self.country.addItem(country_name(code, language), code)
        self.country.setCurrentIndex(max(0, self.country.findData(country)))
        self.summary = _text_box(self, self.tr("What was learned of the country's data-protection regime"))
        self.measures = _text_box(self, self.tr("Measures taken because of it (contract terms, audits …)"))
        self.reviewed_on = date_edit(self, today)
        self.reviewed_by = QLineEdit(actor, self)
        self.next_review = date_edit(self, add_months(today, 12))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Country"), self.country)
        form.addRow(self.tr("Regime"), self.summary)
        form.addRow(self.tr("Measures"), self.measures)
        form.addRow(self.tr("Reviewed on"), self.reviewed_on)
        form.addRow(self.tr("Reviewed by"), self.reviewed_by)
        form.addRow(self.tr("Next review"), self.next_review)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def save(self) -> None:
        try:
            record_regime_check(
                self.register.unit_of_work(),
                self.party_id,
                RegimeInput(
                    country=str(self.country.currentData()),
                    regime_summary=self.summary.toPlainText(),
                    measures=self.measures.toPlainText(),
                    reviewed_on=to_date(self.reviewed_on.date()),
                    reviewed_by=self.reviewed_by.text(),
                    next_review_on=to_date(self.next_review.date()),
                ),
            )
        except CalmiError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class ReentrustmentPanel(QWidget):
    """Signals:
    changed(): an approval or a check was recorded.
    """

    changed = Signal()

    def __init__(
        self,
        register: Register,
        party_id: int,
        country: str | None,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register, self.party_id, self.country, self.language = register, party_id, country, language
        self.today = date.today()
        self.approvals = QStandardItemModel(self)
        self.checks = QStandardItemModel(self)
        approve = QPushButton(self.tr("Record approval…"), self)
        approve.clicked.connect(self.add_approval)
        check = QPushButton(self.tr("Record check…"), self)
        check.clicked.connect(self.add_check)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for title, model, button in (
            (self.tr("Approved as a re-entrustee"), self.approvals, approve),
            (self.tr("Foreign-regime checks"), self.checks, check),
        ):
            box = QGroupBox(title, self)
            view = QTreeView(box)
            view.setModel(model)
            view.setRootIsDecorated(False)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setWordWrap(True)
            inner = QVBoxLayout(box)
            inner.addWidget(view, 1)
            inner.addWidget(button)
            layout.addWidget(box, 1)
        self.load()

    def load(self) -> None:
        uow = self.register.unit_of_work
        self.approvals.clear()
        self.approvals.setHorizontalHeaderLabels(
            [
                self.tr("Approved on"),
                self.tr("By"),
                self.tr("Parent"),
                self.tr("Scope of work"),
                self.tr("Next re-check"),
            ]
        )
        for a in approvals_of(uow(readonly=True), self.party_id):
            self.approvals.appendRow(
                [
                    QStandardItem(t or "")
                    for t in (
                        format_date(a.approved_on),
                        a.approved_by,
                        a.parent_name,
                        a.scope_of_work,
                        format_date(a.next_recheck_on),
                    )
                ]
            )
        self.checks.clear()
        self.checks.setHorizontalHeaderLabels(
            [self.tr("Country"), self.tr("Reviewed on"), self.tr("Regime"), self.tr("Next review")]
        )
        for c in regime_checks_of(uow(readonly=True), self.party_id):
            self.checks.appendRow(
                [
                    QStandardItem(t or "")
                    for t in (
                        country_name(c.country, self.language),
                        format_date(c.reviewed_on),
                        c.regime_summary,
                        format_date(c.next_review_on),
                    )
                ]
            )

    def add_approval(self) -> None:
        dialog = ApprovalDialog(self.register, self.party_id, self.register.actor, self.today, self)
        if audit_dialogs.run_dialog(dialog):
            self.load()
            self.changed.emit()

    def add_check(self) -> None:
        dialog = RegimeDialog(
            self.register, self.party_id, self.country, self.register.actor, self.today, self.language, self
        )
        if audit_dialogs.run_dialog(dialog):
            self.load()
            self.changed.emit()
