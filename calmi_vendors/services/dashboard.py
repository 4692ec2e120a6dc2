"""The numbers the privacy office watches: tiers, statuses, audits due, expiries, findings, clause gaps."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from calmi_vendors.domain.enums import PartyStatus, RiskTier, Severity
from calmi_vendors.domain.lifecycle import OPEN_FINDING_STATUSES, SUPERVISED
from calmi_vendors.services.register_view import RegisterRow
from calmi_vendors.store.models import Finding, SupervisionAudit
from calmi_vendors.store.unit_of_work import UnitOfWork

HORIZONS = (30, 60, 90)


@dataclass(frozen=True, slots=True)
class Dashboard:
    today: date
    parties: int
    by_tier: dict[RiskTier | None, int]
    by_status: dict[PartyStatus, int]
    audits_overdue: int
    audits_due: dict[int, int]
    contracts_expiring: dict[int, int]
    certificates_expiring: dict[int, int]
    open_findings: dict[Severity, int]
    overdue_findings: int
    parties_with_clause_gaps: int
    audits_by_month: tuple[tuple[str, int, int], ...]


def _count_within(days: Sequence[date | None], today: date, horizon: int) -> int:
    end = today + timedelta(days=horizon)
    return sum(1 for d in days if d is not None and today <= d <= end)


def build_dashboard(uow: UnitOfWork, rows: Sequence[RegisterRow], *, today: date) -> Dashboard:
    """Summarise the register rows (already loaded for the table) plus findings and audit history."""
    supervised = [r for r in rows if r.status in SUPERVISED]
    due = [r.next_audit_due for r in supervised]
    with uow:
        severities = Counter(
            Severity(s)
            for (s,) in uow.session.execute(
                sa.select(Finding.severity).where(Finding.status.in_(OPEN_FINDING_STATUSES))
            )
        )
        overdue_findings = uow.session.scalar(
            sa.select(sa.func.count()).where(
                Finding.status.in_(OPEN_FINDING_STATUSES), Finding.due_on < today
            )
        )
        start = date(today.year - 1, today.month, 1)
        performed = Counter(
            f"{d.year}-{d.month:02d}"
            for (d,) in uow.session.execute(
                sa.select(SupervisionAudit.performed_on).where(SupervisionAudit.performed_on >= start)
            )
            if d is not None
        )
    planned = Counter(f"{d.year}-{d.month:02d}" for d in due if d is not None)
    months = []
    cursor = start
    for _ in range(13):
        key = f"{cursor.year}-{cursor.month:02d}"
        months.append((key, performed.get(key, 0), planned.get(key, 0)))
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    return Dashboard(
        today=today,
        parties=len(rows),
        by_tier=dict(Counter(r.tier for r in rows)),
        by_status=dict(Counter(r.status for r in rows)),
        audits_overdue=sum(1 for d in due if d is not None and d < today),
        audits_due={h: _count_within(due, today, h) for h in HORIZONS},
        contracts_expiring={
            h: _count_within([r.contract_expires_on for r in rows], today, h) for h in HORIZONS
        },
        certificates_expiring={
            h: _count_within([r.certificate_expires_on for r in rows], today, h) for h in HORIZONS
        },
        open_findings={s: severities.get(s, 0) for s in Severity},
        overdue_findings=int(overdue_findings or 0),
        parties_with_clause_gaps=sum(1 for r in rows if r.clause_gaps),
        audits_by_month=tuple(months),
    )
