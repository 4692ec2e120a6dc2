"""Import a vendor list: choose the file, review what every row will do, import, and undo if need be."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.errors import CalmiError
from calmi_vendors.services import importing
from calmi_vendors.services.importing import ImportPreview, ImportResult, UndoResult
from calmi_vendors.store.register import Register
from calmi_vendors.ui.labels import field_label, problem_text
from calmi_vendors.ui.models.import_model import OUTCOMES, ROW_ROLE, ImportPreviewModel, outcome_label
from calmi_vendors.ui.tasks import Progress, TaskRunner
from calmi_vendors.ui.views.import_texts import left_out_lines, mapping_html, summary_html

FILE_FILTER = "Excel / CSV (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt)"
CHOOSE, REVIEW, DONE = range(3)


def choose_import_file(parent: QWidget, title: str) -> str:
    """Which list to import; tests replace this function."""
    from calmi_vendors.ui.main_window import choose_open_path

    return choose_open_path(parent, title, FILE_FILTER)


class ImportDialog(QDialog):
    """Signals:
    imported(object): an ImportResult — the register changed; views should reload.
    """

    imported = Signal(object)

    def __init__(self, register: Register, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a vendor list"))
        self.register = register
        self.tasks = tasks
        self.preview: ImportPreview | None = None
        self.import_result: ImportResult | None = None
        self._declined: set[tuple[int, str]] = set()
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._review_page())
        self.pages.addWidget(self._done_page())
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.hide()
        self.cancel.clicked.connect(self._cancel)
        self._task: Any = None
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        self.resize(1100, 700)

    # -- pages -----------------------------------------------------------------------------------
    def _choose_page(self) -> QWidget:
        page = QWidget(self)
        self.path = QLineEdit(page)
        self.path.setPlaceholderText(self.tr("An .xlsx, .xls, .ods or .csv file"))
        browse = QPushButton(self.tr("Browse…"), page)
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.sheet = QLineEdit(page)
        self.sheet.setPlaceholderText(self.tr("Found automatically"))
        self.header_row = QSpinBox(page)
        self.header_row.setRange(0, 1000)
        self.header_row.setSpecialValueText(self.tr("Found automatically"))
        self.source = QLineEdit(page)
        self.source.setPlaceholderText(self.tr("The file name"))
        self.source.setToolTip(
            self.tr("Imports of the same list share a source, so the next import can tell who left the list.")
        )
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Header row"), self.header_row)
        form.addRow(self.tr("Source"), self.source)
        self.read_button = QPushButton(self.tr("Read the file"), page)
        self.read_button.setDefault(True)
        self.read_button.clicked.connect(self.read_file)
        intro = QLabel(
            self.tr(
                "Calmi Vendors finds the header row and the columns it knows (in Japanese or English), "
                "compares every row with the register and shows you what would change. "
                "Nothing is written until you press Import."
            ),
            page,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setWordWrap(True)
        self.filters: dict[str, QCheckBox] = {}
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:"), page))
        for outcome in OUTCOMES:
            box = QCheckBox(outcome_label(outcome), page)
            box.setChecked(outcome != "unchanged")
            box.toggled.connect(self._filter_changed)
            self.filters[outcome] = box
            filters.addWidget(box)
        filters.addStretch(1)
        include_all = QPushButton(self.tr("Include all"), page)
        include_all.clicked.connect(lambda: self._include_all(True))
        include_none = QPushButton(self.tr("Include none"), page)
        include_none.clicked.connect(lambda: self._include_all(False))
        filters.addWidget(include_all)
        filters.addWidget(include_none)
        self.model = ImportPreviewModel(self)
        self.model.dataChanged.connect(self._update_import_button)
        self.table = QTableView(page)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.fields = QListWidget(page)
        self.fields.setAccessibleName(self.tr("Changes of the selected row"))
        self.fields.setWordWrap(True)
        self.fields.itemChanged.connect(self._field_toggled)
        self.fields_label = QLabel(
            self.tr(
                "Select an updated row to choose which of its changes to take, "
                "or a row with errors to read them."
            ),
            page,
        )
        self.fields_label.setWordWrap(True)
        side = QWidget(page)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.fields_label)
        side_layout.addWidget(self.fields, 1)
        split = QSplitter(page)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.mapping = QLabel(page)
        self.mapping.setWordWrap(True)
        self.mapping.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        back = QPushButton(self.tr("Back"), page)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(CHOOSE))
        self.import_button = QPushButton(page)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.mapping)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.outcome = QLabel(page)
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.left_out = QListWidget(page)
        self.left_out.setAccessibleName(self.tr("Rows left out"))
        self.left_out.setWordWrap(True)
        self.left_out_label = QLabel(
            self.tr("Rows left out — correct them in the file and import it again:"), page
        )
        self.undo_button = QPushButton(self.tr("Undo this import"), page)
        self.undo_button.clicked.connect(self.undo)
        close = QPushButton(self.tr("Close"), page)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.outcome)
        layout.addWidget(self.left_out_label)
        layout.addWidget(self.left_out, 1)
        layout.addLayout(buttons)
        return page

    # -- choosing and reading ----------------------------------------------------------------------
    def browse(self) -> None:
        path = choose_import_file(self, self.tr("Choose the vendor list"))
        if path:
            self.path.setText(path)
            self.read_file()

    def read_file(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.message.setText(self.tr("Choose the file to import first."))
            return
        path, register = Path(text), self.register
        sheet = self.sheet.text().strip() or None
        header_row = self.header_row.value() or None
        source = self.source.text().strip() or None

        def job(progress: Progress) -> ImportPreview:
            progress.report(0, 0, "")
            return importing.preview_import(
                register.unit_of_work(), path, sheet=sheet, header_row=header_row, source_name=source
            )

        self._run(job, self._previewed, self.tr("Reading %1…").replace("%1", path.name))

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        self._declined = set()
        self.sheet.setText(preview.sheet)
        self.header_row.setValue(preview.header_row)
        self.summary.setText(summary_html(preview))
        self.mapping.setText(mapping_html(preview))
        self.model.set_rows(preview.rows)
        self._filter_changed()
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 320))
        self._update_import_button()
        self.pages.setCurrentIndex(REVIEW)

    # -- reviewing --------------------------------------------------------------------------------
    def _filter_changed(self, *_args: Any) -> None:
        self.model.show_outcomes([o for o, box in self.filters.items() if box.isChecked()])
        self.fields.clear()

    def _include_all(self, included: bool) -> None:
        self.model.set_all_included(included)
        self._update_import_button()

    def _row_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.fields.blockSignals(True)
        self.fields.clear()
        indexes = selected.indexes()
        row = self.model.data(indexes[0], ROW_ROLE) if indexes else None
        if row is not None and row.errors:
            for error in row.errors:
                item = QListWidgetItem(
                    f"{error.column} ({error.header}): {problem_text(error.kind, error.reason)}", self.fields
                )
                item.setToolTip(item.text())
        elif row is not None and row.kind == "update":
            for difference in row.differences:
                change = f"{difference.current or '—'}  →  {difference.incoming or '—'}"
                item = QListWidgetItem(f"{field_label(difference.field)}\n  {change}", self.fields)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                declined = (row.row_number, difference.field) in self._declined
                item.setCheckState(Qt.CheckState.Unchecked if declined else Qt.CheckState.Checked)
                item.setData(Qt.ItemDataRole.UserRole, (row.row_number, difference.field))
        self.fields.blockSignals(False)

    def _field_toggled(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._declined.discard(tuple(key))
        else:
            self._declined.add(tuple(key))

    def _accepted_updates(self) -> set[tuple[int, str]]:
        assert self.preview is not None
        return {
            (row.row_number, d.field)
            for row in self.preview.rows
            if row.kind == "update"
            for d in row.differences
            if (row.row_number, d.field) not in self._declined
        }

    def _update_import_button(self, *_args: Any) -> None:
        if self.preview is None:
            return
        counts = self.preview.counts
        chosen = counts.new + counts.update - len(self.model.skipped)
        self.import_button.setText(self.tr("Import %1 rows").replace("%1", str(chosen)))
        self.import_button.setEnabled(chosen > 0)

    # -- applying ---------------------------------------------------------------------------------
    def apply(self) -> None:
        if self.preview is None:
            return
        preview, register = self.preview, self.register
        accepted, skipped = self._accepted_updates(), set(self.model.skipped)

        def job(progress: Progress) -> ImportResult:
            return importing.apply_import(
                register.unit_of_work(),
                preview,
                accept_updates=accepted,
                skip_rows=skipped,
                progress=lambda done, total, _message: progress.report(done, total, ""),
                cancelled=lambda: progress.cancelled,
            )

        self._run(job, self._applied, self.tr("Importing…"), writes=True)

    def _applied(self, result: ImportResult) -> None:
        self.import_result = result
        if result.cancelled:
            self.message.setText(self.tr("The import was cancelled; nothing was written."))
            return
        self.outcome.setText(
            self.tr(
                "<h3>Imported</h3><p>%1 parties created, %2 updated, %3 kept as they were, "
                "%4 rows with errors and %5 duplicates left out.</p>"
                "<p>The import is one batch: <i>Undo this import</i> takes all of it back.</p>"
            )
            .replace("%1", str(result.created))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.kept + result.unchanged))
            .replace("%4", str(result.errors))
            .replace("%5", str(result.duplicates))
        )
        self.left_out.clear()
        assert self.preview is not None
        for line in left_out_lines(self.preview):
            QListWidgetItem(line, self.left_out)
        self.left_out_label.setVisible(self.left_out.count() > 0)
        self.left_out.setVisible(self.left_out.count() > 0)
        self.undo_button.setEnabled(True)
        self.pages.setCurrentIndex(DONE)
        self.imported.emit(result)

    def undo(self) -> None:
        assert self.preview is not None
        register, source = self.register, self.preview.source_name

        def job(_progress: Progress) -> UndoResult:
            return importing.undo_last_import(register.unit_of_work(), source)

        self._run(job, self._undone, self.tr("Undoing the import…"), writes=True)

    def _undone(self, result: UndoResult) -> None:
        self.undo_button.setEnabled(False)
        self.outcome.setText(
            self.tr("<h3>Import undone</h3><p>%1 parties removed and %2 changed fields restored.</p>")
            .replace("%1", str(len(result.deleted)))
            .replace("%2", str(result.restored_fields))
        )
        self.imported.emit(result)

    # -- background work ----------------------------------------------------------------------------
    def _run(self, job: Any, on_success: Any, message: str, *, writes: bool = False) -> None:
        self.message.setText(message)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel.show()
        self.pages.setEnabled(False)
        self._task = self.tasks.start(
            job,
            writes=writes,
            on_success=on_success,
            on_failure=self._failed,
            on_progress=self._progressed,
            on_cancel=lambda: self.message.setText(self.tr("Cancelled; nothing was written.")),
            on_finished=self._idle,
        )

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _idle(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel.hide()
        self.pages.setEnabled(True)
        if self.message.text().endswith("…"):
            self.message.setText("")

    def _failed(self, exc: BaseException, _details: str) -> None:
        if isinstance(exc, CalmiError | OSError):
            self.message.setText(str(exc))
        else:
            self.message.setText(self.tr("Unexpected error: %1").replace("%1", repr(exc)))

    def reject(self) -> None:
        if self._task is not None:
            # Escape or the close box while importing means Cancel; the dialog closes when it has stopped.
            self._cancel()
            return
        super().reject()
