"""Yes/no marks, counts, e-mail addresses and multi-item cells as people type them in lists."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calmi_vendors.domain.values import (
    InvalidValue,
    parse_bool,
    parse_count,
    parse_int,
    split_multi,
    validate_email,
)

FULL_WIDTH_DIGITS = str.maketrans("0123456789,", "０１２３４５６７８９，")


YES_MARKS = [
    "有",
    "あり",
    "有り",
    "済",
    "済み",
    "はい",
    "〇",
    "○",
    "◯",
    "✓",
    "✔",
    "Yes",
    "YES",
    "ｙｅｓ",
    "Y",
    "y",
    "true",
    "TRUE",
    "True",
    "1",
    "１",
]
NO_MARKS = [
    "無",
    "なし",
    "無し",
    "未",
    "いいえ",
    "×",
    "✕",
    "No",
    "NO",
    "N",
    "n",
    "false",
    "FALSE",
    "0",
    "０",
    "-",
    "－",
]


@pytest.mark.parametrize("mark", [*YES_MARKS, " 有 ", "\u3000はい\u3000", 1, 1.0, True])
def test_yes_marks_read_as_true(mark: object) -> None:
    assert parse_bool(mark) is True


@pytest.mark.parametrize("mark", [*NO_MARKS, 0, 0.0, False])
def test_no_marks_read_as_false(mark: object) -> None:
    assert parse_bool(mark) is False


@pytest.mark.parametrize("blank", [None, "", " ", "\u3000", "\t\n"])
def test_blank_yes_no_cells_are_unknown(blank: object) -> None:
    assert parse_bool(blank) is None


@pytest.mark.parametrize("value", ["maybe", "△", "要確認", "2", 2, 0.5, "yes!", "はいいいえ"])
def test_other_yes_no_values_are_refused_with_the_accepted_marks(value: object) -> None:
    with pytest.raises(InvalidValue, match=r"is not a yes/no value \(有/無"):
        parse_bool(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (120, 120),
        (120.0, 120),
        (-5, -5),
        ("120", 120),
        ("１２０", 120),
        ("1,200", 1200),
        ("１，２００", 1200),
        ("約1,200", 1200),
        ("約１，２００人", 1200),
        ("1200人", 1200),
        ("1,200件", 1200),
        ("30名", 30),
        ("approx. 300", 300),
        ("Approx 300", 300),
        ("about 300 people", 300),
        ("~300", 300),
        ("～300", 300),
        ("〜300", 300),
        ("1,000人程度", 1000),
        (" 1 200 ", 1200),
        ("120.0", 120),
        ("１２０．００", 120),
        ("-5", -5),
        ("－5", -5),
        ("\u22125", -5),
        ("+5", 5),
        ("0", 0),
    ],
)
def test_counts_are_read_as_people_write_them(value: object, expected: int) -> None:
    assert parse_int(value) == expected


@pytest.mark.parametrize("blank", [None, "", "  ", "\u3000"])
def test_blank_counts_are_unknown(blank: object) -> None:
    assert parse_int(blank) is None
    assert parse_count(blank) is None


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("many", "is not a number"),
        ("1e3", "is not a number"),
        ("nan", "is not a number"),
        ("100~200", "is not a number"),
        ("12-3", "is not a number"),
        (True, "is not a number"),
        (1.5, "is not a whole number"),
        ("1.5", "is not a whole number"),
        ("1,200.50", "is not a whole number"),
        (float("nan"), "is not a whole number"),
        (float("inf"), "is not a whole number"),
    ],
)
def test_values_that_are_no_whole_number_are_refused(value: object, why: str) -> None:
    with pytest.raises(InvalidValue, match=why):
        parse_int(value)


@pytest.mark.parametrize("value", [-5, "-5", "－５人", -1.0])
def test_counts_refuse_negatives_that_parse_int_accepts(value: object) -> None:
    assert parse_int(value) is not None
    with pytest.raises(InvalidValue, match="is negative; a count cannot be"):
        parse_count(value)


def test_count_accepts_zero_and_positive_numbers() -> None:
    assert parse_count("0") == 0
    assert parse_count("約１，２００人") == 1200


@given(st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from(["", "約", "approx. ", "~"]))
def test_formatted_integers_with_full_width_digits_and_commas_round_trip(number: int, prefix: str) -> None:
    formatted = f"{number:,}"
    assert parse_int(formatted) == number
    assert parse_int(formatted.translate(FULL_WIDTH_DIGITS)) == number
    assert parse_int(f"{prefix}{formatted.translate(FULL_WIDTH_DIGITS)}人") == number
    assert parse_int(float(number)) == number


@given(st.integers(min_value=0, max_value=10**9))
def test_counts_round_trip_from_their_written_form(number: int) -> None:
    assert parse_count(f"{number:,}件".translate(FULL_WIDTH_DIGITS)) == number


@given(st.one_of(st.text(max_size=20), st.integers(), st.floats(), st.none()))
def test_parse_int_refuses_only_with_invalid_value_quoting_the_value(value: object) -> None:
    outcome: int | InvalidValue | None
    try:
        outcome = parse_int(value)
    except InvalidValue as exc:  # any other exception fails the test
        outcome = exc
    if isinstance(outcome, InvalidValue):
        assert repr(value) in str(outcome)


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ("taro@example.co.jp", "taro@example.co.jp"),
        ("  taro.yamada+audit@example.jp\u3000", "taro.yamada+audit@example.jp"),
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"),
        ("Taro@Example.JP", "Taro@Example.JP"),
        ("a@b.c", "a@b.c"),
        ("info@双葉.jp", "info@双葉.jp"),
    ],
)
def test_valid_email_addresses_are_normalised(typed: str, address: str) -> None:
    assert validate_email(typed) == address


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("", "it is empty"),
        ("   ", "it is empty"),
        ("taro", "it needs exactly one @"),
        ("taro@@example.jp", "it needs exactly one @"),
        ("taro@example.jp; hanako@example.jp", "it contains spaces"),
        ("taro@example.jp,hanako@example.jp", "it needs exactly one @"),
        ("@example.jp", "nothing comes before the @"),
        ("taro@", "the domain after the @ has no dot"),
        ("taro@localhost", "the domain after the @ has no dot"),
        ("taro@example..jp", "the domain after the @ has an empty part"),
        ("taro@example.jp.", "the domain after the @ has an empty part"),
        ("taro@.example.jp", "the domain after the @ has an empty part"),
        ("taro yamada@example.jp", "it contains spaces"),
        ("Taro <taro@example.jp>", "it contains spaces"),
        ("<taro@example.jp>", "a character such as"),
        ("taro@exam\x00ple.jp", "it contains spaces"),
        ("a" * 65 + "@example.jp", "longer than 64 characters"),
        ("taro@" + "a" * 250 + ".jp", "longer than 254 characters"),
    ],
)
def test_invalid_email_addresses_are_refused_quoting_the_address(typed: str, why: str) -> None:
    with pytest.raises(InvalidValue) as info:
        validate_email(typed)
    message = str(info.value)
    assert message.startswith(f"{typed!r} is not a valid e-mail address")
    assert why in message


@given(st.from_regex(r"[a-z0-9._+-]{1,20}@[a-z0-9-]{1,20}(\.[a-z]{2,6}){1,3}", fullmatch=True))
def test_plain_addresses_validate_to_themselves(address: str) -> None:
    assert validate_email(address) == address
    assert validate_email(f" {address} ") == address


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("配送、印刷・発送 / 請求", ["配送", "印刷", "発送", "請求"]),
        ("配送,印刷，発送", ["配送", "印刷", "発送"]),
        ("配送;印刷；発送", ["配送", "印刷", "発送"]),
        ("配送／印刷･発送", ["配送", "印刷", "発送"]),
        ("配送\n印刷\r\n発送", ["配送", "印刷", "発送"]),
        ("  配送 、、 印刷\u3000、 ", ["配送", "印刷"]),
        ("payroll processing, data entry", ["payroll processing", "data entry"]),
        ("配送", ["配送"]),
        ("", []),
        (" 、 ; ", []),
    ],
)
def test_multi_item_cells_split_on_every_usual_separator(cell: str, items: list[str]) -> None:
    assert split_multi(cell) == items


@given(st.lists(st.text(alphabet="配送印刷発送請求abc ", min_size=1, max_size=8), max_size=6))
def test_split_multi_items_are_clean_and_never_empty(parts: list[str]) -> None:
    items = split_multi("、".join(parts))
    assert items == [" ".join(part.split()) for part in parts if part.strip()]


def test_invalid_value_is_a_value_error() -> None:
    assert issubclass(InvalidValue, ValueError)
