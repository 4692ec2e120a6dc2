"""Portfolio-wide lists the privacy office works from: contracts, assessments, audits, findings, gaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from calmi_vendors.domain.clauses import is_cross_border, is_gap, requirement_applies
from calmi_vendors.domain.enums import (
    AssessmentKind,
    AssessmentResult,
    AssessmentStatus,
    AuditMethod,
    AuditStatus,
    ContractStatus,
    Coverage,
    FindingStatus,
    Severity,
)
from calmi_vendors.domain.lifecycle import LIVE_CONTRACT_STATUSES, OPEN_FINDING_STATUSES
from calmi_vendors.services.chain_facts import special_care_party_ids
from calmi_vendors.store.models import (
    Assessment,
    ClauseCoverage,
    ClauseRequirement,
    ConsignmentContract,
    EntrustedParty,
    Finding,
    SupervisionAudit,
)
from calmi_vendors.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class ContractLine:
    id: int
    party_id: int
    party_name: str
    title: str
    reference_number: str | None
    status: ContractStatus
    effective_on: date | None
    expires_on: date | None
    notice_period_days: int | None
    gaps: int


@dataclass(frozen=True, slots=True)
class AssessmentLine:
    id: int
    party_id: int
    party_name: str
    kind: AssessmentKind
    status: AssessmentStatus
    started_on: date | None
    completed_on: date | None
    score_ratio: float | None
    result: AssessmentResult | None
    assessor: str | None


@dataclass(frozen=True, slots=True)
class AuditLine:
    id: int
    party_id: int
    party_name: str
    method: AuditMethod
    status: AuditStatus
    planned_on: date | None
    performed_on: date | None
    auditor: str | None
    open_findings: int


@dataclass(frozen=True, slots=True)
class FindingLine:
    id: int
    party_id: int
    party_name: str
    audit_id: int
    title: str
    severity: Severity
    status: FindingStatus
    owner: str | None
    due_on: date | None


@dataclass(frozen=True, slots=True)
class GapLine:
    contract_id: int
    party_id: int
    party_name: str
    contract_title: str
    requirement_key: str
    title_en: str
    title_ja: str
    coverage: Coverage


def list_contracts(uow: UnitOfWork) -> list[ContractLine]:
    gaps: dict[int, int] = {}
    for gap in list_gaps(uow):
        gaps[gap.contract_id] = gaps.get(gap.contract_id, 0) + 1
    with uow:
        rows = uow.session.execute(
            sa.select(ConsignmentContract, EntrustedParty.name)
            .join(EntrustedParty, EntrustedParty.id == ConsignmentContract.party_id)
            .order_by(ConsignmentContract.expires_on, ConsignmentContract.id)
        ).all()
        return [
            ContractLine(
                c.id,
                c.party_id,
                name,
                c.title,
                c.reference_number,
                c.status,
                c.effective_on,
                c.expires_on,
                c.notice_period_days,
                gaps.get(c.id, 0),
            )
            for c, name in rows
        ]


def list_assessments(uow: UnitOfWork) -> list[AssessmentLine]:
    with uow:
        rows = uow.session.execute(
            sa.select(Assessment, EntrustedParty.name)
            .join(EntrustedParty, EntrustedParty.id == Assessment.party_id)
            .order_by(Assessment.id.desc())
        ).all()
        return [
            AssessmentLine(
                a.id,
                a.party_id,
                name,
                a.kind,
                a.status,
                a.started_on,
                a.completed_on,
                (a.score / a.max_score) if a.score is not None and a.max_score else None,
                a.result,
                a.assessor,
            )
            for a, name in rows
        ]


def list_audits(
    uow: UnitOfWork, *, due_within: int | None = None, today: date | None = None
) -> list[AuditLine]:
    """Audits in date order; with `due_within`, only planned ones due by then (overdue included)."""
    with uow:
        counts = dict(
            uow.session.execute(
                sa.select(Finding.audit_id, sa.func.count())
                .where(Finding.status.in_(OPEN_FINDING_STATUSES))
                .group_by(Finding.audit_id)
            )
            .tuples()
            .all()
        )
        query = (
            sa.select(SupervisionAudit, EntrustedParty.name)
            .join(EntrustedParty, EntrustedParty.id == SupervisionAudit.party_id)
            .order_by(
                sa.func.coalesce(SupervisionAudit.performed_on, SupervisionAudit.planned_on),
                SupervisionAudit.id,
            )
        )
        if due_within is not None:
            limit = (today or date.today()).toordinal() + due_within
            query = query.where(
                SupervisionAudit.status == AuditStatus.PLANNED,
                SupervisionAudit.planned_on <= date.fromordinal(limit),
            )
        return [
            AuditLine(
                a.id,
                a.party_id,
                name,
                a.method,
                a.status,
                a.planned_on,
                a.performed_on,
                a.auditor,
                int(counts.get(a.id, 0)),
            )
            for a, name in uow.session.execute(query).all()
        ]


def list_findings(uow: UnitOfWork, *, open_only: bool = False) -> list[FindingLine]:
    with uow:
        query = (
            sa.select(Finding, EntrustedParty.name)
            .join(EntrustedParty, EntrustedParty.id == Finding.party_id)
            .order_by(Finding.due_on, Finding.id)
        )
        if open_only:
            query = query.where(Finding.status.in_(OPEN_FINDING_STATUSES))
        return [
            FindingLine(f.id, f.party_id, name, f.audit_id, f.title, f.severity, f.status, f.owner, f.due_on)
            for f, name in uow.session.execute(query).all()
        ]


def list_gaps(uow: UnitOfWork) -> list[GapLine]:
    """Every required clause that a live contract lacks or covers only in part."""
    with uow:
        special = special_care_party_ids(uow.session)
        rows = uow.session.execute(
            sa.select(
                ConsignmentContract.id,
                ConsignmentContract.title,
                EntrustedParty.id,
                EntrustedParty.name,
                EntrustedParty.country,
                EntrustedParty.processing_country,
                EntrustedParty.reentrustment_allowed,
                ClauseRequirement.key,
                ClauseRequirement.title_en,
                ClauseRequirement.title_ja,
                ClauseRequirement.applicability,
                ClauseCoverage.coverage,
                ClauseRequirement.strict_for_special_care,
            )
            .join(EntrustedParty, EntrustedParty.id == ConsignmentContract.party_id)
            .join(ClauseCoverage, ClauseCoverage.contract_id == ConsignmentContract.id)
            .join(ClauseRequirement, ClauseRequirement.id == ClauseCoverage.requirement_id)
            .where(
                ConsignmentContract.status.in_(LIVE_CONTRACT_STATUSES),
                ClauseRequirement.active,
            )
            .order_by(EntrustedParty.name, ConsignmentContract.id, ClauseRequirement.sort_order)
        ).all()
    gaps = []
    for r in rows:
        applies = requirement_applies(
            r.applicability,
            cross_border=is_cross_border(r.country, r.processing_country),
            reentrustment_allowed=r.reentrustment_allowed,
            special_care=r[2] in special,
        )
        if is_gap(r.coverage, applies=applies, strict=r[2] in special and r.strict_for_special_care):
            gaps.append(GapLine(r[0], r[2], r.name, r.title, r.key, r.title_en, r.title_ja, r.coverage))
    return gaps
