"""Dates as vendor lists hold them: Excel serials, Western and era forms, and clear refusals."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calmi_vendors.domain.dates import ERAS, InvalidDate, era_of, format_date_ja, format_wareki, parse_date

FULL_WIDTH = str.maketrans("0123456789/.-", "０１２３４５６７８９／．－")
EXCEL_EPOCH = date(1899, 12, 30)

# Dates that any era form can express: 大正 began on 1912-07-30.
era_dates = st.dates(min_value=date(1912, 7, 30), max_value=date(2100, 12, 31))


def _letter_form(day: date, separator: str, *, padded: bool) -> str:
    era = era_of(day)
    year = day.year - era.start.year + 1
    if padded:
        return f"{era.letter}{year:02d}{separator}{day.month:02d}{separator}{day.day:02d}"
    return f"{era.letter}{year}{separator}{day.month}{separator}{day.day}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025/4/1", date(2025, 4, 1)),
        ("2025/04/01", date(2025, 4, 1)),
        ("2025-04-01", date(2025, 4, 1)),
        ("2025.4.1", date(2025, 4, 1)),
        ("20250401", date(2025, 4, 1)),
        ("2025年4月1日", date(2025, 4, 1)),
        ("2025 年 4 月 1 日", date(2025, 4, 1)),
        ("２０２５年４月１日", date(2025, 4, 1)),
        ("２０２５／０４／０１", date(2025, 4, 1)),
        ("\u3000２０２５-０４-０１\u3000", date(2025, 4, 1)),
        ("令和7年4月1日", date(2025, 4, 1)),
        ("令和７年４月１日", date(2025, 4, 1)),
        ("令和 7 年 4 月 1 日", date(2025, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R7.4.1", date(2025, 4, 1)),
        ("R07/04/01", date(2025, 4, 1)),
        ("r7-4-1", date(2025, 4, 1)),
        ("Ｒ７．４．１", date(2025, 4, 1)),
        ("R元.5.1", date(2019, 5, 1)),
        ("H31.4.30", date(2019, 4, 30)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("S64.1.7", date(1989, 1, 7)),
        ("昭和元年12月25日", date(1926, 12, 25)),
        ("大正15年12月24日", date(1926, 12, 24)),
        ("T15.12.24", date(1926, 12, 24)),
        ("大正元年7月30日", date(1912, 7, 30)),
        ("㋿7年4月1日", date(2025, 4, 1)),
        ("㍻31年4月30日", date(2019, 4, 30)),
    ],
)
def test_written_forms_are_read(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2025-04-01 00:00:00",
        "2025-04-01T00:00:00",
        "2025-04-01t00:00:00",
        "2025-04-01T09:30:15.123",
        "2025-04-01T00:00:00Z",
        "2025-04-01T00:00:00+09:00",
        "2025/4/1 9:30",
        "２０２５／４／１　００：００：００",
        "令和7年4月1日 00:00",
    ],
)
def test_a_trailing_time_of_day_is_ignored(text: str) -> None:
    assert parse_date(text) == date(2025, 4, 1)


@pytest.mark.parametrize("text", ["2025年4月1日(火)", "2025年4月1日（火）", "R7.4.1 (火)", "2025/4/1 (Tue)"])
def test_a_trailing_weekday_in_brackets_is_ignored(text: str) -> None:
    assert parse_date(text) == date(2025, 4, 1)


def test_date_and_datetime_objects_give_the_day() -> None:
    assert parse_date(date(2025, 4, 1)) == date(2025, 4, 1)
    assert parse_date(datetime(2025, 4, 1, 23, 59)) == date(2025, 4, 1)
    assert type(parse_date(datetime(2025, 4, 1))) is date


def test_today_does_not_change_how_a_full_date_is_read() -> None:
    assert parse_date("R7.4.1", today=date(2030, 1, 1)) == date(2025, 4, 1)


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (45748, date(2025, 4, 1)),
        (45748.0, date(2025, 4, 1)),
        (45748.75, date(2025, 4, 1)),
        (109939, date(2200, 12, 31)),
    ],
)
def test_excel_serials_follow_the_1900_date_system(serial: float, expected: date) -> None:
    assert parse_date(serial) == expected


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (60, "29 February 1900, which never existed"),
        (0, "outside the range of Excel dates"),
        (-1, "outside the range of Excel dates"),
        (109940, "outside the range of Excel dates"),
        (float("nan"), "not a date"),
        (float("inf"), "not a date"),
        (True, "not a date"),
        (None, "not a date"),
        ([2025, 4, 1], "not a date"),
    ],
)
def test_values_that_are_no_excel_date_are_refused(value: object, why: str) -> None:
    with pytest.raises(InvalidDate, match=why):
        parse_date(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025/2/30", "2025/2/30 is not a calendar date"),
        ("2025/13/1", "2025/13/1 is not a calendar date"),
        ("20250230", "20250230 is not a calendar date"),
        ("令和7年2月29日", "令和7年2月29日 is not a calendar date"),
        (
            "平成32年1月1日",
            "平成32年1月1日 is past the end of the 平成 era (Heisei, which ended on 2019-04-30)",
        ),
        ("H31.5.1", "H31.5.1 is past the end of the 平成 era (Heisei, which ended on 2019-04-30)"),
        ("昭和64年1月8日", "is past the end of the 昭和 era (Shōwa, which ended on 1989-01-07)"),
        ("大正15年12月25日", "is past the end of the 大正 era (Taishō, which ended on 1926-12-24)"),
        (
            "令和1年4月1日",
            "令和1年4月1日 is before the start of the 令和 era (Reiwa, which began on 2019-05-01)",
        ),
        ("平成元年1月7日", "is before the start of the 平成 era (Heisei, which began on 1989-01-08)"),
        ("昭和元年12月24日", "is before the start of the 昭和 era (Shōwa, which began on 1926-12-25)"),
        ("大正元年7月29日", "is before the start of the 大正 era (Taishō, which began on 1912-07-30)"),
        ("令和0年5月1日", "an era's years start at 1"),
        ("1899/12/31", "outside the years this register accepts (1900 to 2200)"),
        ("2201-01-01", "outside the years this register accepts"),
        ("next tuesday", "'next tuesday' is not a date format we recognise"),
        ("2025/04-01", "not a date format we recognise"),
        ("4/1/2025", "not a date format we recognise"),
        ("M45.7.29", "not a date format we recognise"),
        ("", "the date is empty"),
        ("\u3000 ", "the date is empty"),
    ],
)
def test_impossible_dates_are_refused_naming_the_value_and_why(text: str, message: str) -> None:
    with pytest.raises(InvalidDate) as info:
        parse_date(text)
    assert message in str(info.value)


def test_invalid_date_is_a_value_error() -> None:
    assert issubclass(InvalidDate, ValueError)


@pytest.mark.parametrize(
    ("day", "wareki"),
    [
        (date(2025, 4, 1), "令和7年4月1日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1912, 7, 30), "大正元年7月30日"),
    ],
)
def test_wareki_names_the_era_and_writes_its_first_year_as_gannen(day: date, wareki: str) -> None:
    assert format_wareki(day) == wareki


def test_wareki_refuses_days_before_the_taisho_era() -> None:
    with pytest.raises(InvalidDate, match="before the Taishō era"):
        format_wareki(date(1912, 7, 29))


def test_japanese_western_format_has_no_leading_zeros() -> None:
    assert format_date_ja(date(2025, 4, 1)) == "2025年4月1日"
    assert format_date_ja(date(2025, 12, 31)) == "2025年12月31日"


def test_eras_follow_each_other_without_gap_or_overlap() -> None:
    for newer, older in pairwise(ERAS):
        assert older.end is not None
        assert older.end + timedelta(days=1) == newer.start
    assert ERAS[0].end is None


@given(era_dates)
def test_every_written_form_round_trips(day: date) -> None:
    for text in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month}.{day.day}",
        day.strftime("%Y%m%d"),
        format_date_ja(day),
        format_wareki(day),
        _letter_form(day, ".", padded=False),
        _letter_form(day, "/", padded=True),
        _letter_form(day, "-", padded=False).lower(),
        f"{day.isoformat()}T00:00:00",
    ):
        assert parse_date(text) == day, text


@given(era_dates)
def test_full_width_forms_round_trip(day: date) -> None:
    assert parse_date(day.isoformat().translate(FULL_WIDTH)) == day
    assert parse_date(format_wareki(day).translate(FULL_WIDTH)) == day


@given(era_dates)
def test_wareki_round_trips_through_parse_date(day: date) -> None:
    assert parse_date(format_wareki(day)) == day


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2200, 12, 31)), st.floats(0, 0.999))
def test_excel_serials_round_trip_with_any_time_of_day(day: date, fraction: float) -> None:
    serial = (day - EXCEL_EPOCH).days
    assert parse_date(serial) == day
    assert parse_date(serial + fraction) == day


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none(), st.booleans()))
def test_parse_date_refuses_only_with_invalid_date(value: object) -> None:
    outcome: date | InvalidDate
    try:
        outcome = parse_date(value)
    except InvalidDate as exc:  # any other exception fails the test
        outcome = exc
    if isinstance(outcome, InvalidDate):
        assert str(outcome)
    else:
        assert 1900 <= outcome.year <= 2200
