"""A questionnaire sent to the party as .xlsx and answered back: checked cell by cell, stored all or none."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import sqlalchemy as sa

from calmi_vendors.domain.enums import AnswerType, AssessmentKind, AssessmentResult, AssessmentStatus
from calmi_vendors.errors import ValidationError
from calmi_vendors.services import assessments, parties
from calmi_vendors.services.assessment_exchange import (
    QuestionnaireFileError,
    export_questionnaire,
    import_answers,
)
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.store.models import Assessment, AssessmentAnswer, Question
from calmi_vendors.store.register import Register

TODAY = date(2026, 4, 1)
HEADERS_JA = {
    "id": "ID",
    "answer": "回答",
    "comment": "コメント",
    "evidence": "証跡（資料名・URL）",
    "type": "回答形式",
}


def _start(register: Register, name: str = "株式会社カルミ物流") -> int:
    uow = register.unit_of_work
    party = parties.create_party(uow(), PartyInput(name=name))
    return assessments.start_assessment(uow(), party.id, AssessmentKind.SELECTION, started_on=TODAY).id


@dataclass(frozen=True)
class Q:
    key: str
    answer_type: AnswerType
    must_pass: bool
    points: int  # the question's weight times its section's
    choices: list[dict[str, Any]]


def _questions(register: Register, assessment_id: int) -> list[Q]:
    with register.unit_of_work(readonly=True) as uow:
        a = uow.session.get(Assessment, assessment_id)
        assert a is not None
        return [
            Q(q.key, q.answer_type, q.must_pass, q.weight * s.weight, list(q.choices or []))
            for s in a.template.sections
            for q in s.questions
        ]


def _snapshot(register: Register, assessment_id: int) -> tuple[Any, list[tuple[int, str | None, str | None]]]:
    """The assessment as the register holds it: its view and every stored answer."""
    view = assessments.assessments_of(
        register.unit_of_work(readonly=True), _party_of(register, assessment_id)
    )
    with register.unit_of_work(readonly=True) as uow:
        answers = uow.session.execute(
            sa.select(AssessmentAnswer.question_id, AssessmentAnswer.value, AssessmentAnswer.comment)
            .where(AssessmentAnswer.assessment_id == assessment_id)
            .order_by(AssessmentAnswer.question_id)
        ).tuples()
        return view, list(answers)


def _party_of(register: Register, assessment_id: int) -> int:
    with register.unit_of_work(readonly=True) as uow:
        a = uow.session.get(Assessment, assessment_id)
        assert a is not None
        return a.party_id


def _stored(register: Register, assessment_id: int) -> dict[str, tuple[str | None, str | None]]:
    with register.unit_of_work(readonly=True) as uow:
        rows = uow.session.execute(
            sa.select(Question.key, AssessmentAnswer.value, AssessmentAnswer.comment)
            .join(Question, Question.id == AssessmentAnswer.question_id)
            .where(AssessmentAnswer.assessment_id == assessment_id)
        ).tuples()
        return {key: (value, comment) for key, value, comment in rows}


def fill(
    source: Path, target: Path, cells: Mapping[str, Mapping[str, object]], *, sheet: str = "回答"
) -> None:
    """Fill answers as a party does in Excel: by question, in the answer, comment and evidence cells."""
    book = openpyxl.load_workbook(source)
    ws = book[sheet]
    header = {str(c.value): c.column for c in ws[1]}
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    for key, values in cells.items():
        for role, value in values.items():
            ws.cell(rows[key], header[HEADERS_JA[role]] if sheet == "回答" else header[role]).value = value
    book.save(target)


def best_answers(questions: list[Q]) -> dict[str, dict[str, object]]:
    """The answers that earn every point, typed the way a Japanese party would."""
    answers: dict[str, dict[str, object]] = {}
    for q in questions:
        if q.answer_type is AnswerType.YES_NO_PARTIAL:
            value: object = "はい"
        elif q.answer_type is AnswerType.CHOICE:
            value = max(q.choices, key=lambda c: float(c["score"]))["label_ja"]
        elif q.answer_type is AnswerType.NUMBER:
            value = "１２"
        elif q.answer_type is AnswerType.DATE:
            value = "令和7年3月31日"
        else:
            value = "国内のみ"
        answers[q.key] = {"answer": value}
    return answers


def test_filled_in_japanese_the_answers_and_score_come_back(register: Register, tmp_path: Path) -> None:
    aid = _start(register)
    questions = _questions(register, aid)
    exported = export_questionnaire(register.unit_of_work(readonly=True), aid, tmp_path / "q.xlsx", "ja")
    assert exported.questions == len(questions)
    answers = best_answers(questions)
    partial = next(q for q in questions if q.answer_type is AnswerType.YES_NO_PARTIAL and not q.must_pass)
    answers[partial.key] = {"answer": "一部", "comment": "年1回の見直しは未実施", "evidence": "規程集 第3版"}
    fill(exported.path, tmp_path / "filled.xlsx", answers)

    report = import_answers(register.unit_of_work(), aid, tmp_path / "filled.xlsx")

    assert report.applied, [e.message for e in report.errors]
    assert len(report.changed) == len(questions)
    assert report.unanswered == ()
    stored = _stored(register, aid)
    assert stored[partial.key] == ("partial", "年1回の見直しは未実施\n証跡 / Evidence: 規程集 第3版")
    by_type = {q.answer_type: stored[q.key][0] for q in questions}
    assert by_type[AnswerType.NUMBER] == "12"
    assert by_type[AnswerType.DATE] == "2025-03-31"
    assert by_type[AnswerType.YES_NO_PARTIAL] == "yes"
    choice = next(q for q in questions if q.answer_type is AnswerType.CHOICE)
    assert stored[choice.key][0] == max(choice.choices, key=lambda c: float(c["score"]))["value"]
    full = sum(q.points for q in questions)
    assert report.max_score == full
    assert report.score == full - partial.points * 0.5
    completed = assessments.complete_assessment(register.unit_of_work(), aid, completed_on=TODAY)
    assert (completed.score, completed.max_score) == (report.score, report.max_score)
    assert completed.result is report.result is AssessmentResult.APPROVED
    # Exported again, the file shows what the party said, in its own words.
    again = export_questionnaire(register.unit_of_work(readonly=True), aid, tmp_path / "again.xlsx", "ja")
    ws = openpyxl.load_workbook(again.path)["回答"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == partial.key)
    assert [ws.cell(row, c).value for c in (9, 10, 11)] == ["一部", "年1回の見直しは未実施", "規程集 第3版"]


def test_a_must_pass_answer_other_than_yes_fails_the_assessment(register: Register, tmp_path: Path) -> None:
    aid = _start(register)
    questions = _questions(register, aid)
    exported = export_questionnaire(register.unit_of_work(readonly=True), aid, tmp_path / "q.xlsx", "en")
    must = next(q for q in questions if q.must_pass)
    answers = {q.key: {"Answer": "Yes"} for q in questions if q.answer_type is AnswerType.YES_NO_PARTIAL}
    answers[must.key] = {"Answer": "No"}
    fill(exported.path, tmp_path / "filled.xlsx", answers, sheet="Answers")
    report = import_answers(register.unit_of_work(), aid, tmp_path / "filled.xlsx")
    assert report.applied
    assert report.failed_must_pass == (must.key,)
    assert report.result is AssessmentResult.REJECTED
    assert len(report.unanswered) == sum(
        1 for q in questions if q.answer_type is not AnswerType.YES_NO_PARTIAL
    )


def test_a_file_saved_by_another_program_is_read(register: Register, tmp_path: Path) -> None:
    """The party's spreadsheet program writes the workbook anew (XlsxWriter here: its own XML, shared
    strings, styles); hidden sheet and column survive, dates and numbers become real cells."""
    xlsxwriter = pytest.importorskip("xlsxwriter")
    aid = _start(register)
    questions = _questions(register, aid)
    exported = export_questionnaire(register.unit_of_work(readonly=True), aid, tmp_path / "q.xlsx", "en")
    source = openpyxl.load_workbook(exported.path)
    kinds = {q.key: q for q in questions}
    target = tmp_path / "resaved.xlsx"
    out = xlsxwriter.Workbook(str(target))
    date_format = out.add_format({"num_format": "yyyy/mm/dd"})
    for ws in source.worksheets:
        sheet = out.add_worksheet(ws.title)
        if ws.sheet_state == "hidden":
            sheet.hide()
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                key = ws.cell(cell.row, 1).value if ws.title == "Answers" else None
                if key in kinds and cell.column == 9:
                    value = {
                        AnswerType.YES_NO_PARTIAL: "Partial",
                        AnswerType.CHOICE: kinds[key].choices[0]["label_en"] if kinds[key].choices else None,
                        AnswerType.NUMBER: 3,
                        AnswerType.DATE: datetime(2026, 1, 15),
                        AnswerType.TEXT: "Japan only",
                    }[kinds[key].answer_type]
                if isinstance(value, datetime):
                    sheet.write_datetime(cell.row - 1, cell.column - 1, value, date_format)
                elif isinstance(value, str):
                    sheet.write_string(cell.row - 1, cell.column - 1, value)
                elif value is not None:
                    sheet.write(cell.row - 1, cell.column - 1, value)
        if ws.title == "Answers":
            sheet.set_column(0, 0, None, None, {"hidden": True})
    out.close()

    report = import_answers(register.unit_of_work(), aid, target)

    assert report.applied, [e.message for e in report.errors]
    stored = _stored(register, aid)
    for q in questions:
        expected = {
            AnswerType.YES_NO_PARTIAL: "partial",
            AnswerType.NUMBER: "3",
            AnswerType.DATE: "2026-01-15",
            AnswerType.TEXT: "Japan only",
        }.get(q.answer_type, q.choices[0]["value"] if q.choices else None)
        assert stored[q.key][0] == expected, q.key


def _broken_file(register: Register, aid: int, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A file with one of each mistake; returns it and the row of each question."""
    questions = _questions(register, aid)
    exported = export_questionnaire(register.unit_of_work(readonly=True), aid, tmp_path / "q.xlsx", "ja")
    answers = best_answers(questions)
    first = {t: next(q.key for q in questions if q.answer_type is t) for t in AnswerType}
    ynp = [q.key for q in questions if q.answer_type is AnswerType.YES_NO_PARTIAL]
    answers[first[AnswerType.YES_NO_PARTIAL]] = {"answer": "たぶん"}
    answers[first[AnswerType.NUMBER]] = {"answer": -3}
    answers[first[AnswerType.DATE]] = {"answer": "2026-02-30"}
    answers[first[AnswerType.CHOICE]] = {"answer": "生体認証"}
    answers[ynp[1]] = {"answer": "=1/0"}  # Excel shows #DIV/0!; openpyxl stores the formula unevaluated
    fill(exported.path, tmp_path / "filled.xlsx", answers)
    book = openpyxl.load_workbook(tmp_path / "filled.xlsx")
    ws = book["回答"]
    rows = {str(ws.cell(r, 1).value): r for r in range(2, ws.max_row + 1)}
    ws.cell(rows[ynp[3]], 1).value = ynp[2]  # the ID of another question: a duplicate
    ws.delete_rows(rows[ynp[4]])  # a deleted question
    ws.cell(ws.max_row + 1, 9).value = "はい"  # an added row with no question
    book.save(tmp_path / "broken.xlsx")
    names = {"formula": ynp[1], "duplicate": ynp[2], "overwritten": ynp[3], "deleted": ynp[4]}
    return tmp_path / "broken.xlsx", {**{t.value: k for t, k in first.items()}, **names}


