"""Supervision audits of a party and the findings they raise."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from calmi_vendors.domain.enums import AuditConclusion, AuditMethod, AuditStatus, FindingStatus, Severity
from calmi_vendors.store.base import Base, Timestamped, enum_column

if TYPE_CHECKING:
    from calmi_vendors.store.models.party import EntrustedParty


class SupervisionAudit(Timestamped, Base):
    """One audit (on-site, remote, document review or self-assessment) of an entrusted party."""

    __tablename__ = "supervision_audit"
    __table_args__ = (sa.Index("ix_supervision_audit_status_planned", "status", "planned_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(
        sa.ForeignKey("entrusted_party.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str | None] = mapped_column(sa.String(300))
    method: Mapped[AuditMethod] = mapped_column(enum_column(AuditMethod))
    status: Mapped[AuditStatus] = mapped_column(enum_column(AuditStatus), default=AuditStatus.PLANNED)
    planned_on: Mapped[date | None]
    performed_on: Mapped[date | None]
    auditor: Mapped[str | None] = mapped_column(sa.String(200))
    participants: Mapped[str | None] = mapped_column(sa.Text)
    scope: Mapped[str | None] = mapped_column(sa.Text)
    conclusion: Mapped[AuditConclusion | None] = mapped_column(enum_column(AuditConclusion))
    conclusion_notes: Mapped[str | None] = mapped_column(sa.Text)
    batch_label: Mapped[str | None] = mapped_column(sa.String(100))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads a plain dict

    party: Mapped[EntrustedParty] = relationship(back_populates="audits")
    findings: Mapped[list[Finding]] = relationship(
        back_populates="audit", cascade="all, delete-orphan", order_by="Finding.id"
    )


class Finding(Timestamped, Base):
    """A shortcoming found in an audit, followed until its corrective action is verified."""

    __tablename__ = "finding"
    __table_args__ = (sa.Index("ix_finding_status_due", "status", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(
        sa.ForeignKey("supervision_audit.id", ondelete="CASCADE"), index=True
    )
    party_id: Mapped[int] = mapped_column(sa.ForeignKey("entrusted_party.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    description: Mapped[str | None] = mapped_column(sa.Text)
    severity: Mapped[Severity] = mapped_column(enum_column(Severity))
    requirement_id: Mapped[int | None] = mapped_column(sa.ForeignKey("clause_requirement.id"))
    question_id: Mapped[int | None] = mapped_column(sa.ForeignKey("question.id"))
    corrective_action: Mapped[str | None] = mapped_column(sa.Text)
    owner: Mapped[str | None] = mapped_column(sa.String(200))
    due_on: Mapped[date | None]
    status: Mapped[FindingStatus] = mapped_column(enum_column(FindingStatus), default=FindingStatus.OPEN)
    closed_on: Mapped[date | None]
    closure_evidence: Mapped[str | None] = mapped_column(sa.Text)
    verified_on: Mapped[date | None]
    verified_by: Mapped[str | None] = mapped_column(sa.String(200))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads a plain dict

    audit: Mapped[SupervisionAudit] = relationship(back_populates="findings")
