"""The yearly program review: metrics from the register on fixed dates, snapshot, updates, actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from calmi_vendors.domain.enums import (
    ActionStatus,
    AssessmentKind,
    AssessmentResult,
    AuditConclusion,
    AuditMethod,
    ContractStatus,
    Coverage,
    PartyStatus,
    RiskTier,
    Severity,
)
from calmi_vendors.domain.seed import CLAUSES, SELECTION_QUESTIONNAIRE
from calmi_vendors.errors import NotFoundError, ValidationError
from calmi_vendors.services import assessments, audits, contracts, maintenance, parties, supervision
from calmi_vendors.services import program_review as pr
from calmi_vendors.services.contracts import ContractInput
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.store.register import Register

TODAY = date(2026, 4, 1)  # the day after fiscal year 2025 ends
FY = 2025


def _passing_answers() -> dict[str, str]:
    answers: dict[str, str] = {}
    for section in SELECTION_QUESTIONNAIRE.sections:
        for q in section.questions:
            kind = q.answer_type.value
            if kind == "yes_no_partial":
                answers[q.key] = "yes"
            elif kind == "choice":
                answers[q.key] = max(q.choices, key=lambda c: c.score).value
            elif kind == "number":
                answers[q.key] = "10"
            elif kind == "date":
                answers[q.key] = "2026-03-31"
            else:
                answers[q.key] = "国内のみ"
    return answers


def _assess(register: Register, party_id: int, kind: AssessmentKind, on: date) -> None:
    uow = register.unit_of_work
    started = assessments.start_assessment(uow(), party_id, kind, started_on=on, assessor="佐藤 花子")
    assessments.record_answers(uow(), started.id, _passing_answers())
    done = assessments.complete_assessment(uow(), started.id, completed_on=on, approver="鈴木 一郎")
    assert done.result in (AssessmentResult.APPROVED, AssessmentResult.APPROVED_WITH_CONDITIONS)


@dataclass(frozen=True)
class Portfolio:
    audited: int
    owed: int
    child: int
    critical_finding: int


def _fill(register: Register) -> Portfolio:
    """Two supervised parties and a re-entrustee, with audits and findings on both sides of FY2025's edges."""
    uow = register.unit_of_work
    audited = parties.create_party(uow(), PartyInput(name="監査済株式会社", reentrustment_allowed=True)).id
    owed = parties.create_party(uow(), PartyInput(name="Owed Audit Ltd.")).id
    child = parties.create_party(uow(), PartyInput(name="再委託先株式会社", parent_id=audited)).id
    _assess(register, audited, AssessmentKind.SELECTION, date(2024, 12, 1))  # FY2024: not counted
    _assess(register, owed, AssessmentKind.SELECTION, date(2025, 4, 1))  # first day of FY2025
    _assess(register, audited, AssessmentKind.PERIODIC, date(2025, 10, 1))
    for pid in (audited, owed):
        parties.change_status(uow(), pid, PartyStatus.UNDER_ASSESSMENT, reason="選定評価")
        parties.change_status(uow(), pid, PartyStatus.APPROVED, reason="選定評価に合格")
    # Last day of FY2024: its finding is not raised in FY2025, but is closed on FY2025's first day.
    early = audits.plan_audit(uow(), audited, method=AuditMethod.REMOTE, planned_on=date(2025, 3, 31))
    early = audits.record_audit(
        uow(), early.id, performed_on=date(2025, 3, 31), conclusion=AuditConclusion.SATISFACTORY,
        findings=(audits.FindingInput("Old observation", Severity.OBSERVATION, owner="IT"),),
    )  # fmt: skip
    audits.close_finding(uow(), early.findings[0].id, closed_on=date(2025, 4, 1), evidence="報告書")
    planned = audits.plan_audit(uow(), audited, method=AuditMethod.ON_SITE, planned_on=date(2025, 6, 10))
    done = audits.record_audit(
        uow(), planned.id, performed_on=date(2025, 6, 15), conclusion=AuditConclusion.UNSATISFACTORY,
        findings=(
            audits.FindingInput("重大な指摘", Severity.CRITICAL, owner="情報部", due_on=date(2025, 7, 1)),
            audits.FindingInput("Major finding", Severity.MAJOR, owner="IT", due_on=date(2025, 9, 1)),
            audits.FindingInput("Minor finding", Severity.MINOR, owner="IT", due_on=date(2026, 12, 31)),
        ),
    )  # fmt: skip
    audits.close_finding(uow(), done.findings[1].id, closed_on=date(2025, 8, 1), evidence="是正報告書")
    audits.plan_audit(uow(), owed, method=AuditMethod.DOCUMENT_REVIEW, planned_on=date(2026, 2, 10))
    audits.plan_audit(uow(), owed, method=AuditMethod.DOCUMENT_REVIEW, planned_on=date(2026, 4, 10))  # FY2026
    always = [c.key for c in CLAUSES if c.applicability.value == "always"]
    coverage: dict[str, tuple[Coverage, str | None]] = {key: (Coverage.PRESENT, None) for key in always}
    coverage[always[0]] = (Coverage.MISSING, None)
    coverage[always[1]] = (Coverage.PARTIAL, "第2条")
    contracts.create_contract(
        uow(), audited, ContractInput(title="業務委託契約", status=ContractStatus.ACTIVE), coverage=coverage
    )
    supervision.recompute_all(uow(), today=TODAY)
    return Portfolio(audited, owed, child, done.findings[0].id)


