"""Audits planned in batches: who falls due, the method of their tier's cadence, all of a batch or none."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calmi_vendors.domain.enums import AuditMethod, AuditStatus, RiskTier
from calmi_vendors.errors import NotFoundError, ValidationError
from calmi_vendors.services import portfolio
from calmi_vendors.services.audit_planning import AuditPlan, audit_candidates, plan_audits
from calmi_vendors.services.demo import generate_demo
from calmi_vendors.store.register import Register

TODAY = date(2026, 11, 25)


@pytest.fixture
def demo(register: Register) -> Register:
    generate_demo(register.unit_of_work(), parties=30, seed=4, today=TODAY)
    return register


def _planned(register: Register) -> int:
    audits = portfolio.list_audits(register.unit_of_work(readonly=True))
    return sum(1 for a in audits if a.status is AuditStatus.PLANNED)


def test_candidates_are_the_due_parties_without_a_planned_audit(demo: Register) -> None:
    candidates = audit_candidates(demo.unit_of_work(readonly=True), today=TODAY, within_days=365)
    assert candidates
    assert [c.next_audit_due for c in candidates] == sorted(c.next_audit_due for c in candidates)
    assert all(c.next_audit_due <= TODAY + timedelta(days=365) for c in candidates)
    planned = {
        a.party_id
        for a in portfolio.list_audits(demo.unit_of_work(readonly=True))
        if a.status is AuditStatus.PLANNED
    }
    assert not planned & {c.party_id for c in candidates}
    expected = {
        RiskTier.HIGH: AuditMethod.ON_SITE,
        RiskTier.MEDIUM: AuditMethod.REMOTE,
        RiskTier.LOW: AuditMethod.SELF_ASSESSMENT,
    }
    assert all(c.method is expected[c.tier] for c in candidates if c.tier)
    assert all(c.days_left == (c.next_audit_due - TODAY).days for c in candidates)


def test_a_batch_is_planned_at_once_and_its_parties_leave_the_candidates(demo: Register) -> None:
    candidates = audit_candidates(demo.unit_of_work(readonly=True), today=TODAY, within_days=365)[:5]
    before = _planned(demo)
    plans = [
        AuditPlan(c.party_id, c.method, TODAY + timedelta(days=30), auditor="監査室 高橋") for c in candidates
    ]
    ids = plan_audits(demo.unit_of_work(), plans, batch_label="2026年度 下期")
    assert len(ids) == 5
    assert _planned(demo) == before + 5
    left = {
        c.party_id for c in audit_candidates(demo.unit_of_work(readonly=True), today=TODAY, within_days=365)
    }
    assert not left & {c.party_id for c in candidates}


@pytest.mark.parametrize("problem", ["unknown party", "twice", "empty"])
def test_a_bad_batch_plans_nothing(demo: Register, problem: str) -> None:
    candidates = audit_candidates(demo.unit_of_work(readonly=True), today=TODAY, within_days=365)[:3]
    plans = [AuditPlan(c.party_id, c.method, TODAY) for c in candidates]
    if problem == "unknown party":
        plans.append(AuditPlan(999_999, AuditMethod.REMOTE, TODAY))
    elif problem == "twice":
        plans.append(plans[0])
    else:
        plans = []
    before = _planned(demo)
    with pytest.raises((NotFoundError, ValidationError)):
        plan_audits(demo.unit_of_work(), plans, batch_label=None)
    assert _planned(demo) == before
