"""A consignment contract's terms and its coverage of the clause library, created or edited in one dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.enums import ContractStatus, Coverage
from calmi_vendors.errors import CalmiError
from calmi_vendors.services import contracts
from calmi_vendors.services.contracts import ContractInput
from calmi_vendors.services.dto import ContractView
from calmi_vendors.services.reference import clause_requirements
from calmi_vendors.store.register import Register
from calmi_vendors.ui.labels import enum_label

_NO_DATE = QDate(2000, 1, 1)


def _optional_date(parent: QWidget, day: date | None) -> QDateEdit:
    """A date field that may stay empty (shown as a dash)."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(QDate(day.year, day.month, day.day) if day else _NO_DATE)
    return edit


def _value(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == _NO_DATE else date(value.year(), value.month(), value.day())


def _count(parent: QWidget, value: int | None, suffix: str, maximum: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(-1, maximum)
    box.setSpecialValueText("—")
    box.setSuffix(suffix)
    box.setValue(-1 if value is None else value)
    return box


class ContractDialog(QDialog):
    """New contract (contract None) or edit of an existing one; Save writes terms and coverage together."""

    def __init__(
        self, register: Register, party_id: int, contract: ContractView | None, language: str,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.register, self.party_id, self.contract = register, party_id, contract
        self.setWindowTitle(
            self.tr("Edit consignment contract") if contract else self.tr("New consignment contract")
        )
        c = contract
        self.title = QLineEdit(c.title if c else "", self)
        self.reference = QLineEdit((c.reference_number or "") if c else "", self)
        self.status = QComboBox(self)
        for status in ContractStatus:
            self.status.addItem(enum_label(status), status.value)
        self.status.setCurrentIndex(
            max(0, self.status.findData((c.status if c else ContractStatus.DRAFT).value))
        )
        self.signed_on = _optional_date(self, c.signed_on if c else None)
        self.effective_on = _optional_date(self, c.effective_on if c else None)
        self.expires_on = _optional_date(self, c.expires_on if c else None)
        self.retention_until = _optional_date(self, c.retention_until if c else None)
        self.notice = _count(self, c.notice_period_days if c else None, self.tr(" days"), 3650)
        self.incident = _count(self, c.incident_notice_hours if c else None, self.tr(" hours"), 8760)
        self.auto_renewal = QCheckBox(self.tr("Renews automatically"), self)
        self.auto_renewal.setChecked(bool(c and c.auto_renewal))
        self.reentrustment = QCheckBox(self.tr("Allows re-entrustment (with prior approval)"), self)
        self.reentrustment.setChecked(bool(c and c.reentrustment_allowed))
        terms = QFormLayout()
        terms.addRow(self.tr("Title"), self.title)
        terms.addRow(self.tr("Reference"), self.reference)
        terms.addRow(self.tr("Status"), self.status)
        dates = QHBoxLayout()
        for label, edit in (
            (self.tr("Signed"), self.signed_on),
            (self.tr("Effective"), self.effective_on),
            (self.tr("Expires"), self.expires_on),
        ):
            dates.addWidget(QLabel(label, self))
            dates.addWidget(edit)
        terms.addRow(self.tr("Dates"), dates)
        terms.addRow(self.tr("Notice period"), self.notice)
        terms.addRow(self.tr("Keep until"), self.retention_until)
        terms.addRow(self.tr("Incident report within"), self.incident)
        terms.addRow("", self.auto_renewal)
        terms.addRow("", self.reentrustment)
        self.coverage: dict[str, tuple[QComboBox, QLineEdit]] = {}
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        for column, heading in enumerate((self.tr("Clause"), self.tr("Coverage"), self.tr("Article"))):
            caption = QLabel(heading, self)
            font = caption.font()
            font.setBold(True)
            caption.setFont(font)
            grid.addWidget(caption, 0, column)
        current = {cov.requirement_key: cov for cov in (c.coverage if c else ())}
        requirements = clause_requirements(register.unit_of_work(readonly=True))
        for row, requirement in enumerate(requirements, start=1):
            title = QLabel(requirement.title_ja if language == "ja" else requirement.title_en, self)
            title.setWordWrap(True)
            level = QComboBox(self)
            for choice in Coverage:
                level.addItem(enum_label(choice), choice.value)
            existing = current.get(requirement.key)
            level.setCurrentIndex(level.findData((existing.coverage if existing else Coverage.MISSING).value))
            article = QLineEdit((existing.article or "") if existing else "", self)
            article.setPlaceholderText(self.tr("e.g. Art. 12"))
            article.setMaximumWidth(140)
            grid.addWidget(title, row, 0)
            grid.addWidget(level, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(article, row, 2, Qt.AlignmentFlag.AlignTop)
            self.coverage[requirement.key] = (level, article)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(grid_host)
        scroll.setWidgetResizable(True)
        box = QGroupBox(self.tr("What the contract stipulates"), self)
        QVBoxLayout(box).addWidget(scroll)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(terms)
        layout.addWidget(box, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(860, 760)

    def data(self) -> ContractInput:
        def number(box: QSpinBox) -> int | None:
            return None if box.value() < 0 else box.value()

        return ContractInput(
            title=self.title.text(),
            reference_number=self.reference.text() or None,
            status=ContractStatus(self.status.currentData()),
            signed_on=_value(self.signed_on),
            effective_on=_value(self.effective_on),
            expires_on=_value(self.expires_on),
            auto_renewal=self.auto_renewal.isChecked(),
            notice_period_days=number(self.notice),
            retention_until=_value(self.retention_until),
            reentrustment_allowed=self.reentrustment.isChecked(),
            incident_notice_hours=number(self.incident),
        )

    def save(self) -> None:
        coverage = {
            key: (Coverage(level.currentData()), article.text() or None)
            for key, (level, article) in self.coverage.items()
        }
        try:
            if self.contract is None:
                self.contract = contracts.create_contract(
                    self.register.unit_of_work(), self.party_id, self.data(), coverage=coverage
                )
            else:
                self.contract = contracts.update_contract(
                    self.register.unit_of_work(),
                    self.contract.id,
                    self.data(),
                    coverage=coverage,
                    expected_version=self.contract.version,
                )
        except CalmiError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
