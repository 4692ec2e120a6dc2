"""An assessment filled in the app with live scoring, sent to the party as .xlsx and read back, completed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_support import TODAY, type_text

from calmi_vendors.domain.enums import AnswerType, AssessmentKind, AssessmentResult, AssessmentStatus
from calmi_vendors.domain.scoring import ScoreResult
from calmi_vendors.services import assessments, parties
from calmi_vendors.services.assessment_form import FormQuestion, load_form
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.store.models import Assessment
from calmi_vendors.store.register import Register
from calmi_vendors.ui.main_window import MainWindow
from calmi_vendors.ui.views import assessment_widgets
from calmi_vendors.ui.views.assessment_dialog import AssessmentDialog, start_new_assessment
from calmi_vendors.ui.views.assessment_widgets import Completion, QuestionCard

MUST_PASS_KEY = "org_incident_procedure"  # 3.2, must pass
HEADERS_JA = {"id": "ID", "answer": "回答", "comment": "コメント"}


@pytest.fixture(autouse=True)
def _unsaved_answers_are_discarded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assessment_widgets, "ask_unsaved", lambda _parent: QMessageBox.StandardButton.Discard)


@pytest.fixture
def dialog(qtbot: QtBot, demo_register: Register) -> Iterator[AssessmentDialog]:
    party = parties.list_parties(demo_register.unit_of_work(readonly=True))[0]
    dlg = start_new_assessment(
        demo_register, party.id, AssessmentKind.PERIODIC, None, language="en", today=TODAY
    )
    qtbot.addWidget(dlg)
    assert dlg.isVisible()
    assert dlg.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # the test reads it after closing
    yield dlg
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20_000)


def wait(qtbot: QtBot, dlg: AssessmentDialog) -> None:
    qtbot.waitUntil(lambda: not dlg.busy, timeout=20_000)


def answer(qtbot: QtBot, card: QuestionCard, value: str) -> None:
    """Answer through the card's own widget, as a user does."""
    kind = card.question.answer_type
    if kind is AnswerType.YES_NO_PARTIAL:
        assert card.radios is not None
        button = card.radios.button(("yes", "partial", "no", "n/a").index(value))
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    elif kind is AnswerType.CHOICE:
        assert card.choice is not None
        card.choice.setCurrentIndex(card.choice.findData(value))
    elif kind is AnswerType.DATE:
        assert card.date is not None
        card.date.setDate(QDate.fromString(value, "yyyy-MM-dd"))
    elif kind is AnswerType.NUMBER:
        assert card.line is not None
        card.line.clear()
        QTest.keyClicks(card.line, value)
    else:
        assert card.line is not None
        card.line.clear()
        type_text(card.line, value)


def best(question: FormQuestion) -> str:
    """The answer that earns every point, in the stored form."""
    if question.answer_type is AnswerType.YES_NO_PARTIAL:
        return "yes"
    if question.answer_type is AnswerType.CHOICE:
        return max(question.choices, key=lambda c: c.score).value
    if question.answer_type is AnswerType.NUMBER:
        return "12"
    if question.answer_type is AnswerType.DATE:
        return "2026-03-31"
    return "国内のみ"


def status(dlg: AssessmentDialog) -> AssessmentStatus:
    return dlg.form.assessment.status


def result(dlg: AssessmentDialog) -> AssessmentResult:
    return dlg.score.result


def stored_score(register: Register, assessment_id: int) -> ScoreResult:
    with register.unit_of_work(readonly=True) as uow:
        a = uow.session.get(Assessment, assessment_id)
        assert a is not None
        return assessments.score_of(a)


def stored_answers(register: Register, assessment_id: int) -> dict[str, tuple[str | None, str | None]]:
    return {q.key: (q.value, q.comment) for q in load_form(register, assessment_id).questions}


def shown_answers(dlg: AssessmentDialog) -> dict[str, str | None]:
    return {key: card.value() for key, card in dlg.cards.items()}


