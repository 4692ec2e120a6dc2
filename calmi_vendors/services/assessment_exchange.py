"""Send an assessment's questionnaire to the party as .xlsx and import its answers back, validated.

The import is all or nothing: when any cell cannot be used, no answer is stored and the report lists
every problem by sheet, row and column, so the user corrects the file and imports it again. Applying
the valid part would leave an assessment half from the file and half from before, which nobody asked
for. Nothing already in the register is erased: a blank cell keeps the register's answer, and an
answer changed in the register after the export is never overwritten silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import selectinload

from calmi_vendors.domain.enums import AssessmentResult, AssessmentStatus
from calmi_vendors.errors import NotFoundError, ValidationError
from calmi_vendors.services.assessments import score_of
from calmi_vendors.spreadsheets import questionnaire_book as qb
from calmi_vendors.spreadsheets.cells import Cell, is_blank
from calmi_vendors.spreadsheets.errors import RowError as RowError
from calmi_vendors.spreadsheets.errors import SpreadsheetError
from calmi_vendors.spreadsheets.fields import CellProblem, as_notes
from calmi_vendors.spreadsheets.questionnaire_answers import (
    answer_text,
    join_comment,
    read_answer,
    split_comment,
)
from calmi_vendors.spreadsheets.questionnaire_labels import FIRST_ROW
from calmi_vendors.spreadsheets.questionnaire_read import read_questionnaire_book
from calmi_vendors.store.base import utcnow
from calmi_vendors.store.models import Assessment, AssessmentAnswer, Question
from calmi_vendors.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class ExportedQuestionnaire:
    path: Path
    assessment_id: int
    language: str
    questions: int
    answered: int


@dataclass(frozen=True, slots=True)
class AnswerImportReport:
    """What an import found and did; `applied` is False whenever `errors` is not empty."""

    assessment_id: int
    file_name: str
    applied: bool
    errors: tuple[RowError, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: int = 0
    kept: tuple[str, ...] = ()
    unanswered: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    score: float | None = None
    max_score: float | None = None
    result: AssessmentResult | None = None
    failed_must_pass: tuple[str, ...] = ()


class QuestionnaireFileError(SpreadsheetError):
    """The file is not the questionnaire of this assessment and version; nothing was imported."""


def _numbered(a: Assessment) -> list[tuple[str, Question]]:
    return [
        (f"{i}.{j}", q)
        for i, s in enumerate(a.template.sections, start=1)
        for j, q in enumerate(s.questions, start=1)
    ]


def _checksum(a: Assessment, assessment_id: int) -> str:
    shape = [
        (q.key, q.answer_type.value, [str(c["value"]) for c in q.choices or []]) for _n, q in _numbered(a)
    ]
    return qb.checksum(assessment_id, a.template.key, a.template.version, shape)


def export_questionnaire(
    uow: UnitOfWork,
    assessment_id: int,
    path: Path,
    language: str = "ja",
    *,
    due_on: date | None = None,
    today: date | None = None,
) -> ExportedQuestionnaire:
    """Write the assessment's questionnaire, with the answers it already has, for the party to fill in."""
    with uow:
        a = _load(uow, assessment_id)
        ja = language == "ja"
        sections = {s.id: s for s in a.template.sections}
        stored = {ans.question_id: ans for ans in a.answers}
        questions = []
        for number, q in _numbered(a):
            answer = stored.get(q.id)
            comment, evidence = split_comment(answer.comment if answer else None)
            questions.append(
                qb.BookQuestion(
                    key=q.key,
                    number=number,
                    section=sections[q.section_id].title_ja if ja else sections[q.section_id].title_en,
                    text=q.text_ja if ja else q.text_en,
                    guidance=q.guidance_ja if ja else q.guidance_en,
                    answer_type=q.answer_type,
                    must_pass=q.must_pass,
                    evidence_required=q.evidence_required,
                    choices=tuple(
                        qb.ChoiceOption(str(c["value"]), str(c["label_en"]), str(c["label_ja"]))
                        for c in q.choices or []
                    ),
                    answer=answer.value if answer else None,
                    comment=comment,
                    evidence=evidence,
                    stored_comment=answer.comment if answer else None,
                )
            )
        cover = qb.BookCover(
            assessment_id=a.id,
            party_name=a.party.name,
            corporate_number=a.party.corporate_number,
            template_key=a.template.key,
            template_version=a.template.version,
            questionnaire_name=a.template.name_ja if ja else a.template.name_en,
            checksum=_checksum(a, a.id),
            due_on=due_on,
            issued_on=today or date.today(),
        )
    qb.write_questionnaire_book(Path(path), cover, questions, language)
    answered = sum(1 for q in questions if q.answer is not None)
    return ExportedQuestionnaire(Path(path), assessment_id, language, len(questions), answered)


