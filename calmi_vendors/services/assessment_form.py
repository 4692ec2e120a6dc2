"""The questionnaire of one assessment as a form shows it: sections, questions, stored answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from calmi_vendors.domain.enums import AnswerType
from calmi_vendors.domain.scoring import QuestionSpec, ScoreResult, score_answers
from calmi_vendors.errors import NotFoundError
from calmi_vendors.services.assessments import to_view
from calmi_vendors.services.dto import AssessmentView
from calmi_vendors.store.models import Assessment
from calmi_vendors.store.register import Register


@dataclass(frozen=True, slots=True)
class FormChoice:
    value: str
    label_en: str
    label_ja: str
    score: float


@dataclass(frozen=True, slots=True)
class FormQuestion:
    key: str
    number: str
    section_key: str
    section_weight: int
    text_en: str
    text_ja: str
    guidance_en: str | None
    guidance_ja: str | None
    answer_type: AnswerType
    choices: tuple[FormChoice, ...]
    weight: int
    must_pass: bool
    evidence_required: bool
    value: str | None
    comment: str | None

    def spec(self) -> QuestionSpec:
        return QuestionSpec(
            key=self.key,
            section_key=self.section_key,
            answer_type=self.answer_type,
            weight=self.weight,
            must_pass=self.must_pass,
            section_weight=self.section_weight,
            choices={c.value: c.score for c in self.choices},
        )


@dataclass(frozen=True, slots=True)
class FormSection:
    key: str
    number: int
    title_en: str
    title_ja: str
    weight: int
    questions: tuple[FormQuestion, ...]


@dataclass(frozen=True, slots=True)
class AssessmentForm:
    """One assessment with its questionnaire version and stored answers, as the window shows them."""

    assessment: AssessmentView
    party_name: str
    template_name_en: str
    template_name_ja: str
    pass_threshold: float
    conditional_threshold: float
    sections: tuple[FormSection, ...]

    @property
    def questions(self) -> tuple[FormQuestion, ...]:
        return tuple(q for s in self.sections for q in s.questions)

    def score(self, answers: Mapping[str, str | None]) -> ScoreResult:
        """The domain's scoring of these answers on this questionnaire version."""
        return score_answers(
            [q.spec() for q in self.questions],
            answers,
            pass_threshold=self.pass_threshold,
            conditional_threshold=self.conditional_threshold,
        )


def load_form(register: Register, assessment_id: int) -> AssessmentForm:
    """Read the assessment, its questionnaire version and its answers (one read-only unit of work)."""
    with register.unit_of_work(readonly=True) as uow:
        a = uow.session.get(Assessment, assessment_id)
        if a is None:
            raise NotFoundError(f"There is no assessment #{assessment_id}.")
        stored = {ans.question_id: ans for ans in a.answers}
        sections = []
        for i, s in enumerate(a.template.sections, start=1):
            questions = []
            for j, q in enumerate(s.questions, start=1):
                answer = stored.get(q.id)
                choices = tuple(
                    FormChoice(str(c["value"]), str(c["label_en"]), str(c["label_ja"]), float(c["score"]))
                    for c in q.choices or []
                )
                questions.append(
                    FormQuestion(
                        key=q.key,
                        number=f"{i}.{j}",
                        section_key=s.key,
                        section_weight=s.weight,
                        text_en=q.text_en,
                        text_ja=q.text_ja,
                        guidance_en=q.guidance_en,
                        guidance_ja=q.guidance_ja,
                        answer_type=q.answer_type,
                        choices=choices,
                        weight=q.weight,
                        must_pass=q.must_pass,
                        evidence_required=q.evidence_required,
                        value=answer.value if answer else None,
                        comment=answer.comment if answer else None,
                    )
                )
            sections.append(FormSection(s.key, i, s.title_en, s.title_ja, s.weight, tuple(questions)))
        return AssessmentForm(
            assessment=to_view(a),
            party_name=a.party.name,
            template_name_en=a.template.name_en,
            template_name_ja=a.template.name_ja,
            pass_threshold=a.template.pass_threshold,
            conditional_threshold=a.template.conditional_threshold,
            sections=tuple(sections),
        )
