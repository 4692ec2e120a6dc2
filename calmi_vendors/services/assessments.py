"""Selection and periodic assessments: start on a template version, answer, complete with frozen scores."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from calmi_vendors.domain.enums import AnswerType, AssessmentKind, AssessmentStatus
from calmi_vendors.domain.scoring import QuestionSpec, ScoreResult, score_answers
from calmi_vendors.errors import NotFoundError, ValidationError
from calmi_vendors.services.dto import AssessmentView, CategoryScoreView
from calmi_vendors.store.base import utcnow
from calmi_vendors.store.models import (
    Assessment,
    AssessmentAnswer,
    AssessmentCategoryScore,
    EntrustedParty,
    Question,
    QuestionnaireSection,
    QuestionnaireTemplate,
)
from calmi_vendors.store.unit_of_work import UnitOfWork

DEFAULT_TEMPLATE = "entrustee_security"


def to_view(a: Assessment) -> AssessmentView:
    sections = {s.id: s for s in a.template.sections}
    return AssessmentView(
        id=a.id,
        version=a.version,
        party_id=a.party_id,
        template_key=a.template.key,
        template_version=a.template.version,
        kind=a.kind,
        status=a.status,
        started_on=a.started_on,
        completed_on=a.completed_on,
        assessor=a.assessor,
        approver=a.approver,
        score=a.score,
        max_score=a.max_score,
        result=a.result,
        failed_must_pass=a.failed_must_pass,
        conditions=a.conditions,
        category_scores=tuple(
            CategoryScoreView(
                category=c.category.value,
                title_en=sections[c.section_id].title_en,
                title_ja=sections[c.section_id].title_ja,
                score=c.score,
                max_score=c.max_score,
            )
            for c in a.category_scores
        ),
    )


def _load(uow: UnitOfWork, assessment_id: int) -> Assessment:
    a = uow.session.get(
        Assessment,
        assessment_id,
        options=[selectinload(Assessment.answers), selectinload(Assessment.category_scores)],
    )
    if a is None:
        raise NotFoundError(f"There is no assessment #{assessment_id}.")
    return a


def latest_template(uow: UnitOfWork, key: str = DEFAULT_TEMPLATE) -> QuestionnaireTemplate:
    template = uow.session.scalar(
        sa.select(QuestionnaireTemplate)
        .where(QuestionnaireTemplate.key == key, QuestionnaireTemplate.active)
        .order_by(QuestionnaireTemplate.version.desc())
        .limit(1)
    )
    if template is None:
        raise NotFoundError(f"There is no active questionnaire {key!r}.")
    return template


def start_assessment(
    uow: UnitOfWork,
    party_id: int,
    kind: AssessmentKind,
    *,
    started_on: date,
    assessor: str | None = None,
    template_key: str = DEFAULT_TEMPLATE,
) -> AssessmentView:
    with uow:
        if uow.session.get(EntrustedParty, party_id) is None:
            raise NotFoundError(f"There is no entrusted party #{party_id}.")
        template = latest_template(uow, template_key)
        a = Assessment(
            party_id=party_id,
            template=template,
            kind=kind,
            status=AssessmentStatus.DRAFT,
            started_on=started_on,
            assessor=assessor,
        )
        uow.session.add(a)
        uow.commit()
        return to_view(a)


def _questions(template: QuestionnaireTemplate) -> dict[str, tuple[Question, QuestionnaireSection]]:
    return {q.key: (q, s) for s in template.sections for q in s.questions}


def _check_value(question: Question, value: str) -> None:
    if question.answer_type is AnswerType.YES_NO_PARTIAL and value.lower() not in {
        "yes",
        "no",
        "partial",
        "n/a",
    }:
        raise ValidationError(f"Question {question.key}: answer yes, partial, no or n/a (got {value!r}).")
    if question.answer_type is AnswerType.CHOICE:
        allowed = [c["value"] for c in question.choices or []]
        if value not in allowed:
            raise ValidationError(f"Question {question.key}: {value!r} is not one of {', '.join(allowed)}.")
    if question.answer_type is AnswerType.NUMBER:
        try:
            float(value)
        except ValueError as exc:
            raise ValidationError(f"Question {question.key}: {value!r} is not a number.") from exc
    if question.answer_type is AnswerType.DATE:
        try:
            date.fromisoformat(value)
        except ValueError as exc:
            raise ValidationError(f"Question {question.key}: {value!r} is not a date (YYYY-MM-DD).") from exc


def record_answers(
    uow: UnitOfWork,
    assessment_id: int,
    answers: Mapping[str, str | None],
    *,
    comments: Mapping[str, str] | None = None,
) -> AssessmentView:
    """Store answers by question key, validated against the assessment's own template version."""
    with uow:
        a = _load(uow, assessment_id)
        if a.status in (AssessmentStatus.COMPLETED, AssessmentStatus.CANCELLED):
            raise ValidationError(
                f"Assessment #{a.id} is {a.status.value}; its answers can no longer change."
            )
        questions = _questions(a.template)
        unknown = set(answers) - set(questions)
        if unknown:
            raise ValidationError(f"Not questions of this questionnaire: {', '.join(sorted(unknown))}.")
        existing = {ans.question_id: ans for ans in a.answers}
        now = utcnow()
        for key, value in answers.items():
            question = questions[key][0]
            text = (value or "").strip() or None
            if text is not None:
                _check_value(question, text)
            answer = existing.get(question.id)
            if answer is None:
                answer = AssessmentAnswer(question_id=question.id)
                a.answers.append(answer)
            answer.value = text
            answer.comment = (comments or {}).get(key, answer.comment)
            answer.answered_at = now
        if a.status is AssessmentStatus.DRAFT:
            a.status = AssessmentStatus.IN_REVIEW
        uow.commit()
        return to_view(a)


