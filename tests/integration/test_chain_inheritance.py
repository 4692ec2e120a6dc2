"""A re-entrustee handles its parent's data: it inherits the special-care strictness of the chain above it."""

from __future__ import annotations

import json
from datetime import date

from calmi_vendors.services import parties, supervision
from calmi_vendors.services.chain_facts import special_care_party_ids
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.store.register import Register


def test_special_care_flows_down_the_chain_but_not_up(register: Register) -> None:
    uow = register.unit_of_work
    top = parties.create_party(
        uow(), PartyInput(name="株式会社みなと病院事務", data_categories=("medical_history",))
    )
    middle = parties.create_party(uow(), PartyInput(name="有限会社中継ぎ事務", parent_id=top.id))
    bottom = parties.create_party(uow(), PartyInput(name="合同会社末端入力", parent_id=middle.id))
    apart = parties.create_party(uow(), PartyInput(name="株式会社無関係", data_categories=("basic_contact",)))
    above = parties.create_party(uow(), PartyInput(name="株式会社上位", data_categories=("basic_contact",)))
    parties.update_party(
        uow(),
        top.id,
        PartyInput(name=top.name, data_categories=("medical_history",), parent_id=above.id),
        expected_version=parties.get_party(uow(readonly=True), top.id).version,
    )
    readonly = uow(readonly=True)
    with readonly:
        found = special_care_party_ids(readonly.session)
    assert found == {top.id, middle.id, bottom.id}
    assert apart.id not in found
    supervision.recompute_all(uow(), today=date(2026, 4, 1))
    reason = parties.get_party(uow(readonly=True), bottom.id).tier_reason
    assert reason is not None
    assert "special_care" in json.dumps(json.loads(reason))


def test_a_special_care_chain_cannot_waive_the_stricter_security_items(register: Register) -> None:
    from calmi_vendors.domain.enums import ContractStatus, Coverage
    from calmi_vendors.services import contracts, portfolio
    from calmi_vendors.services.contracts import ContractInput

    uow = register.unit_of_work
    top = parties.create_party(
        uow(), PartyInput(name="株式会社みなと検診", data_categories=("health_check",))
    )
    child = parties.create_party(uow(), PartyInput(name="有限会社検診データ入力", parent_id=top.id))
    plain = parties.create_party(
        uow(), PartyInput(name="株式会社一般配送", data_categories=("basic_contact",))
    )
    waived = {
        "security_measures": (Coverage.NOT_APPLICABLE, None),
        "staff_training": (Coverage.PRESENT, "第9条"),
    }
    for party in (child, plain):
        contracts.create_contract(
            uow(),
            party.id,
            ContractInput(title="業務委託契約書", status=ContractStatus.ACTIVE),
            coverage=waived,
        )
    gaps = {(g.party_id, g.requirement_key) for g in portfolio.list_gaps(uow(readonly=True))}
    assert (child.id, "security_measures") in gaps
    assert (plain.id, "security_measures") not in gaps
    assert (child.id, "staff_training") not in gaps
    counts = supervision.clause_gap_counts(uow(readonly=True), today=date(2026, 4, 1))
    assert counts[child.id] == counts[plain.id] + 1
