"""The party dossier, opened with a real PDF reader (poppler): pages, metadata, fonts, text, determinism."""

from __future__ import annotations

import io
import re
import threading
from enum import StrEnum
from pathlib import Path

import pytest
from report_support import (
    CHILD_NAMES,
    INJECTION_NAME,
    INJECTION_NOTE,
    LONG_JA_NAME,
    MIXED_NAME,
    Built,
    finding_title,
    options,
    pdf_info,
    pdf_text,
    run,
    squash,
)

from calmi_vendors.__about__ import __app_name__, __version__
from calmi_vendors.domain import enums
from calmi_vendors.domain.seed import CLAUSES
from calmi_vendors.reports.dossier import DossierData, build_party_dossier
from calmi_vendors.services import parties
from calmi_vendors.services.dto import ContactInput, PartyInput
from calmi_vendors.store.register import Register

pytestmark = pytest.mark.usefixtures("poppler")

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


def _raw_enum_values() -> set[str]:
    values: set[str] = set()
    for name in dir(enums):
        kind = getattr(enums, name)
        if isinstance(kind, type) and issubclass(kind, StrEnum) and kind is not StrEnum:
            values |= {v.value for v in kind if "_" in v.value}
    return values


@pytest.mark.parametrize("language", ["en", "ja"])
def test_page_count_metadata_and_size(built: dict[str, Built], language: str) -> None:
    result = built[language]
    info = pdf_info(result.path)
    assert int(info["Pages"]) == result.pages
    assert result.pages >= 8  # 40 findings and 3 × 15 clauses break across pages
    assert LONG_JA_NAME in info["Title"]
    assert info["Author"] == "個人情報保護室 中村"
    assert info["Subject"]
    assert info["Creator"] == f"{__app_name__} {__version__}"
    assert __version__ in info["Producer"]
    assert info["CreationDate"].startswith("2026-04-01T09:00:00+09")  # the caller's as-of, not the clock
    width, height = re.findall(r"[\d.]+", info["Page size"])[:2]
    assert (round(float(width)), round(float(height))) == (595, 842)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_font_is_embedded_or_standard(built: dict[str, Built], language: str) -> None:
    lines = run("pdffonts", built[language].path).splitlines()[2:]
    assert lines, "no fonts listed"
    names = []
    for line in lines:
        name = line.split()[0]
        base = name.split("+", 1)[-1]
        embedded = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        assert embedded, line
        assert embedded.group(1) == "yes" or base in STANDARD_14, line
        names.append(base)
    assert "IPAexGothic" in names


@pytest.mark.parametrize("language", ["en", "ja"])
def test_text_is_all_there_and_extracts_as_written(
    built: dict[str, Built], dossier_data: DossierData, language: str
) -> None:
    result = built[language]
    flat = squash(pdf_text(result.path))
    for name in (LONG_JA_NAME, MIXED_NAME, *CHILD_NAMES):
        assert squash(name) in flat, name
    for i in range(1, 41):
        assert squash(finding_title(i)) in flat, finding_title(i)
    for clause in CLAUSES:
        assert squash(clause.title_ja if language == "ja" else clause.title_en) in flat
    for contract in dossier_data.contracts:
        assert squash(contract.title) in flat
    for row in dossier_data.evidence:
        assert squash(row[0]) in flat
        assert row[1][:32] in flat
        assert row[1][32:] in flat
    expired = "期限切れ" if language == "ja" else "EXPIRED"
    assert expired in flat  # an expired certification says so in words
    assert ("期限超過" if language == "ja" else "(overdue)") in flat
    for raw in _raw_enum_values():
        assert raw not in flat, f"raw value {raw!r} printed"


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_page_says_page_x_of_y(built: dict[str, Built], language: str) -> None:
    result = built[language]
    total = result.pages
    for page in range(1, total + 1):
        page_text = run("pdftotext", "-enc", "UTF-8", "-f", page, "-l", page, result.path, "-")
        expected = f"Page {page} of {total}" if language == "en" else f"{page} / {total} ページ"
        assert expected in page_text, (page, page_text[-200:])


def test_japanese_dossier_reads_in_japanese(built: dict[str, Built]) -> None:
    flat = squash(pdf_text(built["ja"].path))
    for words in ("委託先個別報告書", "目次", "基本情報", "再委託の状況", "指摘事項", "作成", "確認", "承認"):
        assert words in flat
    assert "2026年4月1日9:00JST現在" in flat
    assert "問い合わせ窓口・コールセンター" in flat  # a business function by its Japanese name
    assert "病歴（要配慮）" in flat  # a special-care data category is marked in words


def test_english_dossier_has_english_furniture(built: dict[str, Built]) -> None:
    flat = squash(pdf_text(built["en"].path))
    for words in ("Entrustedpartydossier", "Re-entrustmentchain", "Prepared", "Reviewed", "Approved"):
        assert words in flat
    assert "Asof1Apr202609:00JST" in flat
    assert "Informationdeskandcallcentre" in flat


def test_same_data_and_date_give_identical_bytes(dossier_data: DossierData) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    pages_1 = build_party_dossier(dossier_data, options("ja"), first)
    pages_2 = build_party_dossier(dossier_data, options("ja"), second)
    assert pages_1 == pages_2
    assert first.getvalue() == second.getvalue()
    assert first.getvalue().startswith(b"%PDF-")


def test_letter_paper_when_chosen(dossier_data: DossierData, tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    pages = build_party_dossier(dossier_data, options("en", page_size="Letter"), path)
    info = pdf_info(path)
    assert int(info["Pages"]) == pages
    width, height = re.findall(r"[\d.]+", info["Page size"])[:2]
    assert (round(float(width)), round(float(height))) == (612, 792)


def test_markup_in_user_text_prints_literally(sqlite_register: Register, tmp_path: Path) -> None:
    uow = sqlite_register.unit_of_work
    party = parties.create_party(
        uow(),
        PartyInput(
            name=INJECTION_NAME,
            notes=INJECTION_NOTE,
            owner_department='<font color="red" face="x">dept</font>',
            contacts=(ContactInput(name="<para>", email="a&b@example.com"),),
        ),
    )
    path = tmp_path / "injection.pdf"
    pages = build_party_dossier(DossierData(party=party), options("en"), path)
    assert pages >= 2
    raw = pdf_text(path)
    flat = squash(raw)
    for literal in (INJECTION_NAME, INJECTION_NOTE, "<para>", '<font color="red" face="x">dept</font>'):
        assert squash(literal) in flat, literal
    assert "a&b@example.com" in flat


def test_builds_from_several_threads_match_a_lone_build(dossier_data: DossierData) -> None:
    alone = io.BytesIO()
    build_party_dossier(dossier_data, options("ja"), alone)
    outputs = [io.BytesIO() for _ in range(3)]
    threads = [
        threading.Thread(target=build_party_dossier, args=(dossier_data, options("ja"), out))
        for out in outputs
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(out.getvalue() == alone.getvalue() for out in outputs)