def test_answers_typed_in_the_widgets_score_live_and_are_stored_on_save(
    dialog: AssessmentDialog, qtbot: QtBot
) -> None:
    assert status(dialog) is AssessmentStatus.DRAFT
    assert dialog.score_panel.total.text() == f"0 of {dialog.score.max_points:g} points (0%)"
    assert not dialog.save_button.isEnabled()
    first = dialog.cards["bp_policy_established"]
    assert first.points.text().startswith("Unanswered: 0 of")

    answer(qtbot, first, "partial")
    assert first.points.text() == "3 of 6 points"  # weight 3 × section weight 2, half for Partial
    assert dialog.score.points == 3
    assert dialog.score_panel.total.text().startswith("3 of ")
    assert dialog.dirty
    assert dialog.save_button.isEnabled()

    for question in dialog.form.questions[1:]:
        answer(qtbot, dialog.cards[question.key], best(question))
    dialog.cards["hum_training"].comment.setPlainText("新任時と年1回、受講記録あり")
    assert result(dialog) is AssessmentResult.APPROVED
    assert "Passes" in dialog.score_panel.result.text()
    assert dialog.score_panel.unanswered_heading.text() == "Every question is answered."

    dialog.save_button.click()
    wait(qtbot, dialog)

    stored = stored_answers(dialog.register, dialog.assessment_id)
    assert {k: v for k, (v, _c) in stored.items()} == shown_answers(dialog)
    assert stored["hum_training"] == ("yes", "新任時と年1回、受講記録あり")
    assert stored["hum_staff_count"][0] == "12"
    assert stored["org_last_internal_audit"][0] == "2026-03-31"
    truth = stored_score(dialog.register, dialog.assessment_id)
    assert (truth.points, truth.max_points, truth.result) == (
        dialog.score.points,
        dialog.score.max_points,
        dialog.score.result,
    )
    assert status(dialog) is AssessmentStatus.IN_REVIEW
    assert not dialog.dirty
    assert not dialog.save_button.isEnabled()
    assert dialog.message.text() == "Answers saved."


def test_a_must_pass_question_answered_no_fails_and_is_named(dialog: AssessmentDialog, qtbot: QtBot) -> None:
    for question in dialog.form.questions:
        answer(qtbot, dialog.cards[question.key], best(question))
    assert result(dialog) is AssessmentResult.APPROVED

    answer(qtbot, dialog.cards[MUST_PASS_KEY], "no")

    assert dialog.score.ratio > dialog.form.conditional_threshold  # the total alone would approve
    assert result(dialog) is AssessmentResult.REJECTED
    panel = dialog.score_panel
    assert panel.result.text() == "Fails: Rejected"
    assert "1 must-pass questions are not fully met" in panel.reason.text()
    assert [panel.failed.item(i).text() for i in range(panel.failed.count())] == [
        "3.2  " + dialog.cards[MUST_PASS_KEY].question.text_en
    ]
    card = dialog.cards[MUST_PASS_KEY]
    assert card.must_pass_label.text() == "Must pass — not met"
    assert card.points.text().startswith("0 of ")
    assert "Must pass not met" in dialog.questionnaire.sections.item(2).text()

    dialog.save_button.click()
    wait(qtbot, dialog)
    truth = stored_score(dialog.register, dialog.assessment_id)
    assert truth.failed_must_pass == (MUST_PASS_KEY,)
    assert truth.points == dialog.score.points


def fill(source: Path, target: Path, cells: Mapping[str, Mapping[str, object]]) -> None:
    """Answer in Excel as the party does, in the Japanese answer sheet."""
    book = openpyxl.load_workbook(source)
    ws = book["回答"]
    header = {str(c.value): c.column for c in ws[1]}
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    for key, values in cells.items():
        for role, value in values.items():
            ws.cell(rows[key], int(header[HEADERS_JA[role]] or 0)).value = str(value)
    book.save(target)


def in_japanese(question: FormQuestion) -> object:
    """The best answer as a Japanese party types it."""
    if question.answer_type is AnswerType.YES_NO_PARTIAL:
        return "はい"
    if question.answer_type is AnswerType.CHOICE:
        return max(question.choices, key=lambda c: c.score).label_ja
    if question.answer_type is AnswerType.NUMBER:
        return "１２"
    if question.answer_type is AnswerType.DATE:
        return "令和8年3月31日"
    return "国内のみ"


