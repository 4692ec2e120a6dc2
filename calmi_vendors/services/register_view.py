"""The register's read side: one compact row per party, loaded with a few Core queries (100k rows fast)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from calmi_vendors.domain.enums import PartyStatus, RiskTier
from calmi_vendors.domain.lifecycle import LIVE_CONTRACT_STATUSES, OPEN_FINDING_STATUSES
from calmi_vendors.domain.text import search_key
from calmi_vendors.services.supervision import clause_gap_counts
from calmi_vendors.store.models import (
    BusinessFunction,
    Certification,
    ConsignmentContract,
    DataCategory,
    EntrustedParty,
    Finding,
    party_business_function,
    party_data_category,
)
from calmi_vendors.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """What the register table shows and filters on for one party."""

    id: int
    version: int
    name: str
    name_kana: str | None
    corporate_number: str | None
    country: str
    processing_country: str | None
    status: PartyStatus
    tier: RiskTier | None
    owner_department: str | None
    parent_id: int | None
    next_audit_due: date | None
    business_functions: tuple[str, ...]
    special_care: bool
    contract_expires_on: date | None
    certificate_expires_on: date | None
    open_findings: int
    clause_gaps: int
    notes: str | None


def _earliest(rows: Iterable[tuple[int, date | None]]) -> dict[int, date]:
    result: dict[int, date] = {}
    for pid, day in rows:
        if day is not None and (pid not in result or day < result[pid]):
            result[pid] = day
    return result


def load_register_rows(
    uow: UnitOfWork, *, party_ids: Iterable[int] | None = None, first_by_name: int | None = None
) -> list[RegisterRow]:
    """Every party (or the given ones) as register rows, in id order.

    `first_by_name` loads only that many rows in name order, for a window to show before the rest
    arrives; those rows leave clause gaps uncounted (the full load that follows counts them).
    """
    if first_by_name is not None:
        with uow:
            party_ids = uow.session.scalars(
                sa.select(EntrustedParty.id).order_by(EntrustedParty.name).limit(first_by_name)
            ).all()
    ids = None if party_ids is None else sorted(set(party_ids))
    gaps = clause_gap_counts(uow, today=date.today()) if first_by_name is None else {}
    with uow:
        session = uow.session
        p = EntrustedParty.__table__.c

        def only(column: Any) -> sa.ColumnElement[bool]:
            return sa.true() if ids is None else column.in_(ids)

        functions: dict[int, list[str]] = defaultdict(list)
        for pid, key in session.execute(
            sa.select(party_business_function.c.party_id, BusinessFunction.key)
            .join(BusinessFunction, BusinessFunction.id == party_business_function.c.business_function_id)
            .where(only(party_business_function.c.party_id))
            .order_by(BusinessFunction.sort_order)
        ).tuples():
            functions[pid].append(key)
        special = set(
            session.scalars(
                sa.select(party_data_category.c.party_id)
                .join(DataCategory, DataCategory.id == party_data_category.c.data_category_id)
                .where(DataCategory.special_care, only(party_data_category.c.party_id))
            )
        )
        contracts = _earliest(
            session.execute(
                sa.select(ConsignmentContract.party_id, ConsignmentContract.expires_on).where(
                    ConsignmentContract.status.in_(LIVE_CONTRACT_STATUSES), only(ConsignmentContract.party_id)
                )
            ).tuples()
        )
        certificates = _earliest(
            session.execute(
                sa.select(Certification.party_id, Certification.expires_on).where(
                    only(Certification.party_id)
                )
            ).tuples()
        )
        findings = dict(
            session.execute(
                sa.select(Finding.party_id, sa.func.count())
                .where(Finding.status.in_(OPEN_FINDING_STATUSES), only(Finding.party_id))
                .group_by(Finding.party_id)
            )
            .tuples()
            .all()
        )
        rows = session.execute(
            sa.select(
                p.id,
                p.version,
                p.name,
                p.name_kana,
                p.corporate_number,
                p.country,
                p.processing_country,
                p.status,
                p.tier,
                p.tier_override,
                p.owner_department,
                p.parent_id,
                p.next_audit_due,
                p.notes,
            )
            .where(only(p.id))
            .order_by(p.id)
        ).all()
        return [
            RegisterRow(
                id=r.id,
                version=r.version,
                name=r.name,
                name_kana=r.name_kana,
                corporate_number=r.corporate_number,
                country=r.country,
                processing_country=r.processing_country,
                status=PartyStatus(r.status),
                tier=RiskTier(r.tier_override or r.tier) if (r.tier_override or r.tier) else None,
                owner_department=r.owner_department,
                parent_id=r.parent_id,
                next_audit_due=r.next_audit_due,
                business_functions=tuple(functions.get(r.id, ())),
                special_care=r.id in special,
                contract_expires_on=contracts.get(r.id),
                certificate_expires_on=certificates.get(r.id),
                open_findings=int(findings.get(r.id, 0)),
                clause_gaps=gaps.get(r.id, 0),
                notes=r.notes,
            )
            for r in rows
        ]


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    """What the user narrowed the register to; empty sets mean "any"."""

    text: str = ""
    statuses: frozenset[PartyStatus] = frozenset()
    tiers: frozenset[RiskTier] = frozenset()
    business_function: str | None = None
    country: str | None = None
    overdue_audit: bool = False
    contract_expiring_within: int | None = None
    certificate_expiring_within: int | None = None
    special_care: bool = False
    with_open_findings: bool = False
    audit_due_within: int | None = None
    with_clause_gaps: bool = False

    @property
    def is_empty(self) -> bool:
        return self == RegisterFilter()


def row_search_text(row: RegisterRow) -> str:
    """The text incremental search looks in: name, reading, corporate number and notes."""
    return search_key(" ".join(filter(None, (row.name, row.name_kana, row.corporate_number, row.notes))))


def row_matches(row: RegisterRow, spec: RegisterFilter, *, today: date, haystack: str | None = None) -> bool:
    """Does the row pass every filter? `haystack` is the row's precomputed search text."""
    if spec.statuses and row.status not in spec.statuses:
        return False
    if spec.tiers and row.tier not in spec.tiers:
        return False
    if spec.business_function and spec.business_function not in row.business_functions:
        return False
    if spec.country and spec.country not in (row.country, row.processing_country):
        return False
    if spec.overdue_audit and not (row.next_audit_due is not None and row.next_audit_due < today):
        return False
    if spec.contract_expiring_within is not None and not _within(
        row.contract_expires_on, today, spec.contract_expiring_within
    ):
        return False
    if spec.certificate_expiring_within is not None and not _within(
        row.certificate_expires_on, today, spec.certificate_expiring_within
    ):
        return False
    if spec.special_care and not row.special_care:
        return False
    if spec.with_open_findings and not row.open_findings:
        return False
    if spec.with_clause_gaps and not row.clause_gaps:
        return False
    if spec.audit_due_within is not None and not (
        row.next_audit_due is not None and 0 <= (row.next_audit_due - today).days <= spec.audit_due_within
    ):
        return False
    if spec.text:
        needle = search_key(spec.text)
        return needle in (haystack if haystack is not None else row_search_text(row))
    return True


def _within(day: date | None, today: date, days: int) -> bool:
    return day is not None and (day - today).days <= days
