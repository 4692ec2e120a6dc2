"""The clause gap report, opened with a real PDF reader (poppler)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

import pytest
from portfolio_support import (
    TODAY,
    embedded_fonts,
    filled_register,
    outline,
    outline_pages,
    page_size,
    page_text,
)
from report_support import Built, options, pdf_info, pdf_text, squash

from calmi_vendors.__about__ import __app_name__, __version__
from calmi_vendors.reports.gap_report import SYMBOLS, build_gap_report, say
from calmi_vendors.reports.labels import Language, enum_label
from calmi_vendors.services.portfolio_report import GapReportData, gap_report_data
from calmi_vendors.store.register import Register

pytestmark = pytest.mark.usefixtures("poppler")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GapReportData]:
    """The test portfolio's matrix and gaps, gathered from a fresh register through the services."""
    with filled_register(tmp_path_factory.mktemp("gap-register")) as register:
        yield gap_report_data(register.unit_of_work(readonly=True), TODAY)


@pytest.fixture(scope="module")
def built(data: GapReportData, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """The report built once in each language."""
    folder = tmp_path_factory.mktemp("gap-pdf")
    result: dict[str, Built] = {}
    for language in ("en", "ja"):
        path = folder / f"gaps-{language}.pdf"
        result[language] = Built(path, build_gap_report(data, options(language), path), 0.0)
    return result


@pytest.mark.parametrize("language", ["en", "ja"])
def test_pages_and_metadata(built: dict[str, Built], language: Language) -> None:
    result = built[language]
    info = pdf_info(result.path)
    assert int(info["Pages"]) == result.pages >= 4
    assert info["Title"] == say("title", language)
    assert info["Creator"] == f"{__app_name__} {__version__}"
    assert info["CreationDate"].startswith("2026-04-01T09:00:00+09")
    assert page_size(result.path, 1) == (595, 842)  # the title page stands …
    for page in range(2, result.pages + 1):
        assert page_size(result.path, page) == (842, 595)  # … the matrix and lists lie on their side


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_contract_and_every_gap_is_printed(
    built: dict[str, Built], data: GapReportData, language: Language
) -> None:
    flat = squash(pdf_text(built[language].path))
    assert data.gaps, "the test portfolio has gaps"
    for row in data.rows:
        assert squash(row.contract_title) in flat
        assert squash(row.party_name) in flat
    for requirement in data.requirements:
        title = requirement.title_ja if language == "ja" else requirement.title_en
        assert squash(f"{requirement.code}{title}") in flat
    codes = {r.key: r.code for r in data.requirements}
    for _, items in groupby(data.gaps, key=lambda g: g.party_id):
        group = list(items)
        heading = say("party_gaps", language, party=group[0].party_name, n=len(group))
        assert squash(heading) in flat
        for gap in group:  # one table row per gap: contract, code, requirement, coverage
            title = gap.title_ja if language == "ja" else gap.title_en
            coverage = enum_label(gap.coverage, language)
            assert squash(f"{gap.contract_title}{codes[gap.requirement_key]}{title}{coverage}") in flat


def test_matrix_symbols_do_not_rely_on_colour(built: dict[str, Built], data: GapReportData) -> None:
    flat = squash(pdf_text(built["en"].path))
    for coverage, mark in SYMBOLS.items():
        if coverage is not None:
            assert mark in flat
    for key in ("sym_present", "sym_partial", "sym_missing", "sym_na", "sym_unknown"):
        assert squash(say(key, "en")) in flat
    # Each contract's row: its gap count printed at the end, after one symbol per requirement.
    for row in data.rows:
        marks = "".join(SYMBOLS[c.coverage] if c.applies or c.coverage is None else "–" for c in row.cells)
        assert f"{marks}{row.gaps}" in flat, row.contract_title


@pytest.mark.parametrize("language", ["en", "ja"])
def test_fonts_are_embedded_and_bookmarks_present(built: dict[str, Built], language: Language) -> None:
    path = built[language].path
    fonts = embedded_fonts(path)
    assert ("IPAexGothic", True) in fonts
    assert all(embedded or name.startswith(("Courier", "Helvetica")) for name, embedded in fonts)
    titles = outline(path)
    for key in ("sec_matrix", "sec_legend", "sec_table", "sec_gaps"):
        assert say(key, language) in titles
    pages = outline_pages(path)
    assert squash(say("sec_gaps", language)) in squash(page_text(path, pages[say("sec_gaps", language)]))


def test_same_data_and_date_give_identical_bytes(data: GapReportData) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    assert build_gap_report(data, options("en"), first) == build_gap_report(data, options("en"), second)
    assert first.getvalue() == second.getvalue()


def test_no_contracts_says_so(sqlite_register: Register, tmp_path: Path) -> None:
    empty = gap_report_data(sqlite_register.unit_of_work(readonly=True), TODAY)
    path = tmp_path / "empty.pdf"
    pages = build_gap_report(empty, options("ja"), path)
    assert int(pdf_info(path)["Pages"]) == pages
    flat = squash(pdf_text(path))
    assert squash(say("no_contracts", "ja")) in flat
    assert squash(say("no_gaps", "ja")) in flat
