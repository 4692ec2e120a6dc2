"""The portfolio supervision report, opened with a real PDF reader (poppler)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from portfolio_support import (
    MARKUP_NAME,
    PARTY_NAMES,
    TODAY,
    embedded_fonts,
    filled_register,
    outline,
    outline_pages,
    page_size,
    page_text,
)
from report_support import Built, options, pdf_info, pdf_text, run, squash

from calmi_vendors.__about__ import __app_name__, __version__
from calmi_vendors.reports.labels import Language
from calmi_vendors.reports.portfolio_report import build_portfolio_report, say, tier_label
from calmi_vendors.services.portfolio_report import PortfolioReportData, portfolio_report_data
from calmi_vendors.store.register import Register

pytestmark = pytest.mark.usefixtures("poppler")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortfolioReportData]:
    """The test portfolio's report data, gathered from a fresh register through the services."""
    with filled_register(tmp_path_factory.mktemp("portfolio-register")) as register:
        yield portfolio_report_data(register.unit_of_work(readonly=True), TODAY)


@pytest.fixture(scope="module")
def built(data: PortfolioReportData, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """The report built once in each language."""
    folder = tmp_path_factory.mktemp("portfolio-pdf")
    result: dict[str, Built] = {}
    for language in ("en", "ja"):
        path = folder / f"portfolio-{language}.pdf"
        result[language] = Built(path, build_portfolio_report(data, options(language), path), 0.0)
    return result


@pytest.mark.parametrize("language", ["en", "ja"])
def test_pages_and_metadata(built: dict[str, Built], language: Language) -> None:
    result = built[language]
    info = pdf_info(result.path)
    assert int(info["Pages"]) == result.pages >= 4  # title, contents, summary, the party table
    assert info["Title"] == say("title", language)
    assert info["Author"] == "個人情報保護室 中村"
    assert "2026" in info["Subject"]
    assert info["Creator"] == f"{__app_name__} {__version__}"
    assert info["CreationDate"].startswith("2026-04-01T09:00:00+09")
    assert page_size(result.path, 1) == (595, 842)  # A4 portrait title page …
    assert page_size(result.path, result.pages) == (842, 595)  # … and a landscape party table


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_party_is_listed(
    built: dict[str, Built], data: PortfolioReportData, language: Language
) -> None:
    flat = squash(pdf_text(built[language].path))
    assert len(PARTY_NAMES) == len(data.parties)
    for name in PARTY_NAMES:
        assert squash(name) in flat, name
    assert squash(MARKUP_NAME) in flat  # markup in a name prints literally
    overdue = [p for p in data.parties if p.overdue]
    assert overdue, "the test portfolio has an overdue audit"
    assert squash(say("overdue", language)) in flat
    for party in data.parties:
        if party.corporate_number:
            assert party.corporate_number in flat


@pytest.mark.parametrize("language", ["en", "ja"])
def test_fonts_are_embedded(built: dict[str, Built], language: Language) -> None:
    fonts = embedded_fonts(built[language].path)
    assert ("IPAexGothic", True) in fonts
    assert all(embedded or name.startswith(("Courier", "Helvetica")) for name, embedded in fonts)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_bookmarks_and_contents_point_at_their_pages(
    built: dict[str, Built], data: PortfolioReportData, language: Language
) -> None:
    path = built[language].path
    titles = outline(path)
    sections = [
        say(k, language) for k in ("sec_summary", "sec_tiers", "sec_months", "sec_severity", "sec_parties")
    ]
    for title in sections:
        assert title in titles
    tiers = [t for t, n in data.by_tier if n]
    for tier in tiers:
        label = say("tier_heading", language, tier=tier_label(tier, language))
        assert any(t.startswith(label) for t in titles), (label, titles)
    pages = outline_pages(path)
    contents = run("pdftotext", "-enc", "UTF-8", "-layout", "-f", 2, "-l", 2, path, "-").splitlines()
    for title in sections:
        page = pages[title]
        assert squash(title) in squash(page_text(path, page))  # the bookmark lands on its heading
        line = next(line for line in contents if line.strip().startswith(title))
        assert line.split()[-1] == str(page), line  # the contents line gives that page


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_page_says_page_x_of_y(built: dict[str, Built], language: Language) -> None:
    result = built[language]
    for page in range(1, result.pages + 1):
        expected = f"Page {page} of {result.pages}" if language == "en" else f"{page} / {result.pages} ページ"
        assert expected in page_text(result.path, page)


def test_summary_charts_are_text_not_pictures(built: dict[str, Built], data: PortfolioReportData) -> None:
    summary = squash(page_text(built["ja"].path, 3))
    for words in ("リスク区分別の委託先数", "月別の監査実施数と期限到来数", "重要度別の未完了の指摘事項"):
        assert words in summary
    for words in (
        "高",
        "中",
        "低",
        "未判定",
        "監査実施数",
        "重大",
        "所見",
        "今月",
        "5月",
        "2025年",
        "2026年",
        "2027年",
    ):
        assert words in summary, words


def test_same_data_and_date_give_identical_bytes(data: PortfolioReportData) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    assert build_portfolio_report(data, options("ja"), first) == build_portfolio_report(
        data, options("ja"), second
    )
    assert first.getvalue() == second.getvalue()
    assert first.getvalue().startswith(b"%PDF-")


def test_an_empty_register_makes_a_short_report(sqlite_register: Register, tmp_path: Path) -> None:
    empty = portfolio_report_data(sqlite_register.unit_of_work(readonly=True), TODAY)
    path = tmp_path / "empty.pdf"
    pages = build_portfolio_report(empty, options("en", page_size="Letter"), path)
    assert int(pdf_info(path)["Pages"]) == pages
    assert page_size(path, 1) == (612, 792)
    assert squash(say("no_parties", "en")) in squash(pdf_text(path))
