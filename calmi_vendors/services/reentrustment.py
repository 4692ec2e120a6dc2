"""Re-entrustment approvals (given in the context of the parent) and foreign-regime checks of a party."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from calmi_vendors.domain.countries import COUNTRY_NAMES
from calmi_vendors.domain.text import clean_text
from calmi_vendors.errors import NotFoundError, RuleViolation, ValidationError
from calmi_vendors.store.models import EntrustedParty, ForeignRegimeCheck, ReentrustmentApproval
from calmi_vendors.store.unit_of_work import UnitOfWork

_LONG = 4000


@dataclass(frozen=True, slots=True)
class ApprovalInput:
    approved_on: date
    approved_by: str
    scope_of_work: str
    handling_method: str | None = None
    prior_report_on: date | None = None
    next_recheck_on: date | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class ApprovalView:
    id: int
    party_id: int
    parent_id: int
    parent_name: str
    approved_on: date | None
    approved_by: str | None
    scope_of_work: str | None
    handling_method: str | None
    prior_report_on: date | None
    next_recheck_on: date | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class RegimeInput:
    country: str
    regime_summary: str
    reviewed_on: date
    reviewed_by: str
    measures: str | None = None
    next_review_on: date | None = None


@dataclass(frozen=True, slots=True)
class RegimeView:
    id: int
    party_id: int
    country: str
    regime_summary: str | None
    measures: str | None
    reviewed_on: date | None
    reviewed_by: str | None
    next_review_on: date | None


def _required(value: str | None, field: str, limit: int = _LONG) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"{field.replace('_', ' ').capitalize()} is required.", field=field)
    if len(text) > limit:
        raise ValidationError(
            f"{field.replace('_', ' ').capitalize()} has more than {limit} characters.", field=field
        )
    return text


def _optional(value: str | None, field: str) -> str | None:
    return _required(value, field) if value and value.strip() else None


def _party(uow: UnitOfWork, party_id: int) -> EntrustedParty:
    party = uow.session.get(EntrustedParty, party_id)
    if party is None:
        raise NotFoundError(f"There is no entrusted party #{party_id}.")
    return party


def record_approval(uow: UnitOfWork, party_id: int, data: ApprovalInput) -> ApprovalView:
    """Approve the party as a re-entrustee of its parent; the parent must be allowed to re-entrust."""
    scope = _required(data.scope_of_work, "scope_of_work")
    approver = clean_text(_required(data.approved_by, "approved_by", 200))
    if data.prior_report_on and data.prior_report_on > data.approved_on:
        raise ValidationError("The prior report comes before the approval.", field="prior_report_on")
    if data.next_recheck_on and data.next_recheck_on <= data.approved_on:
        raise ValidationError("The next re-check comes after the approval.", field="next_recheck_on")
    with uow:
        party = _party(uow, party_id)
        if party.parent_id is None:
            raise RuleViolation(
                f"{party.name} is entrusted directly, not re-entrusted: set the party that re-entrusts "
                "the work to it first."
            )
        parent = _party(uow, party.parent_id)
        if not parent.reentrustment_allowed:
            raise RuleViolation(
                f"{parent.name} is not allowed to re-entrust work; allow it in its profile (with the "
                "contract's conditions) before approving a re-entrustee."
            )
        row = ReentrustmentApproval(
            party_id=party.id,
            parent_id=parent.id,
            prior_report_on=data.prior_report_on,
            approved_on=data.approved_on,
            approved_by=approver,
            scope_of_work=scope,
            handling_method=_optional(data.handling_method, "handling_method"),
            next_recheck_on=data.next_recheck_on,
            notes=_optional(data.notes, "notes"),
        )
        uow.session.add(row)
        uow.commit()
        return _approval_view(row, parent.name)


def _approval_view(row: ReentrustmentApproval, parent_name: str) -> ApprovalView:
    return ApprovalView(
        row.id, row.party_id, row.parent_id, parent_name, row.approved_on, row.approved_by,
        row.scope_of_work, row.handling_method, row.prior_report_on, row.next_recheck_on, row.notes,
    )  # fmt: skip


def approvals_of(uow: UnitOfWork, party_id: int) -> list[ApprovalView]:
    """The party's re-entrustment approvals, newest first."""
    with uow:
        rows = uow.session.execute(
            sa.select(ReentrustmentApproval, EntrustedParty.name)
            .join(EntrustedParty, EntrustedParty.id == ReentrustmentApproval.parent_id)
            .where(ReentrustmentApproval.party_id == party_id)
            .order_by(ReentrustmentApproval.approved_on.desc(), ReentrustmentApproval.id.desc())
        ).all()
        return [_approval_view(row, name) for row, name in rows]


def record_regime_check(uow: UnitOfWork, party_id: int, data: RegimeInput) -> RegimeView:
    """Record what was learned of a foreign country's data-protection regime where the party handles data."""
    country = (data.country or "").strip().upper()
    if country not in COUNTRY_NAMES:
        raise ValidationError(f"{data.country!r} is not a country code the register knows.", field="country")
    if country == "JP":
        raise ValidationError("A foreign-regime check is for a country other than Japan.", field="country")
    summary = _required(data.regime_summary, "regime_summary")
    reviewer = clean_text(_required(data.reviewed_by, "reviewed_by", 200))
    if data.next_review_on and data.next_review_on <= data.reviewed_on:
        raise ValidationError("The next review comes after this one.", field="next_review_on")
    with uow:
        _party(uow, party_id)
        row = ForeignRegimeCheck(
            party_id=party_id,
            country=country,
            regime_summary=summary,
            measures=_optional(data.measures, "measures"),
            reviewed_on=data.reviewed_on,
            reviewed_by=reviewer,
            next_review_on=data.next_review_on,
        )
        uow.session.add(row)
        uow.commit()
        return _regime_view(row)


def _regime_view(row: ForeignRegimeCheck) -> RegimeView:
    return RegimeView(
        row.id, row.party_id, row.country, row.regime_summary, row.measures, row.reviewed_on,
        row.reviewed_by, row.next_review_on,
    )  # fmt: skip


def regime_checks_of(uow: UnitOfWork, party_id: int) -> list[RegimeView]:
    """The party's foreign-regime checks, newest first."""
    with uow:
        rows = uow.session.scalars(
            sa.select(ForeignRegimeCheck)
            .where(ForeignRegimeCheck.party_id == party_id)
            .order_by(ForeignRegimeCheck.reviewed_on.desc(), ForeignRegimeCheck.id.desc())
        ).all()
        return [_regime_view(row) for row in rows]
