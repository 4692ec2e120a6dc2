"""Country codes shown as the names people use, in Japanese or English."""

from __future__ import annotations

import pytest

from calmi_vendors.domain.countries import COUNTRY_NAMES, country_name


@pytest.mark.parametrize(
    ("code", "ja", "en"),
    [
        ("JP", "日本", "Japan"),
        ("US", "米国", "United States"),
        ("GB", "英国", "United Kingdom"),
        ("sg", "シンガポール", "Singapore"),
    ],
)
def test_known_codes_read_as_names(code: str, ja: str, en: str) -> None:
    assert country_name(code, "ja") == ja
    assert country_name(code, "en") == en


def test_an_unknown_code_is_shown_as_written_and_none_as_nothing() -> None:
    assert country_name("XK", "en") == "XK"
    assert country_name(None, "ja") == ""


def test_every_country_has_a_japanese_and_an_english_name() -> None:
    for code, names in COUNTRY_NAMES.items():
        assert not names[0].isascii(), code
        assert any(n.isascii() for n in names), code
