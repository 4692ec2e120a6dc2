"""Values as people type them in lists: yes/no marks, counts with full-width digits, e-mail addresses."""

from __future__ import annotations

import re
import unicodedata

from calmi_vendors.domain.text import clean_text


class InvalidValue(ValueError):
    """A value that cannot be read as what its column needs; the message says why."""


_TRUE = {"有", "あり", "有り", "済", "はい", "〇", "○", "◯", "✓", "✔", "yes", "y", "true", "1", "t"}
_FALSE = {"無", "なし", "無し", "未", "いいえ", "×", "✕", "✗", "no", "n", "false", "0", "f", "-"}
_COUNT_NOISE = re.compile(r"^(約|approx\.?|about|~|〜)\s*|\s*(人|件|名|people|persons)$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_SPLIT = re.compile(r"[、,，;；/／・\n]+")


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not clean_text(value))


def parse_bool(value: object) -> bool | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidValue(f"{value!r} is not a yes/no value (有/無, はい/いいえ, ○/×, Yes/No)")


def parse_int(value: object) -> int | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise InvalidValue(f"{value!r} is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise InvalidValue(f"{value!r} is not a whole number")
    text = _COUNT_NOISE.sub("", unicodedata.normalize("NFKC", str(value)).strip()).replace(",", "").strip()
    try:
        return int(text)
    except ValueError:
        try:
            number = float(text)
        except ValueError:
            raise InvalidValue(f"{value!r} is not a number") from None
        if number.is_integer():
            return int(number)
        raise InvalidValue(f"{value!r} is not a whole number") from None


def parse_count(value: object) -> int | None:
    number = parse_int(value)
    if number is not None and number < 0:
        raise InvalidValue(f"{value!r} is negative; a count cannot be")
    return number


def validate_email(text: str) -> str:
    address = unicodedata.normalize("NFKC", text).strip()
    if len(address) > 254 or not _EMAIL.match(address):
        raise InvalidValue(f"{text!r} is not a valid e-mail address")
    return address


def split_multi(value: str) -> list[str]:
    return [item for item in (clean_text(part) for part in _SPLIT.split(value)) if item]
