"""The program review report, opened with a real PDF reader: pages, metadata, fonts, charts, text."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from report_support import options, pdf_info, pdf_text, run, squash
from supervision_support import (
    ACTIONS,
    APPROVER,
    REVIEW_CONCLUSIONS,
    REVIEW_FINDINGS,
    REVIEWER,
    SupervisionCase,
    page_texts,
    supervision_case,
)

from calmi_vendors.reports.program_report import build_program_report

pytestmark = pytest.mark.usefixtures("poppler")
__all__ = ["supervision_case"]  # the fixture, imported for this module's tests

LANGUAGES = ("en", "ja")


@pytest.fixture(scope="module")
def built(
    supervision_case: SupervisionCase, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, int]]:
    """The program review report built once in each language."""
    out = tmp_path_factory.mktemp("program-reports")
    result: dict[str, tuple[Path, int]] = {}
    for language in LANGUAGES:
        path = out / f"program-{language}.pdf"
        result[language] = (path, build_program_report(supervision_case.review, options(language), path))
    return result


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_count_metadata_and_fonts(built: dict[str, tuple[Path, int]], language: str) -> None:
    path, pages = built[language]
    info = pdf_info(path)
    assert int(info["Pages"]) == pages >= 4
    assert ("Fiscal year 2025" if language == "en" else "2025年度") in info["Title"]
    assert "2025" in info["Subject"]
    assert info["Author"] == "個人情報保護室 中村"
    assert info["CreationDate"].startswith("2026-04-01T09:00:00+09")
    fonts = run("pdffonts", path).splitlines()[2:]
    embedded = [line for line in fonts if "IPAexGothic" in line]
    assert embedded
    assert all(re.search(r"\syes\s+yes\s+yes\s+\d+\s+\d+\s*$", line) for line in embedded)


def test_charts_are_vector_graphics(built: dict[str, tuple[Path, int]]) -> None:
    if shutil.which("pdfimages") is None:
        pytest.skip("pdfimages (poppler-utils) missing")
    for path, _ in built.values():
        listed = run("pdfimages", "-list", path).splitlines()[2:]
        assert listed == [], listed  # no raster image anywhere: the bars are drawn paths


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_review_text_and_actions_are_printed(
    built: dict[str, tuple[Path, int]], supervision_case: SupervisionCase, language: str
) -> None:
    flat = squash(pdf_text(built[language][0]))
    metrics = supervision_case.review.metrics
    assert metrics is not None
    for text in (REVIEW_FINDINGS, REVIEW_CONCLUSIONS, REVIEWER, APPROVER):
        assert squash(text) in flat, text
    for description, owner, _ in ACTIONS:
        assert squash(description) in flat
        if owner:
            assert squash(owner) in flat
    words = {
        "en": (
            "Supervisionprogramreview", "Partiesbyrisktier",
            "Auditsbymonth:completedandplanned", "Findingsbyseverity", "1Apr2025to31Mar2026",
            "Findingsraisedintheyear40", "Findingsopenon1Apr202634", "Clausegapsinlivecontracts23",
            "Done", "Open", "Apr2025", "Mar2026",
        ),
        "ja": (
            "委託先監督の年次見直し報告書", "リスク区分別の委託先数", "月別の監査（完了・予定）",
            "重要度別の指摘事項", "2025年4月1日～2026年3月31日", "年度内に指摘した事項40",
            "有効な契約の条項不足23", "完了", "未完了",
            "2025年4月", "2026年3月", "承認", "確認", "作成",
        ),
    }[language]  # fmt: skip
    for word in words:
        assert word in flat, word
    assert metrics.total("raised") == 40
    # 20 missing or partial clauses, and 3 stricter security items waived for special-care parties.
    assert metrics.clause_gaps == 23


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_says_page_x_of_y(built: dict[str, tuple[Path, int]], language: str) -> None:
    path, pages = built[language]
    for n, text in enumerate(page_texts(path, pages), start=1):
        assert (f"Page {n} of {pages}" if language == "en" else f"{n} / {pages} ページ") in text


def test_same_data_and_date_give_identical_bytes(supervision_case: SupervisionCase) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    assert build_program_report(supervision_case.review, options("en"), first) == build_program_report(
        supervision_case.review, options("en"), second
    )
    assert first.getvalue() == second.getvalue()


def test_letter_paper_when_chosen(supervision_case: SupervisionCase, tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    pages = build_program_report(supervision_case.review, options("ja", page_size="Letter"), path)
    info = pdf_info(path)
    assert int(info["Pages"]) == pages
    width, height = re.findall(r"[\d.]+", info["Page size"])[:2]
    assert (round(float(width)), round(float(height))) == (612, 792)


def test_a_bare_review_prints_what_is_missing(supervision_case: SupervisionCase, tmp_path: Path) -> None:
    bare = replace(supervision_case.review, metrics=None, findings=None, conclusions=None, approved_by=None,
                   actions=())  # fmt: skip
    path = tmp_path / "bare.pdf"
    pages = build_program_report(bare, options("en"), path)
    assert int(pdf_info(path)["Pages"]) == pages
    flat = squash(pdf_text(path))
    for words in ("Nofiguresweretakenforthisreview.", "Notwrittenyet.", "Thereviewdecidednoaction.",
                  "Notapprovedyet"):  # fmt: skip
        assert words in flat
