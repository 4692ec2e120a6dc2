"""Text as people type it: cleaning for storage, keys for matching company names and for search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\u3000]+")
# Company-form markers that name the same company whichever way they are written (after NFKC).
_JA_FORMS = (
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    "一般社団法人",
    "一般財団法人",
    "(株)",
    "(有)",
    "(同)",
    "(一社)",
    "(一財)",
    "(資)",
    "(名)",
)
_LATIN_FORMS = re.compile(
    r"(?<![a-z0-9])(co\.?,?\s*ltd\.?|company\s+limited|limited|ltd\.?|inc\.?|incorporated|corporation|corp\.?"
    r"|k\.\s?k\.?|kk|llc|l\.l\.c\.|g\.\s?k\.?|gk|pte\.?|plc|gmbh|co\.?)(?![a-z0-9])"
)
_PUNCTUATION = re.compile(r"[\s・.,，、。()\[\]（）「」『』\"'`’‘“”\-‐‑–—−ー_/&＆!?:;]+")
_KATAKANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def clean_text(text: str) -> str:
    """Trim ASCII and full-width spaces and fold runs of whitespace to one space; otherwise as written."""
    without_controls = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch in "\t\n\r")
    return _SPACES.sub(" ", without_controls).strip()


def match_key(name: str) -> str:
    """Key under which (株)双葉, 株式会社双葉 and ㈱ 双葉 (or Acme Co., Ltd. and ACME K.K.) match."""
    text = nfkc(name).casefold()
    for form in _JA_FORMS:
        text = text.replace(form, " ")
    text = _LATIN_FORMS.sub(" ", text)
    return _PUNCTUATION.sub("", text)


def search_key(text: str) -> str:
    """Key for incremental search: width-, case- and kana-insensitive, without spaces."""
    folded = nfkc(text).casefold().translate(_KATAKANA)
    return _SPACES.sub("", folded)
