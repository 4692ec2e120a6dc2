"""The assessment window's panels: the questionnaire by section, the live score, an import's outcome."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.enums import AssessmentResult
from calmi_vendors.domain.scoring import ScoreResult
from calmi_vendors.errors import CalmiError
from calmi_vendors.services.assessment_exchange import AnswerImportReport, RowError
from calmi_vendors.services.assessment_form import AssessmentForm
from calmi_vendors.ui.labels import enum_label, problem_text
from calmi_vendors.ui.views.assessment_widgets import QuestionCard

KEY_ROLE = Qt.ItemDataRole.UserRole


class WrappingList(QListWidget):
    """A list whose long lines wrap in full; each item may name a question (its key)."""

    # Qt's own size hint of wrapped Japanese items is a line short (the last line ends in "…").
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_lines(self, lines: Sequence[tuple[str, str | None]]) -> None:
        self.clear()
        for text, key in lines:
            QListWidgetItem(text, self).setData(KEY_ROLE, key)
        self.fit()

    def fit(self) -> None:
        width = max(40, self.viewport().width() - 2 * self.spacing() - 6)
        metrics = self.fontMetrics()
        for row in range(self.count()):
            item = self.item(row)
            box = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, item.text())
            item.setSizeHint(QSize(width, box.height() + 6))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


class QuestionnaireView(QSplitter):
    """The sections on the left (with their points), every question's card in one scroll on the right.

    Signals:
        edited(): an answer or comment changed.
    """

    edited = Signal()

    def __init__(self, form: AssessmentForm, language: str, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.form = form
        self.language = language
        self._loading = False
        self.sections = WrappingList(self)
        self.sections.currentRowChanged.connect(self._go_to_section)
        self.cards: dict[str, QuestionCard] = {}
        self.titles: list[QLabel] = []
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        page = QWidget(self.area)
        column = QVBoxLayout(page)
        for section in form.sections:
            title = QLabel(self._title(section.number, section.title_en, section.title_ja), page)
            font = QFont(title.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)
            title.setFont(font)
            self.titles.append(title)
            column.addWidget(title)
            for question in section.questions:
                card = QuestionCard(question, language, page)
                card.edited.connect(self._card_edited)
                self.cards[question.key] = card
                column.addWidget(card)
            QListWidgetItem(self.sections)
        column.addStretch(1)
        self.area.setWidget(page)
        self.center = QSplitter(Qt.Orientation.Vertical, self)
        self.center.addWidget(self.area)
        self.addWidget(self.sections)
        self.addWidget(self.center)
        self.setStretchFactor(1, 1)
        self.setSizes([230, 750])

    def _title(self, number: int, en: str, ja: str) -> str:
        return f"{number}. {ja if self.language == 'ja' else en}"

    def line(self, key: str) -> str:
        """A question as lists name it: its number and text."""
        q = self.cards[key].question
        return f"{q.number}  {q.text_ja if self.language == 'ja' else q.text_en}"

    def _card_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def load(self, form: AssessmentForm, read_only: bool) -> None:
        """Show stored answers; the caller rescores once afterwards, not once per card."""
        self.form = form
        self._loading = True
        for question in form.questions:
            self.cards[question.key].load(question)
            self.cards[question.key].set_read_only(read_only)
        self._loading = False

    def answers(self) -> dict[str, str | None]:
        return {key: card.value() for key, card in self.cards.items()}

    def changed(self) -> dict[str, QuestionCard]:
        return {key: card for key, card in self.cards.items() if card.is_changed()}

    def show_score(self, score: ScoreResult) -> None:
        by_key = {q.key: q for q in score.questions}
        for key, card in self.cards.items():
            card.show_score(by_key[key])
        for row, section in enumerate(self.form.sections):
            points, maximum = score.by_section.get(section.key, (0.0, 0.0))
            text = self._title(section.number, section.title_en, section.title_ja) + "\n"
            text += self.tr("%1 of %2 points").replace("%1", f"{points:g}").replace("%2", f"{maximum:g}")
            if any(by_key[q.key].failed_must_pass for q in section.questions):
                text += "\n" + self.tr("Must pass not met")
            self.sections.item(row).setText(text)
        self.sections.fit()

    def _go_to_section(self, row: int) -> None:
        if 0 <= row < len(self.titles):
            self.area.verticalScrollBar().setValue(self.titles[row].y())

    def go_to_question(self, key: str) -> None:
        card = self.cards.get(key)
        if card is not None:
            self.area.verticalScrollBar().setValue(max(0, card.y() - 40))
            card.answer_widget().setFocus()


class ScorePanel(QWidget):
    """The total, the result if completed now and why, and the questions that fail or are unanswered.

    Signals:
        question_chosen(str): the user picked a question in one of the lists (its key).
    """

    question_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = QLabel(self)
        big = QFont(self.total.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.total.setFont(big)
        self.total.setWordWrap(True)
        self.ratio = QProgressBar(self)
        self.ratio.setRange(0, 100)
        self.thresholds = QLabel(self)
        self.heading = QLabel(self)
        self.result = QLabel(self)
        self.result.setFont(big)
        self.reason = QLabel(self)
        self.failed_heading = QLabel(self.tr("Must-pass questions not met"), self)
        self.failed = WrappingList(self)
        self.unanswered_heading = QLabel(self)
        self.unanswered = WrappingList(self)
        layout = QVBoxLayout(self)
        for label in (
            self.thresholds,
            self.result,
            self.reason,
            self.failed_heading,
            self.unanswered_heading,
        ):
            label.setWordWrap(True)
        for widget in (self.total, self.ratio, self.thresholds, self.heading, self.result, self.reason):
            layout.addWidget(widget)
        for heading, items in (
            (self.failed_heading, self.failed),
            (self.unanswered_heading, self.unanswered),
        ):
            items.itemClicked.connect(lambda item: self.question_chosen.emit(str(item.data(KEY_ROLE))))
            layout.addWidget(heading)
            layout.addWidget(items, 1)
        layout.addStretch(0)
        self.setMinimumWidth(260)

    def show_score(
        self, score: ScoreResult, thresholds: tuple[float, float], completed: bool, lines: dict[str, str]
    ) -> None:
        """Show `score`; `lines` gives each question's "number text" for the lists."""
        self.total.setText(
            self.tr("%1 of %2 points (%3)")
            .replace("%1", f"{score.points:g}")
            .replace("%2", f"{score.max_points:g}")
            .replace("%3", f"{score.ratio:.0%}")
        )
        self.ratio.setValue(round(score.ratio * 100))
        self.thresholds.setText(
            self.tr("Passes from %1 of the points, without conditions from %2.")
            .replace("%1", f"{thresholds[0]:.0%}")
            .replace("%2", f"{thresholds[1]:.0%}")
        )
        self.heading.setText(self.tr("Result") if completed else self.tr("Result if completed now"))
        passes = score.result is not AssessmentResult.REJECTED
        word = self.tr("Passes: %1") if passes else self.tr("Fails: %1")
        self.result.setText(word.replace("%1", enum_label(score.result)))
        if score.failed_must_pass:
            reason = self.tr("%1 must-pass questions are not fully met, whatever the total.")
            reason = reason.replace("%1", str(len(score.failed_must_pass)))
        elif score.ratio < thresholds[0]:
            reason = self.tr("The score is below the pass mark.")
        elif score.result is AssessmentResult.APPROVED_WITH_CONDITIONS:
            reason = self.tr("The score is below the mark for approval without conditions.")
        else:
            reason = ""
        self.reason.setText(reason)
        self.reason.setVisible(bool(reason))
        missing = [q.key for q in score.questions if not q.answered]
        self.unanswered_heading.setText(
            self.tr("Unanswered: %1 (they count as 0 points)").replace("%1", str(len(missing)))
            if missing
            else self.tr("Every question is answered.")
        )
        for heading, items, keys in (
            (self.failed_heading, self.failed, list(score.failed_must_pass)),
            (None, self.unanswered, missing),
        ):
            items.set_lines([(lines[key], key) for key in keys])
            items.setVisible(bool(keys))
            if heading is not None:
                heading.setVisible(bool(keys))