def test_every_unusable_cell_is_reported_and_nothing_is_stored(register: Register, tmp_path: Path) -> None:
    aid = _start(register)
    assessments.record_answers(register.unit_of_work(), aid, {"bp_policy_established": "no"})
    path, keys = _broken_file(register, aid, tmp_path)
    before = _snapshot(register, aid)

    report = import_answers(register.unit_of_work(), aid, path)

    assert not report.applied
    assert _snapshot(register, aid) == before
    by_question = {e.field: e for e in report.errors}
    messages = [e.message for e in report.errors]
    assert len(report.errors) == 9, messages
    for kind, where in (
        (AnswerType.YES_NO_PARTIAL, "'たぶん' is not an allowed answer"),
        (AnswerType.NUMBER, "out of range"),
        (AnswerType.DATE, "2026-02-30 is not a calendar date"),
        (AnswerType.CHOICE, "'生体認証' is not one of the choices"),
    ):
        error = by_question[keys[kind.value]]
        assert error.message.startswith(f"Sheet '回答', row {error.row}, column I (回答): "), error.message
        assert where in error.message
    assert "formula saved without its result" in by_question[keys["formula"]].message
    duplicate = by_question[keys["duplicate"]]
    assert duplicate.kind == "duplicate_question"
    assert duplicate.column == "A"
    assert "appears twice" in duplicate.message
    for gone in ("overwritten", "deleted"):
        assert by_question[keys[gone]].kind == "missing_question"
        assert "is missing: its row was deleted or its ID changed" in by_question[keys[gone]].message
    added = next(e for e in report.errors if e.kind == "unknown_question")
    assert added.message.startswith(f"Sheet '回答', row {added.row}, column I (回答): ")


