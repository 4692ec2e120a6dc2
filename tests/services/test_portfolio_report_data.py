"""The portfolio and clause gap reports' data agree with the register's own lists, on both backends."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import sqlalchemy as sa
from reports.portfolio_support import PARTY_NAMES, TODAY, fill_portfolio

from calmi_vendors.domain.enums import Applicability, AuditStatus, ContractStatus, Coverage, RiskTier
from calmi_vendors.domain.seed import CLAUSES
from calmi_vendors.services import audits, contracts, parties, portfolio
from calmi_vendors.services.contracts import ContractInput
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.portfolio_report import (
    MONTHS_AHEAD,
    MONTHS_BACK,
    TIER_ORDER,
    gap_report_data,
    portfolio_report_data,
)
from calmi_vendors.services.register_view import load_register_rows
from calmi_vendors.store.models import ClauseCoverage
from calmi_vendors.store.register import Register


def test_portfolio_rows_agree_with_the_register(register: Register) -> None:
    ids = fill_portfolio(register)
    uow = register.unit_of_work
    data = portfolio_report_data(uow(readonly=True), TODAY)
    assert data.today == TODAY
    assert sorted(p.name for p in data.parties) == sorted(PARTY_NAMES)
    rows = {r.id: r for r in load_register_rows(uow(readonly=True))}
    last_audits: dict[int, date] = {}
    for party_id in ids.values():
        for audit in audits.audits_of(uow(readonly=True), party_id):
            if audit.status is AuditStatus.COMPLETED and audit.performed_on:
                last_audits[party_id] = max(audit.performed_on, last_audits.get(party_id, audit.performed_on))
    for p in data.parties:
        row = rows[p.id]
        assert (p.name, p.corporate_number, p.tier, p.status) == (
            row.name,
            row.corporate_number,
            row.tier,
            row.status,
        )
        assert (p.open_findings, p.clause_gaps, p.next_audit_due) == (
            row.open_findings,
            row.clause_gaps,
            row.next_audit_due,
        )
        assert p.last_audit == last_audits.get(p.id)
        assert p.overdue == (p.next_audit_due is not None and p.next_audit_due < TODAY)
    # Highest tier first, then by name.
    keys = [(TIER_ORDER.index(p.tier), p.name) for p in data.parties]
    assert keys == sorted(keys)
    assert sum(n for _, n in data.by_tier) == len(PARTY_NAMES)
    assert dict(data.by_tier) == {t: sum(1 for p in data.parties if p.tier == t) for t in TIER_ORDER}
    assert data.audits_overdue == sum(1 for p in data.parties if p.overdue)
    assert data.parties_with_gaps == sum(1 for p in data.parties if p.clause_gaps) > 0
    open_findings = portfolio.list_findings(uow(readonly=True), open_only=True)
    assert dict(data.open_findings_by_severity) == {
        s: n for s, n in Counter(f.severity for f in open_findings).items()
    } | {s: 0 for s, _ in data.open_findings_by_severity if s not in {f.severity for f in open_findings}}
    assert data.overdue_findings == sum(1 for f in open_findings if f.due_on and f.due_on < TODAY)


def test_audit_months_span_the_year_before_and_after(register: Register) -> None:
    fill_portfolio(register)
    data = portfolio_report_data(register.unit_of_work(readonly=True), TODAY)
    months = [m.month for m in data.audits_by_month]
    assert len(months) == MONTHS_BACK + 1 + MONTHS_AHEAD
    assert months[MONTHS_BACK] == date(2026, 4, 1)
    assert months[0] == date(2025, 5, 1)
    assert months[-1] == date(2027, 4, 1)
    assert all(m.day == 1 for m in months)
    performed = [
        a.performed_on
        for a in portfolio.list_audits(register.unit_of_work(readonly=True))
        if a.status is AuditStatus.COMPLETED and a.performed_on and a.performed_on >= months[0]
    ]
    assert sum(m.done for m in data.audits_by_month) == len(performed) > 0
    due_in_window = [
        p.next_audit_due
        for p in data.parties
        if p.next_audit_due and months[0] <= p.next_audit_due < date(2027, 5, 1)
    ]
    assert sum(m.due for m in data.audits_by_month) == len(due_in_window) > 0


def test_gap_matrix_and_gap_list_follow_the_same_rule(register: Register) -> None:
    ids = fill_portfolio(register)
    data = gap_report_data(register.unit_of_work(readonly=True), TODAY)
    assert [r.code for r in data.requirements] == [f"C{n:02d}" for n in range(1, len(CLAUSES) + 1)]
    assert [r.key for r in data.requirements] == [c.key for c in CLAUSES]
    listed = portfolio.list_gaps(register.unit_of_work(readonly=True))
    from_matrix = {
        (row.contract_id, column.key)
        for row in data.rows
        for column, cell in zip(data.requirements, row.cells, strict=True)
        if cell.gap
    }
    assert from_matrix == {(g.contract_id, g.requirement_key) for g in listed}
    assert sorted(data.gaps, key=lambda g: (g.contract_id, g.requirement_key)) == sorted(
        listed, key=lambda g: (g.contract_id, g.requirement_key)
    )
    assert [(g.contract_id, g.requirement_key) for g in data.gaps] == sorted(
        ((g.contract_id, g.requirement_key) for g in data.gaps),
        key=lambda k: (next(x.party_name for x in data.gaps if x.contract_id == k[0]), k[0],
                       [r.key for r in data.requirements].index(k[1])),
    )  # fmt: skip
    # Only live contracts; the expired ones never appear.
    assert all(row.status is not ContractStatus.EXPIRED for row in data.rows)
    assert not any(row.contract_title.startswith("Old agreement") for row in data.rows)
    assert sum(row.gaps for row in data.rows) == len(data.gaps)
    # The cross-border clause applies only where data is handled abroad.
    cross = next(i for i, r in enumerate(data.requirements) if r.applicability is Applicability.CROSS_BORDER)
    abroad = {ids[name] for i, name in enumerate(PARTY_NAMES) if i % 4 == 1 or i % 5 == 2}
    for row in data.rows:
        assert row.cells[cross].applies == (row.party_id in abroad), row.party_name
    register_gaps = {r.id: r.clause_gaps for r in load_register_rows(register.unit_of_work(readonly=True))}
    per_party = Counter(g.party_id for g in data.gaps)
    assert {pid: n for pid, n in register_gaps.items() if n} == dict(per_party)
    assert data.parties_with_gaps == len(per_party)
    assert data.contracts_with_gaps == len({g.contract_id for g in data.gaps})


def test_a_requirement_without_recorded_coverage_is_shown_but_no_gap(register: Register) -> None:
    uow = register.unit_of_work
    party = parties.create_party(uow(), PartyInput(name="空白 K.K."))
    made = contracts.create_contract(
        uow(), party.id, ContractInput(title="Bare", status=ContractStatus.DRAFT), coverage={}
    )
    with uow() as work:
        work.session.execute(sa.delete(ClauseCoverage).where(ClauseCoverage.contract_id == made.id))
        work.commit()
    data = gap_report_data(uow(readonly=True), TODAY)
    (row,) = data.rows
    assert all(cell.coverage is None and not cell.gap for cell in row.cells)
    assert data.gaps == ()
    portfolio_data = portfolio_report_data(uow(readonly=True), TODAY)
    assert portfolio_data.parties[0].tier in (*RiskTier, None)


def _count_statements(register: Register, action: Any) -> int:
    count = 0

    def seen(*_args: object) -> None:
        nonlocal count
        count += 1

    sa.event.listen(register.engine, "before_cursor_execute", seen)
    try:
        action()
    finally:
        sa.event.remove(register.engine, "before_cursor_execute", seen)
    return count


def test_queries_do_not_grow_with_the_number_of_parties(register: Register) -> None:
    fill_portfolio(register)
    uow = register.unit_of_work

    def both() -> None:
        portfolio_report_data(uow(readonly=True), TODAY)
        gap_report_data(uow(readonly=True), TODAY)

    before = _count_statements(register, both)
    for i in range(20):
        made = parties.create_party(uow(), PartyInput(name=f"追加 {i}", country="US" if i % 2 else "JP"))
        contracts.create_contract(
            uow(),
            made.id,
            ContractInput(title=f"追加契約 {i}", status=ContractStatus.ACTIVE),
            coverage={"confidentiality": (Coverage.PARTIAL, None)},
        )
    after = _count_statements(register, both)
    assert after == before <= 32  # a handful of set-based queries (and pragmas), not one per party