class ImportReportBox(QGroupBox):
    """What an import of the party's file did, or every cell that stopped it (nothing changed then).

    Signals:
        question_chosen(str): the user picked a line about a question (its key).
    """

    question_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines = WrappingList(self)
        self.lines.itemActivated.connect(self._chosen)
        self.lines.itemClicked.connect(self._chosen)
        hide = QPushButton(self.tr("Hide"), self)
        hide.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(hide, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lines, 1)
        self.hide()

    def _chosen(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key:
            self.question_chosen.emit(str(key))

    def show_report(self, name: str, report: AnswerImportReport | CalmiError, lines: dict[str, str]) -> bool:
        """Show the outcome of importing file `name`; True when answers were stored."""
        self.setTitle(self.tr("Import of %1").replace("%1", name))
        self.show()
        if isinstance(report, CalmiError):
            self.summary.setText(self.tr("Nothing was imported."))
            self.lines.set_lines([(str(report), None)])
            return False
        if not report.applied:
            text = self.tr(
                "Nothing was imported: %1 cells cannot be used. Correct them and import the file again."
            )
            self.summary.setText(text.replace("%1", str(len(report.errors))))
            self.lines.set_lines([(self.error_line(e), e.field) for e in report.errors])
            return False
        summary = self.tr("%1 answers changed, %2 unchanged.").replace("%1", str(len(report.changed)))
        summary = summary.replace("%2", str(report.unchanged))
        if report.kept:
            kept = self.tr("%1 answers changed in the register after the export were kept.")
            summary += " " + kept.replace("%1", str(len(report.kept)))
        self.summary.setText(summary)
        changed = self.tr("Changed: %1")
        kept_line = self.tr("Kept the register's answer: %1")
        self.lines.set_lines(
            [(changed.replace("%1", lines[key]), key) for key in report.changed]
            + [(kept_line.replace("%1", lines[key]), key) for key in report.kept]
            + [(warning, None) for warning in report.warnings]
        )
        return True

    def error_line(self, error: RowError) -> str:
        """Where (sheet, row, column) and why, in the UI language."""
        where = (
            self.tr("Sheet “%1”, row %2, column %3")
            .replace("%1", error.sheet)
            .replace("%2", str(error.row))
            .replace("%3", error.column)
        )
        if error.header:
            where += f" ({error.header})"
        raw = "" if error.value is None else str(error.value).strip()
        shown = f"“{raw}” — " if raw and raw not in error.reason else ""
        return f"{where}: {shown}{problem_text(error.kind, error.reason)}"