def test_a_file_for_another_assessment_is_refused(register: Register, tmp_path: Path) -> None:
    mine, other = _start(register), _start(register, "有限会社べつ")
    exported = export_questionnaire(register.unit_of_work(readonly=True), mine, tmp_path / "q.xlsx", "ja")
    fill(exported.path, tmp_path / "filled.xlsx", best_answers(_questions(register, mine)))
    before = _snapshot(register, other), _snapshot(register, mine)
    with pytest.raises(QuestionnaireFileError, match=f"assessment #{mine}, not of assessment #{other}"):
        import_answers(register.unit_of_work(), other, tmp_path / "filled.xlsx")
    assert (_snapshot(register, other), _snapshot(register, mine)) == before


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        ("B4", 2, "answered on questionnaire 'entrustee_security' version 2"),
        ("B6", "0" * 20, "hidden identification does not match"),
        ("A1", "format", "was changed or comes from another program"),
    ],
)
def test_a_tampered_file_is_refused(
    register: Register, tmp_path: Path, cell: str, value: object, message: str
) -> None:
    aid = _start(register)
    exported = export_questionnaire(register.unit_of_work(readonly=True), aid, tmp_path / "q.xlsx", "ja")
    fill(exported.path, tmp_path / "filled.xlsx", best_answers(_questions(register, aid)))
    book = openpyxl.load_workbook(tmp_path / "filled.xlsx")
    if cell == "A1":
        book["_calmi"]["B1"] = "other-format/9"
    else:
        book["_calmi"][cell] = value
    book.save(tmp_path / "tampered.xlsx")
    before = _snapshot(register, aid)
    with pytest.raises(Exception, match=message) as caught:
        import_answers(register.unit_of_work(), aid, tmp_path / "tampered.xlsx")
    assert caught.value.__class__.__name__ in ("QuestionnaireFileError", "SpreadsheetError")
    assert _snapshot(register, aid) == before


