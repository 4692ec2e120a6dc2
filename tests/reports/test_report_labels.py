"""Every value a report prints has words in both languages; dates print the way each language writes them."""

from __future__ import annotations

import string
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

import pytest

from calmi_vendors.domain import enums
from calmi_vendors.reports.labels import (
    ENUM_LABELS,
    TEXT,
    enum_label,
    format_date,
    format_datetime,
    text,
)

SHOWN = (
    enums.PartyStatus, enums.RiskTier, enums.ContractStatus, enums.Coverage, enums.Severity,
    enums.FindingStatus, enums.AuditMethod, enums.AuditStatus, enums.AuditConclusion, enums.AssessmentKind,
    enums.AssessmentStatus, enums.AssessmentResult, enums.CertificationKind, enums.ChangeAction,
)  # fmt: skip


@pytest.mark.parametrize("kind", SHOWN, ids=lambda k: k.__name__)
def test_every_value_has_words_in_both_languages(kind: type[StrEnum]) -> None:
    assert set(ENUM_LABELS[kind]) == {v.value for v in kind}
    for value in kind:
        en, ja = enum_label(value, "en"), enum_label(value, "ja")
        assert en
        assert ja
        assert en != value.value or "_" not in value.value
        assert "_" not in en
        assert "_" not in ja
        assert ja != en or value is enums.CertificationKind.SOC2


def test_no_value_means_no_words() -> None:
    assert enum_label(None, "ja") == ""


def test_phrases_have_both_languages_and_the_same_placeholders() -> None:
    def fields(phrase: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(phrase) if name}

    for key, (en, ja) in TEXT.items():
        assert ja, key
        assert en or key == "approval_date_blank", key
        assert fields(en) == fields(ja), key


def test_dates_as_each_language_writes_them() -> None:
    assert format_date(date(2026, 4, 1), "ja") == "2026年4月1日"
    assert format_date(date(2026, 4, 1), "en") == "1 Apr 2026"
    assert format_date(None, "en") == ""
    assert format_date(datetime(2026, 12, 31, 23, 59), "ja") == "2026年12月31日"


def test_times_carry_their_zone_when_known() -> None:
    jst = timezone(timedelta(hours=9))
    assert format_datetime(datetime(2026, 4, 1, 9, 5, tzinfo=jst), "ja") == "2026年4月1日 9:05 JST"
    assert format_datetime(datetime(2026, 4, 1, 9, 5, tzinfo=jst), "en") == "1 Apr 2026 09:05 JST"
    assert format_datetime(datetime(2026, 4, 1, 0, 5, tzinfo=UTC), "en") == "1 Apr 2026 00:05 UTC"
    cet = timezone(timedelta(hours=1))
    assert format_datetime(datetime(2026, 4, 1, 0, 5, tzinfo=cet), "en") == "1 Apr 2026 00:05 UTC+01:00"
    assert format_datetime(datetime(2026, 4, 1, 7, 30), "ja") == "2026年4月1日 7:30"


def test_page_numbers_read_naturally() -> None:
    assert text("page_of", "en", page=2, total=12) == "Page 2 of 12"
    assert text("page_of", "ja", page=2, total=12) == "2 / 12 ページ"