def test_fiscal_years_run_april_to_march() -> None:
    assert pr.fiscal_year_period(2025) == (date(2025, 4, 1), date(2026, 3, 31))
    assert pr.fiscal_year_of(date(2026, 3, 31)) == 2025
    assert pr.fiscal_year_of(date(2026, 4, 1)) == 2026
    assert pr.fiscal_year_of(date(2026, 1, 15)) == 2025


def test_metrics_count_the_fiscal_year_from_the_register(register: Register) -> None:
    _fill(register)
    m = pr.program_metrics(register.unit_of_work(readonly=True), FY, TODAY)
    assert (m.period_start, m.period_end, m.as_of) == (date(2025, 4, 1), date(2026, 3, 31), TODAY)
    assert m.parties_total == 3
    assert dict(m.parties_by_status)[PartyStatus.APPROVED] == 2
    assert dict(m.parties_by_status)[PartyStatus.CANDIDATE] == 1
    assert sum(n for _, n in m.parties_by_tier) == 3
    assert set(dict(m.parties_by_tier)) == {RiskTier.HIGH, RiskTier.MEDIUM, RiskTier.LOW, None}
    assert m.supervised == 2
    # Done: the June audit (the 31 March one belongs to FY2024). Owed: the second party, due since October.
    assert (m.audits_done, m.parties_audited) == (1, 1)
    assert (m.audits_outstanding, m.audits_overdue, m.audits_due) == (1, 1, 2)
    assert m.audits_planned == 2  # June (since done) and February; the April 2026 plan is next year's
    months = {row.month: (row.done, row.planned) for row in m.audits_by_month}
    assert (min(months), max(months)) == (date(2025, 4, 1), date(2026, 3, 1))
    assert months[date(2025, 6, 1)] == (1, 1)
    assert months[date(2026, 2, 1)] == (0, 1)
    assert sum(done for done, _ in months.values()) == 1
    assert dict(m.audits_by_method)[AuditMethod.ON_SITE] == 1
    by_severity = {row.severity: row for row in m.findings}
    assert (by_severity[Severity.CRITICAL].raised, by_severity[Severity.CRITICAL].open) == (1, 1)
    assert by_severity[Severity.CRITICAL].overdue == 1
    assert (by_severity[Severity.MAJOR].raised, by_severity[Severity.MAJOR].closed) == (1, 1)
    assert (by_severity[Severity.MINOR].open, by_severity[Severity.MINOR].overdue) == (1, 0)
    assert (by_severity[Severity.OBSERVATION].raised, by_severity[Severity.OBSERVATION].closed) == (0, 1)
    assert (m.total("raised"), m.total("closed"), m.total("open"), m.total("overdue")) == (3, 2, 2, 1)
    assert (m.clause_gaps, m.contracts_with_gaps, m.parties_with_gaps) == (2, 1, 1)
    assert (m.assessments_done, m.selection_assessments, m.periodic_assessments) == (2, 1, 1)
    assert m.assessments_rejected == 0
    assert (m.reentrustees, m.reentrustees_approved) == (1, 0)


def test_metrics_survive_their_json_form(register: Register) -> None:
    _fill(register)
    m = pr.program_metrics(register.unit_of_work(readonly=True), FY, TODAY)
    assert pr.ProgramMetrics.from_json(m.to_json()) == m


def test_an_empty_register_gives_zero_metrics(register: Register) -> None:
    m = pr.program_metrics(register.unit_of_work(readonly=True), 2030, date(2030, 6, 1))
    assert m.parties_total == 0
    assert m.audits_due == m.audits_done == m.total("raised") == m.clause_gaps == 0
    assert len(m.audits_by_month) == 12


def test_a_started_review_keeps_its_snapshot_until_refreshed(register: Register) -> None:
    filled = _fill(register)
    uow = register.unit_of_work
    started = pr.start_review(uow(), FY, TODAY, "  個人情報保護室 中村 ")
    assert started.reviewer == "個人情報保護室 中村"
    assert started.metrics is not None
    assert started.metrics.total("open") == 2
    audits.close_finding(uow(), filled.critical_finding, closed_on=date(2026, 4, 2), evidence="是正報告書")
    kept = pr.get_review(uow(readonly=True), FY)
    assert kept.metrics == started.metrics  # a printed review stays as it was
    refreshed = pr.refresh_metrics(uow(), FY, date(2026, 4, 3))
    assert refreshed.metrics is not None
    assert refreshed.metrics.total("open") == 1
    assert refreshed.metrics.as_of == date(2026, 4, 3)
    pr.update_review(uow(), FY, approved_by="代表取締役 佐藤")
    with pytest.raises(ValidationError, match="approved by 代表取締役 佐藤"):
        pr.refresh_metrics(uow(), FY, date(2026, 4, 4))


