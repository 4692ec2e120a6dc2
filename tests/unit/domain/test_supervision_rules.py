"""Plain supervision rules: lifecycle, chains, clause applicability, scoring, tiers and cadence."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calmi_vendors.domain.cadence import add_months, next_audit_due
from calmi_vendors.domain.chain import chain_depth, creates_cycle
from calmi_vendors.domain.clauses import is_gap, requirement_applies
from calmi_vendors.domain.enums import (
    AnswerType,
    Applicability,
    AssessmentResult,
    Coverage,
    PartyStatus,
    RiskTier,
)
from calmi_vendors.domain.lifecycle import can_move, transition_error
from calmi_vendors.domain.scoring import QuestionSpec, score_answers
from calmi_vendors.domain.tiering import TierFacts, decide_tier


def test_a_candidate_cannot_jump_to_active() -> None:
    assert not can_move(PartyStatus.CANDIDATE, PartyStatus.ACTIVE)
    message = transition_error(PartyStatus.CANDIDATE, PartyStatus.ACTIVE)
    assert message is not None
    assert "under assessment" in message


def test_a_terminated_party_returns_only_through_assessment() -> None:
    assert can_move(PartyStatus.TERMINATED, PartyStatus.UNDER_ASSESSMENT)
    assert not can_move(PartyStatus.TERMINATED, PartyStatus.ACTIVE)


def test_cycles_are_found_at_any_depth() -> None:
    parents = {2: 1, 3: 2, 4: 3}
    assert creates_cycle(1, 4, parents.get)
    assert not creates_cycle(5, 4, parents.get)
    assert not creates_cycle(None, 4, parents.get)
    assert chain_depth(4, parents.get) == 3
    assert chain_depth(1, parents.get) == 0


@given(st.integers(min_value=2, max_value=60))
def test_a_chain_of_any_length_closes_into_a_cycle_only_through_itself(length: int) -> None:
    parents = {i: i - 1 for i in range(2, length + 1)}
    assert creates_cycle(1, length, parents.get)
    assert not creates_cycle(length + 1, length, parents.get)


def test_cross_border_clauses_apply_only_where_data_goes_abroad() -> None:
    home = {"cross_border": False, "reentrustment_allowed": False, "special_care": False}
    assert not requirement_applies(Applicability.CROSS_BORDER, **home)
    assert requirement_applies(Applicability.CROSS_BORDER, **{**home, "cross_border": True})
    assert requirement_applies(Applicability.ALWAYS, **home)
    assert is_gap(Coverage.PARTIAL, applies=True)
    assert not is_gap(Coverage.MISSING, applies=False)
    assert not is_gap(Coverage.NOT_APPLICABLE, applies=True)


QUESTIONS = (
    QuestionSpec("policy", "basic", AnswerType.YES_NO_PARTIAL, 2, must_pass=False),
    QuestionSpec("pledge", "human", AnswerType.YES_NO_PARTIAL, 3, must_pass=True),
    QuestionSpec("mfa", "tech", AnswerType.CHOICE, 4, must_pass=False, choices={"none": 0.0, "all": 1.0}),
    QuestionSpec("countries", "external", AnswerType.TEXT, 1, must_pass=False),
)


def test_all_yes_passes_with_every_contribution_shown() -> None:
    result = score_answers(
        QUESTIONS,
        {"policy": "yes", "pledge": "yes", "mfa": "all", "countries": "Japan"},
        pass_threshold=0.7,
        conditional_threshold=0.85,
    )
    assert result.result is AssessmentResult.APPROVED
    assert result.points == result.max_points == 10
    assert [q.points for q in result.questions] == [2, 3, 4, 1]


def test_a_failed_must_pass_question_rejects_whatever_the_total() -> None:
    result = score_answers(
        QUESTIONS,
        {"policy": "yes", "pledge": "partial", "mfa": "all", "countries": "Japan"},
        pass_threshold=0.1,
        conditional_threshold=0.2,
    )
    assert result.ratio > 0.8
    assert result.result is AssessmentResult.REJECTED
    assert result.failed_must_pass == ("pledge",)


def test_unanswered_questions_count_against_the_party() -> None:
    result = score_answers(
        QUESTIONS, {"pledge": "yes", "mfa": "all"}, pass_threshold=0.7, conditional_threshold=0.85
    )
    assert result.points == 7
    assert result.max_points == 10
    assert result.result is AssessmentResult.APPROVED_WITH_CONDITIONS
    assert "unanswered" in result.questions[0].explanation


def test_not_applicable_answers_leave_the_maximum() -> None:
    result = score_answers(
        QUESTIONS,
        {"policy": "n/a", "pledge": "yes", "mfa": "all", "countries": "JP"},
        pass_threshold=0.7,
        conditional_threshold=0.85,
    )
    assert result.max_points == 8
    assert result.ratio == 1.0


def _facts(**overrides: object) -> TierFacts:
    base = {
        "special_care": False,
        "data_subjects": 500,
        "cross_border": False,
        "chain_depth": 0,
        "assessment_ratio": 0.95,
        "open_findings": 0,
        "overdue_findings": 0,
        "serious_open_findings": 0,
        "clause_gaps": 0,
    }
    return TierFacts(**{**base, **overrides})  # type: ignore[arg-type]


def test_a_small_well_assessed_domestic_party_is_low_risk() -> None:
    decision = decide_tier(_facts())
    assert decision.tier is RiskTier.LOW
    assert "no risk factor" in decision.explain()


def test_special_care_data_abroad_is_high_risk_and_says_why() -> None:
    decision = decide_tier(_facts(special_care=True, cross_border=True))
    assert decision.tier is RiskTier.HIGH
    text = decision.explain()
    assert "special-care" in text
    assert "outside Japan" in text
    japanese = decision.explain("ja")
    assert japanese.startswith("リスク高（5点）")
    assert "要配慮個人情報" in japanese


def test_volume_and_gaps_make_medium() -> None:
    decision = decide_tier(_facts(data_subjects=20_000, clause_gaps=2))
    assert decision.tier is RiskTier.MEDIUM
    assert decision.points == 2


@pytest.mark.parametrize(
    ("tier", "last", "expected"),
    [
        (RiskTier.HIGH, date(2025, 4, 1), date(2026, 4, 1)),
        (RiskTier.MEDIUM, date(2025, 4, 1), date(2027, 4, 1)),
        (RiskTier.LOW, date(2024, 2, 29), date(2027, 2, 28)),
    ],
)
def test_the_next_audit_follows_the_tier_cadence(tier: RiskTier, last: date, expected: date) -> None:
    assert next_audit_due(tier, last_audit=last, approved_on=None) == expected


def test_a_never_audited_party_is_first_audited_six_months_after_approval() -> None:
    assert next_audit_due(RiskTier.LOW, last_audit=None, approved_on=date(2025, 8, 31)) == date(2026, 2, 28)
    assert next_audit_due(RiskTier.HIGH, last_audit=None, approved_on=None) is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 1, 1)), st.integers(0, 240))
def test_adding_months_keeps_the_day_or_clamps_to_month_end(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day == day.day or later.day < day.day
