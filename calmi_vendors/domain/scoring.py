"""Transparent questionnaire scoring: each question's contribution, must-pass failures, the result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from calmi_vendors.domain.enums import AnswerType, AssessmentResult

YES_NO_PARTIAL_SCORES: Mapping[str, float] = {"yes": 1.0, "partial": 0.5, "no": 0.0}
NOT_APPLICABLE = "n/a"


@dataclass(frozen=True, slots=True)
class QuestionSpec:
    key: str
    section_key: str
    answer_type: AnswerType
    weight: int
    must_pass: bool
    section_weight: int = 1
    choices: Mapping[str, float] | None = None


@dataclass(frozen=True, slots=True)
class QuestionScore:
    key: str
    section_key: str
    points: float
    max_points: float
    answered: bool
    failed_must_pass: bool
    explanation: str


@dataclass(frozen=True, slots=True)
class ScoreResult:
    points: float
    max_points: float
    by_section: Mapping[str, tuple[float, float]]
    questions: tuple[QuestionScore, ...]
    failed_must_pass: tuple[str, ...]
    result: AssessmentResult

    @property
    def ratio(self) -> float:
        return self.points / self.max_points if self.max_points else 0.0


def answer_fraction(spec: QuestionSpec, value: str | None) -> float | None:
    """Share of the weight an answer earns; None when not applicable. Unanswered earns 0."""
    if value is None or not value.strip():
        return 0.0
    value = value.strip()
    if spec.answer_type is AnswerType.YES_NO_PARTIAL:
        if value.lower() == NOT_APPLICABLE:
            return None
        return YES_NO_PARTIAL_SCORES.get(value.lower(), 0.0)
    if spec.answer_type is AnswerType.CHOICE:
        return (spec.choices or {}).get(value, 0.0)
    # Text, number and date answers are facts asked for, not graded: giving one earns the weight.
    return 1.0


def score_answers(
    questions: Sequence[QuestionSpec],
    answers: Mapping[str, str | None],
    *,
    pass_threshold: float,
    conditional_threshold: float,
) -> ScoreResult:
    """Score answers by question key. Must-pass questions not fully met reject whatever the total."""
    scored: list[QuestionScore] = []
    sections: dict[str, list[float]] = {}
    for spec in questions:
        value = answers.get(spec.key)
        fraction = answer_fraction(spec, value)
        answered = bool(value and value.strip())
        weight = float(spec.weight * spec.section_weight)
        if fraction is None:
            scored.append(QuestionScore(spec.key, spec.section_key, 0.0, 0.0, True, False, "not applicable"))
            continue
        failed = spec.must_pass and fraction < 1.0
        points = weight * fraction
        if not answered:
            why = "unanswered: counts as 0"
        elif failed:
            why = f"must-pass question answered {value!r}"
        else:
            why = f"{value!r} earns {fraction:.0%} of {weight:g}"
        scored.append(QuestionScore(spec.key, spec.section_key, points, weight, answered, failed, why))
        totals = sections.setdefault(spec.section_key, [0.0, 0.0])
        totals[0] += points
        totals[1] += weight
    points = sum(q.points for q in scored)
    max_points = sum(q.max_points for q in scored)
    failed_keys = tuple(q.key for q in scored if q.failed_must_pass)
    ratio = points / max_points if max_points else 0.0
    if failed_keys or ratio < pass_threshold:
        result = AssessmentResult.REJECTED
    elif ratio < conditional_threshold:
        result = AssessmentResult.APPROVED_WITH_CONDITIONS
    else:
        result = AssessmentResult.APPROVED
    return ScoreResult(
        points=points,
        max_points=max_points,
        by_section={k: (v[0], v[1]) for k, v in sections.items()},
        questions=tuple(scored),
        failed_must_pass=failed_keys,
        result=result,
    )
