"""Work on one assessment: answer the questionnaire with live scoring, complete it, exchange it as .xlsx."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.enums import AssessmentKind, AssessmentStatus
from calmi_vendors.domain.scoring import ScoreResult
from calmi_vendors.errors import CalmiError
from calmi_vendors.services import assessments
from calmi_vendors.services.assessment_exchange import (
    AnswerImportReport,
    export_questionnaire,
    import_answers,
)
from calmi_vendors.services.assessment_form import AssessmentForm, load_form
from calmi_vendors.store.register import Register
from calmi_vendors.ui.labels import enum_label, format_date, is_japanese
from calmi_vendors.ui.tasks import Progress, TaskRunner
from calmi_vendors.ui.views import assessment_widgets as asks
from calmi_vendors.ui.views.assessment_panels import ImportReportBox, QuestionnaireView, ScorePanel

ERROR_STYLE = "color: palette(highlighted-text); background: #b71c1c; padding: 4px;"


class AssessmentDialog(QWidget):
    """One assessment of one party, in its own window.

    Signals:
        assessment_changed(int): answers, status or result changed (the party id): refresh its views.
    """

    assessment_changed = Signal(int)

    def __init__(
        self,
        register: Register,
        assessment_id: int,
        *,
        tasks: TaskRunner | None = None,
        language: str | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.register = register
        self.assessment_id = assessment_id
        self.tasks = tasks or TaskRunner(self)
        self.language = language or ("ja" if is_japanese() else "en")
        self.today = today or date.today()
        self.form: AssessmentForm = load_form(register, assessment_id)
        self.busy = False
        self.close_when_done = False
        self.dirty = False
        self.score: ScoreResult = self.form.score({})
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QLabel.Shape.StyledPanel)
        self.questionnaire = QuestionnaireView(self.form, self.language, self)
        self.questionnaire.edited.connect(self._edited)
        self.cards = self.questionnaire.cards
        self.import_box = ImportReportBox(self)
        self.import_box.question_chosen.connect(self.questionnaire.go_to_question)
        self.questionnaire.center.addWidget(self.import_box)
        self.questionnaire.center.setStretchFactor(0, 3)
        self.questionnaire.center.setStretchFactor(1, 1)
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(self.questionnaire)
        self.score_panel = ScorePanel(self)
        self.score_panel.question_chosen.connect(self.questionnaire.go_to_question)
        main.addWidget(self.score_panel)
        main.setStretchFactor(1, 1)
        main.setSizes([980, 300])
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(main, 1)
        layout.addLayout(self._buttons())
        self.resize(1280, 800)
        self._apply(self.form)

    # -- layout ------------------------------------------------------------------------------------
    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save answers"), self)
        self.save_button.clicked.connect(lambda: self.save())
        self.complete_button = QPushButton(self.tr("Complete…"), self)
        self.complete_button.setToolTip(
            self.tr("Freeze the score and the result; the answers can no longer change")
        )
        self.complete_button.clicked.connect(self.complete)
        self.export_button = QPushButton(self.tr("Send to the party as Excel…"), self)
        self.export_button.setToolTip(
            self.tr("Saves your answers first; the file carries them for the party")
        )
        self.export_button.clicked.connect(self.export)
        self.import_button = QPushButton(self.tr("Import the party's answers…"), self)
        self.import_button.setToolTip(
            self.tr("Saves your answers first; nothing changes if any cell is wrong")
        )
        self.import_button.clicked.connect(self.import_file)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        for button in (self.save_button, self.complete_button, self.export_button, self.import_button):
            row.addWidget(button)
        row.addWidget(self.message, 1)
        row.addWidget(self.progress)
        row.addWidget(close)
        return row

    # -- showing the assessment -----------------------------------------------------------------------
    def _apply(self, form: AssessmentForm) -> None:
        """Show a freshly read assessment: header, stored answers, read-only once completed."""
        self.form = form
        a = form.assessment
        name = form.template_name_ja if self.language == "ja" else form.template_name_en
        self.setWindowTitle(
            self.tr("%1 — %2 assessment[*]").replace("%1", form.party_name).replace("%2", enum_label(a.kind))
        )
        rows = [
            (self.tr("Party"), form.party_name),
            (self.tr("Assessment"), enum_label(a.kind)),
            (
                self.tr("Questionnaire"),
                self.tr("%1, version %2").replace("%1", name).replace("%2", str(a.template_version)),
            ),
            (self.tr("Status"), enum_label(a.status)),
            (self.tr("Assessor"), a.assessor or "—"),
            (self.tr("Started"), format_date(a.started_on) or "—"),
        ]
        self.header.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(f"{_esc(k)}: <b>{_esc(v)}</b>" for k, v in rows))
        read_only = self.read_only
        self.questionnaire.load(form, read_only)
        if a.status is AssessmentStatus.COMPLETED:
            text = self.tr("Completed on %1: the answers, score and result are frozen.").replace(
                "%1", format_date(a.completed_on)
            )
            if a.approver:
                text += " " + self.tr("Approved by %1.").replace("%1", a.approver)
            if a.conditions:
                text += " " + self.tr("Conditions: %1").replace("%1", a.conditions)
            self.banner.setText(text)
        elif a.status is AssessmentStatus.CANCELLED:
            self.banner.setText(self.tr("This assessment was cancelled; its answers can no longer change."))
        self.banner.setVisible(read_only)
        self._edited()

    @property
    def read_only(self) -> bool:
        return self.form.assessment.status in (AssessmentStatus.COMPLETED, AssessmentStatus.CANCELLED)

    def _edited(self) -> None:
        self.score = self.form.score(self.questionnaire.answers())
        self.dirty = bool(self.questionnaire.changed())
        self.setWindowModified(self.dirty)
        self._show_score(self.score)
        self._enable()

    def _enable(self) -> None:
        editable = not self.read_only and not self.busy
        self.save_button.setEnabled(editable and self.dirty)
        self.complete_button.setEnabled(editable)
        self.import_button.setEnabled(editable)
        self.export_button.setEnabled(not self.busy)
        self.progress.setVisible(self.busy)
        # Answers typed while a job runs would be overwritten by the answers it reads back.
        page = self.questionnaire.area.widget()
        if page is not None:
            page.setEnabled(not self.busy)

    def _show_score(self, score: ScoreResult) -> None:
        self.questionnaire.show_score(score)
        self.score_panel.show_score(
            score,
            (self.form.pass_threshold, self.form.conditional_threshold),
            self.form.assessment.status is AssessmentStatus.COMPLETED,
            {key: self.questionnaire.line(key) for key in self.cards},
        )

    # -- background work -------------------------------------------------------------------------------
    def _run(self, job: Callable[[Progress], Any], done: Callable[[Any], None], doing: str) -> None:
        self.busy = True
        self._say(doing)
        self._enable()

        def failed(exc: BaseException, _trace: str) -> None:
            text = (
                str(exc)
                if isinstance(exc, CalmiError)
                else self.tr("Unexpected error: %1").replace("%1", repr(exc))
            )
            self._say(text, error=True)

        def finished() -> None:
            self.busy = False
            self._enable()
            if self.close_when_done:
                self.close_when_done = False
                if not self.dirty:  # a failed save keeps the window open, its message shown
                    self.close()

        self.tasks.start(job, writes=True, on_success=done, on_failure=failed, on_finished=finished)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    def _save_in(self) -> Callable[[], None]:
        """A step that stores the changed answers, run first by every job (nothing when none changed)."""
        changed = self.questionnaire.changed()
        answers = {key: card.value() for key, card in changed.items()}
        comments = {key: card.comment_text() or "" for key, card in changed.items()}
        register, aid = self.register, self.assessment_id

        def step() -> None:
            if answers:
                assessments.record_answers(register.unit_of_work(), aid, answers, comments=comments)

        return step

    def save(self, *, then_close: bool = False) -> None:
        save, register, aid = self._save_in(), self.register, self.assessment_id

        def job(_p: Progress) -> AssessmentForm:
            save()
            return load_form(register, aid)

        def done(form: AssessmentForm) -> None:
            self._apply(form)
            self._say(self.tr("Answers saved."))
            self.assessment_changed.emit(form.assessment.party_id)
            self.close_when_done = then_close

        self._run(job, done, self.tr("Saving…"))

    def complete(self) -> None:
        summary = self.tr(
            "Complete this assessment with %1 and the result “%2”? Its answers can no longer change."
        )
        summary = summary.replace("%1", self.score_panel.total.text()).replace(
            "%2", enum_label(self.score.result)
        )
        choice = asks.confirm_completion(self, summary)
        if choice is None:
            return
        save, register, aid, today = self._save_in(), self.register, self.assessment_id, self.today

        def job(_p: Progress) -> AssessmentForm:
            save()
            assessments.complete_assessment(
                register.unit_of_work(),
                aid,
                completed_on=today,
                approver=choice.approver,
                conditions=choice.conditions,
            )
            return load_form(register, aid)

        def done(form: AssessmentForm) -> None:
            self._apply(form)
            self._say(self.tr("Assessment completed."))
            self.assessment_changed.emit(form.assessment.party_id)

        self._run(job, done, self.tr("Completing…"))

    def export(self) -> None:
        safe = re.sub(r'[\\/:*?"<>|]+', "_", self.form.party_name).strip() or "party"
        suggested = (
            self.tr("%1 questionnaire %2.xlsx").replace("%1", safe).replace("%2", str(self.assessment_id))
        )
        target = asks.choose_export_target(self, suggested, "ja")
        if target is None:
            return
        path, language = Path(target[0]), target[1]
        save, register, aid, today = self._save_in(), self.register, self.assessment_id, self.today

        def job(_p: Progress) -> AssessmentForm:
            save()
            export_questionnaire(register.unit_of_work(readonly=True), aid, path, language, today=today)
            return load_form(register, aid)

        def done(form: AssessmentForm) -> None:
            self._apply(form)
            self._say(self.tr("Saved %1 for the party.").replace("%1", path.name))

        self._run(job, done, self.tr("Writing %1…").replace("%1", path.name))

    def import_file(self) -> None:
        chosen = asks.choose_answers_file(self)
        if not chosen:
            return
        path = Path(chosen)
        save, register, aid = self._save_in(), self.register, self.assessment_id

        def job(_p: Progress) -> tuple[AnswerImportReport | CalmiError, AssessmentForm]:
            save()
            try:
                report: AnswerImportReport | CalmiError = import_answers(register.unit_of_work(), aid, path)
            except CalmiError as exc:  # a file that is not this questionnaire: said in the report box
                report = exc
            return report, load_form(register, aid)

        def done(result: tuple[AnswerImportReport | CalmiError, AssessmentForm]) -> None:
            report, form = result
            self._apply(form)
            lines = {key: self.questionnaire.line(key) for key in self.cards}
            applied = self.import_box.show_report(path.name, report, lines)
            center = self.questionnaire.center
            if center.sizes()[1] < 220:  # room for the list, the questions above it
                center.setSizes([sum(center.sizes()) - 260, 260])
            if applied:
                self._say(self.tr("Imported the answers of %1.").replace("%1", path.name))
                self.assessment_changed.emit(form.assessment.party_id)
            else:
                self._say(self.tr("Nothing was imported from %1.").replace("%1", path.name), error=True)

        self._run(job, done, self.tr("Reading %1…").replace("%1", path.name))

    # -- closing -----------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            self._say(self.tr("Wait until the work in progress is finished."))
            event.ignore()
            return
        if self.dirty:
            answer = asks.ask_unsaved(self)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                event.ignore()
                self.save(then_close=True)
                return
            self._apply(self.form)  # discard: show the stored answers again
        event.accept()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def start_new_assessment(
    register: Register,
    party_id: int,
    kind: AssessmentKind,
    parent: QWidget | None,
    *,
    tasks: TaskRunner | None = None,
    language: str | None = None,
    today: date | None = None,
) -> AssessmentDialog:
    """Start an assessment of the party on the latest questionnaire and open it in its own window."""
    day = today or date.today()
    view = assessments.start_assessment(
        register.unit_of_work(), party_id, kind, started_on=day, assessor=register.actor
    )
    dialog = AssessmentDialog(register, view.id, tasks=tasks, language=language, today=day, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_assessment(
    register: Register,
    assessment_id: int,
    parent: QWidget | None,
    *,
    tasks: TaskRunner | None = None,
    language: str | None = None,
    today: date | None = None,
) -> AssessmentDialog:
    """Open an existing assessment in its own window (read-only once completed)."""
    dialog = AssessmentDialog(
        register, assessment_id, tasks=tasks, language=language, today=today, parent=parent
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
