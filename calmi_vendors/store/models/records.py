"""Cross-cutting records: change history, evidence, import batches, program reviews, settings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from calmi_vendors.domain.enums import ActionStatus, ChangeAction
from calmi_vendors.store.base import Base, Timestamped, enum_column, utcnow


class ChangeRecord(Base):
    """One field of one record changed: who, when, from what to what; chained by hash."""

    __tablename__ = "change_history"
    __table_args__ = (sa.Index("ix_change_history_record", "table_name", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    changed_by: Mapped[str] = mapped_column(sa.String(200))
    action: Mapped[ChangeAction] = mapped_column(enum_column(ChangeAction))
    table_name: Mapped[str] = mapped_column(sa.String(64))
    record_id: Mapped[int]
    field: Mapped[str | None] = mapped_column(sa.String(64))
    old_value: Mapped[str | None] = mapped_column(sa.Text)
    new_value: Mapped[str | None] = mapped_column(sa.Text)
    import_batch_id: Mapped[int | None] = mapped_column(sa.ForeignKey("import_batch.id"), index=True)
    # SHA-256 over the previous row's hash and this row's content: an edit behind the app's back shows.
    prev_hash: Mapped[str | None] = mapped_column(sa.String(64))
    row_hash: Mapped[str] = mapped_column(sa.String(64))


class Evidence(Base):
    """A file attached to a record, copied into the evidence folder under its SHA-256."""

    __tablename__ = "evidence"
    __table_args__ = (sa.Index("ix_evidence_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    file_name: Mapped[str] = mapped_column(sa.String(500))
    media_type: Mapped[str | None] = mapped_column(sa.String(200))
    size_bytes: Mapped[int]
    record_type: Mapped[str] = mapped_column(sa.String(64))
    record_id: Mapped[int]
    description: Mapped[str | None] = mapped_column(sa.Text)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    added_by: Mapped[str] = mapped_column(sa.String(200))


class ImportBatch(Base):
    """One import of a vendor list: one transaction, undoable as a whole."""

    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    imported_by: Mapped[str] = mapped_column(sa.String(200))
    source_name: Mapped[str] = mapped_column(sa.String(300), index=True)
    file_name: Mapped[str] = mapped_column(sa.String(500))
    file_sha256: Mapped[str] = mapped_column(sa.String(64))
    sheet: Mapped[str | None] = mapped_column(sa.String(200))
    header_row: Mapped[int | None]
    profile_name: Mapped[str | None] = mapped_column(sa.String(200))
    created_count: Mapped[int] = mapped_column(default=0)
    updated_count: Mapped[int] = mapped_column(default=0)
    unchanged_count: Mapped[int] = mapped_column(default=0)
    error_count: Mapped[int] = mapped_column(default=0)
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[str | None] = mapped_column(sa.String(200))

    items: Mapped[list[ImportBatchItem]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", order_by="ImportBatchItem.id"
    )


class ImportBatchItem(Base):
    """Which party one row of an import created, updated or left unchanged."""

    __tablename__ = "import_batch_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(sa.ForeignKey("import_batch.id", ondelete="CASCADE"), index=True)
    party_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("entrusted_party.id", ondelete="SET NULL"), index=True
    )
    row_number: Mapped[int]
    outcome: Mapped[str] = mapped_column(sa.String(16))
    source_key: Mapped[str | None] = mapped_column(sa.String(300))

    batch: Mapped[ImportBatch] = relationship(back_populates="items")


class MappingProfile(Timestamped, Base):
    """A saved column mapping, re-applied to files whose headers have the same signature."""

    __tablename__ = "mapping_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    headers_signature: Mapped[str] = mapped_column(sa.String(64), index=True)
    mapping: Mapped[dict[str, Any]] = mapped_column(sa.JSON)


class ProgramReview(Timestamped, Base):
    """The yearly review of the company's own management system for entrusted parties."""

    __tablename__ = "program_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(unique=True)
    review_date: Mapped[date | None]
    reviewer: Mapped[str | None] = mapped_column(sa.String(200))
    metrics: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    findings: Mapped[str | None] = mapped_column(sa.Text)
    conclusions: Mapped[str | None] = mapped_column(sa.Text)
    approved_by: Mapped[str | None] = mapped_column(sa.String(200))

    actions: Mapped[list[ProgramReviewAction]] = relationship(
        back_populates="review", cascade="all, delete-orphan", order_by="ProgramReviewAction.id"
    )


class ProgramReviewAction(Base):
    __tablename__ = "program_review_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(sa.ForeignKey("program_review.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(sa.Text)
    owner: Mapped[str | None] = mapped_column(sa.String(200))
    due_on: Mapped[date | None]
    status: Mapped[ActionStatus] = mapped_column(enum_column(ActionStatus), default=ActionStatus.OPEN)

    review: Mapped[ProgramReview] = relationship(back_populates="actions")


class RegisterSetting(Base):
    """A setting that belongs to the register (shared by its users), e.g. company name, tier rules."""

    __tablename__ = "register_setting"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(100), unique=True)
    value: Mapped[Any] = mapped_column(sa.JSON)
