"""Parts of the program review page: the figures panel, the actions table and the small dialogs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from calmi_vendors.domain.enums import ActionStatus, AuditMethod, PartyStatus, RiskTier, Severity
from calmi_vendors.services.program_review import ProgramMetrics, ReviewActionView, fiscal_year_period
from calmi_vendors.ui.labels import enum_label, format_date, is_japanese


def fiscal_year_label(year: int) -> str:
    """'FY 2025' in English, '2025年度' in Japanese."""
    return QCoreApplication.translate("ProgramReview", "FY %1").replace("%1", str(year))


def fiscal_year_title(year: int) -> str:
    """'FY 2025 (1 Apr 2025 – 31 Mar 2026)': the year's name and its first and last day."""
    start, end = fiscal_year_period(year)
    return (
        QCoreApplication.translate("ProgramReview", "%1 (%2 – %3)")
        .replace("%1", fiscal_year_label(year))
        .replace("%2", format_date(start))
        .replace("%3", format_date(end))
    )


def action_status_label(status: ActionStatus) -> str:
    """The words for an action's status (the shared labels do not know these values)."""
    return {
        ActionStatus.OPEN: QCoreApplication.translate("ProgramReview", "Open"),
        ActionStatus.DONE: QCoreApplication.translate("ProgramReview", "Done"),
        ActionStatus.DROPPED: QCoreApplication.translate("ProgramReview", "Dropped"),
    }[status]


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def date_edit(parent: QWidget, day: date) -> QDateEdit:
    """A date field with a calendar, showing dates the way the rest of the UI does."""
    edit = QDateEdit(to_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy/MM/dd" if is_japanese() else "d MMM yyyy")
    return edit


@dataclass(frozen=True)
class NewReview:
    fiscal_year: int
    review_date: date
    reviewer: str


@dataclass(frozen=True)
class ActionInput:
    description: str
    owner: str | None
    due_on: date | None
    status: ActionStatus


class StartReviewDialog(QDialog):
    """Which fiscal year to review, on which day, by whom."""

    def __init__(
        self, years: Sequence[int], today: date, reviewer: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a program review"))
        self.year = QComboBox(self)
        for year in years:
            self.year.addItem(fiscal_year_title(year), year)
        self.review_date = date_edit(self, today)
        self.reviewer = QLineEdit(reviewer, self)
        self.reviewer.setPlaceholderText(self.tr("Who conducts the review"))
        note = QLabel(
            self.tr("The register's figures are taken as of the review date; they can be refreshed later."),
            self,
        )
        note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Fiscal year"), self.year)
        form.addRow(self.tr("Review date"), self.review_date)
        form.addRow(self.tr("Reviewer"), self.reviewer)
        form.addRow("", note)
        form.addRow("", self.error)
        form.addRow(buttons)
        self.year.currentIndexChanged.connect(self._year_changed)
        self._year_changed()
        self.setMinimumWidth(480)

    def _year_changed(self) -> None:
        # The service refuses a review dated before its year starts; the calendar does not offer those days.
        start, _ = fiscal_year_period(int(self.year.currentData()))
        self.review_date.setMinimumDate(to_qdate(start))

    def chosen(self) -> NewReview:
        return NewReview(
            int(self.year.currentData()), to_date(self.review_date.date()), self.reviewer.text().strip()
        )

    def _accept(self) -> None:
        if not self.reviewer.text().strip():
            self.error.setText(self.tr("Give the name of the reviewer."))
            return
        self.accept()


class ActionDialog(QDialog):
    """What the review decided to do, who does it, by when, and (once it exists) how far it got."""

    def __init__(self, action: ReviewActionView | None, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add an action") if action is None else self.tr("Edit the action"))
        self.description = QPlainTextEdit(self)
        self.description.setPlaceholderText(self.tr("What is to be done"))
        self.description.setMinimumHeight(90)
        self.owner = QLineEdit(self)
        self.owner.setPlaceholderText(self.tr("Person or department responsible"))
        self.has_due = QCheckBox(self.tr("Due by"), self)
        self.due = date_edit(self, today)
        self.status = QComboBox(self)
        for status in ActionStatus:
            self.status.addItem(action_status_label(status), status.value)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Action"), self.description)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.has_due, self.due)
        form.addRow(self.tr("Status"), self.status)
        form.addRow("", self.error)
        form.addRow(buttons)
        if action is not None:
            self.description.setPlainText(action.description)
            self.owner.setText(action.owner or "")
            if action.due_on is not None:
                self.due.setDate(to_qdate(action.due_on))
            self.has_due.setChecked(action.due_on is not None)
            self.status.setCurrentIndex(self.status.findData(action.status.value))
        else:
            # A new action starts open; its status is changed once there is progress to record.
            self.status.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.due.setEnabled(self.has_due.isChecked())
        self.setMinimumWidth(520)

    def chosen(self) -> ActionInput:
        return ActionInput(
            description=self.description.toPlainText().strip(),
            owner=self.owner.text().strip() or None,
            due_on=to_date(self.due.date()) if self.has_due.isChecked() else None,
            status=ActionStatus(self.status.currentData()),
        )

    def _accept(self) -> None:
        if not self.description.toPlainText().strip():
            self.error.setText(self.tr("Say what is to be done."))
            return
        self.accept()


FINDING_FIELDS = ("raised", "closed", "open", "overdue")


def number_label(parent: QWidget) -> QLabel:
    label = QLabel("—", parent)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def bold(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


class ProgramFigures(QWidget):
    """The metrics of one review, by group; `values` holds each number's label by metric key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        self.audit_bar = QProgressBar(self)
        self.audit_bar.setTextVisible(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)  # clear of the scroll bar
        layout.addWidget(self._parties(), 0, 0, 1, 2)
        layout.addWidget(self._audits(), 1, 0, 1, 2)
        layout.addWidget(self._findings(), 2, 0, 1, 2)
        gaps = self._group(
            self.tr("Clause gaps"),
            [
                ("clause_gaps", self.tr("Missing or partial clauses")),
                ("contracts_with_gaps", self.tr("Contracts with gaps")),
                ("parties_with_gaps", self.tr("Parties with gaps")),
            ],
        )
        assessed = self._group(
            self.tr("Assessments completed in the year"),
            [
                ("assessments_done", self.tr("Completed")),
                ("assessments_rejected", self.tr("Rejected")),
                ("selection_assessments", self.tr("Selection")),
                ("periodic_assessments", self.tr("Periodic")),
            ],
        )
        chain = self._group(
            self.tr("Re-entrustment"),
            [
                ("reentrustees", self.tr("Re-entrustees")),
                ("reentrustees_approved", self.tr("With approval recorded")),
            ],
        )
        for row, group in enumerate((gaps, assessed, chain), start=3):
            layout.addWidget(group, row, 0, 1, 2)
        layout.setRowStretch(6, 1)

    def _pair(self, grid: QGridLayout, row: int, column: int, key: str, caption: str) -> None:
        label = QLabel(caption, self)
        label.setWordWrap(True)
        grid.addWidget(label, row, column)
        self.values[key] = number_label(self)
        grid.addWidget(self.values[key], row, column + 1)

    def _grid(self, box: QGroupBox) -> QGridLayout:
        """Two columns of caption–number pairs."""
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        return grid

    def _group(self, title: str, pairs: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title, self)
        grid = self._grid(box)
        for n, (key, caption) in enumerate(pairs):
            self._pair(grid, n // 2, (n % 2) * 2, key, caption)
        return box

    def _parties(self) -> QGroupBox:
        box = QGroupBox(self.tr("Entrusted parties"), self)
        grid = self._grid(box)
        self._pair(grid, 0, 0, "parties_total", self.tr("In the register"))
        self._pair(grid, 0, 2, "supervised", self.tr("Under supervision"))
        grid.addWidget(bold(QLabel(self.tr("By risk tier"), self)), 1, 0, 1, 2)
        grid.addWidget(bold(QLabel(self.tr("By status"), self)), 1, 2, 1, 2)
        tiers: list[tuple[str, str]] = [(f"tier:{t.value}", enum_label(t)) for t in RiskTier]
        tiers.append(("tier:none", self.tr("Not yet tiered")))
        for row, (key, caption) in enumerate(tiers):
            self._pair(grid, row + 2, 0, key, caption)
        for row, status in enumerate(PartyStatus):
            self._pair(grid, row + 2, 2, f"status:{status.value}", enum_label(status))
        return box

    def _audits(self) -> QGroupBox:
        box = QGroupBox(self.tr("Supervision audits in the year"), self)
        grid = self._grid(box)
        grid.addWidget(self.audit_bar, 0, 0, 1, 4)
        self._pair(grid, 1, 0, "audits_due", self.tr("Due"))
        self._pair(grid, 1, 2, "audits_done", self.tr("Done"))
        self._pair(grid, 2, 0, "audits_outstanding", self.tr("Still owed"))
        self._pair(grid, 2, 2, "audits_overdue", self.tr("Overdue"))
        self._pair(grid, 3, 0, "audits_planned", self.tr("Planned"))
        self._pair(grid, 3, 2, "parties_audited", self.tr("Parties audited"))
        grid.addWidget(bold(QLabel(self.tr("Done, by method"), self)), 4, 0, 1, 4)
        for n, method in enumerate(AuditMethod):
            self._pair(grid, 5 + n // 2, (n % 2) * 2, f"method:{method.value}", enum_label(method))
        return box

    def _findings(self) -> QGroupBox:
        box = QGroupBox(self.tr("Findings"), self)
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        headers = (self.tr("Raised"), self.tr("Closed"), self.tr("Open"), self.tr("Overdue"))
        for column, text in enumerate(headers, start=1):
            header = bold(QLabel(text, self))
            header.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(header, 0, column)
        rows = [(s.value, enum_label(s)) for s in Severity] + [("total", self.tr("Total"))]
        for row, (key, caption) in enumerate(rows, start=1):
            label = QLabel(caption, self)
            grid.addWidget(bold(label) if key == "total" else label, row, 0)
            for column, field in enumerate(FINDING_FIELDS, start=1):
                self.values[f"findings:{key}:{field}"] = number_label(self)
                grid.addWidget(self.values[f"findings:{key}:{field}"], row, column)
        note = QLabel(
            self.tr(
                "Raised and closed: in the fiscal year. Open and overdue: on the day the figures were taken."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        grid.addWidget(note, len(rows) + 1, 0, 1, 5)
        return box

    def show_metrics(self, m: ProgramMetrics | None) -> None:
        if m is None:
            for label in self.values.values():
                label.setText("—")
            self.audit_bar.setRange(0, 1)
            self.audit_bar.setValue(0)
            self.audit_bar.setFormat(self.tr("No figures taken yet"))
            return
        numbers: dict[str, int] = {
            key: int(getattr(m, key))
            for key in self.values
            if ":" not in key and isinstance(getattr(m, key, None), int)
        }
        numbers.update({f"tier:{t.value if t else 'none'}": n for t, n in m.parties_by_tier})
        numbers.update({f"status:{s.value}": n for s, n in m.parties_by_status})
        numbers.update({f"method:{a.value}": n for a, n in m.audits_by_method})
        for counts in m.findings:
            for field in FINDING_FIELDS:
                numbers[f"findings:{counts.severity.value}:{field}"] = int(getattr(counts, field))
        for field in FINDING_FIELDS:
            numbers[f"findings:total:{field}"] = m.total(field)
        for key, label in self.values.items():
            label.setText(f"{numbers.get(key, 0):,}")
        self.audit_bar.setRange(0, max(m.audits_due, 1))
        self.audit_bar.setValue(min(m.audits_done, max(m.audits_due, 1)))
        share = round(100 * m.audits_done / m.audits_due) if m.audits_due else 100
        self.audit_bar.setFormat(
            self.tr("%1 of %2 audits due in the year done (%3 %)")
            .replace("%1", str(m.audits_done))
            .replace("%2", str(m.audits_due))
            .replace("%3", str(share))
        )


class ActionsTable(QTableWidget):
    """The actions a review decided: what, who, by when, and how far it got (in words)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Owner"), self.tr("Due"), self.tr("Status")]
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setMinimumSectionSize(90)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_actions(self, actions: Sequence[ReviewActionView], today: date) -> None:
        selected = self.selected_id()
        self.setRowCount(0)
        for row, action in enumerate(actions):
            self.insertRow(row)
            status = action_status_label(action.status)
            if action.status is ActionStatus.OPEN and action.due_on is not None and action.due_on < today:
                status = self.tr("Open, overdue")
            cells = (
                action.description.replace("\n", " "),
                action.owner or "",
                format_date(action.due_on),
                status,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, action.id)
                if column == 0:
                    item.setToolTip(action.description)
                self.setItem(row, column, item)
            if action.id == selected:
                self.selectRow(row)

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        item = self.item(rows[0].row(), 0) if rows else None
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


def ask_new_review(parent: QWidget, years: Sequence[int], today: date, reviewer: str) -> NewReview | None:
    """The year, date and reviewer of a new review, or None when cancelled; tests replace this function."""
    dialog = StartReviewDialog(years, today, reviewer, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_action(parent: QWidget, action: ReviewActionView | None, today: date) -> ActionInput | None:
    """A new or edited action, or None when cancelled; tests replace this function."""
    dialog = ActionDialog(action, today, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_unsaved(parent: QWidget) -> QMessageBox.StandardButton:
    """Save, discard or stay with unsaved edits of the review; tests replace this function."""
    return QMessageBox.question(
        parent,
        QCoreApplication.translate("ProgramReview", "Unsaved changes"),
        QCoreApplication.translate(
            "ProgramReview", "The program review has unsaved changes. Save them first?"
        ),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
