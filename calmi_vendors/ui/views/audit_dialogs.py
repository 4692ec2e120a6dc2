"""Plan audits in a batch, record an audit's results and findings, close and verify findings."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.enums import AuditConclusion, Severity
from calmi_vendors.errors import CalmiError
from calmi_vendors.services import audits
from calmi_vendors.services.audit_planning import AuditCandidate, AuditPlan, audit_candidates, plan_audits
from calmi_vendors.services.audits import FindingInput
from calmi_vendors.store.register import Register
from calmi_vendors.ui.labels import enum_label, format_date


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _enum_combo(parent: QWidget, values: Any, current: Any = None) -> QComboBox:
    combo = QComboBox(parent)
    for value in values:
        combo.addItem(enum_label(value), value.value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current.value)))
    return combo


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setAccessibleName("error")
    return label


class PlanAuditsDialog(QDialog):
    """Choose the parties falling due, the date and auditor; the batch is planned in one go."""

    def __init__(self, register: Register, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register, self.today = register, today
        self.planned: list[int] = []
        self.setWindowTitle(self.tr("Plan audits"))
        self.within = QSpinBox(self)
        self.within.setRange(0, 3650)
        self.within.setValue(90)
        self.within.setSuffix(self.tr(" days"))
        self.within.valueChanged.connect(self.load)
        self.model = QStandardItemModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.planned_on = date_edit(self, today + timedelta(days=30))
        self.auditor = QLineEdit(self)
        self.auditor.setPlaceholderText(self.tr("Who performs the audits"))
        self.batch = QLineEdit(self)
        self.batch.setText(self.tr("Batch of %1").replace("%1", format_date(today)))
        self.error = _error_label(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Parties whose next audit falls due within"), self))
        top.addWidget(self.within)
        top.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Planned for"), self.planned_on)
        form.addRow(self.tr("Auditor"), self.auditor)
        form.addRow(self.tr("Batch"), self.batch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.plan_button = self.buttons.addButton(self.tr("Plan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.plan)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.model.itemChanged.connect(self._count)
        self.resize(860, 560)
        self.load()

    def load(self) -> None:
        self.candidates = audit_candidates(
            self.register.unit_of_work(readonly=True), today=self.today, within_days=self.within.value()
        )
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [self.tr("Party"), self.tr("Tier"), self.tr("Due"), self.tr("Days left"), self.tr("Method")]
        )
        for candidate in self.candidates:
            name = QStandardItem(candidate.party_name)
            name.setCheckable(True)
            name.setCheckState(Qt.CheckState.Checked)
            due = QStandardItem(format_date(candidate.next_audit_due))
            left = QStandardItem(
                self.tr("%1 overdue").replace("%1", str(-candidate.days_left))
                if candidate.days_left < 0
                else str(candidate.days_left)
            )
            self.model.appendRow(
                [
                    name,
                    QStandardItem(enum_label(candidate.tier)),
                    due,
                    left,
                    QStandardItem(enum_label(candidate.method)),
                ]
            )
        self.table.resizeColumnsToContents()
        self._count()

    def chosen(self) -> list[AuditCandidate]:
        return [
            c
            for row, c in enumerate(self.candidates)
            if self.model.item(row, 0).checkState() == Qt.CheckState.Checked
        ]

    def _count(self, *_args: Any) -> None:
        count = len(self.chosen())
        self.plan_button.setText(self.tr("Plan %1 audits").replace("%1", str(count)))
        self.plan_button.setEnabled(count > 0)

    def plan(self) -> None:
        day = to_date(self.planned_on.date())
        auditor = self.auditor.text().strip() or None
        plans = [AuditPlan(c.party_id, c.method, day, auditor=auditor) for c in self.chosen()]
        try:
            self.planned = plan_audits(self.register.unit_of_work(), plans, batch_label=self.batch.text())
        except CalmiError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class RecordAuditDialog(QDialog):
    """Record a planned audit as performed: date, participants, conclusion, and the findings it raised."""

    def __init__(self, register: Register, audit_id: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register, self.audit_id = register, audit_id
        audit = audits.get_audit(register.unit_of_work(readonly=True), audit_id)
        self.setWindowTitle(self.tr("Record audit results — %1").replace("%1", audit.party_name))
        self.performed_on = date_edit(self, audit.planned_on or today)
        self.conclusion = _enum_combo(self, AuditConclusion, AuditConclusion.SATISFACTORY)
        self.participants = QLineEdit(self)
        self.participants.setText(audit.participants or "")
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(self.tr("What the audit concluded, in a few sentences"))
        self.notes.setMaximumHeight(80)
        self.findings: list[FindingInput] = []
        self.finding_list = QListWidget(self)
        self.finding_title = QLineEdit(self)
        self.finding_title.setPlaceholderText(self.tr("What was found"))
        self.severity = _enum_combo(self, Severity, Severity.MINOR)
        self.action = QLineEdit(self)
        self.action.setPlaceholderText(self.tr("The corrective action asked of the party"))
        self.owner = QLineEdit(self)
        self.due = date_edit(self, today + timedelta(days=60))
        add = QPushButton(self.tr("Add finding"), self)
        add.clicked.connect(self.add_finding)
        finding_form = QFormLayout()
        finding_form.addRow(self.tr("Finding"), self.finding_title)
        finding_form.addRow(self.tr("Severity"), self.severity)
        finding_form.addRow(self.tr("Corrective action"), self.action)
        finding_form.addRow(self.tr("Owner"), self.owner)
        finding_form.addRow(self.tr("Due"), self.due)
        finding_form.addRow("", add)
        box = QGroupBox(self.tr("Findings"), self)
        box_layout = QHBoxLayout(box)
        box_layout.addLayout(finding_form, 3)
        box_layout.addWidget(self.finding_list, 2)
        form = QFormLayout()
        form.addRow(self.tr("Performed on"), self.performed_on)
        form.addRow(self.tr("Participants"), self.participants)
        form.addRow(self.tr("Conclusion"), self.conclusion)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = _error_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 620)

    def add_finding(self) -> None:
        title = self.finding_title.text().strip()
        if not title:
            self.error.setText(self.tr("A finding needs a title."))
            return
        severity = Severity(self.severity.currentData())
        finding = FindingInput(
            title=title,
            severity=severity,
            corrective_action=self.action.text().strip() or None,
            owner=self.owner.text().strip() or None,
            due_on=to_date(self.due.date()),
        )
        self.findings.append(finding)
        QListWidgetItem(f"{enum_label(severity)} — {title}", self.finding_list)
        for edit in (self.finding_title, self.action, self.owner):
            edit.clear()
        self.error.clear()

    def save(self) -> None:
        if self.finding_title.text().strip():
            self.add_finding()
        try:
            audits.record_audit(
                self.register.unit_of_work(),
                self.audit_id,
                performed_on=to_date(self.performed_on.date()),
                conclusion=AuditConclusion(self.conclusion.currentData()),
                participants=self.participants.text().strip() or None,
                conclusion_notes=self.notes.toPlainText().strip() or None,
                findings=tuple(self.findings),
            )
        except CalmiError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class FindingStepDialog(QDialog):
    """Close a finding (with evidence of the correction) or verify a closed one (by someone else)."""

    def __init__(
        self, register: Register, finding_id: int, title: str, *, verify: bool, actor: str, today: date,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.register, self.finding_id, self.verify = register, finding_id, verify
        self.setWindowTitle(self.tr("Verify finding") if verify else self.tr("Close finding"))
        self.on = date_edit(self, today)
        self.text = QLineEdit(self)
        if verify:
            self.text.setText(actor)
        else:
            self.text.setPlaceholderText(self.tr("e.g. corrective action report received on …"))
        self.error = _error_label(self)
        form = QFormLayout(self)
        heading = QLabel(title, self)
        heading.setWordWrap(True)
        form.addRow(heading)
        form.addRow(self.tr("Verified on") if verify else self.tr("Closed on"), self.on)
        form.addRow(self.tr("Verified by") if verify else self.tr("Evidence of closure"), self.text)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def save(self) -> None:
        day = to_date(self.on.date())
        try:
            if self.verify:
                audits.verify_finding(
                    self.register.unit_of_work(),
                    self.finding_id,
                    verified_on=day,
                    verified_by=self.text.text(),
                )
            else:
                audits.close_finding(
                    self.register.unit_of_work(), self.finding_id, closed_on=day, evidence=self.text.text()
                )
        except CalmiError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; tests replace this function to drive the dialog themselves."""
    return dialog.exec() == QDialog.DialogCode.Accepted