def _same(a: str | None, b: str | None) -> bool:
    """Equal once cleaned as the file's cells are (stored text may differ in spaces only)."""
    return (as_notes(a) if a else None) == (as_notes(b) if b else None)


_KEEP = object()
_CONFLICT = object()


def _merge(incoming: str | None, current: str | None, exported: str | None, has_exported: bool) -> object:
    """The value to store, _KEEP (the register's stays) or _CONFLICT (both sides changed it)."""
    if incoming is None or _same(incoming, current):
        return _KEEP  # a blank cell never erases; an equal one changes nothing
    if has_exported and not _same(current, exported):
        # The register changed since the export: a cell left as exported keeps the register's newer
        # answer; a cell the party changed too is a conflict the user settles.
        return _KEEP if _same(incoming, exported) else _CONFLICT
    return incoming


@dataclass
class _Check:
    """The rows of a returned questionnaire checked against the assessment's questions."""

    book: qb.FilledBook
    questions: dict[str, tuple[str, Question]]
    stored: dict[int, AssessmentAnswer]
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    updates: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    unchanged: int = 0

    def error(self, row: int, role: str, value: object, kind: str, reason: str, key: str | None) -> None:
        column = self.book.columns.get(role, self.book.columns["id"])
        header = self.book.headers.get(role, "")
        self.errors.append(RowError(self.book.sheet, row, column, header, value, reason, kind, key))

    def run(self) -> None:
        seen: dict[str, int] = {}
        for row in self.book.rows:
            key = row.key
            if key is None or key not in self.questions:
                if key is not None or not all(is_blank(c) for c in (row.answer, row.comment, row.evidence)):
                    reason = (
                        "this row is not a question of the questionnaire (a row was added or its ID "
                        "changed); answer only the exported questions"
                    )
                    role, shown = ("id", key) if key is not None else ("answer", row.answer)
                    self.error(row.row, role, shown, "unknown_question", reason, None)
                continue
            if key in seen:
                reason = f"question {self.questions[key][0]} appears twice (also on row {seen[key]})"
                self.error(row.row, "id", key, "duplicate_question", reason, key)
                continue
            seen[key] = row.row
            self.check(row, key)
        for n, (key, (number, _q)) in enumerate(self.questions.items()):
            if key not in seen:
                reason = (
                    f"question {number} ({key}) is missing: its row was deleted or its ID changed; export "
                    "the questionnaire again and copy the answers into it"
                )
                self.error(FIRST_ROW + n, "id", None, "missing_question", reason, key)

    def check(self, row: qb.AnswerRow, key: str) -> None:
        number, question = self.questions[key]
        try:
            incoming = read_answer(
                question.answer_type, question.choices or [], row.answer, self.book.identity.language
            )
        except CellProblem as problem:
            self.error(row.row, "answer", row.answer, problem.kind, problem.reason, key)
            return
        try:
            note = join_comment(answer_text(row.comment), answer_text(row.evidence))
        except CellProblem as problem:
            self.error(row.row, "comment", row.comment, problem.kind, problem.reason, key)
            return
        current = self.stored.get(question.id)
        now_value = current.value if current else None
        now_comment = current.comment if current else None
        value = _merge(incoming, now_value, _exported(row.exported_answer), row.has_exported)
        comment = _merge(note, now_comment, _exported(row.exported_comment), row.has_exported)
        for merged, role, cell, now in (
            (value, "answer", row.answer, now_value),
            (comment, "comment", row.comment, now_comment),
        ):
            if merged is _CONFLICT:
                reason = (
                    f"the {role} of question {number} was changed in the register after this file was "
                    f"exported (it is now {now!r}); make the file agree with it, or change it in the app "
                    "and export again"
                )
                self.error(row.row, role, cell, "changed_since_export", reason, key)
                return
        if incoming is None and now_value is not None:
            self.warnings.append(
                f"row {row.row}: question {number} left blank; the register's answer was kept"
            )
        if value is _KEEP and comment is _KEEP:
            differs = (incoming is not None and not _same(incoming, now_value)) or (
                note is not None and not _same(note, now_comment)
            )
            if differs:
                self.kept.append(key)
            else:
                self.unchanged += 1
            return
        self.updates[key] = (
            now_value if value is _KEEP else incoming,
            now_comment if comment is _KEEP else note,
        )


