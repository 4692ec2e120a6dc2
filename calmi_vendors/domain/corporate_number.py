"""Japanese corporate numbers (法人番号): 13 digits, the first a check digit over the other twelve."""

from __future__ import annotations

import re
import unicodedata

# People copy numbers with spaces, hyphens and their look-alikes (a long-vowel mark typed for a dash).
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70]+")
_LENGTH = 13


class InvalidCorporateNumber(ValueError):
    """The text is not a valid corporate number; the message says why."""


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit() also accepts superscripts and other scripts' digits, which int() may refuse.
    return text.isascii() and text.isdigit()


def check_digit(body12: str) -> int:
    """9 - (sum of the 12 digits weighted 1, 2, 1, 2 … from the right, mod 9); always 1 to 9."""
    if len(body12) != _LENGTH - 1 or not _is_ascii_digits(body12):
        raise InvalidCorporateNumber(f"{body12!r}: the check digit is computed over exactly 12 digits")
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(reversed(body12)))
    return 9 - total % 9


def normalize_corporate_number(text: str) -> str:
    """The text with full-width digits folded and spaces and hyphens removed (digits if it was a number)."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))


def validate_corporate_number(text: str) -> str:
    """The normalised 13 digits, or InvalidCorporateNumber saying what is wrong."""
    digits = normalize_corporate_number(text)
    if not digits:
        raise InvalidCorporateNumber(f"{text!r} is empty; a corporate number has 13 digits")
    if not _is_ascii_digits(digits):
        raise InvalidCorporateNumber(f"{text!r} contains characters other than digits")
    if len(digits) != _LENGTH:
        raise InvalidCorporateNumber(f"{text!r} has {len(digits)} digits; a corporate number has 13")
    expected = check_digit(digits[1:])
    if int(digits[0]) != expected:
        # Callers tell a mistyped number from a malformed one by "expected" in this message.
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
