"""The words of the questionnaire workbook in Japanese and English, and the roles of its columns."""

from __future__ import annotations

from typing import Any

from calmi_vendors.domain.enums import AnswerType

FORMAT = "calmi-vendors-questionnaire/1"
META_SHEET = "_calmi"
LANGUAGES = ("ja", "en")
FIRST_ROW = 2  # answer rows start under the header row
YES_NO_PARTIAL_VALUES = ("yes", "partial", "no", "n/a")
LISTS_FROM_COLUMN = 4  # D onwards on the hidden sheet: the dropdown lists
# Column roles of the answer sheet, in order; the reader finds them by header, not by position.
ROLES = (
    "id",
    "section",
    "number",
    "question",
    "guidance",
    "type",
    "must_pass",
    "evidence_required",
    "answer",
    "comment",
    "evidence",
    "exported_answer",
    "exported_comment",
)
EDITABLE = frozenset({"answer", "comment", "evidence"})
HIDDEN = frozenset({"id", "exported_answer", "exported_comment"})
WIDTHS = {"section": 18, "number": 7, "question": 60, "guidance": 36, "type": 16, "must_pass": 8}
WIDTHS |= {"evidence_required": 10, "answer": 22, "comment": 36, "evidence": 30}

TEXT: dict[str, dict[str, Any]] = {
    "en": {
        "cover": "Cover",
        "answers": "Answers",
        "headers": (
            "ID", "Section", "No.", "Question", "Guidance", "Answer type", "Must pass", "Evidence needed",
            "Answer", "Comment", "Evidence (document name or URL)", "Answer when exported",
            "Comment when exported",
        ),
        "title": "Questionnaire on the handling of entrusted personal information",
        "fields": (
            "Entrusted party", "Corporate number", "Assessment", "Questionnaire", "Answer by", "Issued on",
        ),
        "types": {
            AnswerType.YES_NO_PARTIAL: "Yes / Partial / No / N/A",
            AnswerType.CHOICE: "Choose one",
            AnswerType.TEXT: "Text",
            AnswerType.NUMBER: "Number",
            AnswerType.DATE: "Date (YYYY-MM-DD)",
        },
        "ynp": {"yes": "Yes", "partial": "Partial", "no": "No", "n/a": "N/A"},
        "must_pass": "Must pass (必須)",
        "needed": "Yes",
        "instructions_title": "How to answer",
        "instructions": (
            "Write in the yellow cells of the 'Answers' sheet only (Answer, Comment, Evidence); the other "
            "cells are protected.",
            "For Yes/Partial/No and choice questions pick an answer from the cell's list. Japanese answers "
            "(はい / 一部 / いいえ / 該当なし) are accepted too.",
            "Numbers may be typed in half-width or full-width digits. Write dates like 2025-04-01, "
            "2025/4/1 or 令和7年4月1日.",
            "A must-pass (必須) question answered anything but Yes (or N/A) fails the assessment whatever "
            "the other answers.",
            "Where evidence is needed, name the document or give its URL in the Evidence column and send "
            "the documents with this file.",
            "Do not add, delete or move rows, columns or sheets: the file is checked against the "
            "questionnaire when it is imported.",
        ),
    },
    "ja": {
        "cover": "表紙",
        "answers": "回答",
        "headers": (
            "ID", "区分", "番号", "質問", "補足", "回答形式", "必須", "証跡要否", "回答", "コメント",
            "証跡（資料名・URL）", "出力時の回答", "出力時のコメント",
        ),
        "title": "個人情報の取扱いに関する委託先評価票",
        "fields": ("委託先", "法人番号", "評価番号", "質問票", "回答期限", "発行日"),
        "types": {
            AnswerType.YES_NO_PARTIAL: "はい／一部／いいえ／該当なし",
            AnswerType.CHOICE: "選択",
            AnswerType.TEXT: "記述",
            AnswerType.NUMBER: "数値",
            AnswerType.DATE: "日付（YYYY/MM/DD）",
        },
        "ynp": {"yes": "はい", "partial": "一部", "no": "いいえ", "n/a": "該当なし"},
        "must_pass": "必須",
        "needed": "要",
        "instructions_title": "記入方法",
        "instructions": (
            "「回答」シートの黄色の欄（回答・コメント・証跡）にのみ記入してください。ほかの欄は保護されています。",
            "「はい／一部／いいえ」の質問と選択式の質問は、セルのリストから選んでください。"
            "英語（Yes / Partial / No / N/A）でも受け付けます。",
            "数値は半角・全角どちらでも構いません。"
            "日付は 2025/4/1、2025年4月1日、令和7年4月1日 のように記入してください。",
            "「必須」の質問に「はい」（又は「該当なし」）以外で回答すると、他の回答にかかわらず評価は不合格となります。",
            "証跡が必要な質問は、「証跡」欄に資料名又はURLを記入し、資料を本ファイルと併せて提出してください。",
            "行・列・シートの追加、削除、移動はしないでください。取込み時に質問票と照合します。",
        ),
    },
}  # fmt: skip
