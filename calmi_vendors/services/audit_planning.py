"""Plan supervision audits in batches: which parties fall due, and one transaction for the whole batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from calmi_vendors.domain.enums import AuditMethod, AuditStatus, RiskTier
from calmi_vendors.domain.lifecycle import SUPERVISED
from calmi_vendors.domain.text import clean_text
from calmi_vendors.errors import NotFoundError, ValidationError
from calmi_vendors.services.supervision_rules import rules_in
from calmi_vendors.store.models import EntrustedParty, SupervisionAudit
from calmi_vendors.store.unit_of_work import UnitOfWork

MAX_BATCH = 5_000


@dataclass(frozen=True, slots=True)
class AuditCandidate:
    """A supervised party whose next audit falls due in the window and has none planned yet."""

    party_id: int
    party_name: str
    tier: RiskTier | None
    next_audit_due: date
    days_left: int
    method: AuditMethod
    """The method its tier's cadence asks for."""


@dataclass(frozen=True, slots=True)
class AuditPlan:
    party_id: int
    method: AuditMethod
    planned_on: date
    auditor: str | None = None
    scope: str | None = None


def audit_candidates(uow: UnitOfWork, *, today: date, within_days: int) -> list[AuditCandidate]:
    """Parties due (or overdue) within `within_days` of `today` with no planned audit, soonest first."""
    if not 0 <= within_days <= 3660:
        raise ValidationError("Look ahead from 0 to 3,660 days.", field="within_days")
    with uow:
        session = uow.session
        cadence = rules_in(session).cadence
        planned = sa.select(SupervisionAudit.party_id).where(SupervisionAudit.status == AuditStatus.PLANNED)
        tier = sa.func.coalesce(EntrustedParty.tier_override, EntrustedParty.tier)
        rows = session.execute(
            sa.select(
                EntrustedParty.id, EntrustedParty.name, tier.label("tier"), EntrustedParty.next_audit_due
            )
            .where(
                EntrustedParty.status.in_(SUPERVISED),
                EntrustedParty.next_audit_due.is_not(None),
                EntrustedParty.next_audit_due <= today + timedelta(days=within_days),
                EntrustedParty.id.not_in(planned),
            )
            .order_by(EntrustedParty.next_audit_due, EntrustedParty.name)
        ).all()
    result = []
    for row in rows:
        effective = RiskTier(row.tier) if row.tier else None
        method = cadence[effective].method if effective else AuditMethod.DOCUMENT_REVIEW
        result.append(
            AuditCandidate(
                row.id, row.name, effective, row.next_audit_due, (row.next_audit_due - today).days, method
            )
        )
    return result


def plan_audits(uow: UnitOfWork, plans: Sequence[AuditPlan], *, batch_label: str | None) -> list[int]:
    """Plan every audit of the batch in one transaction (all of them or none); the new audits' ids."""
    if not plans:
        raise ValidationError("Choose at least one party to audit.", field="parties")
    if len(plans) > MAX_BATCH:
        raise ValidationError(f"A batch plans at most {MAX_BATCH:,} audits.", field="parties")
    label = clean_text(batch_label) if batch_label else None
    if label and len(label) > 100:
        raise ValidationError("A batch name has at most 100 characters.", field="batch_label")
    with uow:
        session = uow.session
        wanted = {p.party_id for p in plans}
        found = set(session.scalars(sa.select(EntrustedParty.id).where(EntrustedParty.id.in_(wanted))))
        missing = sorted(wanted - found)
        if missing:
            raise NotFoundError(f"There is no entrusted party #{missing[0]}; nothing was planned.")
        if len(wanted) != len(plans):
            raise ValidationError("A party appears twice in the batch.", field="parties")
        audits = [
            SupervisionAudit(
                party_id=p.party_id,
                method=p.method,
                planned_on=p.planned_on,
                auditor=clean_text(p.auditor) or None if p.auditor else None,
                scope=p.scope,
                batch_label=label or None,
            )
            for p in plans
        ]
        session.add_all(audits)
        uow.commit()
        return [a.id for a in audits]