def _exported(cell: Cell) -> str | None:
    return None if is_blank(cell) else answer_text(cell)


def _load(uow: UnitOfWork, assessment_id: int) -> Assessment:
    a = uow.session.get(Assessment, assessment_id, options=[selectinload(Assessment.answers)])
    if a is None:
        raise NotFoundError(f"There is no assessment #{assessment_id}.")
    return a


def import_answers(uow: UnitOfWork, assessment_id: int, path: Path) -> AnswerImportReport:
    """Validate every answer of a returned questionnaire; store them all in one transaction, or none."""
    book = read_questionnaire_book(Path(path))
    name = book.file_name
    with uow:
        a = _load(uow, assessment_id)
        _check_identity(book, a, assessment_id)
        if a.status in (AssessmentStatus.COMPLETED, AssessmentStatus.CANCELLED):
            raise ValidationError(
                f"Assessment #{a.id} is {a.status.value}; its answers can no longer change, so {name} was "
                "not imported."
            )
        questions = {q.key: (number, q) for number, q in _numbered(a)}
        check = _Check(book, questions, {ans.question_id: ans for ans in a.answers})
        check.run()
        if check.errors:
            return AnswerImportReport(
                assessment_id, name, False, tuple(check.errors), warnings=tuple(check.warnings)
            )
        _apply(a, questions, check.stored, check.updates)
        score = score_of(a)
        uow.commit()
        return AnswerImportReport(
            assessment_id=assessment_id,
            file_name=name,
            applied=True,
            changed=tuple(check.updates),
            unchanged=check.unchanged,
            kept=tuple(check.kept),
            unanswered=tuple(q.key for q in score.questions if not q.answered),
            warnings=tuple(check.warnings),
            score=round(score.points, 2),
            max_score=round(score.max_points, 2),
            result=score.result,
            failed_must_pass=score.failed_must_pass,
        )


def _check_identity(book: qb.FilledBook, a: Assessment, assessment_id: int) -> None:
    name, ident = book.file_name, book.identity
    if str(ident.assessment_id) != str(assessment_id):
        raise QuestionnaireFileError(
            f"{name} holds the questionnaire of assessment #{ident.assessment_id}, not of assessment "
            f"#{assessment_id}; nothing was imported. Import it into assessment #{ident.assessment_id}, or "
            "choose the file sent for this one.",
            file_name=name,
        )
    if ident.template_key != a.template.key or str(ident.template_version) != str(a.template.version):
        raise QuestionnaireFileError(
            f"{name} was answered on questionnaire {ident.template_key!r} version {ident.template_version}, "
            f"but assessment #{assessment_id} uses version {a.template.version}; nothing was imported. "
            "Export the questionnaire again and send that file.",
            file_name=name,
        )
    if ident.checksum != _checksum(a, assessment_id):
        raise QuestionnaireFileError(
            f"{name}: its hidden identification does not match assessment #{assessment_id} and its "
            "questionnaire (the file was altered, or the questionnaire changed since the export); nothing "
            "was imported. Export the questionnaire again.",
            file_name=name,
        )


def _apply(
    a: Assessment,
    questions: dict[str, tuple[str, Question]],
    stored: dict[int, AssessmentAnswer],
    updates: dict[str, tuple[str | None, str | None]],
) -> None:
    now = utcnow()
    for key, (value, comment) in updates.items():
        question = questions[key][1]
        answer = stored.get(question.id)
        if answer is None:
            answer = AssessmentAnswer(question_id=question.id)
            a.answers.append(answer)
        answer.value = value
        answer.comment = comment
        answer.answered_at = now
    if updates and a.status in (AssessmentStatus.DRAFT, AssessmentStatus.SENT_TO_PARTY):
        a.status = AssessmentStatus.IN_REVIEW
