"""Supervision audits and their findings: plan, record, follow each finding to verified closure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from calmi_vendors.domain.enums import AuditConclusion, AuditMethod, AuditStatus, FindingStatus, Severity
from calmi_vendors.errors import NotFoundError, ValidationError
from calmi_vendors.services.dto import AuditView, FindingView
from calmi_vendors.store.models import ClauseRequirement, EntrustedParty, Finding, SupervisionAudit
from calmi_vendors.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class FindingInput:
    title: str
    severity: Severity
    description: str | None = None
    requirement_key: str | None = None
    corrective_action: str | None = None
    owner: str | None = None
    due_on: date | None = None


def finding_view(f: Finding, requirement_keys: dict[int, str]) -> FindingView:
    return FindingView(
        id=f.id,
        version=f.version,
        audit_id=f.audit_id,
        party_id=f.party_id,
        title=f.title,
        description=f.description,
        severity=f.severity,
        requirement_key=requirement_keys.get(f.requirement_id) if f.requirement_id else None,
        corrective_action=f.corrective_action,
        owner=f.owner,
        due_on=f.due_on,
        status=f.status,
        closed_on=f.closed_on,
        verified_on=f.verified_on,
        verified_by=f.verified_by,
    )


def _requirement_keys(uow: UnitOfWork) -> dict[int, str]:
    return dict(uow.session.execute(sa.select(ClauseRequirement.id, ClauseRequirement.key)).tuples().all())


def audit_view(a: SupervisionAudit, requirement_keys: dict[int, str]) -> AuditView:
    return AuditView(
        id=a.id,
        version=a.version,
        party_id=a.party_id,
        party_name=a.party.name,
        title=a.title,
        method=a.method,
        status=a.status,
        planned_on=a.planned_on,
        performed_on=a.performed_on,
        auditor=a.auditor,
        participants=a.participants,
        scope=a.scope,
        conclusion=a.conclusion,
        conclusion_notes=a.conclusion_notes,
        findings=tuple(finding_view(f, requirement_keys) for f in a.findings),
    )


def _load(uow: UnitOfWork, audit_id: int) -> SupervisionAudit:
    audit = uow.session.get(SupervisionAudit, audit_id, options=[selectinload(SupervisionAudit.findings)])
    if audit is None:
        raise NotFoundError(f"There is no supervision audit #{audit_id}.")
    return audit


def plan_audit(
    uow: UnitOfWork,
    party_id: int,
    *,
    method: AuditMethod,
    planned_on: date,
    auditor: str | None = None,
    scope: str | None = None,
    title: str | None = None,
    batch_label: str | None = None,
) -> AuditView:
    with uow:
        if uow.session.get(EntrustedParty, party_id) is None:
            raise NotFoundError(f"There is no entrusted party #{party_id}.")
        audit = SupervisionAudit(
            party_id=party_id,
            method=method,
            planned_on=planned_on,
            auditor=auditor,
            scope=scope,
            title=title,
            batch_label=batch_label,
        )
        uow.session.add(audit)
        uow.commit()
        return audit_view(audit, _requirement_keys(uow))


def record_audit(
    uow: UnitOfWork,
    audit_id: int,
    *,
    performed_on: date,
    conclusion: AuditConclusion,
    participants: str | None = None,
    conclusion_notes: str | None = None,
    findings: tuple[FindingInput, ...] = (),
) -> AuditView:
    """Record a performed audit, its conclusion and the findings it raised."""
    with uow:
        audit = _load(uow, audit_id)
        if audit.status is AuditStatus.CANCELLED:
            raise ValidationError(f"Audit #{audit_id} was cancelled; plan a new one.")
        keys = {v: k for k, v in _requirement_keys(uow).items()}
        for item in findings:
            if not item.title.strip():
                raise ValidationError("Every finding needs a title.", field="title")
            if item.requirement_key and item.requirement_key not in keys:
                raise ValidationError(f"Unknown clause requirement {item.requirement_key!r}.")
            audit.findings.append(
                Finding(
                    party_id=audit.party_id,
                    title=item.title.strip(),
                    severity=item.severity,
                    description=item.description,
                    requirement_id=keys.get(item.requirement_key) if item.requirement_key else None,
                    corrective_action=item.corrective_action,
                    owner=item.owner,
                    due_on=item.due_on,
                )
            )
        audit.performed_on = performed_on
        audit.conclusion = conclusion
        audit.participants = participants
        audit.conclusion_notes = conclusion_notes
        audit.status = AuditStatus.COMPLETED
        uow.commit()
        return audit_view(audit, _requirement_keys(uow))


def close_finding(uow: UnitOfWork, finding_id: int, *, closed_on: date, evidence: str) -> FindingView:
    with uow:
        finding = uow.session.get(Finding, finding_id)
        if finding is None:
            raise NotFoundError(f"There is no finding #{finding_id}.")
        if not evidence.strip():
            raise ValidationError(
                "Closing a finding needs evidence of the corrective action.", field="evidence"
            )
        finding.status = FindingStatus.CLOSED
        finding.closed_on = closed_on
        finding.closure_evidence = evidence.strip()
        uow.commit()
        return finding_view(finding, _requirement_keys(uow))


def verify_finding(uow: UnitOfWork, finding_id: int, *, verified_on: date, verified_by: str) -> FindingView:
    """Verification is by someone other than the finding's owner (four eyes)."""
    with uow:
        finding = uow.session.get(Finding, finding_id)
        if finding is None:
            raise NotFoundError(f"There is no finding #{finding_id}.")
        if finding.status is not FindingStatus.CLOSED:
            raise ValidationError("Only a closed finding can be verified.", field="status")
        if finding.owner and verified_by.strip().casefold() == finding.owner.strip().casefold():
            raise ValidationError(
                "The finding's owner cannot verify it; ask someone else to check the closure.",
                field="verified_by",
            )
        if finding.closed_on and verified_on < finding.closed_on:
            raise ValidationError("Verification cannot predate the closure.", field="verified_on")
        finding.status = FindingStatus.VERIFIED
        finding.verified_on = verified_on
        finding.verified_by = verified_by.strip()
        uow.commit()
        return finding_view(finding, _requirement_keys(uow))


def audits_of(uow: UnitOfWork, party_id: int) -> list[AuditView]:
    with uow:
        rows = uow.session.scalars(
            sa.select(SupervisionAudit)
            .where(SupervisionAudit.party_id == party_id)
            .options(selectinload(SupervisionAudit.findings))
            .order_by(SupervisionAudit.id)
        ).all()
        keys = _requirement_keys(uow)
        return [audit_view(a, keys) for a in rows]


def get_audit(uow: UnitOfWork, audit_id: int) -> AuditView:
    with uow:
        return audit_view(_load(uow, audit_id), _requirement_keys(uow))
