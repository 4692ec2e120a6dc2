"""Certification cells: "Pマーク(2026/3/31)", "ISO/IEC 27001; SOC 2 Type II", 取得 under a Pマーク column."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from calmi_vendors.domain.dates import InvalidDate, parse_date
from calmi_vendors.domain.enums import CertificationKind
from calmi_vendors.domain.text import clean_text
from calmi_vendors.services.dto import CertificationInput

# Checked in order: 27017 and 27701 before the bare ISMS/27001 that their names also contain.
_KINDS: tuple[tuple[CertificationKind, re.Pattern[str]], ...] = (
    (
        CertificationKind.PRIVACY_MARK,
        re.compile(r"pマーク|プライバシーマーク|privacy\s*mark|jis\s*q\s*15001", re.I),
    ),
    (CertificationKind.ISO_27017, re.compile(r"27017|クラウドセキュリティ", re.I)),
    (CertificationKind.ISO_27701, re.compile(r"27701|pims", re.I)),
    (CertificationKind.ISO_27001, re.compile(r"27001|isms", re.I)),
    (CertificationKind.SOC2, re.compile(r"soc\s*2|soc\s*ii\b", re.I)),
)
_HELD = frozenset(
    {
        "取得", "取得済", "取得済み", "認証取得", "認証取得済", "保有", "あり", "有", "有り", "済",
        "はい", "〇", "○", "◯", "✓", "✔", "yes", "y", "true", "certified", "obtained", "held",
    }
)  # fmt: skip
# Not (yet) certified: no certification, and nothing to report either.
_NOT_HELD = frozenset(
    {
        "", "無", "なし", "無し", "未", "未取得", "いいえ", "×", "✕", "✗", "-", "ー", "―", "no",
        "n", "false", "none", "n/a", "na", "申請中", "取得予定", "取得中", "準備中", "planned",
        "in progress", "applying",
    }
)  # fmt: skip
_SPLIT = re.compile(r"[;；、,，\n]+")
_DATE_IN_TEXT = re.compile(
    r"(\d{4}\s*[/.\-年]\s*\d{1,2}\s*[/.\-月]\s*\d{1,2}\s*日?|(?:令和|平成|R|H)\s*(?:\d{1,2}|元)\s*[年./]\s*\d{1,2}"
    r"\s*[月./]\s*\d{1,2}\s*日?)",
    re.I,
)
_BARE_NUMBER = re.compile(r"^[A-Z]{0,4}[\s\-]?\d[\d\-]*(\(\d+\))?$", re.I)
_NUMBER = re.compile(r"(?:第|\bno\.?|番号[:：]?|#)\s*([0-9A-Z][0-9A-Z\-]*(?:\(\d+\))?)", re.I)


@dataclass(frozen=True, slots=True)
class CertificationParse:
    """The certifications a cell names, and any date in it that is not a real date."""

    certifications: tuple[CertificationInput, ...]
    bad_dates: tuple[tuple[str, str], ...] = ()


def kind_of(text: str) -> CertificationKind | None:
    """The kind a certification's name or a column header names, if any."""
    folded = unicodedata.normalize("NFKC", text)
    for kind, pattern in _KINDS:
        if pattern.search(folded):
            return kind
    return None


def parse_certifications(value: object, header: str, *, today: date | None = None) -> CertificationParse:
    """Certifications from one cell; the header names the kind when the cell only says 取得 or a date."""
    hint = kind_of(header)
    if value is None or isinstance(value, bool):
        held = value is True
        return CertificationParse((_held(hint, header),) if held else ())
    if isinstance(value, date | datetime):
        expires = value.date() if isinstance(value, datetime) else value
        return CertificationParse((_held(hint, header, expires),))
    text = clean_text(str(value))
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded in _NOT_HELD:
        return CertificationParse(())
    if folded in _HELD:
        return CertificationParse((_held(hint, header),))
    found: list[CertificationInput] = []
    bad: list[tuple[str, str]] = []
    for part in (clean_text(p) for p in _SPLIT.split(text)):
        if part and unicodedata.normalize("NFKC", part).casefold() not in _NOT_HELD:
            found.append(_parse_part(part, hint, header, bad, today))
    return CertificationParse(tuple(found), tuple(bad))


def _parse_part(
    part: str, hint: CertificationKind | None, header: str, bad: list[tuple[str, str]], today: date | None
) -> CertificationInput:
    folded = unicodedata.normalize("NFKC", part)
    expires: date | None = None
    dated = _DATE_IN_TEXT.search(folded)
    if dated is not None:
        try:
            expires = parse_date(dated.group(1), today=today)
        except InvalidDate as exc:
            bad.append((dated.group(1), str(exc)))
    named = kind_of(part)
    numbered = _NUMBER.search(folded)
    if numbered is not None:
        number: str | None = numbered.group(1)
    else:
        # A registration number typed on its own under a Pマーク / ISMS column ("ISO27001" is a name).
        number = folded if named is None and _BARE_NUMBER.match(folded) else None
    kind = named or hint
    if kind is not None and kind is not CertificationKind.OTHER:
        return CertificationInput(kind, number=number, expires_on=expires)
    only_date_or_number = (dated is not None and dated.group(0).strip() == folded.strip()) or number == folded
    name = clean_text(header) if only_date_or_number else part
    return CertificationInput(CertificationKind.OTHER, number=number, name=name or None, expires_on=expires)


def _held(kind: CertificationKind | None, header: str, expires: date | None = None) -> CertificationInput:
    if kind is None:
        return CertificationInput(
            CertificationKind.OTHER, name=clean_text(header) or None, expires_on=expires
        )
    return CertificationInput(kind, expires_on=expires)
