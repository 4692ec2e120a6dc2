"""Derived supervision state of every party: risk tier (with its reasons) and next audit due date."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from calmi_vendors.domain.cadence import next_audit_due
from calmi_vendors.domain.chain import chain_depth
from calmi_vendors.domain.clauses import is_cross_border, is_gap, requirement_applies
from calmi_vendors.domain.enums import (
    AssessmentKind,
    AssessmentStatus,
    AuditStatus,
    ChangeAction,
    PartyStatus,
    Severity,
)
from calmi_vendors.domain.lifecycle import (
    LIVE_CONTRACT_STATUSES,
    OPEN_FINDING_STATUSES,
    PASSING_RESULTS,
    SUPERVISED,
)
from calmi_vendors.domain.tiering import TierFacts, decide_tier
from calmi_vendors.services.chain_facts import special_care_party_ids
from calmi_vendors.services.supervision_rules import rules_in
from calmi_vendors.store import history
from calmi_vendors.store.models import (
    Assessment,
    ClauseCoverage,
    ClauseRequirement,
    ConsignmentContract,
    EntrustedParty,
    Finding,
    StatusChange,
    SupervisionAudit,
)
from calmi_vendors.store.unit_of_work import UnitOfWork

SERIOUS = (Severity.CRITICAL, Severity.MAJOR)


@dataclass(frozen=True, slots=True)
class _PortfolioFacts:
    special: set[int]
    ratios: dict[int, float]
    open: dict[int, int]
    overdue: dict[int, int]
    serious: dict[int, int]
    last_audit: dict[int, date]
    approved: dict[int, date]
    coverage: list[Any]


def _portfolio_facts(session: Any, today: date) -> _PortfolioFacts:
    special = special_care_party_ids(session)
    ratios: dict[int, float] = {}
    for party_id, score, max_score in session.execute(
        sa.select(Assessment.party_id, Assessment.score, Assessment.max_score)
        .where(Assessment.status == AssessmentStatus.COMPLETED)
        .order_by(Assessment.completed_on, Assessment.id)
    ):
        if max_score:
            ratios[party_id] = float(score or 0) / float(max_score)
    open_f: dict[int, int] = defaultdict(int)
    overdue_f: dict[int, int] = defaultdict(int)
    serious_f: dict[int, int] = defaultdict(int)
    for party_id, severity, due_on in session.execute(
        sa.select(Finding.party_id, Finding.severity, Finding.due_on).where(
            Finding.status.in_(OPEN_FINDING_STATUSES)
        )
    ):
        open_f[party_id] += 1
        if due_on is not None and due_on < today:
            overdue_f[party_id] += 1
        if severity in SERIOUS:
            serious_f[party_id] += 1
    last_audit = dict(
        session.execute(
            sa.select(SupervisionAudit.party_id, sa.func.max(SupervisionAudit.performed_on))
            .where(SupervisionAudit.status == AuditStatus.COMPLETED)
            .group_by(SupervisionAudit.party_id)
        )
        .tuples()
        .all()
    )
    # Approval dates come from the passed selection assessment (a business date), else from the status log.
    approved: dict[int, date] = {
        pid: when.date()
        for pid, when in session.execute(
            sa.select(StatusChange.party_id, sa.func.min(StatusChange.changed_at))
            .where(StatusChange.to_status == PartyStatus.APPROVED)
            .group_by(StatusChange.party_id)
        )
        .tuples()
        .all()
        if when is not None
    }
    for pid, when in (
        session.execute(
            sa.select(Assessment.party_id, sa.func.min(Assessment.completed_on))
            .where(
                Assessment.kind == AssessmentKind.SELECTION,
                Assessment.status == AssessmentStatus.COMPLETED,
                Assessment.result.in_(PASSING_RESULTS),
            )
            .group_by(Assessment.party_id)
        )
        .tuples()
        .all()
    ):
        if when is not None:
            approved[pid] = when
    coverage = session.execute(
        sa.select(
            ConsignmentContract.party_id,
            ClauseRequirement.applicability,
            ClauseCoverage.coverage,
            ClauseRequirement.strict_for_special_care,
        )
        .join(ClauseCoverage, ClauseCoverage.contract_id == ConsignmentContract.id)
        .join(ClauseRequirement, ClauseRequirement.id == ClauseCoverage.requirement_id)
        .where(ConsignmentContract.status.in_(LIVE_CONTRACT_STATUSES), ClauseRequirement.active)
    ).all()
    return _PortfolioFacts(
        special, ratios, open_f, overdue_f, serious_f, last_audit, approved, list(coverage)
    )


def _gap_counts(facts: _PortfolioFacts, by_id: dict[int, Any]) -> dict[int, int]:
    """Missing or partial coverage of requirements that apply to each party's current contracts."""
    gaps: dict[int, int] = defaultdict(int)
    for party_id, applicability, cov, strict in facts.coverage:
        p = by_id[party_id]
        special = party_id in facts.special
        applies = requirement_applies(
            applicability,
            cross_border=is_cross_border(p.country, p.processing_country),
            reentrustment_allowed=p.reentrustment_allowed,
            special_care=special,
        )
        if is_gap(cov, applies=applies, strict=special and strict):
            gaps[party_id] += 1
    return gaps


