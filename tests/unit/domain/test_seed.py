"""Checks that the seeded reference content is complete, consistent and bilingual."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from calmi_vendors.domain.enums import (
    AnswerType,
    Applicability,
    CertificationKind,
    QuestionnaireCategory,
)
from calmi_vendors.domain.seed import (
    BUSINESS_FUNCTIONS,
    CERTIFICATION_LABELS,
    CLAUSES,
    DATA_CATEGORIES,
    SELECTION_QUESTIONNAIRE,
    YES_NO_PARTIAL_CHOICES,
    SeedClause,
    SeedQuestion,
)

# The clause requirements of /work/shared/design/domain.md, in the order of its table.
DOMAIN_CLAUSE_KEYS = (
    "scope_purpose",
    "security_measures",
    "confidentiality",
    "purpose_limitation",
    "no_third_party",
    "reentrustment",
    "reporting",
    "audit_rights",
    "incident_notice",
    "return_deletion",
    "cross_border",
    "staff_training",
    "data_subject_requests",
    "breach_measures",
    "liability",
)

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _questions() -> list[SeedQuestion]:
    return [q for section in SELECTION_QUESTIONNAIRE.sections for q in section.questions]


def _japanese_strings() -> Iterator[tuple[str, str]]:
    """Every Japanese string of the seed, with a label saying where it comes from."""
    for clause in CLAUSES:
        yield f"clause {clause.key} title", clause.title_ja
        yield f"clause {clause.key} description", clause.description_ja
    for function in BUSINESS_FUNCTIONS:
        yield f"function {function.key}", function.name_ja
    for category in DATA_CATEGORIES:
        yield f"data category {category.key}", category.name_ja
    for kind, (_, label_ja) in CERTIFICATION_LABELS.items():
        yield f"certification {kind}", label_ja
    for choice in YES_NO_PARTIAL_CHOICES:
        yield f"standard choice {choice.value}", choice.label_ja
    template = SELECTION_QUESTIONNAIRE
    yield "template name", template.name_ja
    yield "template description", template.description_ja
    for section in template.sections:
        yield f"section {section.key}", section.title_ja
        for question in section.questions:
            yield f"question {question.key}", question.text_ja
            if question.guidance_ja:
                yield f"question {question.key} guidance", question.guidance_ja
            for choice in question.choices:
                yield f"question {question.key} choice {choice.value}", choice.label_ja


def test_clause_keys_are_those_of_the_domain_in_order() -> None:
    keys = tuple(clause.key for clause in CLAUSES)
    assert keys == DOMAIN_CLAUSE_KEYS
    assert len(set(keys)) == len(keys) == 15


@pytest.mark.parametrize("clause", CLAUSES, ids=lambda c: c.key)
def test_clause_texts_are_filled_in_both_languages(clause: SeedClause) -> None:
    for field in ("title_en", "title_ja", "description_en", "description_ja", "sources"):
        assert getattr(clause, field).strip(), field


def test_only_cross_border_depends_on_handling_abroad() -> None:
    by_key = {clause.key: clause for clause in CLAUSES}
    assert by_key["cross_border"].applicability is Applicability.CROSS_BORDER
    others = [clause for clause in CLAUSES if clause.key != "cross_border"]
    assert all(clause.applicability is Applicability.ALWAYS for clause in others)


def test_special_care_tightens_the_security_items() -> None:
    strict = {clause.key for clause in CLAUSES if clause.strict_for_special_care}
    assert {
        "security_measures",
        "incident_notice",
        "staff_training",
        "return_deletion",
        "audit_rights",
    } <= strict
    assert "liability" not in strict


def test_business_functions_and_data_categories_have_unique_keys() -> None:
    function_keys = [function.key for function in BUSINESS_FUNCTIONS]
    assert len(function_keys) >= 10
    assert len(set(function_keys)) == len(function_keys)
    category_keys = [category.key for category in DATA_CATEGORIES]
    assert len(set(category_keys)) == len(category_keys)
    assert all(function.name_en and function.name_ja for function in BUSINESS_FUNCTIONS)
    assert all(category.name_en and category.name_ja for category in DATA_CATEGORIES)


def test_special_care_categories_follow_the_law() -> None:
    special_ja = " ".join(category.name_ja for category in DATA_CATEGORIES if category.special_care)
    for name in (
        "病歴",
        "健康診断",
        "障害",
        "犯罪の経歴",
        "犯罪により害を被った事実",
        "信条",
        "人種",
        "社会的身分",
    ):
        assert name in special_ja, name
    by_key = {category.key: category for category in DATA_CATEGORIES}
    assert by_key["my_number"].special_care is False
    assert by_key["basic_contact"].special_care is False
    assert by_key["medical_history"].special_care is True


def test_every_certification_kind_has_labels() -> None:
    assert set(CERTIFICATION_LABELS) == set(CertificationKind)
    assert all(en and ja for en, ja in CERTIFICATION_LABELS.values())
    assert CERTIFICATION_LABELS[CertificationKind.PRIVACY_MARK] == ("PrivacyMark", "プライバシーマーク")


def test_template_identity() -> None:
    assert SELECTION_QUESTIONNAIRE.key == "entrustee_security"
    assert SELECTION_QUESTIONNAIRE.version == 1


def test_every_questionnaire_category_has_exactly_one_section() -> None:
    categories = [section.category for section in SELECTION_QUESTIONNAIRE.sections]
    assert sorted(categories) == sorted(QuestionnaireCategory)
    section_keys = [section.key for section in SELECTION_QUESTIONNAIRE.sections]
    assert len(set(section_keys)) == len(section_keys)


def test_sections_hold_three_to_six_questions() -> None:
    for section in SELECTION_QUESTIONNAIRE.sections:
        assert 3 <= len(section.questions) <= 6, section.key
        assert 1 <= section.weight <= 5, section.key


def test_question_keys_are_unique_across_the_template() -> None:
    keys = [question.key for question in _questions()]
    assert len(set(keys)) == len(keys)


def test_question_weights_are_between_one_and_five() -> None:
    assert all(1 <= question.weight <= 5 for question in _questions())


def test_choice_questions_have_scored_options_reaching_full_marks() -> None:
    choice_questions = [q for q in _questions() if q.answer_type is AnswerType.CHOICE]
    assert choice_questions
    for question in choice_questions:
        assert len(question.choices) >= 2, question.key
        assert all(0.0 <= choice.score <= 1.0 for choice in question.choices), question.key
        assert any(choice.score == 1.0 for choice in question.choices), question.key
        values = [choice.value for choice in question.choices]
        assert len(set(values)) == len(values), question.key


def test_only_choice_questions_carry_choices() -> None:
    for question in _questions():
        if question.answer_type is not AnswerType.CHOICE:
            assert question.choices == (), question.key


def test_other_answer_types_are_used() -> None:
    used = {question.answer_type for question in _questions()}
    assert used == set(AnswerType)


def test_must_pass_questions_exist_and_can_be_answered_no() -> None:
    must_pass = [question for question in _questions() if question.must_pass]
    assert must_pass
    keys = {question.key for question in must_pass}
    assert {"hum_confidentiality_pledge", "tec_access_control", "re_prior_approval"} <= keys
    assert all(question.answer_type is AnswerType.YES_NO_PARTIAL for question in must_pass)


def test_standard_yes_no_partial_scores() -> None:
    assert {choice.value: choice.score for choice in YES_NO_PARTIAL_CHOICES} == {
        "yes": 1.0,
        "partial": 0.5,
        "no": 0.0,
    }


def test_questions_are_bilingual_with_paired_guidance() -> None:
    for question in _questions():
        assert question.text_en.strip(), question.key
        assert question.text_ja.strip(), question.key
        assert bool(question.guidance_en) == bool(question.guidance_ja), question.key
        for choice in question.choices:
            assert choice.label_en, question.key
            assert choice.label_ja, question.key


def test_japanese_strings_are_japanese() -> None:
    missing = [where for where, text in _japanese_strings() if not JAPANESE.search(text)]
    assert missing == []


def test_english_strings_have_no_japanese() -> None:
    english = [clause.title_en for clause in CLAUSES] + [clause.description_en for clause in CLAUSES]
    english += [question.text_en for question in _questions()]
    english += [question.guidance_en for question in _questions()]
    english += [en for en, _ in CERTIFICATION_LABELS.values()]
    assert [text for text in english if JAPANESE.search(text)] == []


def test_seed_objects_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        CLAUSES[0].key = "changed"  # type: ignore[misc]
