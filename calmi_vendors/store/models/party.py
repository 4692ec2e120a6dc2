"""Entrusted parties and what hangs directly off them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from calmi_vendors.domain.enums import CertificationKind, PartyStatus, RiskTier
from calmi_vendors.store.base import Base, Timestamped, enum_column, utcnow

if TYPE_CHECKING:
    from calmi_vendors.store.models.audit import SupervisionAudit
    from calmi_vendors.store.models.contract import ConsignmentContract
    from calmi_vendors.store.models.questionnaire import Assessment

party_business_function = sa.Table(
    "party_business_function",
    Base.metadata,
    sa.Column("party_id", sa.ForeignKey("entrusted_party.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("business_function_id", sa.ForeignKey("business_function.id"), primary_key=True),
)

party_data_category = sa.Table(
    "party_data_category",
    Base.metadata,
    sa.Column("party_id", sa.ForeignKey("entrusted_party.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("data_category_id", sa.ForeignKey("data_category.id"), primary_key=True),
)


class BusinessFunction(Base):
    """A kind of work entrusted to a party (sales desk, billing, repairs …); seeded, editable."""

    __tablename__ = "business_function"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name_en: Mapped[str] = mapped_column(sa.String(200))
    name_ja: Mapped[str] = mapped_column(sa.String(200))
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class DataCategory(Base):
    """A category of personal information; some are special-care (要配慮個人情報)."""

    __tablename__ = "data_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name_en: Mapped[str] = mapped_column(sa.String(200))
    name_ja: Mapped[str] = mapped_column(sa.String(200))
    special_care: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class EntrustedParty(Timestamped, Base):
    """A subcontractor to whom the company entrusts personal information."""

    __tablename__ = "entrusted_party"
    __table_args__ = (
        sa.Index("ix_entrusted_party_status_tier", "status", "tier"),
        # The register's first page is the first names in order; a 100k register must not sort them all.
        sa.Index("ix_entrusted_party_name", "name"),
        sa.CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        sa.CheckConstraint("data_subjects_approx IS NULL OR data_subjects_approx >= 0", name="subjects"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(300))
    name_kana: Mapped[str | None] = mapped_column(sa.String(300))
    # Normalised for matching imports (company-form variants folded); the name is stored as written.
    name_key: Mapped[str] = mapped_column(sa.String(300), index=True)
    corporate_number: Mapped[str | None] = mapped_column(sa.String(13), unique=True)
    country: Mapped[str] = mapped_column(sa.String(2), default="JP")
    address: Mapped[str | None] = mapped_column(sa.Text)
    processing_country: Mapped[str | None] = mapped_column(sa.String(2))
    data_subjects_approx: Mapped[int | None]
    status: Mapped[PartyStatus] = mapped_column(
        enum_column(PartyStatus), default=PartyStatus.CANDIDATE, index=True
    )
    tier: Mapped[RiskTier | None] = mapped_column(enum_column(RiskTier))
    tier_reason: Mapped[str | None] = mapped_column(sa.Text)
    tier_override: Mapped[RiskTier | None] = mapped_column(enum_column(RiskTier))
    tier_override_reason: Mapped[str | None] = mapped_column(sa.Text)
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("entrusted_party.id", ondelete="RESTRICT"), index=True
    )
    reentrustment_allowed: Mapped[bool] = mapped_column(default=False)
    owner_department: Mapped[str | None] = mapped_column(sa.String(200))
    website: Mapped[str | None] = mapped_column(sa.String(500))
    notes: Mapped[str | None] = mapped_column(sa.Text)
    next_audit_due: Mapped[date | None] = mapped_column(index=True)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads a plain dict

    parent: Mapped[EntrustedParty | None] = relationship(
        remote_side=[id], back_populates="children", lazy="selectin"
    )
    children: Mapped[list[EntrustedParty]] = relationship(back_populates="parent")
    business_functions: Mapped[list[BusinessFunction]] = relationship(
        secondary=party_business_function, order_by=BusinessFunction.sort_order
    )
    data_categories: Mapped[list[DataCategory]] = relationship(
        secondary=party_data_category, order_by=DataCategory.sort_order
    )
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="party", cascade="all, delete-orphan", order_by="Contact.id"
    )
    certifications: Mapped[list[Certification]] = relationship(
        back_populates="party", cascade="all, delete-orphan", order_by="Certification.id"
    )
    status_changes: Mapped[list[StatusChange]] = relationship(
        back_populates="party", cascade="all, delete-orphan", order_by="StatusChange.id"
    )
    reentrustment_approval: Mapped[ReentrustmentApproval | None] = relationship(
        back_populates="party", cascade="all, delete-orphan", foreign_keys="ReentrustmentApproval.party_id"
    )
    foreign_regime_checks: Mapped[list[ForeignRegimeCheck]] = relationship(
        back_populates="party", cascade="all, delete-orphan", order_by="ForeignRegimeCheck.id"
    )
    contracts: Mapped[list[ConsignmentContract]] = relationship(
        back_populates="party", order_by="ConsignmentContract.id"
    )
    assessments: Mapped[list[Assessment]] = relationship(back_populates="party", order_by="Assessment.id")
    audits: Mapped[list[SupervisionAudit]] = relationship(
        back_populates="party", order_by="SupervisionAudit.id"
    )

    @property
    def effective_tier(self) -> RiskTier | None:
        return self.tier_override or self.tier


class Contact(Base):
    """A person to reach at the party."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("entrusted_party.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    role: Mapped[str | None] = mapped_column(sa.String(200))
    department: Mapped[str | None] = mapped_column(sa.String(200))
    email: Mapped[str | None] = mapped_column(sa.String(254))
    phone: Mapped[str | None] = mapped_column(sa.String(50))
    is_primary: Mapped[bool] = mapped_column(default=False)

    party: Mapped[EntrustedParty] = relationship(back_populates="contacts")


