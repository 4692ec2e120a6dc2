"""Re-entrustees approved in the context of their parent, and foreign-regime checks kept as records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from calmi_vendors.errors import RuleViolation, ValidationError
from calmi_vendors.services import parties
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.reentrustment import (
    ApprovalInput,
    RegimeInput,
    approvals_of,
    record_approval,
    record_regime_check,
    regime_checks_of,
)
from calmi_vendors.store.register import Register

APPROVAL = ApprovalInput(
    approved_on=date(2026, 4, 10),
    approved_by="個人情報保護室 中村",
    scope_of_work="コールセンターの夜間一次受付",
    handling_method="委託元システムへのリモート接続のみ。データの持出し禁止",
    prior_report_on=date(2026, 4, 1),
    next_recheck_on=date(2027, 4, 10),
)


def _chain(register: Register, *, allowed: bool) -> tuple[int, int]:
    uow = register.unit_of_work
    parent = parties.create_party(
        uow(), PartyInput(name="株式会社みなとコールセンター", country="JP", reentrustment_allowed=allowed)
    )
    child = parties.create_party(
        uow(), PartyInput(name="有限会社夜間受付サービス", country="JP", parent_id=parent.id)
    )
    return parent.id, child.id


def test_a_re_entrustee_is_approved_in_the_context_of_its_parent(register: Register) -> None:
    parent_id, child_id = _chain(register, allowed=True)
    record_approval(register.unit_of_work(), child_id, APPROVAL)
    [approval] = approvals_of(register.unit_of_work(readonly=True), child_id)
    assert approval.parent_id == parent_id
    assert approval.parent_name == "株式会社みなとコールセンター"
    assert approval.scope_of_work == "コールセンターの夜間一次受付"
    assert approval.next_recheck_on == date(2027, 4, 10)


def test_no_approval_where_the_parent_may_not_re_entrust_or_there_is_no_parent(register: Register) -> None:
    parent_id, child_id = _chain(register, allowed=False)
    with pytest.raises(RuleViolation, match="not allowed to re-entrust"):
        record_approval(register.unit_of_work(), child_id, APPROVAL)
    with pytest.raises(RuleViolation, match="entrusted directly"):
        record_approval(register.unit_of_work(), parent_id, APPROVAL)
    assert approvals_of(register.unit_of_work(readonly=True), child_id) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"scope_of_work": " "}, "scope_of_work"),
        ({"prior_report_on": date(2026, 5, 1)}, "prior_report_on"),
        ({"next_recheck_on": date(2026, 4, 1)}, "next_recheck_on"),
    ],
)
def test_an_approval_that_makes_no_sense_names_its_field(
    register: Register, change: dict[str, object], field: str
) -> None:
    _parent_id, child_id = _chain(register, allowed=True)
    data = replace(APPROVAL, **change)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as raised:
        record_approval(register.unit_of_work(), child_id, data)
    assert raised.value.field == field


def test_a_foreign_regime_check_is_a_record_of_its_own(register: Register) -> None:
    party = parties.create_party(
        register.unit_of_work(),
        PartyInput(name="Lighthouse Payroll Pte. Ltd.", country="SG", processing_country="SG"),
    )
    check = RegimeInput(
        country="sg",
        regime_summary="PDPA 2012; PDPC supervises; breach notification within 3 days.",
        reviewed_on=date(2026, 3, 1),
        reviewed_by="Privacy office, Nakamura",
        measures="Contract adds APPI-equivalent measures; annual remote audit.",
        next_review_on=date(2027, 3, 1),
    )
    record_regime_check(register.unit_of_work(), party.id, check)
    [stored] = regime_checks_of(register.unit_of_work(readonly=True), party.id)
    assert stored.country == "SG"
    assert stored.next_review_on == date(2027, 3, 1)
    for bad, field in (("JP", "country"), ("ZZ", "country")):
        with pytest.raises(ValidationError) as raised:
            record_regime_check(register.unit_of_work(), party.id, replace(check, country=bad))
        assert raised.value.field == field
