"""Reference data every register starts with: clauses, business functions, data categories, questionnaire."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from calmi_vendors.domain import seed
from calmi_vendors.store.models import (
    BusinessFunction,
    ClauseRequirement,
    DataCategory,
    Question,
    QuestionnaireSection,
    QuestionnaireTemplate,
)
from calmi_vendors.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class SeedReport:
    clauses: int
    business_functions: int
    data_categories: int
    templates: int


def _missing_keys(uow: UnitOfWork, column: sa.orm.InstrumentedAttribute[str], keys: list[str]) -> set[str]:
    present = set(uow.session.scalars(sa.select(column)))
    return {k for k in keys if k not in present}


def ensure_seeded(uow: UnitOfWork) -> SeedReport:
    """Add the seeded items a register lacks; items the users edited or removed are left as they are."""
    with uow:
        missing = _missing_keys(uow, ClauseRequirement.key, [c.key for c in seed.CLAUSES])
        for order, c in enumerate(seed.CLAUSES):
            if c.key in missing:
                uow.session.add(
                    ClauseRequirement(
                        key=c.key,
                        title_en=c.title_en,
                        title_ja=c.title_ja,
                        description_en=c.description_en,
                        description_ja=c.description_ja,
                        sources=c.sources,
                        applicability=c.applicability,
                        strict_for_special_care=c.strict_for_special_care,
                        sort_order=order,
                    )
                )
        added_clauses = len(missing)
        missing = _missing_keys(uow, BusinessFunction.key, [f.key for f in seed.BUSINESS_FUNCTIONS])
        for order, f in enumerate(seed.BUSINESS_FUNCTIONS):
            if f.key in missing:
                uow.session.add(
                    BusinessFunction(key=f.key, name_en=f.name_en, name_ja=f.name_ja, sort_order=order)
                )
        added_functions = len(missing)
        missing = _missing_keys(uow, DataCategory.key, [d.key for d in seed.DATA_CATEGORIES])
        for order, d in enumerate(seed.DATA_CATEGORIES):
            if d.key in missing:
                uow.session.add(
                    DataCategory(
                        key=d.key,
                        name_en=d.name_en,
                        name_ja=d.name_ja,
                        special_care=d.special_care,
                        sort_order=order,
                    )
                )
        added_categories = len(missing)
        added_templates = 0
        template = seed.SELECTION_QUESTIONNAIRE
        exists = uow.session.scalar(
            sa.select(QuestionnaireTemplate.id).where(
                QuestionnaireTemplate.key == template.key, QuestionnaireTemplate.version == template.version
            )
        )
        if exists is None:
            uow.session.add(_template_from_seed(template))
            added_templates = 1
        uow.commit()
        return SeedReport(added_clauses, added_functions, added_categories, added_templates)


def _template_from_seed(template: seed.SeedTemplate) -> QuestionnaireTemplate:
    return QuestionnaireTemplate(
        key=template.key,
        version=template.version,
        name_en=template.name_en,
        name_ja=template.name_ja,
        description_en=template.description_en,
        description_ja=template.description_ja,
        sections=[
            QuestionnaireSection(
                key=s.key,
                category=s.category,
                title_en=s.title_en,
                title_ja=s.title_ja,
                weight=s.weight,
                sort_order=i,
                questions=[
                    Question(
                        key=q.key,
                        text_en=q.text_en,
                        text_ja=q.text_ja,
                        guidance_en=q.guidance_en or None,
                        guidance_ja=q.guidance_ja or None,
                        answer_type=q.answer_type,
                        choices=[
                            {
                                "value": c.value,
                                "label_en": c.label_en,
                                "label_ja": c.label_ja,
                                "score": c.score,
                            }
                            for c in q.choices
                        ]
                        or None,
                        weight=q.weight,
                        must_pass=q.must_pass,
                        evidence_required=q.evidence_required,
                        sort_order=j,
                    )
                    for j, q in enumerate(s.questions)
                ],
            )
            for i, s in enumerate(template.sections)
        ],
    )


@dataclass(frozen=True, slots=True)
class Lookup:
    """A business function or data category as forms and filters list it."""

    key: str
    name_en: str
    name_ja: str
    special_care: bool = False

    def name(self, language: str) -> str:
        return self.name_ja if language == "ja" else self.name_en


def business_functions(uow: UnitOfWork) -> list[Lookup]:
    with uow:
        rows = uow.session.scalars(
            sa.select(BusinessFunction).where(BusinessFunction.active).order_by(BusinessFunction.sort_order)
        )
        return [Lookup(r.key, r.name_en, r.name_ja) for r in rows]


def data_categories(uow: UnitOfWork) -> list[Lookup]:
    with uow:
        rows = uow.session.scalars(
            sa.select(DataCategory).where(DataCategory.active).order_by(DataCategory.sort_order)
        )
        return [Lookup(r.key, r.name_en, r.name_ja, r.special_care) for r in rows]


@dataclass(frozen=True, slots=True)
class RequirementRef:
    key: str
    title_en: str
    title_ja: str


def clause_requirements(uow: UnitOfWork) -> list[RequirementRef]:
    """The active clause library in its order."""
    with uow:
        rows = uow.session.scalars(
            sa.select(ClauseRequirement)
            .where(ClauseRequirement.active)
            .order_by(ClauseRequirement.sort_order)
        )
        return [RequirementRef(r.key, r.title_en, r.title_ja) for r in rows]
