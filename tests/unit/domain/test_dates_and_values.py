"""Dates, corporate numbers, names and values as people type them in vendor lists."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calmi_vendors.domain.corporate_number import (
    InvalidCorporateNumber,
    is_valid_corporate_number,
    make_corporate_number,
    validate_corporate_number,
)
from calmi_vendors.domain.dates import InvalidDate, format_date_ja, format_wareki, parse_date
from calmi_vendors.domain.text import clean_text, match_key, search_key
from calmi_vendors.domain.values import InvalidValue, parse_bool, parse_count, split_multi, validate_email


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025/4/1", date(2025, 4, 1)),
        ("2025-04-01", date(2025, 4, 1)),
        ("2025.4.1", date(2025, 4, 1)),
        ("20250401", date(2025, 4, 1)),
        ("2025年4月1日", date(2025, 4, 1)),
        ("２０２５年４月１日", date(2025, 4, 1)),
        ("令和7年4月1日", date(2025, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R7.4.1", date(2025, 4, 1)),
        ("R07/04/01", date(2025, 4, 1)),
        ("r7-4-1", date(2025, 4, 1)),
        ("H31.4.30", date(2019, 4, 30)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("2025-04-01 00:00:00", date(2025, 4, 1)),
        ("2025-04-01T00:00:00", date(2025, 4, 1)),
        (45748, date(2025, 4, 1)),
        (45748.0, date(2025, 4, 1)),
        (61, date(1900, 3, 1)),
        (datetime(2025, 4, 1, 12, 0), date(2025, 4, 1)),
    ],
)
def test_dates_as_people_write_them(text: object, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2025/2/30", "not a calendar date"),
        ("平成32年1月1日", "past the end of the 平成 era"),
        ("令和1年4月1日", "before the start of the 令和 era"),
        ("next tuesday", "not a date format"),
        (60, "never existed"),
        ("", "empty"),
        (float("nan"), "not a date"),
        (float("inf"), "not a date"),
    ],
)
def test_impossible_dates_say_why(text: object, why: str) -> None:
    with pytest.raises(InvalidDate, match=why):
        parse_date(text)


@given(st.dates(min_value=date(1912, 7, 30), max_value=date(2100, 12, 31)))
def test_every_written_form_round_trips(day: date) -> None:
    for text in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        format_date_ja(day),
        format_wareki(day),
    ):
        assert parse_date(text) == day


def test_corporate_number_check_digit() -> None:
    number = make_corporate_number("000012050002")
    assert validate_corporate_number(number) == number
    assert validate_corporate_number(f" {number[:4]}-{number[4:]} ") == number
    with pytest.raises(InvalidCorporateNumber, match="12 digits; a corporate number has 13"):
        validate_corporate_number("123456789012")


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(1, 12), st.integers(1, 8))
def test_changing_any_body_digit_breaks_the_check(body: str, position: int, shift: int) -> None:
    """Mod 9 cannot tell 0 from 9, so every other change of one digit must be caught."""
    number = make_corporate_number(body)
    assert is_valid_corporate_number(number)
    digits = list(number)
    old = int(digits[position])
    new = (old + shift) % 10
    if abs(new - old) == 9:
        return
    digits[position] = str(new)
    assert not is_valid_corporate_number("".join(digits))


def test_company_forms_name_the_same_company() -> None:
    keys = {match_key(n) for n in ("(株)双葉情報サービス", "株式会社双葉情報サービス", "㈱ 双葉情報サービス")}
    keys.add(match_key("双葉情報サービス株式会社"))
    assert len(keys) == 1
    assert match_key("Acme Co., Ltd.") == match_key("ACME CO.,LTD") == match_key("Acme K.K.")
    assert match_key("Bookkeeping Services") != match_key("Booping Services")


def test_search_ignores_width_case_and_kana() -> None:
    assert search_key("ｻｸﾗ ﾃﾞｰﾀ") == search_key("さくら データ")
    assert search_key("ＡＢＣ") == search_key("abc")
    assert clean_text("\u3000 株式会社\u3000 さくら  ") == "株式会社 さくら"


def test_values_as_people_type_them() -> None:
    assert parse_bool("有") is True
    assert parse_bool("×") is False
    assert parse_bool("  ") is None
    assert parse_count("約１，２００人") == 1200
    assert parse_count(120.0) == 120
    with pytest.raises(InvalidValue):
        parse_count("-5")
    with pytest.raises(InvalidValue, match="e-mail"):
        validate_email("taro@@example")
    assert split_multi("配送、印刷・発送 / 請求") == ["配送", "印刷", "発送", "請求"]
