"""A small portfolio filled through the real services, for the portfolio and clause gap report tests."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest

from calmi_vendors.domain.corporate_number import make_corporate_number
from calmi_vendors.domain.enums import (
    AuditConclusion,
    AuditMethod,
    ContractStatus,
    Coverage,
    PartyStatus,
    Severity,
)
from calmi_vendors.domain.seed import CLAUSES
from calmi_vendors.services import audits, contracts, parties, supervision
from calmi_vendors.services.audits import FindingInput
from calmi_vendors.services.contracts import ContractInput
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.register import Register

TODAY = date(2026, 4, 1)
LONG_NAME = "株式会社東日本情報処理センター・データマネジメントソリューションズ個人情報取扱業務受託事業本部"
MARKUP_NAME = '<font color="red">Evil</font> & <b>Co</b>'
PARTY_NAMES: tuple[str, ...] = (
    "さくら情報サービス株式会社",
    "Northwind Logistics Ltd.",
    "Sakura データ Services 株式会社",
    "北斗コールセンター株式会社",
    "Bluebird Billing Inc.",
    "株式会社みなとクラウド",
    "Harbor Cloud Solutions Pte. Ltd.",
    "双葉ロジスティクス合同会社",
    "青空ペイメント株式会社",
    "Acme Data Processing GmbH",
    "日の出メディカルサポート株式会社",
    "Tokyo Print & Mail K.K.",
    LONG_NAME,
    MARKUP_NAME,
)
COVERAGE_CYCLE = (
    Coverage.PRESENT,
    Coverage.PRESENT,
    Coverage.PARTIAL,
    Coverage.MISSING,
    Coverage.NOT_APPLICABLE,
)
SEVERITIES = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.OBSERVATION)


def fill_portfolio(register: Register) -> dict[str, int]:
    """Create the parties, contracts, audits and findings; recompute tiers; name → party id."""
    uow = register.unit_of_work
    ids: dict[str, int] = {}
    keys = [c.key for c in CLAUSES]
    for i, name in enumerate(PARTY_NAMES):
        abroad = i % 4 == 1
        party = parties.create_party(
            uow(),
            PartyInput(
                name=name,
                corporate_number=make_corporate_number(f"{100000000000 + i * 7919:012d}") if i % 3 else None,
                country="US" if abroad else "JP",
                processing_country="VN" if i % 5 == 2 else None,
                data_subjects_approx=(i + 1) * 40_000,
                data_categories=("basic_contact", "medical_history") if i % 4 == 3 else ("basic_contact",),
                reentrustment_allowed=i % 2 == 0,
            ),
        )
        ids[name] = party.id
        if i % 7 != 6:  # a few stay candidates: no audit is due for them
            parties.change_status(uow(), party.id, PartyStatus.UNDER_ASSESSMENT, reason="選定評価を開始")
            parties.change_status(
                uow(), party.id, PartyStatus.APPROVED, reason="テスト", override_approver="鈴木 一郎"
            )
        if i % 3 != 2:
            coverage = {k: (COVERAGE_CYCLE[(j + i) % len(COVERAGE_CYCLE)], None) for j, k in enumerate(keys)}
            contracts.create_contract(
                uow(),
                party.id,
                ContractInput(
                    title=f"業務委託契約書 第{i + 1}号" if i % 2 else f"Consignment agreement No. {i + 1}",
                    reference_number=f"CT-{i + 1:03d}",
                    status=ContractStatus.ACTIVE,
                    expires_on=date(2027, 3, 31),
                ),
                coverage=coverage,
            )
        if i % 3 == 1:  # an expired contract: never in the matrix
            contracts.create_contract(
                uow(),
                party.id,
                ContractInput(title=f"Old agreement {i}", status=ContractStatus.EXPIRED),
            )
        if i % 2 == 0:
            performed = TODAY - timedelta(days=30 * (i + 1))
            planned = audits.plan_audit(uow(), party.id, method=AuditMethod.REMOTE, planned_on=performed)
            findings = tuple(
                FindingInput(
                    f"指摘 {name[:6]} {n + 1}" if n % 2 else f"Finding {n + 1} of party {i}",
                    SEVERITIES[(i + n) % 4],
                    due_on=TODAY + timedelta(days=20 * n - 30),
                )
                for n in range(i % 4)
            )
            audits.record_audit(
                uow(),
                planned.id,
                performed_on=performed,
                conclusion=AuditConclusion.SATISFACTORY_WITH_FINDINGS
                if findings
                else AuditConclusion.SATISFACTORY,
                findings=findings,
            )
    supervision.recompute_all(uow(), today=TODAY)
    return ids


def run(*args: str | Path | int) -> str:
    """A poppler tool's standard output (UTF-8)."""
    done = subprocess.run([str(a) for a in args], capture_output=True, check=True, timeout=120)
    return done.stdout.decode("utf-8", errors="replace")


@contextmanager
def filled_register(work: Path) -> Iterator[Register]:
    """A fresh SQLite register under `work` holding the test portfolio (for module-scoped fixtures)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CALMI_VENDORS_DATA_DIR", str(work / "userdata"))
        mp.delenv("CALMI_VENDORS_DB", raising=False)
        register = open_for_use(str(work / "register.sqlite3"))
        try:
            fill_portfolio(register)
            yield register
        finally:
            register.close()


def outline(path: Path) -> list[str]:
    """The PDF's bookmark titles, in order, as poppler's pdftohtml reads its outline."""
    xml = run("pdftohtml", "-xml", "-stdout", "-i", "-q", path)
    return [html.unescape(title) for title in re.findall(r"<item page=\"\d+\">(.*?)</item>", xml)]


def outline_pages(path: Path) -> dict[str, int]:
    """Bookmark title → page number."""
    xml = run("pdftohtml", "-xml", "-stdout", "-i", "-q", path)
    return {html.unescape(t): int(p) for p, t in re.findall(r"<item page=\"(\d+)\">(.*?)</item>", xml)}


def page_text(path: Path, page: int) -> str:
    """The text of one page."""
    return run("pdftotext", "-enc", "UTF-8", "-f", page, "-l", page, path, "-")


def page_size(path: Path, page: int) -> tuple[int, int]:
    """Width and height of one page, in whole points."""
    info = run("pdfinfo", "-f", page, "-l", page, path)
    found = re.search(rf"Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", info)
    assert found, info
    return round(float(found.group(1))), round(float(found.group(2)))


def embedded_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded?) of every font pdffonts lists."""
    fonts = []
    for line in run("pdffonts", path).splitlines()[2:]:
        flags = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        assert flags, line
        fonts.append((line.split()[0].split("+", 1)[-1], flags.group(1) == "yes"))
    return fonts
