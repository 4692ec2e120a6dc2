"""The yearly review of the supervision program: the register's figures, conclusions, actions, print.

Every service call runs through the TaskRunner (taking the figures reads the whole register).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.errors import CalmiError
from calmi_vendors.services import program_review as service
from calmi_vendors.services.program_review import ProgramReviewView, fiscal_year_of
from calmi_vendors.store.register import Register
from calmi_vendors.ui.labels import format_date
from calmi_vendors.ui.tasks import Progress, TaskRunner
from calmi_vendors.ui.views import program_review_dialogs as dialogs
from calmi_vendors.ui.views.program_review_dialogs import (
    ActionsTable,
    ProgramFigures,
    bold,
    date_edit,
    fiscal_year_label,
    fiscal_year_title,
    to_date,
    to_qdate,
)


class ProgramReviewPage(QWidget):
    """The Program review page: one fiscal year's review at a time, chosen in the list of years.

    Signals:
        report_requested(int): print the review of this fiscal year (open Reports on it).
        progressed(done, total, message): background work under way (total 0: length unknown).
    """

    report_requested = Signal(int)
    progressed = Signal(int, int, str)

    def __init__(
        self,
        register: Register,
        tasks: TaskRunner,
        language: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.tasks = tasks
        self.language = language
        self.today = today
        self.reviews: dict[int, ProgramReviewView] = {}
        self.shown_year: int | None = None
        self._baseline: dict[str, object] = {}
        self._loading = False
        self._pending = 0
        self._build()
        self.reload()

    # -- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.years = QListWidget(self)
        self.years.setAccessibleName(self.tr("Fiscal years"))
        self.years.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.years.currentRowChanged.connect(self._year_chosen)
        self.start_button = QPushButton(self)
        self.start_button.clicked.connect(self.start_review)
        side = QVBoxLayout()
        side.addWidget(bold(QLabel(self.tr("Reviews by fiscal year"), self)))
        side.addWidget(self.years, 1)
        side.addWidget(self.start_button)

        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.empty)
        self.body.addWidget(self._review_page())

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.print_button = QPushButton(self.tr("Print the review…"), self)
        self.print_button.setToolTip(self.tr("Preview, save or print this review in Reports"))
        self.print_button.clicked.connect(self.print_review)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(lambda: self.save())
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)

        main = QVBoxLayout()
        main.addWidget(self.body, 1)
        main.addLayout(bottom)
        layout = QHBoxLayout(self)
        side_widget = QWidget(self)
        side_widget.setLayout(side)
        side_widget.setFixedWidth(180)
        side.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side_widget)
        layout.addLayout(main, 1)

    def _review_page(self) -> QWidget:
        page = QWidget(self)
        self.title = QLabel(page)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.state = QLabel(page)
        self.state.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh figures"), page)
        self.refresh_button.setToolTip(self.tr("Take the register's figures again, as of today"))
        self.refresh_button.clicked.connect(self.refresh_figures)
        header = QGridLayout()
        header.addWidget(self.title, 0, 0)
        header.addWidget(self.state, 1, 0)
        header.addWidget(self.refresh_button, 0, 1, 2, 1, Qt.AlignmentFlag.AlignBottom)
        header.setColumnStretch(0, 1)

        self.figures = ProgramFigures(page)
        scroll = QScrollArea(page)
        scroll.setWidget(self.figures)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(scroll)
        splitter.addWidget(self._review_form(page))
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        scroll.setMinimumWidth(420)
        splitter.setSizes([500, 500])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        return page

    def _review_form(self, parent: QWidget) -> QWidget:
        form_widget = QWidget(parent)
        self.review_date = date_edit(form_widget, self.today)
        self.reviewer = QLineEdit(form_widget)
        self.approved_by = QLineEdit(form_widget)
        self.approved_by.setPlaceholderText(self.tr("Empty until the review is approved"))
        self.findings = QPlainTextEdit(form_widget)
        self.findings.setPlaceholderText(self.tr("What the figures and the year's events show"))
        self.conclusions = QPlainTextEdit(form_widget)
        self.conclusions.setPlaceholderText(self.tr("Is the program effective; what must change"))
        for edit in (self.findings, self.conclusions):
            edit.setMinimumHeight(70)
            edit.textChanged.connect(self._changed)
        for line in (self.reviewer, self.approved_by):
            line.textChanged.connect(self._changed)
        self.review_date.dateChanged.connect(self._changed)
        self._texts: dict[str, QLineEdit | QPlainTextEdit] = {
            "reviewer": self.reviewer,
            "findings": self.findings,
            "conclusions": self.conclusions,
            "approved_by": self.approved_by,
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Review date"), self.review_date)
        form.addRow(self.tr("Reviewer"), self.reviewer)
        form.addRow(self.tr("Review findings"), self.findings)
        form.addRow(self.tr("Conclusions"), self.conclusions)
        form.addRow(self.tr("Approved by"), self.approved_by)

        self.actions_table = ActionsTable(form_widget)
        self.actions_table.itemSelectionChanged.connect(self._enable)
        self.actions_table.cellDoubleClicked.connect(lambda *_: self.edit_action())
        self.add_action_button = QPushButton(self.tr("Add action…"), form_widget)
        self.add_action_button.clicked.connect(self.add_action)
        self.edit_action_button = QPushButton(self.tr("Edit…"), form_widget)
        self.edit_action_button.clicked.connect(self.edit_action)
        buttons = QHBoxLayout()
        note = QLabel(self.tr("Actions are saved as soon as they are added or edited."), form_widget)
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        buttons.addWidget(note, 1)
        buttons.addWidget(self.add_action_button)
        buttons.addWidget(self.edit_action_button)
        actions = QGroupBox(self.tr("Actions decided by the review"), form_widget)
        box = QVBoxLayout(actions)
        box.addWidget(self.actions_table, 1)
        box.addLayout(buttons)

        layout = QVBoxLayout(form_widget)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(form, 1)
        layout.addWidget(actions, 1)
        return form_widget

    # -- background work -----------------------------------------------------------------------------
    def _run(
        self, message: str, job: Callable[[], Any], on_success: Callable[[Any], None], *, writes: bool
    ) -> None:
        """Run one service call off the GUI thread; the page waits (buttons off) until it is done."""

        def work(progress: Progress) -> Any:
            progress.report(0, 0, message)
            progress.check()
            return job()

        self._pending += 1
        self._say(message, working=True)
        self.progress.show()
        self._enable()
        self.tasks.start(
            work,
            writes=writes,
            on_success=on_success,
            on_failure=self._failed,
            on_progress=self.progressed.emit,
            on_finished=self._task_done,
        )

    def _task_done(self) -> None:
        self._pending -= 1
        if not self._pending:
            self.progress.hide()
            if self.message.property("working"):
                self._say("")
        self._enable()

    def _failed(self, exc: BaseException, _details: str) -> None:
        text = (
            str(exc)
            if isinstance(exc, CalmiError)
            else self.tr("Unexpected error: %1").replace("%1", repr(exc))
        )
        self._say(text, error=True)

    def _say(self, text: str, *, error: bool = False, working: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("working", working)  # a "…ing" message goes when the work is done
        self.message.setStyleSheet("color: #b71c1c; font-weight: bold;" if error else "")

    @property
    def busy(self) -> bool:
        return self._pending > 0

    # -- loading -------------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        """Read the reviews again, then show `select` (or the year shown now, or the latest)."""
        register = self.register
        self._run(
            self.tr("Reading the program reviews…"),
            lambda: service.list_reviews(register.unit_of_work(readonly=True)),
            lambda reviews: self._loaded(reviews, select),
            writes=False,
        )

    def _loaded(self, reviews: list[ProgramReviewView], select: int | None) -> None:
        self.reviews = {r.fiscal_year: r for r in reviews}
        wanted = select if select is not None else self.shown_year
        self.years.blockSignals(True)
        self.years.clear()
        for review in reviews:
            item = QListWidgetItem(self._year_text(review), self.years)
            item.setData(Qt.ItemDataRole.UserRole, review.fiscal_year)
        self.years.blockSignals(False)
        candidates = self.years_to_start()
        self.start_button.setVisible(bool(candidates))
        if candidates:
            self.start_button.setText(
                self.tr("Start the review of %1…").replace("%1", fiscal_year_label(candidates[0]))
            )
        self.empty.setText(
            self.tr(
                "No program review yet. Start the review of %1 to take the register's figures for the year."
            ).replace("%1", fiscal_year_label(candidates[0] if candidates else fiscal_year_of(self.today)))
        )
        if not reviews:
            self.shown_year = None
            self.body.setCurrentIndex(0)
            self._enable()
            return
        year = wanted if wanted in self.reviews else reviews[0].fiscal_year
        self._select_row_of(year)
        if year == self.shown_year and self.dirty:
            self._review_changed(self.reviews[year])  # a reload keeps unsaved edits
        else:
            self._show(self.reviews[year])

    def _year_text(self, review: ProgramReviewView) -> str:
        state = self.tr("approved") if review.approved_by else self.tr("in progress")
        return f"{fiscal_year_label(review.fiscal_year)} · {state}"

    def _row_of(self, year: int) -> int:
        for row in range(self.years.count()):
            if self.years.item(row).data(Qt.ItemDataRole.UserRole) == year:
                return row
        return -1

    def years_to_start(self) -> list[int]:
        """The current fiscal year and the one just ended (reviewed after it closes), if not yet reviewed."""
        current = fiscal_year_of(self.today)
        return [year for year in (current, current - 1) if year not in self.reviews]

    # -- showing one review ----------------------------------------------------------------------------
    def _year_chosen(self, row: int) -> None:
        item = self.years.item(row) if row >= 0 else None
        year = int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        if year is None or year == self.shown_year:
            return
        # The list keeps showing the year on the page until the page really moves (not if the user
        # stays, nor if saving the edits fails).
        self._select_row_of(self.shown_year)
        self._leave(lambda: self._show(self.reviews[year]))

    def _select_row_of(self, year: int | None) -> None:
        self.years.blockSignals(True)
        self.years.setCurrentRow(self._row_of(year) if year is not None else -1)
        self.years.blockSignals(False)

    def _leave(self, go: Callable[[], None], on_stay: Callable[[], None] | None = None) -> None:
        """Ask about unsaved edits first: save (then go), discard (then go) or stay."""
        if not self.dirty:
            go()
            return
        answer = dialogs.ask_unsaved(self)
        if answer == QMessageBox.StandardButton.Save:
            self.save(then=go)
        elif answer == QMessageBox.StandardButton.Discard:
            review = self.reviews.get(self.shown_year) if self.shown_year is not None else None
            if review is not None:
                self._fill_form(review)
            go()
        elif on_stay is not None:
            on_stay()

    def _show(self, review: ProgramReviewView) -> None:
        self.shown_year = review.fiscal_year
        self._select_row_of(review.fiscal_year)
        self.body.setCurrentIndex(1)
        self.title.setText(
            self.tr("Program review of %1").replace("%1", fiscal_year_title(review.fiscal_year))
        )
        self._show_state(review)
        self.figures.show_metrics(review.metrics)
        self._fill_form(review)
        self._fill_actions(review)

    def _show_state(self, review: ProgramReviewView) -> None:
        taken = (
            self.tr("Figures taken as of %1.").replace("%1", format_date(review.metrics.as_of))
            if review.metrics
            else self.tr("No figures taken yet.")
        )
        approval = (
            self.tr("Approved by %1: the figures stay as they were approved.").replace(
                "%1", review.approved_by
            )
            if review.approved_by
            else self.tr("Not approved yet.")
        )
        self.state.setText(f"{taken} {approval}")

    def _fill_form(self, review: ProgramReviewView, *, keep_edits: bool = False) -> None:
        """Show the stored fields; with `keep_edits`, fields edited and not yet saved stay as typed."""
        kept = self.edits() if keep_edits else {}
        stored: dict[str, Any] = {
            "review_date": review.review_date or self.today,
            "reviewer": review.reviewer,
            "findings": review.findings,
            "conclusions": review.conclusions,
            "approved_by": review.approved_by,
        }
        self._loading = True
        self.review_date.setMinimumDate(to_qdate(service.fiscal_year_period(review.fiscal_year)[0]))
        shown = self._form_values()
        for key, value in stored.items():
            if key in kept or shown[key] == value:
                continue  # untouched widgets keep their cursor
            if key == "review_date":
                self.review_date.setDate(to_qdate(value))
            elif isinstance(widget := self._texts[key], QLineEdit):
                widget.setText(value or "")
            else:
                widget.setPlainText(value or "")
        self._loading = False
        self._baseline = stored
        self._enable()

    def _fill_actions(self, review: ProgramReviewView) -> None:
        self.actions_table.show_actions(review.actions, self.today)
        self._enable()

    # -- editing -------------------------------------------------------------------------------------
    def _form_values(self) -> dict[str, object]:
        return {
            "review_date": to_date(self.review_date.date()),
            "reviewer": self.reviewer.text().strip() or None,
            "findings": self.findings.toPlainText().strip() or None,
            "conclusions": self.conclusions.toPlainText().strip() or None,
            "approved_by": self.approved_by.text().strip() or None,
        }

    def edits(self) -> dict[str, Any]:
        """The review's fields changed in the form since it was loaded or saved."""
        if self.shown_year is None:
            return {}
        now = self._form_values()
        return {key: value for key, value in now.items() if value != self._baseline.get(key)}

    @property
    def dirty(self) -> bool:
        return bool(self.edits())

    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self._enable()

    def _enable(self) -> None:
        idle = not self.busy
        shown = self.shown_year is not None
        self.start_button.setEnabled(idle)
        self.save_button.setEnabled(idle and shown and self.dirty)
        self.save_button.setText(self.tr("Save") + (" *" if shown and self.dirty else ""))
        for button in (self.refresh_button, self.print_button, self.add_action_button):
            button.setEnabled(idle and shown)
        self.edit_action_button.setEnabled(idle and shown and self.selected_action_id() is not None)

    def selected_action_id(self) -> int | None:
        return self.actions_table.selected_id()

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Store the changed fields of the review (update_review), then call `then`."""
        year, changes = self.shown_year, self.edits()
        if year is None or not changes:
            if then is not None:
                then()
            return
        register = self.register

        def saved(review: ProgramReviewView) -> None:
            self._review_changed(review)
            self._say(self.tr("Saved."))
            if then is not None:
                then()

        self._run(
            self.tr("Saving the review…"),
            lambda: service.update_review(register.unit_of_work(), year, **changes),
            saved,
            writes=True,
        )

    def _review_changed(self, review: ProgramReviewView) -> None:
        self.reviews[review.fiscal_year] = review
        row = self._row_of(review.fiscal_year)
        if row >= 0:
            self.years.item(row).setText(self._year_text(review))
        if review.fiscal_year != self.shown_year:
            return
        self._show_state(review)
        self.figures.show_metrics(review.metrics)
        self._fill_actions(review)
        self._fill_form(review, keep_edits=True)

    def start_review(self) -> None:
        """Ask for the year, date and reviewer, then take the figures and open the review."""
        candidates = self.years_to_start()
        if not candidates:
            return
        chosen = dialogs.ask_new_review(self, candidates, self.today, self.register.actor)
        if chosen is None:
            return
        register = self.register
        self._leave(
            lambda: self._run(
                self.tr("Taking the register's figures for %1…").replace(
                    "%1", fiscal_year_label(chosen.fiscal_year)
                ),
                lambda: service.start_review(
                    register.unit_of_work(), chosen.fiscal_year, chosen.review_date, chosen.reviewer
                ),
                lambda review: self.reload(select=review.fiscal_year),
                writes=True,
            )
        )

    def refresh_figures(self) -> None:
        """Take the figures again as of today; the service refuses it once the review is approved."""
        year = self.shown_year
        if year is None:
            return
        register, today = self.register, self.today
        self._run(
            self.tr("Taking the register's figures for %1…").replace("%1", fiscal_year_label(year)),
            lambda: service.refresh_metrics(register.unit_of_work(), year, today),
            self._figures_refreshed,
            writes=True,
        )

    def _figures_refreshed(self, review: ProgramReviewView) -> None:
        # Only the figures changed: unsaved edits in the form stay as they are.
        self._review_changed(review)
        self._say(self.tr("Figures refreshed as of %1.").replace("%1", format_date(self.today)))

    def add_action(self) -> None:
        year = self.shown_year
        chosen = dialogs.ask_action(self, None, self.today) if year is not None else None
        if year is None or chosen is None:
            return
        register = self.register

        def job() -> ProgramReviewView:
            service.add_action(
                register.unit_of_work(),
                year,
                description=chosen.description,
                owner=chosen.owner,
                due_on=chosen.due_on,
            )
            return service.get_review(register.unit_of_work(readonly=True), year)

        self._run(self.tr("Saving the action…"), job, self._actions_changed, writes=True)

    def edit_action(self) -> None:
        year, action_id = self.shown_year, self.selected_action_id()
        if year is None or action_id is None:
            return
        action = next(a for a in self.reviews[year].actions if a.id == action_id)
        chosen = dialogs.ask_action(self, action, self.today)
        if chosen is None:
            return
        register = self.register

        def job() -> ProgramReviewView:
            service.update_action(
                register.unit_of_work(),
                action_id,
                description=chosen.description,
                owner=chosen.owner,
                due_on=chosen.due_on,
                status=chosen.status,
            )
            return service.get_review(register.unit_of_work(readonly=True), year)

        self._run(self.tr("Saving the action…"), job, self._actions_changed, writes=True)

    def _actions_changed(self, review: ProgramReviewView) -> None:
        self._review_changed(review)
        self._say(self.tr("Action saved."))

    def print_review(self) -> None:
        """Open Reports on this review, once unsaved edits are saved or dropped."""
        year = self.shown_year
        if year is not None:
            self._leave(lambda: self.report_requested.emit(year))

    def confirm_leave(self) -> bool:
        """Whether the page may go (the window closes): unsaved edits are saved or dropped, or it stays."""
        if not self.dirty or self.shown_year is None:
            return True
        answer = dialogs.ask_unsaved(self)
        if answer == QMessageBox.StandardButton.Discard:
            self._fill_form(self.reviews[self.shown_year])
            return True
        if answer != QMessageBox.StandardButton.Save:
            return False
        # Saved here and now: a background save could be cancelled by the closing window.
        try:
            review = service.update_review(self.register.unit_of_work(), self.shown_year, **self.edits())
        except CalmiError as exc:
            self._say(str(exc), error=True)
            return False
        self._review_changed(review)
        return True
