"""Consignment contracts and their coverage of the clause requirement library."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from calmi_vendors.domain.enums import ContractStatus, Coverage
from calmi_vendors.errors import ConcurrentEditError, NotFoundError, ValidationError
from calmi_vendors.services.dto import ContractView, CoverageView
from calmi_vendors.store.models import ClauseCoverage, ClauseRequirement, ConsignmentContract, EntrustedParty
from calmi_vendors.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class ContractInput:
    title: str
    reference_number: str | None = None
    status: ContractStatus = ContractStatus.DRAFT
    signed_on: date | None = None
    effective_on: date | None = None
    expires_on: date | None = None
    auto_renewal: bool = False
    renewal_term_months: int | None = None
    notice_period_days: int | None = None
    retention_until: date | None = None
    reentrustment_allowed: bool = False
    incident_notice_hours: int | None = None
    notes: str | None = None


def _validate(data: ContractInput) -> None:
    if not data.title.strip():
        raise ValidationError("A contract needs a title.", field="title")
    if len(data.title) > 300:
        raise ValidationError("The contract title is longer than 300 characters.", field="title")
    if data.effective_on and data.expires_on and data.expires_on < data.effective_on:
        raise ValidationError(
            f"The contract expires ({data.expires_on}) before it takes effect ({data.effective_on}).",
            field="expires_on",
        )
    if data.signed_on and data.expires_on and data.expires_on < data.signed_on:
        raise ValidationError("The contract expires before it was signed.", field="expires_on")
    for name in ("renewal_term_months", "notice_period_days", "incident_notice_hours"):
        value = getattr(data, name)
        if value is not None and value < 0:
            raise ValidationError(f"{name.replace('_', ' ').capitalize()} cannot be negative.", field=name)


def to_view(contract: ConsignmentContract) -> ContractView:
    return ContractView(
        id=contract.id,
        version=contract.version,
        party_id=contract.party_id,
        title=contract.title,
        reference_number=contract.reference_number,
        status=contract.status,
        signed_on=contract.signed_on,
        effective_on=contract.effective_on,
        expires_on=contract.expires_on,
        auto_renewal=contract.auto_renewal,
        renewal_term_months=contract.renewal_term_months,
        notice_period_days=contract.notice_period_days,
        retention_until=contract.retention_until,
        reentrustment_allowed=contract.reentrustment_allowed,
        incident_notice_hours=contract.incident_notice_hours,
        notes=contract.notes,
        coverage=tuple(
            CoverageView(
                requirement_key=c.requirement.key,
                title_en=c.requirement.title_en,
                title_ja=c.requirement.title_ja,
                coverage=c.coverage,
                article=c.article,
                note=c.note,
            )
            for c in sorted(contract.coverage, key=lambda c: c.requirement.sort_order)
        ),
    )


def create_contract(
    uow: UnitOfWork,
    party_id: int,
    data: ContractInput,
    *,
    coverage: Mapping[str, tuple[Coverage, str | None]] | None = None,
) -> ContractView:
    """Create a contract with one coverage row per active requirement (missing unless said otherwise)."""
    _validate(data)
    coverage = coverage or {}
    with uow:
        if uow.session.get(EntrustedParty, party_id) is None:
            raise NotFoundError(f"There is no entrusted party #{party_id}.")
        requirements = uow.session.scalars(
            sa.select(ClauseRequirement)
            .where(ClauseRequirement.active)
            .order_by(ClauseRequirement.sort_order)
        ).all()
        unknown = set(coverage) - {r.key for r in requirements}
        if unknown:
            raise ValidationError(
                f"Unknown clause requirements: {', '.join(sorted(unknown))}.", field="coverage"
            )
        contract = ConsignmentContract(party_id=party_id, **_fields(data))
        contract.coverage = [
            ClauseCoverage(
                requirement=r,
                coverage=coverage.get(r.key, (Coverage.MISSING, None))[0],
                article=coverage.get(r.key, (Coverage.MISSING, None))[1],
            )
            for r in requirements
        ]
        uow.session.add(contract)
        uow.commit()
        return to_view(contract)


def _fields(data: ContractInput) -> dict[str, object]:
    return {
        "title": data.title.strip(),
        "reference_number": (data.reference_number or "").strip() or None,
        "status": data.status,
        "signed_on": data.signed_on,
        "effective_on": data.effective_on,
        "expires_on": data.expires_on,
        "auto_renewal": data.auto_renewal,
        "renewal_term_months": data.renewal_term_months,
        "notice_period_days": data.notice_period_days,
        "retention_until": data.retention_until,
        "reentrustment_allowed": data.reentrustment_allowed,
        "incident_notice_hours": data.incident_notice_hours,
        "notes": (data.notes or "").strip() or None,
    }


def _load(uow: UnitOfWork, contract_id: int) -> ConsignmentContract:
    contract = uow.session.get(
        ConsignmentContract, contract_id, options=[selectinload(ConsignmentContract.coverage)]
    )
    if contract is None:
        raise NotFoundError(f"There is no consignment contract #{contract_id}.")
    return contract


def set_coverage(
    uow: UnitOfWork,
    contract_id: int,
    requirement_key: str,
    coverage: Coverage,
    *,
    article: str | None = None,
    note: str | None = None,
) -> ContractView:
    with uow:
        contract = _load(uow, contract_id)
        row = next((c for c in contract.coverage if c.requirement.key == requirement_key), None)
        if row is None:
            requirement = uow.session.scalar(
                sa.select(ClauseRequirement).where(ClauseRequirement.key == requirement_key)
            )
            if requirement is None:
                raise ValidationError(f"Unknown clause requirement {requirement_key!r}.", field="requirement")
            row = ClauseCoverage(requirement=requirement)
            contract.coverage.append(row)
        row.coverage = coverage
        row.article = (article or "").strip() or None
        row.note = (note or "").strip() or None
        uow.commit()
        return to_view(contract)


def get_contract(uow: UnitOfWork, contract_id: int) -> ContractView:
    with uow:
        return to_view(_load(uow, contract_id))


def contracts_of(uow: UnitOfWork, party_id: int) -> list[ContractView]:
    with uow:
        rows = uow.session.scalars(
            sa.select(ConsignmentContract)
            .where(ConsignmentContract.party_id == party_id)
            .options(selectinload(ConsignmentContract.coverage))
            .order_by(ConsignmentContract.id)
        ).all()
        return [to_view(c) for c in rows]


def update_contract(
    uow: UnitOfWork,
    contract_id: int,
    data: ContractInput,
    *,
    coverage: Mapping[str, tuple[Coverage, str | None]] | None = None,
    expected_version: int,
) -> ContractView:
    """Save a contract's terms and the clause coverage edited on version `expected_version`, at once."""
    _validate(data)
    with uow:
        contract = _load(uow, contract_id)
        if contract.version != expected_version:
            raise ConcurrentEditError(
                f"Consignment contract #{contract_id} was changed by someone else since you opened it "
                f"(now version {contract.version}). Reopen it to see their changes; yours were not saved.",
                record_type="consignment_contract",
                record_id=contract_id,
                current_version=contract.version,
            )
        for name, value in _fields(data).items():
            if getattr(contract, name) != value:
                setattr(contract, name, value)
        by_key = {c.requirement.key: c for c in contract.coverage}
        unknown = set(coverage or {}) - set(by_key)
        if unknown:
            raise ValidationError(
                f"Unknown clause requirements: {', '.join(sorted(unknown))}.", field="coverage"
            )
        for key, (level, article) in (coverage or {}).items():
            row = by_key[key]
            clean = (article or "").strip() or None
            if row.coverage is not level:
                row.coverage = level
            if row.article != clean:
                row.article = clean
        if not uow.session.is_modified(contract) and any(
            uow.session.is_modified(c) for c in contract.coverage
        ):
            # Coverage is part of the contract: its version moves too, so a stale editor is told.
            flag_modified(contract, "title")
        uow.commit()
        return to_view(contract)
