"""Consignment contracts, the clause requirement library, and each contract's coverage of it."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from calmi_vendors.domain.enums import Applicability, ContractStatus, Coverage
from calmi_vendors.store.base import Base, Timestamped, enum_column

if TYPE_CHECKING:
    from calmi_vendors.store.models.party import EntrustedParty


class ClauseRequirement(Timestamped, Base):
    """What a consignment contract must stipulate, with the source that requires it; seeded, editable."""

    __tablename__ = "clause_requirement"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    title_en: Mapped[str] = mapped_column(sa.String(300))
    title_ja: Mapped[str] = mapped_column(sa.String(300))
    description_en: Mapped[str | None] = mapped_column(sa.Text)
    description_ja: Mapped[str | None] = mapped_column(sa.Text)
    sources: Mapped[str | None] = mapped_column(sa.Text)
    applicability: Mapped[Applicability] = mapped_column(
        enum_column(Applicability), default=Applicability.ALWAYS
    )
    strict_for_special_care: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class ConsignmentContract(Timestamped, Base):
    """The entrustment contract with a party (委託契約)."""

    __tablename__ = "consignment_contract"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(
        sa.ForeignKey("entrusted_party.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(300))
    reference_number: Mapped[str | None] = mapped_column(sa.String(100), index=True)
    status: Mapped[ContractStatus] = mapped_column(
        enum_column(ContractStatus), default=ContractStatus.DRAFT, index=True
    )
    signed_on: Mapped[date | None]
    effective_on: Mapped[date | None]
    expires_on: Mapped[date | None] = mapped_column(index=True)
    auto_renewal: Mapped[bool] = mapped_column(default=False)
    renewal_term_months: Mapped[int | None]
    notice_period_days: Mapped[int | None]
    # Kept while the entrusted data exists, which may outlast the contract.
    retention_until: Mapped[date | None]
    reentrustment_allowed: Mapped[bool] = mapped_column(default=False)
    incident_notice_hours: Mapped[int | None]
    notes: Mapped[str | None] = mapped_column(sa.Text)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads a plain dict

    party: Mapped[EntrustedParty] = relationship(back_populates="contracts")
    coverage: Mapped[list[ClauseCoverage]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="ClauseCoverage.id"
    )


class ClauseCoverage(Base):
    """How one contract stipulates one clause requirement, and where (article)."""

    __tablename__ = "clause_coverage"
    __table_args__ = (sa.UniqueConstraint("contract_id", "requirement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        sa.ForeignKey("consignment_contract.id", ondelete="CASCADE"), index=True
    )
    requirement_id: Mapped[int] = mapped_column(sa.ForeignKey("clause_requirement.id"), index=True)
    coverage: Mapped[Coverage] = mapped_column(enum_column(Coverage), default=Coverage.MISSING)
    article: Mapped[str | None] = mapped_column(sa.String(100))
    note: Mapped[str | None] = mapped_column(sa.Text)

    contract: Mapped[ConsignmentContract] = relationship(back_populates="coverage")
    requirement: Mapped[ClauseRequirement] = relationship(lazy="joined")
