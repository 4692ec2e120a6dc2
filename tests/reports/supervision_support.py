"""Fixtures of the audit and program review report tests: the dossier's register, one audit, one review."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from report_support import AS_OF, fill_register, run

from calmi_vendors.domain.enums import ActionStatus
from calmi_vendors.services import program_review
from calmi_vendors.services.audit_report import AuditReportData, audit_report_data
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.services.program_review import ProgramReviewView
from calmi_vendors.store.register import Register

REVIEWER = "個人情報保護室 中村"
APPROVER = "代表取締役 佐藤 (Sato)"
REVIEW_FINDINGS = "監査計画は予定どおり実施した。一方で、重大な指摘事項の是正が遅れている。\n" * 4
REVIEW_CONCLUSIONS = "委託先監督の仕組みは概ね有効に機能している。Critical findings need a faster follow-up."
ACTIONS = (
    ("重大な指摘事項の是正期限を30日以内とする運用に改める。", "個人情報保護室", date(2026, 6, 30)),
    ("Review the clause library against the 2026 guideline update and re-paper contracts with gaps.", "Legal",
     date(2026, 9, 30)),
    ("再委託先の承認記録を整備する。", None, None),
)  # fmt: skip


@dataclass(frozen=True)
class SupervisionCase:
    """A filled register (open while the fixture lives), its 40-finding audit and its FY2025 review."""

    register: Register
    work: Path
    audit: AuditReportData
    review: ProgramReviewView


def fill_supervision(register: Register, work: Path) -> SupervisionCase:
    """Fill the register as the dossier tests do, then gather the audit and start and complete a review."""
    dossier = fill_register(register, work)
    uow = register.unit_of_work
    audit = audit_report_data(uow(readonly=True), dossier.audits[0].id)
    program_review.start_review(uow(), 2025, AS_OF.date(), REVIEWER)
    program_review.update_review(
        uow(), 2025, findings=REVIEW_FINDINGS, conclusions=REVIEW_CONCLUSIONS, approved_by=APPROVER
    )
    for description, owner, due in ACTIONS:
        action = program_review.add_action(uow(), 2025, description=description, owner=owner, due_on=due)
        if owner == "Legal":
            program_review.update_action(uow(), action.id, status=ActionStatus.DONE)
    review = program_review.get_review(uow(readonly=True), 2025)
    return SupervisionCase(register, work, audit, review)


@pytest.fixture(scope="module")
def supervision_case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SupervisionCase]:
    """One filled register per test module, gathered through the services."""
    work = tmp_path_factory.mktemp("supervision-register")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CALMI_VENDORS_DATA_DIR", str(work / "userdata"))
        mp.delenv("CALMI_VENDORS_DB", raising=False)
        register = open_for_use(str(work / "register.sqlite3"))
        try:
            yield fill_supervision(register, work)
        finally:
            register.close()


def page_texts(path: Path, pages: int) -> list[str]:
    """The text of each page (pdftotext, one call per page)."""
    return [run("pdftotext", "-enc", "UTF-8", "-f", n, "-l", n, path, "-") for n in range(1, pages + 1)]
