"""The questionnaire workbook on its own: what the party sees and may change, what the reader gives back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from calmi_vendors.domain.enums import AnswerType
from calmi_vendors.spreadsheets.cells import CellError
from calmi_vendors.spreadsheets.errors import SpreadsheetError
from calmi_vendors.spreadsheets.fields import CellProblem
from calmi_vendors.spreadsheets.questionnaire_answers import join_comment, read_answer, split_comment
from calmi_vendors.spreadsheets.questionnaire_book import (
    BookCover,
    BookQuestion,
    ChoiceOption,
    write_questionnaire_book,
)
from calmi_vendors.spreadsheets.questionnaire_read import read_questionnaire_book

WriteXlsx = Callable[..., Path]
CHOICES = (
    ChoiceOption("password_only", "Password only", "パスワードのみ"),
    ChoiceOption("mfa_all", "Multi-factor authentication for all users", "全利用者に多要素認証"),
)
CHOICE_DICTS = [
    {"value": c.value, "label_en": c.label_en, "label_ja": c.label_ja, "score": 1} for c in CHOICES
]
QUESTIONS = (
    BookQuestion("q_policy", "1.1", "基本方針", "方針を策定していますか。", "写しを添付",
                 AnswerType.YES_NO_PARTIAL, must_pass=True, evidence_required=True, answer="yes",
                 comment="規程集", evidence="policy.pdf"),
    BookQuestion("q_auth", "1.2", "基本方針", "認証方式", None, AnswerType.CHOICE, False, False, CHOICES),
    BookQuestion("q_staff", "2.1", "人的", "人数", None, AnswerType.NUMBER, False, False, answer="12"),
    BookQuestion("q_audit", "2.2", "人的", "監査日", None, AnswerType.DATE, False, True, answer="2025-04-01"),
    BookQuestion("q_where", "2.3", "人的", '=HYPERLINK("http://evil.invalid","x")', None, AnswerType.TEXT,
                 False, False, answer="=1+1"),
)  # fmt: skip
COVER = BookCover(
    assessment_id=7,
    party_name="株式会社テスト",
    corporate_number="2308627149709",
    template_key="entrustee_security",
    template_version=3,
    questionnaire_name="委託先評価",
    checksum="abc123",
    due_on=date(2026, 5, 1),
    issued_on=date(2026, 4, 1),
)


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    path = tmp_path / "q.xlsx"
    write_questionnaire_book(path, COVER, QUESTIONS, "ja")
    return path


def test_party_can_type_only_in_answer_cells_and_sees_the_lists(book_path: Path) -> None:
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["表紙", "回答", "_calmi"]
    assert book["_calmi"].sheet_state == "hidden"
    assert book.security is not None
    assert book.security.lockStructure
    sheet = book["回答"]
    assert sheet.protection.sheet
    header = [c.value for c in sheet[1]]
    assert header[:9] == ["ID", "区分", "番号", "質問", "補足", "回答形式", "必須", "証跡要否", "回答"]
    col = {title: n + 1 for n, title in enumerate(header)}
    assert sheet.column_dimensions["A"].hidden
    assert sheet.cell(2, col["必須"]).value == "必須"
    assert sheet.cell(3, col["必須"]).value is None
    for row in range(2, 7):
        assert sheet.cell(row, col["質問"]).protection.locked
        for editable in ("回答", "コメント", "証跡（資料名・URL）"):
            assert not sheet.cell(row, col[editable]).protection.locked
    # Existing answers are pre-filled as the party reads them.
    assert sheet.cell(2, col["回答"]).value == "はい"
    assert sheet.cell(4, col["回答"]).value == 12
    assert sheet.cell(5, col["回答"]).value.date() == date(2025, 4, 1)
    assert sheet.cell(2, col["証跡（資料名・URL）"]).value == "policy.pdf"
    lists = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert lists["I2"].type == "list"
    assert lists["I2"].formula1 == "'_calmi'!$D$2:$D$5"
    assert [book["_calmi"].cell(r, 4).value for r in range(2, 6)] == ["はい", "一部", "いいえ", "該当なし"]
    assert lists["I3"].formula1 == "'_calmi'!$E$2:$E$3"
    assert lists["I4"].type == "decimal"
    cover = book["表紙"]
    assert cover["B3"].value == "株式会社テスト"
    assert "第3版" in cover["B6"].value
    assert cover["B7"].value.date() == date(2026, 5, 1)


def test_formula_like_text_is_written_as_text(book_path: Path) -> None:
    sheet = openpyxl.load_workbook(book_path)["回答"]
    question, answer = sheet["D6"], sheet["I6"]
    assert question.data_type == answer.data_type == "s"
    assert question.value.startswith("'=")
    assert answer.value == "'=1+1"


def test_reader_returns_identity_and_rows(book_path: Path) -> None:
    filled = read_questionnaire_book(book_path)
    assert filled.sheet == "回答"
    assert filled.identity.assessment_id == 7
    assert filled.identity.template_version == 3
    assert filled.identity.checksum == "abc123"
    assert filled.identity.language == "ja"
    assert filled.columns["answer"] == "I"
    assert [r.key for r in filled.rows] == ["q_policy", "q_auth", "q_staff", "q_audit", "q_where"]
    assert [r.row for r in filled.rows] == [2, 3, 4, 5, 6]
    assert filled.rows[0].answer == "はい"
    assert filled.rows[0].exported_answer == "yes"
    assert filled.rows[3].answer == date(2025, 4, 1)


def test_english_book_uses_english_words(tmp_path: Path) -> None:
    path = tmp_path / "en.xlsx"
    write_questionnaire_book(path, COVER, QUESTIONS, "en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Cover", "Answers", "_calmi"]
    assert book["Answers"]["I2"].value == "Yes"
    assert book["Answers"]["G2"].value == "Must pass (必須)"
    assert read_questionnaire_book(path).identity.language == "en"


def test_a_plain_workbook_is_not_a_questionnaire(write_xlsx: WriteXlsx) -> None:
    path = write_xlsx([["ID", "Answer"], ["q1", "yes"]], name="plain.xlsx")
    with pytest.raises(SpreadsheetError, match="not a questionnaire exported by Calmi Vendors"):
        read_questionnaire_book(path)


def test_removed_answer_column_is_named(book_path: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(book_path)
    book["回答"].delete_cols(10)  # コメント
    changed = tmp_path / "changed.xlsx"
    book.save(changed)
    with pytest.raises(
        SpreadsheetError, match=r"sheet '回答', row 1: the column\(s\) 'コメント' are missing"
    ):
        read_questionnaire_book(changed)


@pytest.mark.parametrize(
    ("kind", "value", "stored"),
    [
        (AnswerType.YES_NO_PARTIAL, "はい", "yes"),
        (AnswerType.YES_NO_PARTIAL, " Yes ", "yes"),
        (AnswerType.YES_NO_PARTIAL, "一部", "partial"),
        (AnswerType.YES_NO_PARTIAL, "Partial", "partial"),
        (AnswerType.YES_NO_PARTIAL, "ＮＯ", "no"),
        (AnswerType.YES_NO_PARTIAL, "いいえ", "no"),
        (AnswerType.YES_NO_PARTIAL, "該当なし", "n/a"),
        (AnswerType.YES_NO_PARTIAL, "N/A", "n/a"),
        (AnswerType.CHOICE, "全利用者に多要素認証", "mfa_all"),
        (AnswerType.CHOICE, "password only", "password_only"),
        (AnswerType.CHOICE, "mfa_all", "mfa_all"),
        (AnswerType.NUMBER, "１２", "12"),
        (AnswerType.NUMBER, "1,234", "1234"),
        (AnswerType.NUMBER, 12.0, "12"),
        (AnswerType.NUMBER, 2.5, "2.5"),
        (AnswerType.DATE, "令和7年4月1日", "2025-04-01"),
        (AnswerType.DATE, "２０２５／４／１", "2025-04-01"),
        (AnswerType.DATE, date(2025, 4, 1), "2025-04-01"),
        (AnswerType.TEXT, "'=1+1", "=1+1"),
        (AnswerType.TEXT, "  国内のみ ", "国内のみ"),
        (AnswerType.TEXT, "   ", None),
    ],
)
def test_answers_are_read_in_either_language(kind: AnswerType, value: object, stored: str | None) -> None:
    assert read_answer(kind, CHOICE_DICTS, value, "ja") == stored  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "value", "problem", "words"),
    [
        (AnswerType.YES_NO_PARTIAL, "たぶん", "not_allowed", "choose はい, 一部, いいえ or 該当なし"),
        (
            AnswerType.CHOICE,
            "生体認証",
            "not_allowed",
            "not one of the choices: パスワードのみ, 全利用者に多要素認証",
        ),
        (AnswerType.NUMBER, "十二", "not_a_number", "not a number"),
        (AnswerType.NUMBER, -3, "out_of_range", "from 0 to 1,000,000,000"),
        (AnswerType.NUMBER, "２０００００００００", "out_of_range", "out of range"),
        (AnswerType.DATE, "2026-02-30", "bad_date", "not a calendar date"),
        (AnswerType.DATE, "令和7年13月1日", "bad_date", "not a date"),
        (AnswerType.DATE, 45000, "not_a_date", "a number, not a date"),
        (AnswerType.TEXT, "x" * 4001, "too_long", "at most 4,000"),
        (AnswerType.TEXT, CellError("#REF!"), "excel_error", "#REF!"),
    ],
)
def test_unusable_answers_say_why(kind: AnswerType, value: object, problem: str, words: str) -> None:
    with pytest.raises(CellProblem) as caught:
        read_answer(kind, CHOICE_DICTS, value, "ja")  # type: ignore[arg-type]
    assert caught.value.kind == problem
    assert words in caught.value.reason


@pytest.mark.parametrize(
    ("comment", "evidence"),
    [("規程集", "policy.pdf"), (None, "https://example.invalid/p"), ("a\nb", None), (None, None)],
)
def test_comment_and_evidence_share_the_stored_comment(comment: str | None, evidence: str | None) -> None:
    assert split_comment(join_comment(comment, evidence)) == (comment, evidence)
