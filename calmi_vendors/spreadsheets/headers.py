"""Find the header row of a vendor list, whatever its language and layout, and map columns to fields."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from calmi_vendors.domain.text import clean_text, search_key
from calmi_vendors.spreadsheets.cells import SheetData, Workbook, column_letter, is_blank
from calmi_vendors.spreadsheets.errors import SpreadsheetError

FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "委託先名", "委託先名称", "委託先", "委託先会社名", "取引先名", "取引先", "会社名", "企業名",
        "業者名", "法人名", "事業者名", "社名", "商号", "名称", "Vendor name", "Vendor", "Supplier name",
        "Supplier", "Company name", "Company", "Entrusted party", "Contractor", "Processor", "Party name",
        "Name",
    ),
    "name_kana": (
        "フリガナ", "ふりがな", "カナ", "読み", "よみがな", "読み仮名", "委託先名カナ", "会社名カナ",
        "Reading", "Kana", "Name (kana)", "Name kana",
    ),
    "corporate_number": ("法人番号", "法人No", "Corporate number", "Corporate No.", "Japan corporate number"),
    "country": ("国", "国名", "所在国", "国・地域", "国/地域", "Country", "Country/Region"),
    "address": ("所在地", "住所", "本社所在地", "本店所在地", "Address", "Head office address", "Location"),
    "processing_country": (
        "データ処理国", "処理国", "保管国", "データ保管国", "保存国", "データの保管場所", "取扱国",
        "Processing country", "Country of processing", "Data location", "Hosting country",
        "Storage country",
    ),
    "data_subjects_approx": (
        "取扱件数", "件数", "本人の数", "本人数", "人数", "取扱人数", "対象者数", "個人情報件数",
        "保有件数", "データ件数", "Data subjects", "Number of data subjects", "Records", "Record count",
        "Number of records", "Volume",
    ),
    "business_functions": (
        "委託業務", "業務内容", "委託内容", "委託業務内容", "業務", "業務区分", "Business function",
        "Business functions", "Service", "Services", "Service entrusted", "Entrusted service",
        "Entrusted work", "Scope of work",
    ),
    "data_categories": (
        "個人情報の項目", "取扱う個人情報", "取り扱う個人情報", "取扱個人情報", "個人情報の種類",
        "個人データの項目", "個人情報項目", "預託する個人情報", "データ項目", "Data categories",
        "Data category", "Personal data", "Personal data handled", "Personal data categories",
        "Categories of personal data", "Data handled",
    ),
    "special_care": (
        "要配慮個人情報", "要配慮", "要配慮情報", "要配慮個人情報の有無", "Special-care",
        "Special-care data", "Special care data", "Sensitive data", "Sensitive personal data",
        "Special categories",
    ),
    "reentrustment_allowed": (
        "再委託", "再委託可否", "再委託の可否", "再委託の有無", "再委託有無", "再委託許可",
        "Re-entrustment", "Re-entrustment allowed", "Sub-contracting", "Sub-contracting allowed",
        "Subcontracting allowed", "Sub-processing allowed",
    ),
    "parent_name": (
        "再委託元", "委託元", "再委託元会社名", "元請", "元委託先", "親委託先", "Parent", "Parent vendor",
        "Parent party", "Re-entrusted by", "Subcontracted by", "Prime contractor",
    ),
    "owner_department": (
        "担当部署", "主管部署", "所管部署", "管理部署", "担当部門", "主管部門", "所管部門", "部署", "部門",
        "Owner department", "Department", "Responsible department", "Business owner",
    ),
    "contact_name": (
        "担当者", "担当者名", "先方担当者", "委託先担当者", "窓口担当者", "連絡先", "Contact",
        "Contact name", "Contact person", "Vendor contact", "Privacy contact",
    ),
    "contact_email": (
        "メール", "メールアドレス", "Eメール", "電子メール", "E-mail", "Email", "Mail", "Email address",
        "E-mail address", "Contact email",
    ),
    "contact_phone": ("電話", "電話番号", "TEL", "連絡先電話番号", "Phone", "Telephone", "Phone number"),
    "certification": (
        "認証", "取得認証", "認証取得", "認証取得状況", "第三者認証", "外部認証", "保有認証", "Pマーク",
        "プライバシーマーク", "Pマーク取得", "Pマーク取得状況", "ISMS", "ISMS認証", "ISO27001",
        "ISO/IEC 27001", "PIMS", "ISO27701", "ISO27017", "SOC2", "Certification", "Certifications",
        "Certificate", "Certificates", "PrivacyMark", "Privacy Mark",
    ),
    "certification_expires_on": (
        "認証有効期限", "有効期限", "認証期限", "認証の有効期限", "Certificate expiry",
        "Certification expiry", "Certificate expires", "Expiry", "Valid until",
    ),
    "contract_signed_on": ("契約締結日", "契約日", "締結日", "Contract signed", "Contract date", "Signed on"),
    "contract_effective_on": (
        "契約開始日", "契約始期", "開始日", "Contract start", "Effective date", "Start date",
    ),
    "contract_expires_on": (
        "契約満了日", "契約期限", "契約終了日", "契約期間満了日", "契約有効期限", "満了日", "終了日",
        "Contract expiry", "Contract expires", "Contract end", "End date", "Contract expiry date",
    ),
    "website": ("ウェブサイト", "ホームページ", "HP", "URL", "Webサイト", "Website", "Web site", "Homepage"),
    "status": ("ステータス", "状態", "状況", "取引状況", "取引ステータス", "Status", "Vendor status"),
    "notes": ("備考", "備考欄", "特記事項", "補足", "メモ", "コメント", "注記", "Notes", "Note", "Remarks",
              "Comments", "Comment", "Memo"),
}  # fmt: skip
# Fields that several columns may feed (one column per certification, several note columns).
MULTI_COLUMN_FIELDS = frozenset({"certification", "notes"})
# Headers that would match a field by "contains" but mean something else (再委託先 = the sub-contractor).
_NOT_FIELDS = ("再委託先",)
_KANA_MARKERS = ("かな", "ふりがな", "よみ", "読み", "kana", "reading")
_BRACKETED = re.compile(r"[(\[<【「][^)\]>】」]*[)\]>】」]")
_PUNCTUATION = re.compile(r"[\-‐_.・･:*＊※'’\"/\\#?？]")
_MAX_HEADER_CHARS = 60


def header_key(text: str) -> str:
    """The header as matched: search_key (NFKC, case, width, kana) without punctuation."""
    return _PUNCTUATION.sub("", search_key(clean_text(text)))


def _keys() -> dict[str, str]:
    found: dict[str, str] = {}
    for field, synonyms in FIELD_SYNONYMS.items():
        for synonym in synonyms:
            found.setdefault(header_key(synonym), field)
    return found


_EXACT = _keys()
# "Contains" candidates: short ASCII keys ("hp", "tel") would hit inside unrelated words.
_CONTAINED = sorted(
    ((key, field) for key, field in _EXACT.items() if len(key) >= (4 if key.isascii() else 2)),
    key=lambda item: -len(item[0]),
)


def match_header(text: object) -> tuple[str, bool] | None:
    """(field, exact) for a header cell, or None: exact synonym first, then the best "contains" match."""
    if not isinstance(text, str) or is_blank(text) or len(text) > _MAX_HEADER_CHARS:
        return None
    key = header_key(text)
    if not key or any(header_key(word) in key for word in _NOT_FIELDS):
        return None
    main = _BRACKETED.sub("", key) or key
    for candidate in (key, main):
        field = _EXACT.get(candidate)
        if field is not None:
            return _kana(field, key), True
    best: tuple[int, int, str] | None = None
    for synonym, field in _CONTAINED:
        position = main.rfind(synonym)
        if position >= 0:
            # Japanese (and English) compounds put the head noun last: the match ending last wins.
            rank = (position + len(synonym), len(synonym), field)
            best = rank if best is None or rank[:2] > best[:2] else best
    return None if best is None else (_kana(best[2], key), False)


def _kana(field: str, key: str) -> str:
    """委託先名（カナ）is the reading of the name, not the name."""
    if field == "name" and any(marker in key for marker in _KANA_MARKERS):
        return "name_kana"
    return field


@dataclass(frozen=True, slots=True)
class HeaderGuess:
    """The header row (0-based index into SheetData.rows) and which column feeds which field."""

    row_index: int
    mapping: dict[int, str]
    score: float
    headers: tuple[str, ...] = ()

    @property
    def row_number(self) -> int:
        return self.row_index + 1

    def header(self, column: int) -> str:
        """The header text of a column, or "Column F" where the header cell is empty."""
        text = self.headers[column] if column < len(self.headers) else ""
        return text or f"Column {column_letter(column)}"


def header_texts(row: Sequence[object]) -> tuple[str, ...]:
    return tuple("" if is_blank(cell) else clean_text(str(cell)) for cell in row)


def map_headers(row: Sequence[object]) -> tuple[dict[int, str], float]:
    """Column → field for one candidate row, and its score (exact matches count more)."""
    chosen: dict[str, tuple[bool, int]] = {}
    mapping: dict[int, str] = {}
    score = 0.0
    for column, cell in enumerate(row):
        matched = match_header(cell)
        if matched is None:
            continue
        field, exact = matched
        if field not in MULTI_COLUMN_FIELDS and field in chosen:
            if not exact or chosen[field][0]:
                continue  # the first exact match keeps the field; later ones stay unmapped
            previous = chosen[field][1]
            del mapping[previous]
            score -= 0.6
        chosen[field] = (exact, column)
        mapping[column] = field
        score += 1.0 if exact else 0.6
    return dict(sorted(mapping.items())), score


def detect_header_row(sheet: SheetData, *, scan_rows: int = 30) -> HeaderGuess | None:
    """The row among the first `scan_rows` with the most recognised headers (at least two), or None."""
    best: HeaderGuess | None = None
    for index, row in enumerate(sheet.rows[:scan_rows]):
        mapping, score = map_headers(row)
        if len(mapping) >= 2 and (best is None or score > best.score):
            best = HeaderGuess(index, mapping, score, header_texts(row))
    return best


def _has_data_below(sheet: SheetData, guess: HeaderGuess) -> bool:
    return any(not all(is_blank(cell) for cell in row) for row in sheet.rows[guess.row_index + 1 :])


def find_data_sheet(workbook: Workbook) -> tuple[SheetData, HeaderGuess]:
    """The sheet that holds the vendor list and its header row, or SpreadsheetError saying why none does."""
    name = workbook.path_name
    if all(not sheet.rows for sheet in workbook.sheets):
        raise SpreadsheetError(f"{name} is empty: no sheet holds any data.", file_name=name)
    candidates = [
        (sheet, guess) for sheet in workbook.sheets if (guess := detect_header_row(sheet)) is not None
    ]
    if not candidates:
        found = "; ".join(_first_row_summary(sheet) for sheet in workbook.sheets if sheet.rows)
        raise SpreadsheetError(
            f"{name}: no sheet has recognisable vendor columns — found headers: {found}. "
            "A vendor list needs a header row with columns such as "
            "委託先名 / Vendor name, 法人番号, 委託業務.",
            file_name=name,
        )
    sheet, guess = max(
        candidates,
        key=lambda pair: (
            "name" in pair[1].mapping.values(),
            _has_data_below(*pair),
            pair[0].visible,
            pair[1].score,
        ),
    )
    if "name" not in guess.mapping.values():
        raise SpreadsheetError(
            f"{name}, sheet {sheet.name!r}: row {guess.row_number} has vendor columns "
            f"({', '.join(guess.header(c) for c in guess.mapping)}) but none for the vendor's name. "
            "Add or rename a column 委託先名 / Vendor name.",
            file_name=name,
            sheet=sheet.name,
        )
    if not _has_data_below(sheet, guess):
        raise SpreadsheetError(
            f"{name}, sheet {sheet.name!r} has the column headers on row {guess.row_number} "
            "but no vendor rows below them.",
            file_name=name,
            sheet=sheet.name,
        )
    return sheet, guess


def _first_row_summary(sheet: SheetData) -> str:
    for row in sheet.rows:
        texts = [text for text in header_texts(row) if text]
        if texts:
            shown = ", ".join(texts[:12]) + (", …" if len(texts) > 12 else "")
            return f"{shown} (sheet {sheet.name!r})"
    return f"(sheet {sheet.name!r} is empty)"


def headers_signature(headers: Sequence[object]) -> str:
    """sha256 of the normalised header texts (trailing blanks dropped), to recognise a saved mapping."""
    keys = [header_key(str(cell)) if not is_blank(cell) else "" for cell in headers]
    while keys and not keys[-1]:
        keys.pop()
    return hashlib.sha256("\x1f".join(keys).encode("utf-8")).hexdigest()
