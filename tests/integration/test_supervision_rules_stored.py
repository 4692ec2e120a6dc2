"""The register's own tier rule and audit cadence, and the manual tier override with its reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from calmi_vendors.domain.cadence import Cadence
from calmi_vendors.domain.enums import AuditConclusion, AuditMethod, PartyStatus, RiskTier
from calmi_vendors.errors import ConcurrentEditError, ValidationError
from calmi_vendors.services import audits, parties, supervision
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.supervision_rules import SupervisionRules, load_rules, save_rules
from calmi_vendors.store.register import Register

TODAY = date(2026, 4, 1)


def _audited_party(register: Register) -> int:
    """A supervised party handling special-care data (3 points by default: medium), audited on 1 Mar 2026."""
    uow = register.unit_of_work
    party = parties.create_party(
        uow(), PartyInput(name="株式会社みなと医療情報", country="JP", data_categories=("medical_history",))
    )
    parties.change_status(uow(), party.id, PartyStatus.UNDER_ASSESSMENT, reason="選定開始")
    parties.change_status(uow(), party.id, PartyStatus.APPROVED, reason="承認", override_approver="鈴木 一郎")
    audit = audits.plan_audit(uow(), party.id, method=AuditMethod.REMOTE, planned_on=date(2026, 3, 1))
    audits.record_audit(
        uow(), audit.id, performed_on=date(2026, 3, 1), conclusion=AuditConclusion.SATISFACTORY
    )
    supervision.recompute_all(uow(), today=TODAY)
    return party.id


def test_without_stored_rules_the_documented_defaults_apply(register: Register) -> None:
    rules = load_rules(register.unit_of_work(readonly=True))
    assert rules == SupervisionRules()
    assert rules.cadence[RiskTier.HIGH] == Cadence(12, AuditMethod.ON_SITE)


def test_a_stricter_rule_and_cadence_change_every_partys_tier_and_due_date(register: Register) -> None:
    party_id = _audited_party(register)
    before = parties.get_party(register.unit_of_work(readonly=True), party_id)
    assert before.tier is RiskTier.MEDIUM
    assert before.next_audit_due == date(2028, 3, 1)
    stricter = SupervisionRules(
        replace(SupervisionRules().tier_rule, high_from=3),
        {**SupervisionRules().cadence, RiskTier.HIGH: Cadence(6, AuditMethod.ON_SITE)},
    )
    save_rules(register.unit_of_work(), stricter)
    assert load_rules(register.unit_of_work(readonly=True)) == stricter
    supervision.recompute_all(register.unit_of_work(), today=TODAY)
    after = parties.get_party(register.unit_of_work(readonly=True), party_id)
    assert after.tier is RiskTier.HIGH
    assert after.next_audit_due == date(2026, 9, 1)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"tier_rule": {"medium_from": 5, "high_from": 5}}, "medium_from"),
        ({"tier_rule": {"special_care": 99}}, "special_care"),
        ({"tier_rule": {"weak_assessment_below": 1.5}}, "weak_assessment_below"),
        ({"cadence": {RiskTier.LOW: Cadence(0, AuditMethod.REMOTE)}}, "cadence_low"),
        ({"cadence": {RiskTier.HIGH: Cadence(48, AuditMethod.ON_SITE)}}, "cadence_high"),
    ],
)
def test_rules_that_make_no_sense_are_refused_and_nothing_stored(
    register: Register, change: dict[str, dict[object, object]], field: str
) -> None:
    base = SupervisionRules()
    rule = replace(base.tier_rule, **change.get("tier_rule", {}))  # type: ignore[arg-type]
    cadence = {**base.cadence, **change.get("cadence", {})}  # type: ignore[dict-item]
    with pytest.raises(ValidationError) as raised:
        save_rules(register.unit_of_work(), SupervisionRules(rule, cadence))  # type: ignore[arg-type]
    assert raised.value.field == field
    assert load_rules(register.unit_of_work(readonly=True)) == base


def test_a_manual_tier_needs_a_reason_wins_over_the_rule_and_can_be_lifted(register: Register) -> None:
    party_id = _audited_party(register)
    uow = register.unit_of_work
    party = parties.get_party(uow(readonly=True), party_id)
    with pytest.raises(ValidationError, match="Say why"):
        parties.override_tier(uow(), party_id, RiskTier.HIGH, reason=" ", expected_version=party.version)
    raised = parties.override_tier(
        uow(), party_id, RiskTier.HIGH, reason="監督当局からの指摘を受け強化", expected_version=party.version
    )
    supervision.recompute_all(uow(), today=TODAY)
    now = parties.get_party(uow(readonly=True), party_id)
    assert now.tier is RiskTier.HIGH
    assert now.tier_override_reason == "監督当局からの指摘を受け強化"
    assert now.next_audit_due == date(2027, 3, 1)
    with pytest.raises(ConcurrentEditError):
        parties.override_tier(uow(), party_id, None, reason=None, expected_version=party.version)
    lifted = parties.override_tier(uow(), party_id, None, reason=None, expected_version=raised.version)
    assert lifted.tier is RiskTier.MEDIUM
    assert lifted.tier_override_reason is None