def score_of(a: Assessment) -> ScoreResult:
    questions = _questions(a.template)
    specs = [
        QuestionSpec(
            key=q.key,
            section_key=s.key,
            answer_type=q.answer_type,
            weight=q.weight,
            must_pass=q.must_pass,
            section_weight=s.weight,
            choices={c["value"]: float(c["score"]) for c in q.choices or []},
        )
        for q, s in questions.values()
    ]
    by_id = {q.id: q.key for q, _s in questions.values()}
    answers = {by_id[ans.question_id]: ans.value for ans in a.answers}
    return score_answers(
        specs,
        answers,
        pass_threshold=a.template.pass_threshold,
        conditional_threshold=a.template.conditional_threshold,
    )


def complete_assessment(
    uow: UnitOfWork,
    assessment_id: int,
    *,
    completed_on: date,
    approver: str | None = None,
    conditions: str | None = None,
) -> AssessmentView:
    """Score the answers, freeze the scores per category and the result, and close the assessment."""
    with uow:
        a = _load(uow, assessment_id)
        if a.status is AssessmentStatus.COMPLETED:
            raise ValidationError(f"Assessment #{a.id} is already completed.")
        if a.started_on and completed_on < a.started_on:
            raise ValidationError(
                "An assessment cannot be completed before it started.", field="completed_on"
            )
        result = score_of(a)
        sections = {s.key: s for s in a.template.sections}
        a.category_scores = [
            AssessmentCategoryScore(
                section_id=sections[key].id, category=sections[key].category, score=points, max_score=maximum
            )
            for key, (points, maximum) in result.by_section.items()
        ]
        points = {q.key: q.points for q in result.questions}
        key_of = {q.id: key for key, (q, _s) in _questions(a.template).items()}
        for answer in a.answers:
            answer.score = points.get(key_of[answer.question_id])
        a.score = round(result.points, 2)
        a.max_score = round(result.max_points, 2)
        a.result = result.result
        a.failed_must_pass = bool(result.failed_must_pass)
        a.status = AssessmentStatus.COMPLETED
        a.completed_on = completed_on
        a.approver = approver
        a.approved_on = completed_on if approver else None
        a.conditions = (conditions or "").strip() or None
        uow.commit()
        return to_view(a)


def assessments_of(uow: UnitOfWork, party_id: int) -> list[AssessmentView]:
    with uow:
        rows = uow.session.scalars(
            sa.select(Assessment).where(Assessment.party_id == party_id).order_by(Assessment.id)
        ).all()
        return [to_view(a) for a in rows]
