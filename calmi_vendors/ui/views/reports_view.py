"""Reports: pick a report, its subject, language and paper; preview it in the app, save it, print it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.errors import CalmiError
from calmi_vendors.services.portfolio import AuditLine
from calmi_vendors.services.register_view import RegisterRow
from calmi_vendors.services.reporting import SUBJECT_OF, ReportKind, ReportRequest, ReportResult, make_report
from calmi_vendors.store.register import Register
from calmi_vendors.ui.labels import enum_label
from calmi_vendors.ui.pdf_pages import print_pdf
from calmi_vendors.ui.tasks import Progress, TaskRunner
from calmi_vendors.ui.views.pdf_preview import PdfPreview

_SUBJECT_PAGE = {"party": 0, "audit": 1, None: 2, "fiscal_year": 3}


def _titles() -> dict[ReportKind, tuple[str, str]]:
    return {
        ReportKind.DOSSIER: (
            QCoreApplication.translate("ReportsView", "Party dossier"),
            QCoreApplication.translate(
                "ReportsView", "Everything recorded about one entrusted party, as a regulator asks for it."
            ),
        ),
        ReportKind.AUDIT: (
            QCoreApplication.translate("ReportsView", "Audit report"),
            QCoreApplication.translate(
                "ReportsView", "One supervision audit: scope, findings, corrective actions, signatures."
            ),
        ),
        ReportKind.PORTFOLIO: (
            QCoreApplication.translate("ReportsView", "Portfolio supervision report"),
            QCoreApplication.translate(
                "ReportsView", "Every party with tier, audits and open findings, with summary charts."
            ),
        ),
        ReportKind.GAPS: (
            QCoreApplication.translate("ReportsView", "Clause gap report"),
            QCoreApplication.translate(
                "ReportsView", "Contracts against the clause library, and the gaps to fix."
            ),
        ),
        ReportKind.PROGRAM: (
            QCoreApplication.translate("ReportsView", "Program review"),
            QCoreApplication.translate(
                "ReportsView", "The yearly review of the compliance program, with its metrics."
            ),
        ),
    }


def ask_print(printer: QPrinter, parent: QWidget) -> bool:
    """Show the system print dialog; tests replace this function."""
    return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


def choose_pdf_path(parent: QWidget, title: str, suggested: str) -> str:
    """Where to save the PDF; tests replace this function."""
    from calmi_vendors.ui.main_window import choose_save_path

    return choose_save_path(parent, title, suggested, "PDF (*.pdf)")


@dataclass(frozen=True)
class _Preview:
    request: ReportRequest
    result: ReportResult


class ReportsView(QWidget):
    """The Reports page; every report is made off the GUI thread, with progress and Cancel."""

    failed = Signal(object, str)
    saved = Signal(str)
    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(
        self, register: Register, tasks: TaskRunner, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.tasks = tasks
        self.today = date.today()
        self._scratch = tempfile.TemporaryDirectory(prefix="calmi-preview-")
        self._made = 0
        self._preview: _Preview | None = None
        self._party_ids: dict[str, int] = {}
        self._build(language)
        self.set_kind(ReportKind.PORTFOLIO)

    # -- layout ----------------------------------------------------------------------------------
    def _build(self, language: str) -> None:
        self.kinds = QListWidget(self)
        self.kinds.setAccessibleName(self.tr("Report"))
        self.kinds.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        for kind, (title, description) in _titles().items():
            item = QListWidgetItem(title, self.kinds)
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
            item.setToolTip(description)
        self.kinds.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kinds.setFixedHeight(
            self.kinds.sizeHintForRow(0) * self.kinds.count() + 2 * self.kinds.frameWidth() + 6
        )
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.kinds.currentRowChanged.connect(self._kind_changed)

        self.party = QLineEdit(self)
        self.party.setPlaceholderText(self.tr("Type a name or corporate number"))
        self.party.setClearButtonEnabled(True)
        self._party_names = QStringListModel(self)
        completer = QCompleter(self._party_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(15)
        self.party.setCompleter(completer)
        self.audit = QComboBox(self)
        self.audit.setMinimumContentsLength(28)
        self.audit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        whole = QLabel(self.tr("The whole register."), self)
        self.fiscal_year = QSpinBox(self)
        self.fiscal_year.setRange(2000, 2100)
        self.fiscal_year.setValue(self.today.year if self.today.month >= 4 else self.today.year - 1)
        self.subject = QStackedWidget(self)
        for widget in (self.party, self.audit, whole, self.fiscal_year):
            self.subject.addWidget(widget)
        self.subject_label = QLabel(self.tr("Party"), self)

        self.language = QComboBox(self)
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if language == "ja" else 1)
        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("Register default"), None)
        self.paper.addItem("A4", "A4")
        self.paper.addItem("Letter", "Letter")
        self.prepared_by = QLineEdit(self)
        self.prepared_by.setPlaceholderText(self.register.actor)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.subject_label, self.subject)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Prepared by"), self.prepared_by)

        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save PDF…"), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.preview_button.clicked.connect(self.make_preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_report)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.save_button, self.print_button):
            buttons.addWidget(button)

        chooser = QGroupBox(self.tr("Report"), self)
        side = QVBoxLayout(chooser)
        side.addWidget(self.kinds)
        side.addWidget(self.description)
        side.addSpacing(8)
        side.addLayout(form)
        side.addSpacing(8)
        side.addLayout(buttons)
        side.addStretch(1)
        chooser.setMinimumWidth(340)
        chooser.setMaximumWidth(420)

        self.preview = PdfPreview(self)
        layout = QHBoxLayout(self)
        layout.addWidget(chooser)
        layout.addWidget(self.preview, 1)
        for signal in (
            self.party.textChanged,
            self.audit.currentIndexChanged,
            self.fiscal_year.valueChanged,
            self.language.currentIndexChanged,
            self.paper.currentIndexChanged,
            self.prepared_by.textChanged,
        ):
            signal.connect(self._options_changed)

    # -- choices ---------------------------------------------------------------------------------
    def set_parties(self, rows: Sequence[RegisterRow]) -> None:
        labels: dict[str, int] = {}
        for row in rows:
            label = f"{row.name}（{row.corporate_number}）" if row.corporate_number else row.name
            if label in labels:
                label = f"{label} #{row.id}"
            labels[label] = row.id
        self._party_ids = labels
        self._party_names.setStringList(sorted(labels))

    def set_audits(self, audits: Sequence[AuditLine]) -> None:
        current = self.audit.currentData()
        self.audit.blockSignals(True)
        self.audit.clear()
        ordered = sorted(audits, key=lambda a: a.performed_on or a.planned_on or date.min, reverse=True)
        for line in ordered:
            when = line.performed_on or line.planned_on
            method = enum_label(line.method)
            self.audit.addItem(f"{when.isoformat() if when else '—'}  {line.party_name} · {method}", line.id)
        found = self.audit.findData(current)
        self.audit.setCurrentIndex(max(found, 0))
        self.audit.blockSignals(False)

    def set_kind(self, kind: ReportKind, subject: int | None = None) -> None:
        """Select a report (and its subject, when the caller knows it: a party or an audit)."""
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(Qt.ItemDataRole.UserRole) == kind.value:
                self.kinds.setCurrentRow(row)
        if subject is None:
            return
        if kind is ReportKind.DOSSIER:
            label = next((text for text, pid in self._party_ids.items() if pid == subject), None)
            self.party.setText(label or f"#{subject}")
            self.party.setCursorPosition(0)
        elif kind is ReportKind.AUDIT:
            self.audit.setCurrentIndex(max(self.audit.findData(subject), 0))
        elif kind is ReportKind.PROGRAM:
            self.fiscal_year.setValue(subject)

    def current_kind(self) -> ReportKind:
        item = self.kinds.currentItem()
        return ReportKind(item.data(Qt.ItemDataRole.UserRole)) if item else ReportKind.PORTFOLIO

    def _kind_changed(self, _row: int) -> None:
        kind = self.current_kind()
        self.description.setText(_titles()[kind][1])
        need = SUBJECT_OF[kind]
        self.subject.setCurrentIndex(_SUBJECT_PAGE[need])
        self.subject_label.setText(
            {
                "party": self.tr("Party"),
                "audit": self.tr("Audit"),
                "fiscal_year": self.tr("Fiscal year"),
                None: self.tr("Scope"),
            }[need]
        )
        self._options_changed()

    def _subject(self) -> int | None:
        need = SUBJECT_OF[self.current_kind()]
        if need == "party":
            text = self.party.text().strip()
            if text in self._party_ids:
                return self._party_ids[text]
            if text.startswith("#") and text[1:].isdigit():
                return int(text[1:])
            matches = [pid for label, pid in self._party_ids.items() if text and text in label]
            if len(matches) == 1:
                return matches[0]
            raise CalmiError(self.tr("Choose the party from the list (type part of its name)."))
        if need == "audit":
            audit = self.audit.currentData()
            if audit is None:
                raise CalmiError(self.tr("The register has no supervision audit to report on."))
            return int(audit)
        if need == "fiscal_year":
            return self.fiscal_year.value()
        return None

    def request(self) -> ReportRequest:
        return ReportRequest(
            kind=self.current_kind(),
            subject=self._subject(),
            language=str(self.language.currentData()),
            page_size=self.paper.currentData(),
            prepared_by=self.prepared_by.text().strip() or None,
        )

    def _options_changed(self, *_args: Any) -> None:
        if self._preview is not None:
            self.preview.set_stale(True)

    # -- work ------------------------------------------------------------------------------------
    def _make(self, then: Any) -> None:
        """Make the report chosen now off the GUI thread, then call `then(preview)` on the GUI thread."""
        try:
            request = self.request()
        except CalmiError as exc:
            self.failed.emit(exc, "")
            return
        if self._preview is not None and self._preview.request == request:
            then(self._preview)
            return
        self._made += 1
        out = Path(self._scratch.name) / f"report-{self._made}.pdf"
        register = self.register

        def job(progress: Progress) -> ReportResult:
            def step(done: int, total: int, message: str) -> None:
                progress.check()
                progress.report(done, total, self.tr("Making the report…"))

            return make_report(register, request, out, progress=step)

        def done(result: ReportResult) -> None:
            self._preview = _Preview(request, result)
            self.preview.show_pdf(result.path)
            then(self._preview)

        self.preview.set_busy(True)
        self.tasks.start(
            job,
            on_success=done,
            on_failure=self._failed,
            on_progress=self.progressed.emit,
            on_finished=self._idle,
        )

    def _idle(self) -> None:
        self.preview.set_busy(False)
        self.finished.emit()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.failed.emit(exc, details)

    def make_preview(self) -> None:
        self._make(lambda _preview: None)

    def save_pdf(self) -> None:
        self._make(self._save)

    def _save(self, preview: _Preview) -> None:
        suggested = _file_name(preview.request, self.preview.title())
        target = choose_pdf_path(self, self.tr("Save report"), suggested)
        if not target:
            return
        destination = Path(target if target.lower().endswith(".pdf") else f"{target}.pdf")
        partial = destination.with_name(f".{destination.name}.part")
        try:
            shutil.copyfile(preview.result.path, partial)
            os.replace(partial, destination)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            self.failed.emit(
                CalmiError(self.tr("The report could not be saved: %1").replace("%1", str(exc))), ""
            )
            return
        self.saved.emit(str(destination))

    def print_report(self) -> None:
        self._make(self._print)

    def _print(self, preview: _Preview) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.preview.title() or "Calmi Vendors")
        printer.setFromTo(1, preview.result.pages)
        if not ask_print(printer, self):
            return
        try:
            print_pdf(preview.result.path, printer)
        except OSError as exc:
            self.failed.emit(CalmiError(str(exc)), "")

    def closeEvent(self, event: Any) -> None:
        self.preview.close_pdf()
        self._scratch.cleanup()
        super().closeEvent(event)


def _file_name(request: ReportRequest, title: str) -> str:
    stem = title or request.kind.value
    for bad in '\\/:*?"<>|':
        stem = stem.replace(bad, "_")
    return f"{stem}.pdf"