class Certification(Base):
    """A certification the party holds (PrivacyMark, ISO/IEC 27001 …) and when it expires."""

    __tablename__ = "certification"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("entrusted_party.id", ondelete="CASCADE"), index=True)
    kind: Mapped[CertificationKind] = mapped_column(enum_column(CertificationKind))
    name: Mapped[str | None] = mapped_column(sa.String(200))
    number: Mapped[str | None] = mapped_column(sa.String(100))
    issuer: Mapped[str | None] = mapped_column(sa.String(200))
    issued_on: Mapped[date | None]
    expires_on: Mapped[date | None] = mapped_column(index=True)

    party: Mapped[EntrustedParty] = relationship(back_populates="certifications")


class StatusChange(Base):
    """Who moved a party from one lifecycle status to another, when and why."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("entrusted_party.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[PartyStatus | None] = mapped_column(enum_column(PartyStatus))
    to_status: Mapped[PartyStatus] = mapped_column(enum_column(PartyStatus))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_by: Mapped[str] = mapped_column(sa.String(200))
    reason: Mapped[str | None] = mapped_column(sa.Text)
    # A gate (e.g. no passing selection assessment) was overridden: the approver is then required.
    is_override: Mapped[bool] = mapped_column(default=False)
    approver: Mapped[str | None] = mapped_column(sa.String(200))

    party: Mapped[EntrustedParty] = relationship(back_populates="status_changes")


class ReentrustmentApproval(Timestamped, Base):
    """A re-entrustee's approval in the context of the party that re-entrusts to it."""

    __tablename__ = "reentrustment_approval"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(
        sa.ForeignKey("entrusted_party.id", ondelete="CASCADE"), unique=True
    )
    parent_id: Mapped[int] = mapped_column(sa.ForeignKey("entrusted_party.id"), index=True)
    prior_report_on: Mapped[date | None]
    approved_on: Mapped[date | None]
    approved_by: Mapped[str | None] = mapped_column(sa.String(200))
    scope_of_work: Mapped[str | None] = mapped_column(sa.Text)
    handling_method: Mapped[str | None] = mapped_column(sa.Text)
    next_recheck_on: Mapped[date | None]
    notes: Mapped[str | None] = mapped_column(sa.Text)

    party: Mapped[EntrustedParty] = relationship(
        back_populates="reentrustment_approval", foreign_keys=[party_id]
    )


class ForeignRegimeCheck(Timestamped, Base):
    """What was learned of a foreign country's personal-information regime (APPI Art. 28)."""

    __tablename__ = "foreign_regime_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("entrusted_party.id", ondelete="CASCADE"), index=True)
    country: Mapped[str] = mapped_column(sa.String(2))
    regime_summary: Mapped[str | None] = mapped_column(sa.Text)
    measures: Mapped[str | None] = mapped_column(sa.Text)
    reviewed_on: Mapped[date | None]
    reviewed_by: Mapped[str | None] = mapped_column(sa.String(200))
    next_review_on: Mapped[date | None]

    party: Mapped[EntrustedParty] = relationship(back_populates="foreign_regime_checks")
