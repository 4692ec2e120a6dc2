"""The program review page: start a year's review, its figures, conclusions, actions, refresh and print."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_support import TODAY

from calmi_vendors.domain.enums import ActionStatus
from calmi_vendors.errors import ValidationError
from calmi_vendors.services import program_review as pr
from calmi_vendors.services.program_review import ProgramMetrics, ReviewActionView
from calmi_vendors.store.register import Register
from calmi_vendors.ui.tasks import TaskRunner
from calmi_vendors.ui.views import program_review_dialogs as dialogs
from calmi_vendors.ui.views.program_review_dialogs import (
    ActionDialog,
    ActionInput,
    NewReview,
    StartReviewDialog,
)
from calmi_vendors.ui.views.program_review_view import ProgramReviewPage

OpenPage = Callable[[], ProgramReviewPage]
FY = 2025  # TODAY (1 April 2026) is the first day of fiscal year 2026: 2025 has just ended


def _idle(qtbot: QtBot, page: ProgramReviewPage) -> None:
    qtbot.waitUntil(lambda: not page.busy and not page.tasks.busy, timeout=30_000)


@pytest.fixture
def open_page(qtbot: QtBot, demo_register: Register) -> Iterator[OpenPage]:
    """The page on the demo register, built once the test has stored what it needs (call `open_page()`)."""
    pages: list[ProgramReviewPage] = []

    def build() -> ProgramReviewPage:
        page = ProgramReviewPage(demo_register, TaskRunner(), "en", TODAY)
        qtbot.addWidget(page)
        page.resize(1110, 740)
        page.show()
        _idle(qtbot, page)
        pages.append(page)
        return page

    yield build
    for page in pages:
        page.tasks.wait()


def _start(register: Register, year: int = FY, on: date = TODAY) -> None:
    pr.start_review(register.unit_of_work(), year, on, "山田 太郎")


def _expected(m: ProgramMetrics) -> dict[str, str]:
    """Every figure the page shows, taken straight from the metrics."""
    numbers: dict[str, int] = {
        "parties_total": m.parties_total,
        "supervised": m.supervised,
        "audits_due": m.audits_due,
        "audits_done": m.audits_done,
        "audits_outstanding": m.audits_outstanding,
        "audits_overdue": m.audits_overdue,
        "audits_planned": m.audits_planned,
        "parties_audited": m.parties_audited,
        "clause_gaps": m.clause_gaps,
        "contracts_with_gaps": m.contracts_with_gaps,
        "parties_with_gaps": m.parties_with_gaps,
        "assessments_done": m.assessments_done,
        "selection_assessments": m.selection_assessments,
        "periodic_assessments": m.periodic_assessments,
        "assessments_rejected": m.assessments_rejected,
        "reentrustees": m.reentrustees,
        "reentrustees_approved": m.reentrustees_approved,
    }
    numbers |= {f"tier:{tier.value if tier else 'none'}": n for tier, n in m.parties_by_tier}
    numbers |= {f"status:{status.value}": n for status, n in m.parties_by_status}
    numbers |= {f"method:{method.value}": n for method, n in m.audits_by_method}
    for row in m.findings:
        for field in ("raised", "closed", "open", "overdue"):
            numbers[f"findings:{row.severity.value}:{field}"] = getattr(row, field)
    for field in ("raised", "closed", "open", "overdue"):
        numbers[f"findings:total:{field}"] = m.total(field)
    return {key: f"{n:,}" for key, n in numbers.items()}


def _cell(page: ProgramReviewPage, row: int, column: int) -> str:
    item = page.actions_table.item(row, column)
    assert item is not None
    return item.text()


def _shown(page: ProgramReviewPage) -> dict[str, str]:
    return {key: label.text() for key, label in page.figures.values.items()}


def test_starting_the_review_of_a_year_shows_the_registers_figures_for_it(
    open_page: OpenPage, qtbot: QtBot, demo_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page()
    assert page.body.currentIndex() == 0  # nothing reviewed yet: the page says how to start
    assert "FY 2026" in page.start_button.text()
    offered: list[list[int]] = []

    def choose(_parent: object, years: list[int], today: date, reviewer: str) -> NewReview:
        offered.append(list(years))
        assert today == TODAY
        assert reviewer == demo_register.actor
        return NewReview(FY, TODAY, "山田 太郎")

    monkeypatch.setattr(dialogs, "ask_new_review", choose)
    with qtbot.waitSignal(page.progressed, timeout=10_000) as progressed:
        page.start_button.click()  # the figures are taken off the GUI thread, with progress
    assert progressed.args == [0, 0, "Taking the register's figures for FY 2025…"]
    _idle(qtbot, page)

    assert offered == [[2026, 2025]]  # the current year, and the one just ended
    stored = pr.get_review(demo_register.unit_of_work(readonly=True), FY)
    assert stored.reviewer == "山田 太郎"
    assert stored.review_date == TODAY
    assert page.shown_year == FY
    assert page.body.currentIndex() == 1
    assert page.years.currentItem().text() == "FY 2025 · in progress"
    assert "FY 2025" in page.title.text()
    assert "31 Mar 2026" in page.title.text()
    expected = _expected(pr.program_metrics(demo_register.unit_of_work(readonly=True), FY, TODAY))
    assert _shown(page) == expected
    assert int(expected["audits_due"]) > 0
    assert int(expected["findings:total:raised"]) > 0
    m = stored.metrics
    assert m is not None
    assert f"{m.audits_done} of {m.audits_due}" in page.figures.audit_bar.text()
    assert page.reviewer.text() == "山田 太郎"
    assert not page.dirty
    # FY 2025 is reviewed now; FY 2026 still is not.
    assert page.start_button.text() == "Start the review of FY 2026…"


def test_conclusions_edited_and_saved_are_stored(
    open_page: OpenPage, qtbot: QtBot, demo_register: Register
) -> None:
    _start(demo_register)
    page = open_page()
    assert not page.save_button.isEnabled()
    conclusions = "委託先管理は有効に機能している。\n再委託先の確認を強化する。"
    page.conclusions.setPlainText(conclusions)
    page.findings.setPlainText("監査の実施率は計画を下回った。")
    page.approved_by.setText("鈴木 一郎")
    assert page.dirty
    assert page.save_button.isEnabled()
    assert page.edits().keys() == {"conclusions", "findings", "approved_by"}
    page.save_button.click()
    _idle(qtbot, page)
    stored = pr.get_review(demo_register.unit_of_work(readonly=True), FY)
    assert stored.conclusions == conclusions
    assert stored.findings == "監査の実施率は計画を下回った。"
    assert stored.approved_by == "鈴木 一郎"
    assert stored.reviewer == "山田 太郎"  # untouched fields keep their value
    assert not page.dirty
    assert not page.save_button.isEnabled()
    assert page.message.text() == "Saved."
    assert page.years.currentItem().text() == "FY 2025 · approved"
    assert "Approved by 鈴木 一郎" in page.state.text()


def test_a_refused_save_shows_the_services_message_and_keeps_the_edits(
    open_page: OpenPage, qtbot: QtBot, demo_register: Register
) -> None:
    _start(demo_register)
    page = open_page()
    page.reviewer.setText("  ")
    page.conclusions.setPlainText("結論")
    page.save_button.click()
    _idle(qtbot, page)
    assert page.message.text() == "A program review needs the name of its reviewer."
    assert page.dirty
    assert page.conclusions.toPlainText() == "結論"
    assert pr.get_review(demo_register.unit_of_work(readonly=True), FY).conclusions is None


def test_unsaved_edits_are_kept_dropped_or_saved_before_another_year_is_shown(
    open_page: OpenPage, qtbot: QtBot, demo_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    _start(demo_register, 2024, date(2025, 5, 1))
    _start(demo_register)
    page = open_page()
    assert page.shown_year == FY  # the latest first
    answers = iter(
        [
            QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Save,
        ]
    )
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda _parent: next(answers))

    page.conclusions.setPlainText("まだ保存しない")
    page.years.setCurrentRow(page._row_of(2024))  # Cancel: stay, edit kept
    assert page.shown_year == FY
    assert page.conclusions.toPlainText() == "まだ保存しない"
    assert page.years.currentItem().text().startswith("FY 2025")

    page.years.setCurrentRow(page._row_of(2024))  # Discard: go, nothing stored
    assert page.shown_year == 2024
    assert pr.get_review(demo_register.unit_of_work(readonly=True), FY).conclusions is None

    page.conclusions.setPlainText("2024年度の結論")
    page.years.setCurrentRow(page._row_of(FY))  # Save: stored, then the other year is shown
    _idle(qtbot, page)
    assert pr.get_review(demo_register.unit_of_work(readonly=True), 2024).conclusions == "2024年度の結論"
    assert page.shown_year == FY
    assert page.conclusions.toPlainText() == ""


def test_an_action_added_and_then_done_is_stored_and_shown_in_words(
    open_page: OpenPage, qtbot: QtBot, demo_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    _start(demo_register)
    page = open_page()
    assert not page.edit_action_button.isEnabled()
    due = date(2026, 3, 31)  # already past on TODAY
    monkeypatch.setattr(
        dialogs,
        "ask_action",
        lambda _parent, action, _today: ActionInput(
            "再委託先の承認記録を確認する", "個人情報保護室", due, ActionStatus.OPEN
        ),
    )
    page.add_action_button.click()
    _idle(qtbot, page)
    (action,) = pr.get_review(demo_register.unit_of_work(readonly=True), FY).actions
    assert (action.description, action.owner, action.due_on, action.status) == (
        "再委託先の承認記録を確認する",
        "個人情報保護室",
        due,
        ActionStatus.OPEN,
    )
    row = [_cell(page, 0, c) for c in range(4)]
    assert row == ["再委託先の承認記録を確認する", "個人情報保護室", "31 Mar 2026", "Open, overdue"]

    edited: list[ReviewActionView | None] = []

    def mark_done(_parent: object, current: ReviewActionView | None, _today: date) -> ActionInput:
        edited.append(current)
        return ActionInput("再委託先の承認記録を確認する", "個人情報保護室", due, ActionStatus.DONE)

    monkeypatch.setattr(dialogs, "ask_action", mark_done)
    page.actions_table.selectRow(0)
    assert page.edit_action_button.isEnabled()
    page.edit_action_button.click()
    _idle(qtbot, page)
    assert edited == [action]
    (stored,) = pr.get_review(demo_register.unit_of_work(readonly=True), FY).actions
    assert stored.status is ActionStatus.DONE
    assert _cell(page, 0, 3) == "Done"
    assert page.message.text() == "Action saved."


def test_refresh_takes_the_figures_again_until_the_review_is_approved(
    open_page: OpenPage, qtbot: QtBot, demo_register: Register
) -> None:
    _start(demo_register, FY, date(2025, 10, 1))
    page = open_page()
    assert "1 Oct 2025" in page.state.text()
    page.conclusions.setPlainText("未保存の結論")
    page.refresh_button.click()
    _idle(qtbot, page)
    stored = pr.get_review(demo_register.unit_of_work(readonly=True), FY)
    assert stored.metrics is not None
    assert stored.metrics.as_of == TODAY
    assert _shown(page) == _expected(pr.program_metrics(demo_register.unit_of_work(readonly=True), FY, TODAY))
    assert page.conclusions.toPlainText() == "未保存の結論"  # unsaved edits survive a refresh
    assert "1 Apr 2026" in page.state.text()

    pr.update_review(demo_register.unit_of_work(), FY, approved_by="鈴木 一郎")
    page.reload()
    _idle(qtbot, page)
    assert "Approved by 鈴木 一郎" in page.state.text()
    assert page.conclusions.toPlainText() == "未保存の結論"  # a reload keeps unsaved edits too
    assert page.approved_by.text() == "鈴木 一郎"  # while the fields not edited show what is stored
    assert page.edits() == {"conclusions": "未保存の結論"}
    with pytest.raises(ValidationError) as refused:
        pr.refresh_metrics(demo_register.unit_of_work(), FY, date(2026, 4, 2))
    page.today = date(2026, 4, 2)
    page.refresh_button.click()
    _idle(qtbot, page)
    assert page.message.text() == str(refused.value)
    assert "approved by 鈴木 一郎" in page.message.text()
    still = pr.get_review(demo_register.unit_of_work(readonly=True), FY)
    assert still.metrics is not None
    assert still.metrics.as_of == TODAY


def test_print_asks_reports_for_the_shown_year_after_saving_edits(
    open_page: OpenPage, qtbot: QtBot, demo_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    _start(demo_register)
    page = open_page()
    with qtbot.waitSignal(page.report_requested, timeout=5_000) as requested:
        page.print_button.click()
    assert requested.args == [FY]

    monkeypatch.setattr(dialogs, "ask_unsaved", lambda _parent: QMessageBox.StandardButton.Save)
    page.conclusions.setPlainText("印刷前に保存する")
    with qtbot.waitSignal(page.report_requested, timeout=30_000) as requested:
        page.print_button.click()
    assert requested.args == [FY]
    assert pr.get_review(demo_register.unit_of_work(readonly=True), FY).conclusions == "印刷前に保存する"


def test_closing_with_unsaved_edits_saves_them_at_once_or_stays(
    open_page: OpenPage, demo_register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    _start(demo_register)
    page = open_page()
    page.approved_by.setText("鈴木 一郎")
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda _parent: QMessageBox.StandardButton.Cancel)
    assert page.confirm_leave() is False
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda _parent: QMessageBox.StandardButton.Save)
    assert page.confirm_leave() is True
    assert pr.get_review(demo_register.unit_of_work(readonly=True), FY).approved_by == "鈴木 一郎"
    assert not page.dirty


def test_the_start_dialog_needs_a_reviewer_and_a_date_inside_the_year(qtbot: QtBot) -> None:
    dialog = StartReviewDialog([2026, 2025], TODAY, "", None)
    qtbot.addWidget(dialog)
    assert dialog.review_date.minimumDate() == QDate(2026, 4, 1)
    dialog.year.setCurrentIndex(1)
    assert dialog.review_date.minimumDate() == QDate(2025, 4, 1)
    dialog._accept()
    assert dialog.result() == 0
    assert dialog.error.text()
    dialog.reviewer.setText(" 山田 太郎 ")
    dialog._accept()
    assert dialog.result() == 1
    assert dialog.chosen() == NewReview(2025, TODAY, "山田 太郎")


def test_the_action_dialog_needs_a_description_and_starts_new_actions_open(qtbot: QtBot) -> None:
    dialog = ActionDialog(None, TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.status.isEnabled()
    assert not dialog.due.isEnabled()
    dialog._accept()
    assert dialog.result() == 0
    assert dialog.error.text()
    dialog.description.setPlainText("規程を改定する")
    dialog._accept()
    assert dialog.chosen() == ActionInput("規程を改定する", None, None, ActionStatus.OPEN)
    existing = ReviewActionView(7, 1, "規程を改定する", "法務部", date(2026, 9, 30), ActionStatus.OPEN)
    edit = ActionDialog(existing, TODAY)
    qtbot.addWidget(edit)
    assert edit.status.isEnabled()
    assert edit.has_due.isChecked()
    assert edit.chosen() == ActionInput("規程を改定する", "法務部", date(2026, 9, 30), ActionStatus.OPEN)
