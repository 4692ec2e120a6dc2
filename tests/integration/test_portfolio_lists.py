"""Portfolio lists and register rows agree with the records the services wrote."""

from __future__ import annotations

from datetime import date

from calmi_vendors.domain.enums import AuditConclusion, AuditMethod, ContractStatus, Coverage, Severity
from calmi_vendors.services import audits, contracts, parties, portfolio, register_settings
from calmi_vendors.services.audits import FindingInput
from calmi_vendors.services.contracts import ContractInput
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.register_view import RegisterFilter, load_register_rows, row_matches
from calmi_vendors.store.register import Register

TODAY = date(2026, 4, 1)


def test_gaps_follow_the_partys_profile(register: Register) -> None:
    uow = register.unit_of_work
    home = parties.create_party(uow(), PartyInput(name="Home K.K.", country="JP"))
    abroad = parties.create_party(uow(), PartyInput(name="Abroad Inc.", country="US"))
    for party in (home, abroad):
        contracts.create_contract(
            uow(),
            party.id,
            ContractInput(title="Consignment", status=ContractStatus.ACTIVE, expires_on=date(2026, 5, 1)),
            coverage={
                "security_measures": (Coverage.PRESENT, "Art. 5"),
                "confidentiality": (Coverage.PARTIAL, None),
            },
        )
    gaps = portfolio.list_gaps(uow(readonly=True))
    home_keys = {g.requirement_key for g in gaps if g.party_id == home.id}
    abroad_keys = {g.requirement_key for g in gaps if g.party_id == abroad.id}
    assert "security_measures" not in home_keys
    assert "confidentiality" in home_keys
    assert "cross_border" not in home_keys  # data stays in Japan
    assert "cross_border" in abroad_keys
    lines = {c.party_id: c for c in portfolio.list_contracts(uow(readonly=True))}
    assert lines[home.id].gaps == len(home_keys)
    rows = {r.id: r for r in load_register_rows(uow(readonly=True))}
    assert rows[home.id].clause_gaps == len(home_keys)
    assert row_matches(rows[home.id], RegisterFilter(contract_expiring_within=30), today=TODAY)
    assert not row_matches(rows[home.id], RegisterFilter(contract_expiring_within=10), today=TODAY)


def test_audits_due_and_open_findings_are_listed(register: Register) -> None:
    uow = register.unit_of_work
    party = parties.create_party(uow(), PartyInput(name="Audited K.K."))
    done = audits.plan_audit(uow(), party.id, method=AuditMethod.REMOTE, planned_on=date(2026, 1, 10))
    audits.record_audit(
        uow(),
        done.id,
        performed_on=date(2026, 1, 12),
        conclusion=AuditConclusion.SATISFACTORY_WITH_FINDINGS,
        findings=(FindingInput("ログ保存期間が90日", Severity.MAJOR, owner="佐藤", due_on=date(2026, 3, 1)),),
    )
    audits.plan_audit(uow(), party.id, method=AuditMethod.ON_SITE, planned_on=date(2026, 4, 20))
    due = portfolio.list_audits(uow(readonly=True), due_within=30, today=TODAY)
    assert [a.planned_on for a in due] == [date(2026, 4, 20)]
    open_findings = portfolio.list_findings(uow(readonly=True), open_only=True)
    assert [(f.title, f.severity) for f in open_findings] == [("ログ保存期間が90日", Severity.MAJOR)]
    assert [a.open_findings for a in portfolio.list_audits(uow(readonly=True))] == [1, 0]


def test_register_settings_round_trip_and_refuse_nonsense(register: Register) -> None:
    import pytest

    from calmi_vendors.errors import ValidationError

    saved = register_settings.save_settings(
        register.unit_of_work(), register_settings.RegisterSettings("株式会社カルミ", "Letter", 4)
    )
    assert register_settings.load_settings(register.unit_of_work()) == saved
    with pytest.raises(ValidationError, match="A4 or Letter"):
        register_settings.save_settings(
            register.unit_of_work(), register_settings.RegisterSettings("x", "B5", 4)
        )
