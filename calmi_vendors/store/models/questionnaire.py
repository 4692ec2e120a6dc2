"""Versioned questionnaire templates and the assessments answered on them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from calmi_vendors.domain.enums import (
    AnswerType,
    AssessmentKind,
    AssessmentResult,
    AssessmentStatus,
    QuestionnaireCategory,
)
from calmi_vendors.store.base import Base, Timestamped, enum_column

if TYPE_CHECKING:
    from calmi_vendors.store.models.party import EntrustedParty


class QuestionnaireTemplate(Timestamped, Base):
    """One version of a questionnaire; a finished assessment keeps pointing at the version it used."""

    __tablename__ = "questionnaire_template"
    __table_args__ = (sa.UniqueConstraint("key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(64))
    version: Mapped[int] = mapped_column(default=1)
    name_en: Mapped[str] = mapped_column(sa.String(300))
    name_ja: Mapped[str] = mapped_column(sa.String(300))
    description_en: Mapped[str | None] = mapped_column(sa.Text)
    description_ja: Mapped[str | None] = mapped_column(sa.Text)
    # Below this share of the maximum score (0..1) the result is "rejected".
    pass_threshold: Mapped[float] = mapped_column(default=0.7)
    conditional_threshold: Mapped[float] = mapped_column(default=0.85)
    published_on: Mapped[date | None]
    active: Mapped[bool] = mapped_column(default=True)

    sections: Mapped[list[QuestionnaireSection]] = relationship(
        back_populates="template", cascade="all, delete-orphan", order_by="QuestionnaireSection.sort_order"
    )


class QuestionnaireSection(Base):
    __tablename__ = "questionnaire_section"
    __table_args__ = (sa.UniqueConstraint("template_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire_template.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(sa.String(64))
    category: Mapped[QuestionnaireCategory] = mapped_column(enum_column(QuestionnaireCategory))
    title_en: Mapped[str] = mapped_column(sa.String(300))
    title_ja: Mapped[str] = mapped_column(sa.String(300))
    weight: Mapped[int] = mapped_column(default=1)
    sort_order: Mapped[int] = mapped_column(default=0)

    template: Mapped[QuestionnaireTemplate] = relationship(back_populates="sections")
    questions: Mapped[list[Question]] = relationship(
        back_populates="section", cascade="all, delete-orphan", order_by="Question.sort_order"
    )


class Question(Base):
    __tablename__ = "question"
    __table_args__ = (sa.UniqueConstraint("section_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire_section.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(sa.String(64))
    text_en: Mapped[str] = mapped_column(sa.Text)
    text_ja: Mapped[str] = mapped_column(sa.Text)
    guidance_en: Mapped[str | None] = mapped_column(sa.Text)
    guidance_ja: Mapped[str | None] = mapped_column(sa.Text)
    answer_type: Mapped[AnswerType] = mapped_column(enum_column(AnswerType))
    # For CHOICE: [{"value", "label_en", "label_ja", "score"}]; score is a share of the weight.
    choices: Mapped[list[dict[str, Any]] | None] = mapped_column(sa.JSON)
    weight: Mapped[int] = mapped_column(default=1)
    must_pass: Mapped[bool] = mapped_column(default=False)
    evidence_required: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int] = mapped_column(default=0)

    section: Mapped[QuestionnaireSection] = relationship(back_populates="questions")


class Assessment(Timestamped, Base):
    """A selection or periodic assessment of a party on one questionnaire version."""

    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(
        sa.ForeignKey("entrusted_party.id", ondelete="RESTRICT"), index=True
    )
    template_id: Mapped[int] = mapped_column(sa.ForeignKey("questionnaire_template.id"), index=True)
    kind: Mapped[AssessmentKind] = mapped_column(enum_column(AssessmentKind))
    status: Mapped[AssessmentStatus] = mapped_column(
        enum_column(AssessmentStatus), default=AssessmentStatus.DRAFT
    )
    started_on: Mapped[date | None]
    completed_on: Mapped[date | None]
    assessor: Mapped[str | None] = mapped_column(sa.String(200))
    approver: Mapped[str | None] = mapped_column(sa.String(200))
    approved_on: Mapped[date | None]
    score: Mapped[float | None]
    max_score: Mapped[float | None]
    result: Mapped[AssessmentResult | None] = mapped_column(enum_column(AssessmentResult))
    failed_must_pass: Mapped[bool] = mapped_column(default=False)
    conditions: Mapped[str | None] = mapped_column(sa.Text)
    notes: Mapped[str | None] = mapped_column(sa.Text)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads a plain dict

    party: Mapped[EntrustedParty] = relationship(back_populates="assessments")
    template: Mapped[QuestionnaireTemplate] = relationship()
    answers: Mapped[list[AssessmentAnswer]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="AssessmentAnswer.id"
    )
    category_scores: Mapped[list[AssessmentCategoryScore]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="AssessmentCategoryScore.id"
    )


class AssessmentAnswer(Base):
    __tablename__ = "assessment_answer"
    __table_args__ = (sa.UniqueConstraint("assessment_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(sa.ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"), index=True)
    # Stored as text whatever the answer type: "yes"/"partial"/"no", a choice value, ISO date, number.
    value: Mapped[str | None] = mapped_column(sa.Text)
    score: Mapped[float | None]
    comment: Mapped[str | None] = mapped_column(sa.Text)
    answered_at: Mapped[datetime | None]

    assessment: Mapped[Assessment] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()


class AssessmentCategoryScore(Base):
    """A completed assessment's score for one questionnaire section, frozen at completion."""

    __tablename__ = "assessment_category_score"
    __table_args__ = (sa.UniqueConstraint("assessment_id", "section_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(sa.ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int] = mapped_column(sa.ForeignKey("questionnaire_section.id"))
    category: Mapped[QuestionnaireCategory] = mapped_column(enum_column(QuestionnaireCategory))
    score: Mapped[float]
    max_score: Mapped[float]

    assessment: Mapped[Assessment] = relationship(back_populates="category_scores")
