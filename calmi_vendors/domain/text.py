"""Text as people type it: cleaning for storage, keys for matching company names and for search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_WHITESPACE = re.compile(r"\s+")  # str patterns match Unicode whitespace, U+3000 included
# Invisible characters that spreadsheets and CSV exports leave behind (byte-order mark, zero-width space).
_INVISIBLE = frozenset("\ufeff\u200b\u2060")

# Company-form markers, as they read after NFKC and casefold (㈱ and （株） both become "(株)").
# Longest first, so 一般社団法人 goes whole rather than leaving 一般 behind.
_JA_FORMS: tuple[str, ...] = tuple(
    sorted(
        {
            "株式会社",
            "有限会社",
            "合同会社",
            "合資会社",
            "合名会社",
            "一般社団法人",
            "一般財団法人",
            "公益社団法人",
            "公益財団法人",
            "特定非営利活動法人",
            "(株)",
            "(有)",
            "(同)",
            "(資)",
            "(名)",
            "(一社)",
            "(一財)",
            "(公社)",
            "(公財)",
            "(特非)",
        },
        key=lambda form: (-len(form), form),
    )
)
# Latin markers go only as whole tokens, so the "kk" in "bookkeeping" and the "co" in "cosmo" stay.
_LATIN_FORMS = re.compile(
    r"(?<![a-z0-9])(?:co(?:mpany)?\.?\s*,?\s*(?:ltd|limited)\.?|limited|ltd\.?|incorporated|inc\.?"
    r"|corporation|corp\.?|co\.|k\.\s?k\.?|kk|l\.\s?l\.\s?c\.?|llc|g\.\s?k\.?|gk|plc|pte\.?|gmbh)(?![a-z0-9])"
)
# ー is a long vowel inside kana (サービス) but a dash anywhere else (ABCーNET), where it must go like "-".
_DASH_LIKE_CHOONPU = re.compile(r"(?<![\u3041-\u30ff])\u30fc")
_SYMBOLS_TO_DROP = frozenset("&+'`^~|\u2212")
_MAX_PASSES = 16
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in (*range(0x30A1, 0x30F7), 0x30FD, 0x30FE)}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def clean_text(text: str) -> str:
    """Trim ASCII and full-width spaces, fold runs of whitespace to one space, drop control characters.

    Everything else stays as written: no width folding, so a name is stored the way its owner wrote it.
    """
    kept = "".join(
        ch for ch in text if ch not in _INVISIBLE and (unicodedata.category(ch) != "Cc" or ch.isspace())
    )
    return _WHITESPACE.sub(" ", kept).strip()


def _settle(text: str, step: Callable[[str], str]) -> str:
    # Removing one marker can join the letters around it into another, and NFKC and casefold can undo
    # each other's work; repeating until nothing changes is what makes the keys idempotent.
    for _ in range(_MAX_PASSES):
        previous, text = text, step(text)
        if text == previous:
            break
    return text


def _fold(text: str) -> str:
    return nfkc(nfkc(text).casefold())


def _without_punctuation(text: str) -> str:
    text = _DASH_LIKE_CHOONPU.sub("", text)
    return "".join(
        ch
        for ch in text
        if not ch.isspace() and not unicodedata.category(ch).startswith("P") and ch not in _SYMBOLS_TO_DROP
    )


def _strip_forms(text: str) -> str:
    # Latin markers need the spaces and punctuation around them to be seen as tokens; Japanese ones
    # are matched after the spaces go, so "( 株 )" and "株式 会社" are caught too.
    text = _LATIN_FORMS.sub(" ", _fold(text))
    text = _WHITESPACE.sub("", text)
    for form in _JA_FORMS:
        text = text.replace(form, " ")
    return _without_punctuation(text)


def _bare(text: str) -> str:
    return _without_punctuation(_fold(text))


def match_key(name: str) -> str:
    """Key under which (株)双葉, 株式会社双葉 and ㈱ 双葉 (or Acme Co., Ltd. and ACME K.K.) match.

    A name that is nothing but company-form markers keeps them, so it does not match every other such name.
    """
    key = _settle(name, _strip_forms)
    if key:
        return key
    bare = _settle(name, _bare)
    return _settle(bare, _strip_forms) or bare


def _search_step(text: str) -> str:
    return _WHITESPACE.sub("", _fold(text).translate(_KATAKANA_TO_HIRAGANA))


def search_key(text: str) -> str:
    """Key for incremental search: width-, case- and kana-insensitive, without spaces."""
    # A second pass only changes anything for text where removing a space lets NFKC compose anew.
    return _settle(text, _search_step)
