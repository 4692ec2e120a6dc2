"""Values as people type them in lists: yes/no marks, counts with full-width digits, e-mail addresses."""

from __future__ import annotations

import re
import unicodedata

from calmi_vendors.domain.text import clean_text


class InvalidValue(ValueError):
    """A value that cannot be read as what its column needs; the message says why."""


# Compared after NFKC and casefold, so ＹＥＳ, Yes and yes are one entry.
_TRUE = frozenset(
    {"有", "あり", "有り", "済", "済み", "はい", "〇", "○", "◯", "✓", "✔", "☑", "yes", "y", "true", "t", "1"}
)
# A lone dash in a Japanese form's yes/no column means "none", not "unknown".
_FALSE = frozenset(
    {"無", "なし", "無し", "未", "いいえ", "×", "✕", "✗", "✖", "no", "n", "false", "f", "0", "-"}
)

_COUNT_PREFIX = re.compile(r"^(?:約|approx\.?|approximately|about|ca\.|~|〜)\s*", re.IGNORECASE)
_COUNT_SUFFIX = re.compile(r"\s*(?:人|件|名|people|persons)?\s*(?:程度)?$", re.IGNORECASE)
# Commas and spaces are gone by the time this applies; U+2212 is the minus sign word processors type.
_NUMBER = re.compile(r"^(?P<sign>[+\-\u2212]?)(?P<whole>\d+)(?:\.(?P<fraction>\d+))?$")

# Counts are stored in a 32-bit column on every backend.
MAX_COUNT = 2_147_483_647
_EMAIL_MAX = 254
_EMAIL_LOCAL_MAX = 64
# Characters that in a list cell mean two addresses run together or a display name, never one address.
_EMAIL_FORBIDDEN = frozenset(',;:<>()[]"\\')

_SPLIT = re.compile(r"[、,，;；/／・･\r\n]+")


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def _fold(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold()


def parse_bool(value: object) -> bool | None:
    """True, False, or None for a blank; raise InvalidValue for anything that is not a yes/no mark."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return value == 1
    text = _fold(str(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidValue(f"{value!r} is not a yes/no value (有/無, はい/いいえ, ○/×, Yes/No)")


def parse_int(value: object) -> int | None:
    """A whole number from a cell, or None for a blank: 120, 120.0, "１，２００", "約1,200人", "-5"."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise InvalidValue(f"{value!r} is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():  # False for inf and nan as well as fractions
            return int(value)
        raise InvalidValue(f"{value!r} is not a whole number")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = _COUNT_SUFFIX.sub("", _COUNT_PREFIX.sub("", text))
    text = re.sub(r"[\s,]", "", text)
    match = _NUMBER.match(text)
    if match is None:
        raise InvalidValue(f"{value!r} is not a number")
    if match["fraction"] is not None and match["fraction"].strip("0"):
        raise InvalidValue(f"{value!r} is not a whole number")
    number = int(match["whole"])
    return -number if match["sign"] in ("-", "\u2212") else number


def parse_count(value: object) -> int | None:
    """parse_int, refusing negatives: a count of people or records cannot be below zero."""
    number = parse_int(value)
    if number is not None and number < 0:
        raise InvalidValue(f"{value!r} is negative; a count cannot be")
    if number is not None and number > MAX_COUNT:
        raise InvalidValue(f"{value!r} is above {MAX_COUNT:,}, more than a count of people can be")
    return number


def _email_problem(address: str) -> str | None:
    if not address:
        return "it is empty"
    if len(address) > _EMAIL_MAX:
        return f"it is longer than {_EMAIL_MAX} characters"
    if any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in address):
        return "it contains spaces"
    if any(unicodedata.category(ch) == "Cs" for ch in address):
        return "it contains characters that are not valid text"
    if address.count("@") != 1:
        return "it needs exactly one @"
    if any(ch in _EMAIL_FORBIDDEN for ch in address):
        return "it contains a character such as , ; < > that an address cannot hold"
    local, domain = address.split("@")
    if not local:
        return "nothing comes before the @"
    if len(local) > _EMAIL_LOCAL_MAX:
        return f"the part before the @ is longer than {_EMAIL_LOCAL_MAX} characters"
    labels = domain.split(".")
    if len(labels) < 2:
        return "the domain after the @ has no dot"
    if not all(labels):
        return "the domain after the @ has an empty part"
    return None


def validate_email(text: str) -> str:
    """The address with full-width characters folded and ends trimmed, or InvalidValue saying why not."""
    address = unicodedata.normalize("NFKC", text).strip()
    problem = _email_problem(address)
    if problem is not None:
        raise InvalidValue(f"{text!r} is not a valid e-mail address: {problem}")
    return address


def split_multi(value: str) -> list[str]:
    """The items of a cell that lists several (配送、印刷・発送 / 請求), cleaned, empties dropped."""
    return [item for item in (clean_text(part) for part in _SPLIT.split(value)) if item]
