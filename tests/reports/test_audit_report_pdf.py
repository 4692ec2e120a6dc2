"""The supervision audit report, opened with a real PDF reader: pages, metadata, fonts, text, determinism."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from report_support import (
    INJECTION_NAME,
    LONG_JA_NAME,
    finding_title,
    options,
    pdf_info,
    pdf_text,
    run,
    squash,
)
from supervision_support import SupervisionCase, page_texts, supervision_case

from calmi_vendors.__about__ import __version__
from calmi_vendors.domain.enums import AuditConclusion, AuditMethod, Severity
from calmi_vendors.reports.audit_report import build_audit_report
from calmi_vendors.services import audits, parties
from calmi_vendors.services.audit_report import audit_report_data
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.store.register import Register

pytestmark = pytest.mark.usefixtures("poppler")
__all__ = ["supervision_case"]  # the fixture, imported for this module's tests

LANGUAGES = ("en", "ja")
STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


@pytest.fixture(scope="module")
def built(
    supervision_case: SupervisionCase, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, int]]:
    """The audit report built once in each language."""
    out = tmp_path_factory.mktemp("audit-reports")
    result: dict[str, tuple[Path, int]] = {}
    for language in LANGUAGES:
        path = out / f"audit-{language}.pdf"
        result[language] = (path, build_audit_report(supervision_case.audit, options(language), path))
    return result


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_count_metadata_and_paper(built: dict[str, tuple[Path, int]], language: str) -> None:
    path, pages = built[language]
    info = pdf_info(path)
    assert int(info["Pages"]) == pages
    assert pages >= 5  # 40 findings break across pages
    assert "2025年度 定期監査（実地）" in info["Title"]
    assert ("Supervision audit report" if language == "en" else "委託先監査報告書") in info["Title"]
    assert LONG_JA_NAME in info["Subject"]
    assert info["Author"] == "個人情報保護室 中村"
    assert __version__ in info["Producer"]
    assert info["CreationDate"].startswith("2026-04-01T09:00:00+09")
    width, height = re.findall(r"[\d.]+", info["Page size"])[:2]
    assert (round(float(width)), round(float(height))) == (595, 842)


@pytest.mark.parametrize("language", LANGUAGES)
def test_fonts_are_embedded(built: dict[str, tuple[Path, int]], language: str) -> None:
    lines = run("pdffonts", built[language][0]).splitlines()[2:]
    assert lines
    for line in lines:
        name = line.split()[0].split("+", 1)[-1]
        embedded = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        assert embedded, line
        assert embedded.group(1) == "yes" or name in STANDARD_14, line  # a reader always has these
    assert any("IPAexGothic" in line for line in lines)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_finding_and_the_party_are_printed(
    built: dict[str, tuple[Path, int]], supervision_case: SupervisionCase, language: str
) -> None:
    flat = squash(pdf_text(built[language][0]))
    assert squash(LONG_JA_NAME) in flat
    assert str(supervision_case.audit.party.corporate_number) in flat
    for i in range(1, 41):
        assert squash(finding_title(i)) in flat, finding_title(i)
    for finding in supervision_case.audit.findings:
        if finding.corrective_action:
            assert squash(finding.corrective_action) in flat
    for e in supervision_case.audit.evidence:
        assert squash(e.file_name) in flat
        assert e.sha256[:32] in flat
        assert e.sha256[32:] in flat
    assert "是正報告書を受領" in flat  # closure evidence
    assert "監査室高橋" in flat  # auditor and verifier
    words = {
        "en": (
            "Findingsbyseverity",
            "Critical",
            "Observation",
            "Sealorsignature",
            "Satisfactorywithfindings",
        ),
        "ja": ("重要度別の指摘事項", "重大", "所見", "印", "概ね適切（指摘事項あり）", "確認及び署名"),
    }[language]
    for word in words:
        assert word in flat, word
    assert ("(overdue)" if language == "en" else "（期限超過）") in flat


def test_findings_are_listed_most_serious_first(built: dict[str, tuple[Path, int]]) -> None:
    flat = squash(pdf_text(built["en"][0]))
    body = flat[flat.index("Findingsandcorrectiveactions") :]
    # Finding 4 is critical, 1 major, 2 minor, 3 an observation (severity cycles with the number).
    positions = [body.index(squash(finding_title(i))) for i in (4, 1, 2, 3)]
    assert positions == sorted(positions)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_findings_table_repeats_its_header_on_every_page(
    built: dict[str, tuple[Path, int]], language: str
) -> None:
    path, pages = built[language]
    texts = [squash(t) for t in page_texts(path, pages)]
    header = "Statusandclosure" if language == "en" else "状態・是正の確認"
    carrying = [n for n, t in enumerate(texts, start=1) if header in t]
    assert len(carrying) >= 3
    assert carrying == list(range(carrying[0], carrying[-1] + 1))  # one header per page, no page without
    for n, page_text in enumerate(texts, start=1):
        assert (f"Page{n}of{pages}" if language == "en" else f"{n}/{pages}ページ") in page_text


def test_same_data_and_date_give_identical_bytes(supervision_case: SupervisionCase) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    assert build_audit_report(supervision_case.audit, options("ja"), first) == build_audit_report(
        supervision_case.audit, options("ja"), second
    )
    assert first.getvalue() == second.getvalue()
    assert first.getvalue().startswith(b"%PDF-")


def test_letter_paper_when_chosen(supervision_case: SupervisionCase, tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    pages = build_audit_report(supervision_case.audit, options("en", page_size="Letter"), path)
    info = pdf_info(path)
    assert int(info["Pages"]) == pages
    width, height = re.findall(r"[\d.]+", info["Page size"])[:2]
    assert (round(float(width)), round(float(height))) == (612, 792)


def test_a_planned_audit_prints_with_nothing_recorded(sqlite_register: Register, tmp_path: Path) -> None:
    uow = sqlite_register.unit_of_work
    party = parties.create_party(uow(), PartyInput(name="Sakura データ Services 株式会社"))
    planned = audits.plan_audit(uow(), party.id, method=AuditMethod.REMOTE, planned_on=date(2026, 6, 1))
    path = tmp_path / "planned.pdf"
    pages = build_audit_report(audit_report_data(uow(readonly=True), planned.id), options("en"), path)
    assert int(pdf_info(path)["Pages"]) == pages >= 2
    flat = squash(pdf_text(path))
    for words in ("SakuraデータServices株式会社", "Remoteauditof1Jun2026", "Notperformedyet"):
        assert words in flat
    assert "Theauditraisednofindings." in flat
    assert "Noconclusionrecordedyet." in flat


def test_markup_in_findings_prints_literally(sqlite_register: Register, tmp_path: Path) -> None:
    uow = sqlite_register.unit_of_work
    party = parties.create_party(uow(), PartyInput(name=INJECTION_NAME))
    planned = audits.plan_audit(uow(), party.id, method=AuditMethod.ON_SITE, planned_on=date(2026, 1, 5))
    audits.record_audit(
        uow(),
        planned.id,
        performed_on=date(2026, 1, 6),
        conclusion=AuditConclusion.SATISFACTORY_WITH_FINDINGS,
        findings=(audits.FindingInput("<b>bold</b> & <font size='40'>", Severity.MINOR, owner="<i>"),),
    )
    path = tmp_path / "markup.pdf"
    build_audit_report(audit_report_data(uow(readonly=True), planned.id), options("ja"), path)
    flat = squash(pdf_text(path))
    for literal in (INJECTION_NAME, "<b>bold</b> & <font size='40'>", "担当：<i>"):
        assert squash(literal) in flat, literal