def test_one_review_per_fiscal_year(register: Register) -> None:
    uow = register.unit_of_work
    pr.start_review(uow(), FY, TODAY, "中村")
    with pytest.raises(ValidationError, match="Fiscal year 2025 already has a program review") as caught:
        pr.start_review(uow(), FY, date(2026, 5, 1), "別の担当者")
    assert caught.value.field == "fiscal_year"
    assert len(pr.list_reviews(uow(readonly=True))) == 1


@pytest.mark.parametrize(
    ("year", "day", "reviewer", "field"),
    [
        (FY, date(2025, 3, 31), "中村", "review_date"),
        (FY, TODAY, "   ", "reviewer"),
        (25, TODAY, "中村", "fiscal_year"),
    ],
)
def test_start_review_refuses_bad_input(
    register: Register, year: int, day: date, reviewer: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        pr.start_review(register.unit_of_work(), year, day, reviewer)
    assert caught.value.field == field
    assert pr.list_reviews(register.unit_of_work(readonly=True)) == []


def test_updates_change_only_the_fields_given_and_land_in_the_history(register: Register) -> None:
    uow = register.unit_of_work
    review = pr.start_review(uow(), FY, TODAY, "中村")
    pr.update_review(uow(), FY, findings="重大な指摘事項の是正が遅れている。", conclusions="概ね有効。")
    updated = pr.update_review(uow(), FY, approved_by="佐藤", conclusions="  有効に機能している。 ")
    assert updated.findings == "重大な指摘事項の是正が遅れている。"
    assert updated.conclusions == "有効に機能している。"
    assert (updated.approved_by, updated.reviewer, updated.review_date) == ("佐藤", "中村", TODAY)
    cleared = pr.update_review(uow(), FY, findings="   ")
    assert cleared.findings is None
    with pytest.raises(ValidationError):
        pr.update_review(uow(), FY, reviewer="")
    changes = maintenance.history_of(uow(readonly=True), "program_review", review.id)
    fields = {(c.field, c.new_value) for c in changes}
    assert (None, None) not in fields  # the insert carries its snapshot
    assert ("approved_by", "佐藤") in fields
    assert ("conclusions", "有効に機能している。") in fields
    assert ("findings", None) in fields
    insert = [c for c in changes if c.field is None]
    assert len(insert) == 1
    assert '"fiscal_year": "2025"' in (insert[0].new_value or "")


def test_actions_are_added_and_followed(register: Register) -> None:
    uow = register.unit_of_work
    review = pr.start_review(uow(), FY, TODAY, "中村")
    first = pr.add_action(
        uow(), FY, description=" 是正期限を30日以内とする ", owner="保護室", due_on=date(2026, 6, 30)
    )
    second = pr.add_action(uow(), FY, description="Re-paper contracts with clause gaps")
    assert (first.description, first.status, first.review_id) == (
        "是正期限を30日以内とする",
        ActionStatus.OPEN,
        review.id,
    )
    done = pr.update_action(uow(), first.id, status=ActionStatus.DONE)
    assert (done.status, done.owner, done.due_on) == (ActionStatus.DONE, "保護室", date(2026, 6, 30))
    moved = pr.update_action(uow(), second.id, owner="Legal", due_on=date(2026, 9, 30))
    assert (moved.owner, moved.due_on, moved.status) == ("Legal", date(2026, 9, 30), ActionStatus.OPEN)
    with pytest.raises(ValidationError, match="description"):
        pr.add_action(uow(), FY, description="  ")
    with pytest.raises(NotFoundError):
        pr.update_action(uow(), 99_999, status=ActionStatus.DROPPED)
    with pytest.raises(NotFoundError, match="fiscal year 2024"):
        pr.add_action(uow(), 2024, description="x")
    got = pr.get_review(uow(readonly=True), FY)
    assert [a.description for a in got.actions] == [
        "是正期限を30日以内とする",
        "Re-paper contracts with clause gaps",
    ]
    history = maintenance.history_of(uow(readonly=True), "program_review_action", first.id)
    assert any(c.field == "status" and c.new_value == "done" for c in history)


def test_reviews_are_listed_latest_year_first(register: Register) -> None:
    uow = register.unit_of_work
    for year in (2023, 2025, 2024):
        pr.start_review(uow(), year, date(year + 1, 4, 15), "中村")
    assert [r.fiscal_year for r in pr.list_reviews(uow(readonly=True))] == [2025, 2024, 2023]
    with pytest.raises(NotFoundError, match="fiscal year 2022"):
        pr.get_review(uow(readonly=True), 2022)
