"""Japanese corporate numbers (法人番号): 13 digits, the first a check digit over the other twelve."""

from __future__ import annotations

import unicodedata

_SEPARATORS = str.maketrans("", "", " -\u3000\u2010\u2011\u2012\u2013\u2212\u30fc")


class InvalidCorporateNumber(ValueError):
    """The text is not a valid corporate number; the message says why."""


def check_digit(body12: str) -> int:
    """9 - (sum of the 12 digits weighted 1, 2, 1, 2 … from the right, mod 9)."""
    if len(body12) != 12 or not body12.isdigit():
        raise InvalidCorporateNumber("the check digit is computed over exactly 12 digits")
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(reversed(body12)))
    return 9 - total % 9


def normalize_corporate_number(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_SEPARATORS).strip()


def validate_corporate_number(text: str) -> str:
    """The normalised 13 digits, or InvalidCorporateNumber saying what is wrong."""
    digits = normalize_corporate_number(text)
    if not digits.isascii() or not digits.isdigit():
        raise InvalidCorporateNumber(f"{text!r} must be 13 digits")
    if len(digits) != 13:
        raise InvalidCorporateNumber(f"{text!r} has {len(digits)} digits; a corporate number has 13")
    expected = check_digit(digits[1:])
    if int(digits[0]) != expected:
        raise InvalidCorporateNumber(f"{digits}: the check digit is {digits[0]}, expected {expected}")
    return digits


def is_valid_corporate_number(text: str) -> bool:
    try:
        validate_corporate_number(text)
    except InvalidCorporateNumber:
        return False
    return True


def make_corporate_number(body12: str) -> str:
    """Prepend the check digit to 12 digits (demo data and tests)."""
    return f"{check_digit(body12)}{body12}"
