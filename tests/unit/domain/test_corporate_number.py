"""Corporate numbers (法人番号): the check digit, normalising typed forms, and saying what is wrong."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calmi_vendors.domain.corporate_number import (
    InvalidCorporateNumber,
    check_digit,
    is_valid_corporate_number,
    make_corporate_number,
    normalize_corporate_number,
    validate_corporate_number,
)

bodies = st.text(alphabet="0123456789", min_size=12, max_size=12)


def test_check_digit_weights_digits_one_two_from_the_right() -> None:
    # 000012050002 from the right: 2×1 + 5×1 + 2×1 + 1×2 = 11; 11 mod 9 = 2; 9 − 2 = 7.
    assert check_digit("000012050002") == 7


def test_the_number_given_for_the_national_tax_agency_passes() -> None:
    # 7000012050002 is the number the design brief names for 国税庁; checked by hand above, not trusted.
    assert validate_corporate_number("7000012050002") == "7000012050002"


def test_a_sum_divisible_by_nine_gives_check_digit_nine_not_zero() -> None:
    # 9 at a weight-1 position sums to 9, so 9 mod 9 = 0 and the check is 9.
    assert check_digit("000000000009") == 9
    assert check_digit("000000000000") == 9
    assert make_corporate_number("000000000000") == "9000000000000"


@pytest.mark.parametrize(
    "body", ["12345678901", "1234567890123", "12345678901a", "１２３４５６７８９０１２", ""]
)
def test_check_digit_refuses_anything_but_twelve_ascii_digits(body: str) -> None:
    with pytest.raises(InvalidCorporateNumber, match="exactly 12 digits"):
        check_digit(body)


@pytest.mark.parametrize(
    "typed",
    [
        "7000012050002",
        " 7000012050002 ",
        "7-0000-1205-0002",
        "7 0000 1205 0002",
        "７０００ー０１２０ー５０００２",
        "７０００－０１２０－５０００２",
        "７０００\u3000０１２０\u3000５０００２",
        "7000\u2010012050002",
        "7000\u2212012050002",
    ],
)
def test_typed_forms_normalise_to_the_thirteen_digits(typed: str) -> None:
    assert normalize_corporate_number(typed) == "7000012050002"
    assert validate_corporate_number(typed) == "7000012050002"


def test_normalising_leaves_other_characters_for_validation_to_report() -> None:
    assert normalize_corporate_number("No. 7000012050002") == "No.7000012050002"


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("123456789012", "has 12 digits; a corporate number has 13"),
        ("70000120500021", "has 14 digits; a corporate number has 13"),
        ("70000120500O2", "contains characters other than digits"),
        ("7000012050002.0", "contains characters other than digits"),
        ("7000012050003", "the check digit is 7, expected 6"),
        ("1000012050002", "the check digit is 1, expected 7"),
    ],
)
def test_invalid_numbers_say_why_in_plain_english(typed: str, why: str) -> None:
    with pytest.raises(InvalidCorporateNumber, match=why):
        validate_corporate_number(typed)
    assert not is_valid_corporate_number(typed)


def test_only_a_wrong_check_digit_mentions_expected() -> None:
    """The spreadsheet reader tells a mistyped number from a malformed one by this word."""
    with pytest.raises(InvalidCorporateNumber, match="expected"):
        validate_corporate_number("8000012050002")
    for malformed in ("", "12345", "ABCDEFGHIJKLM"):
        with pytest.raises(InvalidCorporateNumber) as info:
            validate_corporate_number(malformed)
        assert "expected" not in str(info.value)


def test_invalid_corporate_number_is_a_value_error() -> None:
    assert issubclass(InvalidCorporateNumber, ValueError)


@given(bodies)
def test_made_numbers_always_validate(body: str) -> None:
    number = make_corporate_number(body)
    assert len(number) == 13
    assert number[1:] == body
    assert number[0] in "123456789"
    assert validate_corporate_number(number) == number
    assert is_valid_corporate_number(number)


@given(bodies, st.integers(0, 12), st.integers(1, 9))
def test_changing_any_one_digit_invalidates_unless_it_swaps_zero_and_nine(
    body: str, position: int, shift: int
) -> None:
    """Weights 1 and 2 mod 9 catch every single-digit change except 0 ↔ 9, which differ by 9."""
    number = make_corporate_number(body)
    old = int(number[position])
    new = (old + shift) % 10
    changed = number[:position] + str(new) + number[position + 1 :]
    if abs(new - old) == 9 and position > 0:
        assert is_valid_corporate_number(changed)
    else:
        assert not is_valid_corporate_number(changed)


@given(bodies, st.integers(1, 11))
def test_swapping_two_neighbouring_digits_invalidates_unless_they_are_equal_or_zero_and_nine(
    body: str, position: int
) -> None:
    number = make_corporate_number(body)
    a, b = number[position], number[position + 1]
    swapped = number[:position] + b + a + number[position + 2 :]
    if abs(int(a) - int(b)) in (0, 9):
        assert is_valid_corporate_number(swapped)
    else:
        assert not is_valid_corporate_number(swapped)


@given(bodies)
def test_full_width_and_hyphenated_forms_of_a_valid_number_validate_to_it(body: str) -> None:
    number = make_corporate_number(body)
    full_width = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    hyphenated = f"{full_width[:1]}－{full_width[1:5]}－{full_width[5:9]}－{full_width[9:]}"
    assert validate_corporate_number(hyphenated) == number


@given(st.text(max_size=20))
def test_validation_raises_only_invalid_corporate_number(text: str) -> None:
    try:
        result = validate_corporate_number(text)
    except InvalidCorporateNumber:
        return
    assert len(result) == 13
    assert result.isascii()
    assert result.isdigit()
