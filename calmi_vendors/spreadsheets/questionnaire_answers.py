"""Answer cells of a returned questionnaire read as what their question needs, in the stored form."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from calmi_vendors.domain.dates import InvalidDate, parse_date
from calmi_vendors.domain.enums import AnswerType
from calmi_vendors.spreadsheets.cells import Cell, is_blank
from calmi_vendors.spreadsheets.fields import CellProblem, as_notes, check_marker

# The party's evidence reference is kept on the answer's comment, after this marker line.
EVIDENCE_MARKER = "証跡 / Evidence: "
MAX_NUMBER = 1_000_000_000
MAX_TEXT = 4000
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_YES_NO_PARTIAL = {
    "yes": "yes", "y": "yes", "はい": "yes",
    "partial": "partial", "partly": "partial", "一部": "partial", "一部対応": "partial",
    "no": "no", "n": "no", "いいえ": "no",
    "n/a": "n/a", "na": "n/a", "not applicable": "n/a", "該当なし": "n/a", "対象外": "n/a",
}  # fmt: skip


def split_comment(stored: str | None) -> tuple[str | None, str | None]:
    """(comment, evidence) from an answer's stored comment."""
    if not stored:
        return None, None
    if stored.startswith(EVIDENCE_MARKER):
        return None, stored[len(EVIDENCE_MARKER) :] or None
    comment, marker, evidence = stored.rpartition("\n" + EVIDENCE_MARKER)
    if not marker:
        return stored, None
    return comment or None, evidence or None


def join_comment(comment: str | None, evidence: str | None) -> str | None:
    if not evidence:
        return comment or None
    return f"{comment}\n{EVIDENCE_MARKER}{evidence}" if comment else EVIDENCE_MARKER + evidence


def answer_text(value: Cell) -> str | None:
    """A cell as text: as_notes' cleaning, and the quote the export put before formula-like text removed."""
    text = as_notes(value)
    if text and text.startswith("'") and text[1:].startswith(_FORMULA_STARTS):
        return text[1:]
    return text


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def read_answer(
    kind: AnswerType, choices: Sequence[Mapping[str, Any]], value: Cell, language: str = "en"
) -> str | None:
    """The answer a cell gives to a question of this kind, in the stored form; CellProblem saying why not."""
    check_marker(value)
    if is_blank(value):
        return None
    if kind is AnswerType.DATE:
        return _read_date(value)
    if kind is AnswerType.NUMBER:
        return _read_number(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()[:10] if isinstance(value, datetime) else value.isoformat()
    text = answer_text(value if not isinstance(value, bool) else str(value).upper()) or ""
    if kind is AnswerType.YES_NO_PARTIAL:
        found = _YES_NO_PARTIAL.get(_fold(text))
        if found is None:
            raise CellProblem(
                "not_allowed",
                f"{text!r} is not an allowed answer; choose はい, 一部, いいえ or 該当なし "
                "(Yes, Partial, No or N/A)",
            )
        return found
    if kind is AnswerType.CHOICE:
        options = choices
        for option in options:
            if _fold(text) in {_fold(str(option[k])) for k in ("value", "label_en", "label_ja")}:
                return str(option["value"])
        labels = ", ".join(str(o["label_ja" if language == "ja" else "label_en"]) for o in options)
        raise CellProblem("not_allowed", f"{text!r} is not one of the choices: {labels}")
    if len(text) > MAX_TEXT:
        raise CellProblem(
            "too_long", f"the answer has {len(text):,} characters; at most {MAX_TEXT:,} are kept"
        )
    return text


def _read_number(value: Cell) -> str:
    if isinstance(value, bool | date | datetime):
        raise CellProblem("not_a_number", "not a number; type digits only, e.g. 12")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = unicodedata.normalize("NFKC", answer_text(value) or "").replace(",", "").replace(" ", "")
        try:
            number = float(text)
        except ValueError:
            raise CellProblem(
                "not_a_number", f"{value!r} is not a number; type digits only, e.g. 12"
            ) from None
    if not math.isfinite(number) or not 0 <= number <= MAX_NUMBER:
        raise CellProblem(
            "out_of_range", f"{value!r} is out of range: answer a number from 0 to {MAX_NUMBER:,}"
        )
    return str(int(number)) if number.is_integer() else repr(number)


def _read_date(value: Cell) -> str:
    if isinstance(value, bool | int | float):
        raise CellProblem("not_a_date", f"{value!r} is a number, not a date; type it like 2025-04-01")
    try:
        return parse_date(value if isinstance(value, date) else answer_text(value) or "").isoformat()
    except InvalidDate as exc:
        raise CellProblem("bad_date", f"not a date: {exc}") from None
