"""Cleaning typed text, and the keys that match company names across lists and drive search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calmi_vendors.domain.text import clean_text, match_key, nfkc, search_key

JA_MARKERS = [
    "株式会社",
    "(株)",
    "（株）",
    "㈱",
    "有限会社",
    "(有)",
    "㈲",
    "合同会社",
    "(同)",
    "合資会社",
    "合名会社",
    "一般社団法人",
    "(一社)",
]
LATIN_MARKERS = [
    "Co., Ltd.",
    "Co.,Ltd",
    "CO.,LTD.",
    "Ltd.",
    "Limited",
    "Inc.",
    "Corporation",
    "Corp.",
    "K.K.",
    "KK",
    "LLC",
    "G.K.",
]

# Realistic names: kana, kanji and Latin words that are not company-form markers themselves.
NAME_WORDS = (
    "双葉 情報 サービス さくら データ ロジ 東京 印刷 Acme Futaba Data Bookkeeping Kokusai Cosmo Net Booking"
)
name_words = st.sampled_from([*NAME_WORDS.split(), "Sakura", "Print", "Works", "7", "24"])
names = st.lists(name_words, min_size=1, max_size=4).map(" ".join)
spaces = st.sampled_from(["", " ", "\u3000", "  ", "\t"])


def test_nfkc_folds_width_and_compatibility_characters() -> None:
    assert nfkc("ＡＢＣ１２３") == "ABC123"
    assert nfkc("ｻｸﾗ") == "サクラ"
    assert nfkc("㈱") == "(株)"


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("  株式会社さくら  ", "株式会社さくら"),
        ("\u3000株式会社さくら\u3000", "株式会社さくら"),
        ("\u3000 株式会社\u3000 さくら  ", "株式会社 さくら"),
        ("株式会社\u3000\u3000さくら", "株式会社 さくら"),
        ("Acme\tCo.,\nLtd.", "Acme Co., Ltd."),
        ("Acme\r\nLtd.", "Acme Ltd."),
        ("\ufeffAcme", "Acme"),
        ("Ac\u200bme", "Acme"),
        ("Ac\x00me\x07", "Acme"),
        ("", ""),
        ("\u3000 \t", ""),
    ],
)
def test_clean_text_trims_collapses_spaces_and_drops_control_characters(typed: str, cleaned: str) -> None:
    assert clean_text(typed) == cleaned


def test_clean_text_keeps_width_case_and_punctuation_as_written() -> None:
    assert clean_text("ＡＢＣ　ｻｸﾗ（株）") == "ＡＢＣ ｻｸﾗ（株）"


@given(st.text())
def test_clean_text_is_idempotent_and_leaves_no_edge_or_double_spaces(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert not any(ch.isspace() and ch != " " for ch in cleaned)


@pytest.mark.parametrize(
    "spelling",
    [
        "(株)双葉情報サービス",
        "（株）双葉情報サービス",
        "株式会社双葉情報サービス",
        "株式会社 双葉情報サービス",
        "㈱ 双葉情報サービス",
        "( 株 ) 双葉情報サービス",
        "双葉情報サービス株式会社",
        "双葉情報サービス(株)",
        "双葉情報サービス ㈱",
        "双葉・情報サービス",
        "「双葉情報サービス」",
        "双葉情報サービス\u3000",
        "双葉情報ｻｰﾋﾞｽ",
    ],
)
def test_japanese_company_forms_name_the_same_company(spelling: str) -> None:
    assert match_key(spelling) == "双葉情報サービス"


@pytest.mark.parametrize(
    "spelling",
    [
        "Acme Co., Ltd.",
        "ACME CO.,LTD",
        "Acme Co.,Ltd",
        "Acme Co. Ltd.",
        "Acme Company Limited",
        "Acme Ltd.",
        "Acme Limited",
        "Acme Inc.",
        "Acme, Inc.",
        "Acme Corporation",
        "Acme Corp.",
        "Acme K.K.",
        "Acme KK",
        "Acme LLC",
        "Acme G.K.",
        "ＡＣＭＥ　ＣＯ．，ＬＴＤ．",
        "株式会社Acme",
        "Acme 株式会社",
    ],
)
def test_english_company_forms_name_the_same_company(spelling: str) -> None:
    assert match_key(spelling) == "acme"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("有限会社さくら印刷", "(有)さくら印刷"),
        ("有限会社さくら印刷", "㈲さくら印刷"),
        ("さくらデータ合同会社", "さくらデータ(同)"),
        ("さくらデータ合同会社", "さくらデータ LLC"),
        ("一般社団法人日本データ協会", "(一社)日本データ協会"),
        ("合資会社東京ロジ", "東京ロジ"),
        ("合名会社東京ロジ", "東京ロジ"),
    ],
)
def test_other_company_forms_are_removed_too(first: str, second: str) -> None:
    assert match_key(first) == match_key(second)


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Bookkeeping Services", "bookkeepingservices"),
        ("Cosmo Print", "cosmoprint"),
        ("Incline Data", "inclinedata"),
        ("Limitless Net", "limitlessnet"),
        ("Corporate Works", "corporateworks"),
        ("Ltdx", "ltdx"),
        ("example.co.jp", "examplecojp"),
    ],
)
def test_latin_markers_go_only_as_whole_tokens(word: str, key: str) -> None:
    assert match_key(word) == key


def test_different_companies_keep_different_keys() -> None:
    assert match_key("Bookkeeping Services") != match_key("Booping Services")
    assert match_key("双葉情報サービス") != match_key("双葉情報システム")
    assert match_key("さくら印刷") != match_key("さくらデータ")


def test_a_dash_between_latin_letters_matches_a_long_vowel_mark_but_kana_keep_theirs() -> None:
    assert match_key("ABC-NET") == match_key("ABCーNET") == match_key("ABC－NET") == "abcnet"
    assert "ー" in match_key("データサービス")


def test_a_name_that_is_only_a_company_form_keeps_a_key() -> None:
    assert match_key("株式会社") == "株式会社"
    assert match_key("KK") == "kk"
    assert match_key("株式会社") != match_key("有限会社")


@given(st.text(max_size=40))
def test_match_key_is_idempotent_on_any_text(text: str) -> None:
    key = match_key(text)
    assert match_key(key) == key


@given(names)
def test_match_key_is_idempotent_on_names(name: str) -> None:
    key = match_key(name)
    assert key
    assert match_key(key) == key
    assert not any(ch.isspace() for ch in key)


@given(names, st.sampled_from(JA_MARKERS + LATIN_MARKERS), spaces, st.booleans())
def test_match_key_ignores_an_added_company_form(name: str, marker: str, space: str, before: bool) -> None:
    # Latin markers are whole tokens, so one glued to a Latin word ("LimitedAcme") is rightly kept.
    gap = space if marker in JA_MARKERS else space or " "
    marked = f"{marker}{gap}{name}" if before else f"{name}{gap}{marker}"
    assert match_key(marked) == match_key(name)


@given(names, spaces, spaces)
def test_match_key_ignores_whitespace_around_and_between_words(name: str, lead: str, trail: str) -> None:
    assert match_key(f"{lead}{name}{trail}") == match_key(name)
    assert match_key(name.replace(" ", "\u3000\u3000")) == match_key(name)


@pytest.mark.parametrize(
    ("indexed", "typed"),
    [
        ("さくら データ", "サクラデータ"),
        ("ｻｸﾗ ﾃﾞｰﾀ", "さくら データ"),
        ("ＡＢＣ", "abc"),
        ("Acme", "ACME"),
        ("ヴィラ", "ゔぃら"),
        ("カ\u3000ナ", "かな"),
    ],
)
def test_search_ignores_width_case_kana_and_spaces(indexed: str, typed: str) -> None:
    assert search_key(indexed) == search_key(typed)


def test_search_key_finds_a_query_inside_an_indexed_name() -> None:
    assert search_key("ｻｰﾋﾞｽ") in search_key("株式会社 双葉情報サービス")
    assert search_key("じょうほう") not in search_key("株式会社 双葉情報サービス")


@given(st.text(alphabet=st.characters(min_codepoint=0x30A1, max_codepoint=0x30F6), max_size=20))
def test_katakana_and_its_hiragana_share_a_search_key(katakana: str) -> None:
    hiragana = "".join(chr(ord(ch) - 0x60) for ch in katakana)
    assert search_key(katakana) == search_key(hiragana)


@given(st.text(max_size=40))
def test_search_key_is_idempotent_and_has_no_spaces(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key
    assert not any(ch.isspace() for ch in key)
