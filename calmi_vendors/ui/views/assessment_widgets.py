"""Parts of the assessment window: one question's card, the live score panel, the completion dialog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.enums import AnswerType, AssessmentKind
from calmi_vendors.domain.scoring import QuestionScore
from calmi_vendors.services.assessment_form import FormQuestion
from calmi_vendors.ui.labels import enum_label

KEY_ROLE = Qt.ItemDataRole.UserRole
YES_NO_PARTIAL = ("yes", "partial", "no", "n/a")
NO_DATE = QDate(1900, 1, 1)  # the date edit's "not answered" value, shown as a dash
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class OptionalDateEdit(QDateEdit):
    """A date that may be left unanswered (shown as a dash); a click on an empty one starts at today."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.setDate(NO_DATE)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())
        super().mousePressEvent(event)

    def iso(self) -> str | None:
        return None if self.date() == NO_DATE else self.date().toString("yyyy-MM-dd")

    def set_iso(self, value: str | None) -> None:
        day = QDate.fromString(value or "", "yyyy-MM-dd")
        self.setDate(day if day.isValid() else NO_DATE)


def _quiet(label: QLabel) -> QLabel:
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class QuestionCard(QFrame):
    """One question: number, text, guidance, markers, the answer widget of its type, comment, points.

    Signals:
        edited(): the answer or the comment changed.
    """

    edited = Signal()

    def __init__(self, question: FormQuestion, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setObjectName(f"question_{question.key}")
        ja = language == "ja"
        number = QLabel(question.number, self)
        bold = QFont(number.font())
        bold.setBold(True)
        number.setFont(bold)
        text = QLabel(question.text_ja if ja else question.text_en, self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        guidance_text = question.guidance_ja if ja else question.guidance_en
        guidance = _quiet(QLabel(guidance_text or "", self))
        guidance.setWordWrap(True)
        guidance.setVisible(bool(guidance_text))
        self.must_pass_label = QLabel(self.tr("Must pass"), self)
        self.must_pass_label.setFont(bold)
        self.must_pass_label.setFrameShape(QFrame.Shape.Box)
        self.must_pass_label.setToolTip(
            self.tr("Anything but a full Yes (or N/A) fails the assessment, whatever the total")
        )
        self.must_pass_label.setVisible(question.must_pass)
        evidence = _quiet(QLabel(self.tr("Evidence required"), self))
        evidence.setVisible(question.evidence_required)
        evidence.setToolTip(self.tr("The party names the document or URL in the comment"))
        self.points = QLabel(self)
        self.points.setWordWrap(True)
        self.points.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.points.setToolTip(
            self.tr("Weight %1 × section weight %2")
            .replace("%1", str(question.weight))
            .replace("%2", str(question.section_weight))
        )
        side = QVBoxLayout()
        side.setSpacing(2)
        side.addWidget(self.must_pass_label, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(evidence, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.points)
        side.addStretch(1)
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("Comment (evidence, conditions, follow-up)"))
        lines = self.comment.fontMetrics().lineSpacing()
        self.comment.setFixedHeight(lines * 2 + 14)
        self.comment.textChanged.connect(self.edited)
        self.clear = QToolButton(self)
        self.clear.setText("×")
        self.clear.setAccessibleName(self.tr("Clear the answer"))
        self.clear.setToolTip(self.tr("Clear the answer"))
        self.clear.clicked.connect(lambda: self.set_value(None))
        answer_row = QHBoxLayout()
        answer_row.addWidget(self._answer_widget(ja))
        answer_row.addWidget(self.clear, 0, Qt.AlignmentFlag.AlignTop)
        answer_row.addWidget(self.comment, 1)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(number, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(text, 0, 1)
        grid.addWidget(guidance, 1, 1)
        grid.addLayout(answer_row, 2, 1, 1, 2)
        grid.addLayout(side, 0, 2, 2, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, number.fontMetrics().horizontalAdvance("00.00"))
        grid.setColumnMinimumWidth(2, self.points.fontMetrics().horizontalAdvance("0") * 24)
        self.saved_value = question.value
        self.saved_comment = question.comment
        self.set_value(question.value)
        self.comment.setPlainText(question.comment or "")

    # -- the answer widget of each type ----------------------------------------------------------
    def _answer_widget(self, ja: bool) -> QWidget:
        kind = self.question.answer_type
        self.radios: QButtonGroup | None = None
        self.choice: QComboBox | None = None
        self.line: QLineEdit | None = None
        self.date: OptionalDateEdit | None = None
        if kind is AnswerType.YES_NO_PARTIAL:
            box = QWidget(self)
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            self.radios = QButtonGroup(box)
            words = (self.tr("Yes"), self.tr("Partial"), self.tr("No"), self.tr("N/A"))
            for i, word in enumerate(words):
                radio = QRadioButton(word, box)
                self.radios.addButton(radio, i)
                row.addWidget(radio)
            self.radios.idToggled.connect(self._radio_toggled)
            return box
        if kind is AnswerType.CHOICE:
            self.choice = QComboBox(self)
            self.choice.addItem(self.tr("— not answered —"), None)
            for c in self.question.choices:
                self.choice.addItem(c.label_ja if ja else c.label_en, c.value)
            self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.choice.currentIndexChanged.connect(self.edited)
            return self.choice
        if kind is AnswerType.DATE:
            self.date = OptionalDateEdit(self)
            self.date.dateChanged.connect(self.edited)
            return self.date
        self.line = QLineEdit(self)
        if kind is AnswerType.NUMBER:
            self.line.setValidator(
                QRegularExpressionValidator(QRegularExpression(r"-?\d{0,10}([.]\d{0,4})?"), self.line)
            )
            self.line.setPlaceholderText(self.tr("A number"))
            self.line.setMaximumWidth(self.line.fontMetrics().horizontalAdvance("0") * 16)
        else:
            self.line.setPlaceholderText(self.tr("Answer"))
            self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("0") * 28)
        self.line.textChanged.connect(self.edited)
        return self.line

    def _radio_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.edited.emit()

    def answer_widget(self) -> QWidget:
        for widget in (self.choice, self.line, self.date):
            if widget is not None:
                return widget
        assert self.radios is not None
        parent = self.radios.parent()
        assert isinstance(parent, QWidget)
        return parent

    def value(self) -> str | None:
        """The answer in its stored form ("yes", a choice value, an ISO date, a number, text)."""
        if self.radios is not None:
            checked = self.radios.checkedId()
            return YES_NO_PARTIAL[checked] if checked >= 0 else None
        if self.choice is not None:
            data: Any = self.choice.currentData()
            return None if data is None else str(data)
        if self.date is not None:
            return self.date.iso()
        assert self.line is not None
        return self.line.text().strip() or None

    def set_value(self, value: str | None) -> None:
        if self.radios is not None:
            wanted = YES_NO_PARTIAL.index(value.lower()) if value and value.lower() in YES_NO_PARTIAL else -1
            # An exclusive group cannot uncheck its last button; lift the rule for that moment.
            self.radios.setExclusive(False)
            for button in self.radios.buttons():
                button.setChecked(self.radios.id(button) == wanted)
            self.radios.setExclusive(True)
            self.edited.emit()  # unchecking emits no idToggled(…, True)
        elif self.choice is not None:
            self.choice.setCurrentIndex(max(0, self.choice.findData(value)))
        elif self.date is not None:
            self.date.set_iso(value)
        else:
            assert self.line is not None
            self.line.setText(value or "")

    def comment_text(self) -> str | None:
        return self.comment.toPlainText().strip() or None

    def is_changed(self) -> bool:
        return self.value() != self.saved_value or self.comment_text() != (self.saved_comment or None)

    def load(self, question: FormQuestion) -> None:
        """Show the stored answer again (after a save, an import or a discard)."""
        self.question = question
        self.saved_value = question.value
        self.saved_comment = question.comment
        self.set_value(question.value)
        self.comment.setPlainText(question.comment or "")

    def set_read_only(self, read_only: bool) -> None:
        """Answers stay legible (not greyed out) but take no clicks, keys or wheel turns."""
        if self.line is not None:
            self.line.setReadOnly(read_only)
        elif self.date is not None:
            self.date.setReadOnly(read_only)
        else:
            widget = self.answer_widget()
            for part in [widget, *widget.findChildren(QRadioButton)]:
                part.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)
                part.removeEventFilter(self)
                if read_only:
                    part.installEventFilter(self)
        self.clear.setVisible(not read_only)
        self.comment.setReadOnly(read_only)
        self.comment.setPlaceholderText(
            "" if read_only else self.tr("Comment (evidence, conditions, follow-up)")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Read-only radios and lists swallow what would change them (installed only when read-only)."""
        return event.type() in _INPUT_EVENTS or super().eventFilter(watched, event)

    def show_score(self, score: QuestionScore) -> None:
        """The question's contribution in words, never by colour alone."""
        if score.answered and score.max_points == 0:
            text = self.tr("Not applicable: not counted")
        elif not score.answered:
            text = self.tr("Unanswered: 0 of %1 points").replace("%1", f"{score.max_points:g}")
        else:
            text = (
                self.tr("%1 of %2 points")
                .replace("%1", f"{score.points:g}")
                .replace("%2", f"{score.max_points:g}")
            )
        self.points.setText(text)
        self.must_pass_label.setText(
            self.tr("Must pass — not met") if score.failed_must_pass else self.tr("Must pass")
        )
        self.setFrameShadow(QFrame.Shadow.Sunken if score.failed_must_pass else QFrame.Shadow.Plain)


@dataclass(frozen=True)
class Completion:
    approver: str | None
    conditions: str | None


class CompletionDialog(QDialog):
    """Confirm completing: the result to be frozen, who approves it and on what conditions."""

    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Complete the assessment"))
        text = QLabel(summary, self)
        text.setWordWrap(True)
        self.approver = QLineEdit(self)
        self.approver.setPlaceholderText(self.tr("Who approves the result (optional)"))
        self.conditions = QPlainTextEdit(self)
        self.conditions.setPlaceholderText(self.tr("Conditions of the approval, if any"))
        self.conditions.setMaximumHeight(self.conditions.fontMetrics().lineSpacing() * 5 + 12)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.tr("Complete"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(text)
        form.addRow(self.tr("Approver"), self.approver)
        form.addRow(self.tr("Conditions"), self.conditions)
        form.addRow(buttons)
        self.setMinimumWidth(480)

    def completion(self) -> Completion:
        return Completion(self.approver.text().strip() or None, self.conditions.toPlainText().strip() or None)


# -- questions to the user: tests replace these functions (native dialogs block the event loop) ----
def ask_unsaved(parent: QWidget) -> QMessageBox.StandardButton:
    """Save, discard or keep editing unsaved answers; tests replace this function (native dialogs block)."""
    return QMessageBox.question(
        parent,
        QCoreApplication.translate("AssessmentDialog", "Unsaved answers"),
        QCoreApplication.translate(
            "AssessmentDialog", "Some answers are not saved. Save them before closing?"
        ),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def confirm_completion(parent: QWidget, summary: str) -> Completion | None:
    """Approver and conditions when the user confirms, None otherwise; tests replace this function."""
    dialog = CompletionDialog(summary, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.completion()


def choose_export_target(parent: QWidget, suggested: str, language: str) -> tuple[str, str] | None:
    """(path, "ja"/"en") for the questionnaire sent to the party, None if cancelled; tests replace it."""
    from PySide6.QtWidgets import QInputDialog

    from calmi_vendors.ui.main_window import choose_save_path

    names = [
        QCoreApplication.translate("AssessmentDialog", "Japanese"),
        QCoreApplication.translate("AssessmentDialog", "English"),
    ]
    chosen, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("AssessmentDialog", "Questionnaire language"),
        QCoreApplication.translate("AssessmentDialog", "Language of the file"),
        names,
        0 if language == "ja" else 1,
        False,
    )
    if not ok:
        return None
    path = choose_save_path(
        parent,
        QCoreApplication.translate("AssessmentDialog", "Send to the party as Excel"),
        suggested,
        "Excel (*.xlsx)",
    )
    return (path, "ja" if chosen == names[0] else "en") if path else None


def choose_answers_file(parent: QWidget) -> str:
    """The questionnaire the party returned; tests replace this function."""
    from calmi_vendors.ui.main_window import choose_open_path

    return choose_open_path(
        parent,
        QCoreApplication.translate("AssessmentDialog", "Import the party's answers"),
        "Excel (*.xlsx *.xlsm)",
    )


def ask_assessment_kind(parent: QWidget) -> AssessmentKind | None:
    """Selection or periodic; tests replace this function."""
    from PySide6.QtWidgets import QInputDialog

    kinds = list(AssessmentKind)
    names = [enum_label(k) for k in kinds]
    chosen, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("AssessmentDialog", "New assessment"),
        QCoreApplication.translate("AssessmentDialog", "Kind of assessment"),
        names,
        0,
        False,
    )
    return kinds[names.index(chosen)] if ok else None