def test_answers_changed_in_the_app_after_export_are_never_lost(register: Register, tmp_path: Path) -> None:
    aid = _start(register)
    uow = register.unit_of_work
    assessments.record_answers(uow(), aid, {"bp_policy_established": "yes", "bp_management_approval": "no"})
    exported = export_questionnaire(uow(readonly=True), aid, tmp_path / "q.xlsx", "ja")
    # After the export the office corrects two answers in the app.
    assessments.record_answers(
        uow(), aid, {"bp_policy_established": "partial", "bp_management_approval": "yes"}
    )
    # The party returns both as they were exported: the register's newer answers stay.
    fill(exported.path, tmp_path / "kept.xlsx", {"bp_staff_awareness": {"answer": "はい"}})
    report = import_answers(uow(), aid, tmp_path / "kept.xlsx")
    assert report.applied
    assert report.kept == ("bp_policy_established", "bp_management_approval")
    assert report.changed == ("bp_staff_awareness",)
    stored = _stored(register, aid)
    assert [stored[k][0] for k in ("bp_policy_established", "bp_management_approval")] == ["partial", "yes"]
    fill(exported.path, tmp_path / "clash.xlsx", {"bp_management_approval": {"answer": "一部"}})
    before = _snapshot(register, aid)
    report = import_answers(uow(), aid, tmp_path / "clash.xlsx")
    assert not report.applied
    (error,) = report.errors
    assert error.kind == "changed_since_export"
    assert "changed in the register after this file was exported (it is now 'yes')" in error.message
    assert _snapshot(register, aid) == before
    # The party changed it too: the user settles it (here by agreeing with the register).
    fill(exported.path, tmp_path / "settled.xlsx", {"bp_management_approval": {"answer": "はい"}})
    assert import_answers(uow(), aid, tmp_path / "settled.xlsx").applied
    # A blank cell never erases an answer.
    fill(exported.path, tmp_path / "blank.xlsx", {"bp_management_approval": {"answer": None}})
    report = import_answers(uow(), aid, tmp_path / "blank.xlsx")
    assert report.applied
    assert _stored(register, aid)["bp_management_approval"][0] == "yes"


def test_a_completed_assessment_takes_no_more_answers(register: Register, tmp_path: Path) -> None:
    aid = _start(register)
    exported = export_questionnaire(register.unit_of_work(readonly=True), aid, tmp_path / "q.xlsx", "ja")
    assessments.complete_assessment(register.unit_of_work(), aid, completed_on=TODAY)
    with pytest.raises(ValidationError, match="is completed; its answers can no longer change"):
        import_answers(register.unit_of_work(), aid, exported.path)


def test_importing_moves_a_draft_to_review(register: Register, tmp_path: Path) -> None:
    aid = _start(register)
    exported = export_questionnaire(register.unit_of_work(readonly=True), aid, tmp_path / "q.xlsx", "en")
    report = import_answers(register.unit_of_work(), aid, exported.path)  # returned untouched
    assert report.applied
    assert report.changed == ()
    assert assessments.assessments_of(register.unit_of_work(readonly=True), _party_of(register, aid))[
        0
    ].status is (AssessmentStatus.DRAFT)
    fill(exported.path, tmp_path / "one.xlsx", {"bp_policy_established": {"Answer": "yes"}}, sheet="Answers")
    assert import_answers(register.unit_of_work(), aid, tmp_path / "one.xlsx").changed == (
        "bp_policy_established",
    )
    view = assessments.assessments_of(register.unit_of_work(readonly=True), _party_of(register, aid))[0]
    assert view.status is AssessmentStatus.IN_REVIEW
