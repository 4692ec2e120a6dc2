"""What the audit report prints about one supervision audit, gathered in one read-only unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from calmi_vendors.domain.enums import (
    AuditConclusion,
    AuditMethod,
    AuditStatus,
    FindingStatus,
    PartyStatus,
    RiskTier,
    Severity,
)
from calmi_vendors.errors import NotFoundError
from calmi_vendors.store.models import (
    ClauseRequirement,
    EntrustedParty,
    Evidence,
    Finding,
    SupervisionAudit,
)
from calmi_vendors.store.unit_of_work import UnitOfWork

Names = tuple[str, str]
"""An (English, Japanese) pair of names."""


@dataclass(frozen=True, slots=True)
class AuditedParty:
    """The audited party as the report names it."""

    id: int
    name: str
    corporate_number: str | None
    tier: RiskTier | None
    status: PartyStatus
    business_functions: tuple[Names, ...]


@dataclass(frozen=True, slots=True)
class ReportFinding:
    """One finding with everything the report prints about it; `number` is its order in the audit."""

    id: int
    number: int
    title: str
    description: str | None
    severity: Severity
    requirement: Names | None
    corrective_action: str | None
    owner: str | None
    due_on: date | None
    status: FindingStatus
    closed_on: date | None
    closure_evidence: str | None
    verified_on: date | None
    verified_by: str | None


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """A file attached to the audit or to one of its findings (`finding_number` then says which)."""

    file_name: str
    sha256: str
    added_at: datetime
    description: str | None
    finding_number: int | None = None


@dataclass(frozen=True, slots=True)
class AuditReportData:
    """One supervision audit, its party, findings and evidence; the audit report reads nothing else."""

    audit_id: int
    title: str | None
    method: AuditMethod
    status: AuditStatus
    planned_on: date | None
    performed_on: date | None
    auditor: str | None
    participants: str | None
    scope: str | None
    conclusion: AuditConclusion | None
    conclusion_notes: str | None
    batch_label: str | None
    party: AuditedParty
    findings: tuple[ReportFinding, ...] = ()
    evidence: tuple[EvidenceFile, ...] = ()


def audit_report_data(uow: UnitOfWork, audit_id: int) -> AuditReportData:
    """Gather audit `audit_id` for its report (a handful of queries, whatever the number of findings)."""
    with uow:
        session = uow.session
        audit = session.get(
            SupervisionAudit,
            audit_id,
            options=[
                selectinload(SupervisionAudit.findings),
                selectinload(SupervisionAudit.party).selectinload(EntrustedParty.business_functions),
            ],
        )
        if audit is None:
            raise NotFoundError(f"There is no supervision audit #{audit_id}.")
        p = audit.party
        party = AuditedParty(
            id=p.id,
            name=p.name,
            corporate_number=p.corporate_number,
            tier=p.effective_tier,
            status=p.status,
            business_functions=tuple((f.name_en, f.name_ja) for f in p.business_functions),
        )
        requirement_ids = {f.requirement_id for f in audit.findings if f.requirement_id}
        titles: dict[int, Names] = {}
        if requirement_ids:
            titles = {
                rid: (en, ja)
                for rid, en, ja in session.execute(
                    sa.select(
                        ClauseRequirement.id, ClauseRequirement.title_en, ClauseRequirement.title_ja
                    ).where(ClauseRequirement.id.in_(requirement_ids))
                ).tuples()
            }
        ordered = sorted(audit.findings, key=lambda f: f.id)
        findings = tuple(_finding(f, n, titles) for n, f in enumerate(ordered, start=1))
        number_of = {f.id: f.number for f in findings}
        evidence = _evidence(session, audit.id, number_of)
        return AuditReportData(
            audit_id=audit.id,
            title=audit.title,
            method=audit.method,
            status=audit.status,
            planned_on=audit.planned_on,
            performed_on=audit.performed_on,
            auditor=audit.auditor,
            participants=audit.participants,
            scope=audit.scope,
            conclusion=audit.conclusion,
            conclusion_notes=audit.conclusion_notes,
            batch_label=audit.batch_label,
            party=party,
            findings=findings,
            evidence=evidence,
        )


def _finding(f: Finding, number: int, titles: dict[int, Names]) -> ReportFinding:
    return ReportFinding(
        id=f.id,
        number=number,
        title=f.title,
        description=f.description,
        severity=f.severity,
        requirement=titles.get(f.requirement_id) if f.requirement_id else None,
        corrective_action=f.corrective_action,
        owner=f.owner,
        due_on=f.due_on,
        status=f.status,
        closed_on=f.closed_on,
        closure_evidence=f.closure_evidence,
        verified_on=f.verified_on,
        verified_by=f.verified_by,
    )


def _evidence(session: sa.orm.Session, audit_id: int, number_of: dict[int, int]) -> tuple[EvidenceFile, ...]:
    """Files attached to the audit itself first, then those attached to its findings, in finding order."""
    on_audit = sa.and_(Evidence.record_type == "supervision_audit", Evidence.record_id == audit_id)
    on_findings = sa.and_(Evidence.record_type == "finding", Evidence.record_id.in_(list(number_of)))
    condition = sa.or_(on_audit, on_findings) if number_of else on_audit
    rows = session.scalars(sa.select(Evidence).where(condition).order_by(Evidence.id)).all()
    files = [
        EvidenceFile(
            file_name=e.file_name,
            sha256=e.sha256,
            added_at=e.added_at,
            description=e.description,
            finding_number=number_of.get(e.record_id) if e.record_type == "finding" else None,
        )
        for e in rows
    ]
    files.sort(key=lambda e: e.finding_number or 0)  # stable: keeps the id order within each group
    return tuple(files)