def export(dialog: AssessmentDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(assessment_widgets, "choose_export_target", lambda *_a: (str(path), "ja"))
    dialog.export_button.click()
    wait(qtbot, dialog)
    assert path.exists(), dialog.message.text()


def import_file(dialog: AssessmentDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(assessment_widgets, "choose_answers_file", lambda _parent: str(path))
    dialog.import_button.click()
    wait(qtbot, dialog)


def test_sent_as_excel_answered_in_japanese_and_imported_the_answers_show_in_the_form(
    dialog: AssessmentDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answer(qtbot, dialog.cards["bp_policy_established"], "partial")  # unsaved: the export saves it first
    export(dialog, qtbot, monkeypatch, tmp_path / "sent.xlsx")
    assert stored_answers(dialog.register, dialog.assessment_id)["bp_policy_established"][0] == "partial"
    cells: dict[str, dict[str, object]] = {
        q.key: {"answer": in_japanese(q)} for q in dialog.form.questions if q.key != "bp_policy_established"
    }
    cells["hum_training"]["comment"] = "年1回の研修を実施"
    fill(tmp_path / "sent.xlsx", tmp_path / "returned.xlsx", cells)

    import_file(dialog, qtbot, monkeypatch, tmp_path / "returned.xlsx")

    box = dialog.import_box
    assert box.isVisible()
    changed = len(dialog.form.questions) - 1
    assert box.summary.text() == f"{changed} answers changed, 1 unchanged."
    assert box.lines.count() == changed
    assert box.lines.item(0).text().startswith("Changed: 1.2  ")
    shown = shown_answers(dialog)
    assert shown["bp_policy_established"] == "partial"
    assert shown["hum_staff_count"] == "12"
    assert shown["org_last_internal_audit"] == "2026-03-31"
    assert shown["tec_authentication"] == "mfa_all"
    assert shown["ext_countries"] == "国内のみ"
    assert dialog.cards["hum_training"].comment_text() == "年1回の研修を実施"
    assert shown == {k: v for k, (v, _c) in stored_answers(dialog.register, dialog.assessment_id).items()}
    assert not dialog.dirty
    assert dialog.score.points == stored_score(dialog.register, dialog.assessment_id).points
    assert "Passes" in dialog.score_panel.result.text()


def test_a_returned_file_with_bad_cells_lists_every_error_and_changes_nothing(
    dialog: AssessmentDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    answer(qtbot, dialog.cards["bp_policy_established"], "yes")
    export(dialog, qtbot, monkeypatch, tmp_path / "sent.xlsx")
    before = stored_answers(dialog.register, dialog.assessment_id)
    fill(
        tmp_path / "sent.xlsx",
        tmp_path / "returned.xlsx",
        {
            "bp_management_approval": {"answer": "たぶん"},
            "org_last_internal_audit": {"answer": "2025年13月45日"},
            "hum_confidentiality_pledge": {"answer": "はい"},
        },
    )

    import_file(dialog, qtbot, monkeypatch, tmp_path / "returned.xlsx")

    box = dialog.import_box
    assert box.isVisible()
    assert box.summary.text().startswith("Nothing was imported: 2 cells cannot be used.")
    lines = [box.lines.item(i).text() for i in range(box.lines.count())]
    assert len(lines) == 2
    assert lines[0].startswith("Sheet “回答”, row 3, column ")
    assert "たぶん" in lines[0]
    assert "2025年13月45日" in lines[1]
    assert all("row" in line and "column" in line for line in lines)
    assert stored_answers(dialog.register, dialog.assessment_id) == before
    assert dialog.cards["hum_confidentiality_pledge"].value() is None
    assert dialog.message.text() == "Nothing was imported from returned.xlsx."

    box.lines.itemClicked.emit(box.lines.item(0))  # a line names its question: the form goes there
    assert (
        dialog.cards["bp_management_approval"].answer_widget().isAncestorOf(dialog.focusWidget())
        or dialog.focusWidget() is dialog.cards["bp_management_approval"].answer_widget()
    )


def test_completing_freezes_the_result_and_the_window_becomes_read_only(
    dialog: AssessmentDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    for question in dialog.form.questions:
        answer(qtbot, dialog.cards[question.key], best(question))
    monkeypatch.setattr(assessment_widgets, "confirm_completion", lambda *_a: None)
    dialog.complete_button.click()
    assert not dialog.busy
    assert status(dialog) is AssessmentStatus.DRAFT

    asked: list[str] = []

    def confirm(_parent: object, summary: str) -> Completion:
        asked.append(summary)
        return Completion("佐藤 恵美", None)

    monkeypatch.setattr(assessment_widgets, "confirm_completion", confirm)
    dialog.complete_button.click()
    wait(qtbot, dialog)

    assert "Approved" in asked[0]
    view = assessments.assessments_of(
        dialog.register.unit_of_work(readonly=True), dialog.form.assessment.party_id
    )
    done = next(a for a in view if a.id == dialog.assessment_id)
    assert done.status is AssessmentStatus.COMPLETED
    assert done.result is AssessmentResult.APPROVED
    assert done.approver == "佐藤 恵美"
    assert done.score == round(dialog.score.points, 2)
    assert dialog.read_only
    assert not dialog.banner.isHidden()
    assert "Approved by 佐藤 恵美." in dialog.banner.text()
    for button in (dialog.save_button, dialog.complete_button, dialog.import_button):
        assert not button.isEnabled()
    assert dialog.export_button.isEnabled()
    for key, value in (("bp_policy_established", "no"), ("tec_authentication", "password_only")):
        card = dialog.cards[key]
        if card.radios is not None:  # a click on a read-only answer changes nothing
            QTest.mouseClick(card.radios.button(2), Qt.MouseButton.LeftButton)
        assert card.value() == best(card.question), value
        assert not card.clear.isVisible()
        assert card.comment.isReadOnly()
    assert dialog.cards["hum_staff_count"].line is not None
    assert dialog.cards["hum_staff_count"].line.isReadOnly()
    assert not dialog.dirty
    assert dialog.score_panel.heading.text() == "Result"


def test_closing_with_unsaved_answers_asks_first(
    dialog: AssessmentDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.show()
    answer(qtbot, dialog.cards["bp_policy_established"], "yes")
    monkeypatch.setattr(assessment_widgets, "ask_unsaved", lambda _p: QMessageBox.StandardButton.Cancel)
    assert not dialog.close()
    assert dialog.isVisible()
    assert dialog.dirty

    monkeypatch.setattr(assessment_widgets, "ask_unsaved", lambda _p: QMessageBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.assessment_changed, timeout=20_000):
        dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert stored_answers(dialog.register, dialog.assessment_id)["bp_policy_established"][0] == "yes"


def test_an_unsaved_answer_can_be_cleared_back_to_unanswered(dialog: AssessmentDialog, qtbot: QtBot) -> None:
    card = dialog.cards["bp_policy_established"]
    answer(qtbot, card, "no")
    assert dialog.dirty
    card.clear.click()
    assert card.value() is None
    assert not dialog.dirty
    date_card = dialog.cards["org_last_internal_audit"]
    answer(qtbot, date_card, "2026-01-15")
    assert date_card.value() == "2026-01-15"
    date_card.clear.click()
    assert date_card.value() is None


def test_saving_and_completing_on_each_backend(
    qtbot: QtBot, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    party = parties.create_party(register.unit_of_work(), PartyInput(name="株式会社カルミ物流"))
    dlg = AssessmentDialog(
        register,
        assessments.start_assessment(
            register.unit_of_work(), party.id, AssessmentKind.SELECTION, started_on=TODAY
        ).id,
        language="ja",
        today=TODAY,
    )
    qtbot.addWidget(dlg)
    dlg.show()
    for question in dlg.form.questions:
        answer(qtbot, dlg.cards[question.key], best(question))
    answer(qtbot, dlg.cards["phy_secure_disposal"], "partial")  # must pass: fails
    dlg.save_button.click()
    wait(qtbot, dlg)
    truth = stored_score(register, dlg.assessment_id)
    assert truth.failed_must_pass == ("phy_secure_disposal",)
    assert truth.points == dlg.score.points
    monkeypatch.setattr(assessment_widgets, "confirm_completion", lambda *_a: Completion(None, None))
    dlg.complete_button.click()
    wait(qtbot, dlg)
    assert status(dlg) is AssessmentStatus.COMPLETED
    assert dlg.form.assessment.result is AssessmentResult.REJECTED
    assert dlg.form.assessment.failed_must_pass
    assert dlg.read_only


def test_the_party_workspace_starts_and_reopens_assessments(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from calmi_vendors.domain.enums import AssessmentKind
    from calmi_vendors.ui.views import assessment_widgets as widgets
    from calmi_vendors.ui.views.assessment_dialog import AssessmentDialog

    monkeypatch.setattr(widgets, "ask_assessment_kind", lambda _parent: AssessmentKind.PERIODIC)
    window.open_party(5)
    workspace = window.workspaces[5]
    before = len(workspace.assessment_ids)
    workspace.new_assessment()
    assert len(workspace.assessment_ids) == before + 1
    opened = [w for w in workspace.findChildren(AssessmentDialog)]
    assert opened
    workspace.open_assessment(workspace.assessment_ids[-1])
    assert len(workspace.findChildren(AssessmentDialog)) == len(opened) + 1
    for dialog in workspace.findChildren(AssessmentDialog):
        dialog.close()