def clause_gap_counts(uow: UnitOfWork, *, today: date) -> dict[int, int]:
    """How many required clauses each party's current contracts lack (parties with none are left out)."""
    with uow:
        facts = _portfolio_facts(uow.session, today)
        parties = uow.session.execute(
            sa.select(
                EntrustedParty.id,
                EntrustedParty.country,
                EntrustedParty.processing_country,
                EntrustedParty.reentrustment_allowed,
            )
        ).all()
        return dict(_gap_counts(facts, {p.id: p for p in parties}))


def recompute_all(uow: UnitOfWork, *, today: date) -> int:
    """Recompute tier, reasons and next audit due for every party; return how many changed.

    Derived fields are written without bumping the party's version, so a recompute never makes a
    user's open edit look stale; the change history still records each new value.
    """
    with uow:
        session = uow.session
        facts = _portfolio_facts(session, today)
        rules = rules_in(session)
        parties = session.execute(
            sa.select(
                EntrustedParty.id,
                EntrustedParty.parent_id,
                EntrustedParty.status,
                EntrustedParty.country,
                EntrustedParty.processing_country,
                EntrustedParty.data_subjects_approx,
                EntrustedParty.reentrustment_allowed,
                EntrustedParty.tier,
                EntrustedParty.tier_override,
                EntrustedParty.tier_reason,
                EntrustedParty.next_audit_due,
            )
        ).all()
        parent_of = {p.id: p.parent_id for p in parties}
        by_id = {p.id: p for p in parties}
        gaps = _gap_counts(facts, by_id)
        changes: list[history.PendingChange] = []
        updates: list[dict[str, Any]] = []
        for p in parties:
            decision = decide_tier(
                TierFacts(
                    special_care=p.id in facts.special,
                    data_subjects=p.data_subjects_approx,
                    cross_border=is_cross_border(p.country, p.processing_country),
                    chain_depth=chain_depth(p.id, parent_of.get),
                    assessment_ratio=facts.ratios.get(p.id),
                    open_findings=facts.open.get(p.id, 0),
                    overdue_findings=facts.overdue.get(p.id, 0),
                    serious_open_findings=facts.serious.get(p.id, 0),
                    clause_gaps=gaps.get(p.id, 0),
                ),
                rules.tier_rule,
            )
            effective = p.tier_override or decision.tier
            due = (
                next_audit_due(
                    effective,
                    last_audit=facts.last_audit.get(p.id),
                    approved_on=facts.approved.get(p.id),
                    cadence=rules.cadence,
                )
                if p.status in SUPERVISED
                else None
            )
            reason = decision.to_json()
            new = {"tier": decision.tier, "tier_reason": reason, "next_audit_due": due}
            old = {"tier": p.tier, "tier_reason": p.tier_reason, "next_audit_due": p.next_audit_due}
            if new == old:
                continue
            updates.append({"pid": p.id, "new_tier": decision.tier, "new_reason": reason, "new_due": due})
            for key, value in new.items():
                if old[key] != value:
                    changes.append(
                        history.PendingChange(
                            ChangeAction.UPDATE,
                            "entrusted_party",
                            p.id,
                            key,
                            history.to_text(old[key]),
                            history.to_text(value),
                        )
                    )
        if updates:
            table = EntrustedParty.__table__
            assert isinstance(table, sa.Table)
            session.execute(
                table.update()
                .where(table.c.id == sa.bindparam("pid"))
                .values(
                    tier=sa.bindparam("new_tier", type_=table.c.tier.type),
                    tier_reason=sa.bindparam("new_reason"),
                    next_audit_due=sa.bindparam("new_due"),
                ),
                updates,
            )
            history.write_changes(session.connection(), changes, actor=uow.actor)
        uow.commit()
        return len(updates)
