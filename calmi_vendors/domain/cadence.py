"""Audit cadence per risk tier, and the next due date that follows from it."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from calmi_vendors.domain.enums import AuditMethod, RiskTier


@dataclass(frozen=True, slots=True)
class Cadence:
    months: int
    method: AuditMethod


DEFAULT_CADENCE: Mapping[RiskTier, Cadence] = {
    RiskTier.HIGH: Cadence(12, AuditMethod.ON_SITE),
    RiskTier.MEDIUM: Cadence(24, AuditMethod.REMOTE),
    RiskTier.LOW: Cadence(36, AuditMethod.SELF_ASSESSMENT),
}

# A newly approved party is first audited this many months after approval.
FIRST_AUDIT_MONTHS = 6


def add_months(day: date, months: int) -> date:
    """Same day of month `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_audit_due(
    tier: RiskTier,
    *,
    last_audit: date | None,
    approved_on: date | None,
    cadence: Mapping[RiskTier, Cadence] = DEFAULT_CADENCE,
) -> date | None:
    """When the next audit is due; None when the party has never been approved (nothing to supervise)."""
    if last_audit is not None:
        return add_months(last_audit, cadence[tier].months)
    if approved_on is not None:
        return add_months(approved_on, FIRST_AUDIT_MONTHS)
    return None
