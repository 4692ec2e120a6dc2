"""What the audit report is given: the audit, its party, findings in audit order, and their evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from calmi_vendors.domain.corporate_number import make_corporate_number
from calmi_vendors.domain.enums import (
    AuditConclusion,
    AuditMethod,
    AuditStatus,
    FindingStatus,
    PartyStatus,
    Severity,
)
from calmi_vendors.domain.seed import BUSINESS_FUNCTIONS, CLAUSES
from calmi_vendors.errors import NotFoundError
from calmi_vendors.services import audits, evidence, parties, supervision
from calmi_vendors.services.audit_report import audit_report_data
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.store.register import Register


def _party(register: Register, name: str = "株式会社テスト監査 (Test Audit K.K.)") -> int:
    functions = tuple(f.key for f in BUSINESS_FUNCTIONS[:2])
    made = parties.create_party(
        register.unit_of_work(),
        PartyInput(
            name=name, corporate_number=make_corporate_number("123456789012"), business_functions=functions
        ),
    )
    return made.id


def test_gathers_the_audit_its_party_findings_and_evidence(register: Register, tmp_path: Path) -> None:
    uow = register.unit_of_work
    party_id = _party(register)
    planned = audits.plan_audit(
        uow(), party_id, method=AuditMethod.ON_SITE, planned_on=date(2025, 11, 10), auditor="監査室 高橋",
        scope="コールセンター業務", title="2025年度 定期監査", batch_label="2025-H2",
    )  # fmt: skip
    clause = CLAUSES[2]
    recorded = audits.record_audit(
        uow(), planned.id, performed_on=date(2025, 11, 12),
        conclusion=AuditConclusion.SATISFACTORY_WITH_FINDINGS, participants="高橋、山田",
        conclusion_notes="是正を求める。",
        findings=(
            audits.FindingInput("Backups unencrypted", Severity.MAJOR, description="Site 2",
                                corrective_action="Encrypt", owner="IT", due_on=date(2026, 1, 31)),
            audits.FindingInput("契約に監査権の条項がない", Severity.CRITICAL, requirement_key=clause.key),
        ),
    )  # fmt: skip
    first = recorded.findings[0]
    audits.close_finding(uow(), first.id, closed_on=date(2026, 1, 20), evidence="暗号化設定の画面写し")
    audits.verify_finding(uow(), first.id, verified_on=date(2026, 1, 25), verified_by="監査室 高橋")
    supervision.recompute_all(uow(), today=date(2026, 4, 1))
    for name, record_type, record_id in (
        ("finding-proof.png", "finding", first.id),
        ("監査調書.pdf", "supervision_audit", planned.id),
    ):
        source = tmp_path / name
        source.write_bytes(name.encode())
        evidence.add_evidence(
            uow(), register.evidence_dir, record_type=record_type, record_id=record_id, source=source
        )

    data = audit_report_data(uow(readonly=True), planned.id)

    assert (data.audit_id, data.title, data.method, data.status) == (
        planned.id, "2025年度 定期監査", AuditMethod.ON_SITE, AuditStatus.COMPLETED,
    )  # fmt: skip
    assert (data.planned_on, data.performed_on) == (date(2025, 11, 10), date(2025, 11, 12))
    assert (data.auditor, data.participants, data.scope, data.batch_label) == (
        "監査室 高橋", "高橋、山田", "コールセンター業務", "2025-H2",
    )  # fmt: skip
    assert (data.conclusion, data.conclusion_notes) == (
        AuditConclusion.SATISFACTORY_WITH_FINDINGS,
        "是正を求める。",
    )
    p = data.party
    number = make_corporate_number("123456789012")
    assert (p.id, p.name, p.corporate_number) == (party_id, "株式会社テスト監査 (Test Audit K.K.)", number)
    assert p.status is PartyStatus.CANDIDATE
    assert p.tier is not None
    assert p.business_functions == tuple((f.name_en, f.name_ja) for f in BUSINESS_FUNCTIONS[:2])
    assert [f.number for f in data.findings] == [1, 2]
    one, two = data.findings
    assert (one.title, one.description, one.severity, one.requirement) == (
        "Backups unencrypted", "Site 2", Severity.MAJOR, None,
    )  # fmt: skip
    assert (one.corrective_action, one.owner, one.due_on) == ("Encrypt", "IT", date(2026, 1, 31))
    assert (one.status, one.closed_on, one.closure_evidence) == (
        FindingStatus.VERIFIED, date(2026, 1, 20), "暗号化設定の画面写し",
    )  # fmt: skip
    assert (one.verified_on, one.verified_by) == (date(2026, 1, 25), "監査室 高橋")
    assert two.requirement == (clause.title_en, clause.title_ja)
    assert two.status is FindingStatus.OPEN
    # The audit's own files first, then each finding's, numbered as in the audit.
    assert [(e.file_name, e.finding_number) for e in data.evidence] == [
        ("監査調書.pdf", None),
        ("finding-proof.png", 1),
    ]
    assert all(len(e.sha256) == 64 for e in data.evidence)


def test_a_planned_audit_has_no_findings_or_evidence(register: Register) -> None:
    party_id = _party(register, "Planned Only Ltd.")
    planned = audits.plan_audit(
        register.unit_of_work(), party_id, method=AuditMethod.SELF_ASSESSMENT, planned_on=date(2026, 5, 1)
    )
    data = audit_report_data(register.unit_of_work(readonly=True), planned.id)
    assert (data.status, data.performed_on, data.conclusion) == (AuditStatus.PLANNED, None, None)
    assert (data.findings, data.evidence) == ((), ())
    assert data.party.name == "Planned Only Ltd."


def test_evidence_of_another_audit_is_left_out(register: Register, tmp_path: Path) -> None:
    uow = register.unit_of_work
    party_id = _party(register)
    ours = audits.plan_audit(uow(), party_id, method=AuditMethod.REMOTE, planned_on=date(2026, 1, 1))
    theirs = audits.plan_audit(uow(), party_id, method=AuditMethod.REMOTE, planned_on=date(2026, 2, 1))
    source = tmp_path / "other.pdf"
    source.write_bytes(b"other")
    evidence.add_evidence(
        uow(), register.evidence_dir, record_type="supervision_audit", record_id=theirs.id, source=source
    )
    assert audit_report_data(uow(readonly=True), ours.id).evidence == ()


def test_a_missing_audit_says_which(register: Register) -> None:
    with pytest.raises(NotFoundError, match="#424242"):
        audit_report_data(register.unit_of_work(readonly=True), 424242)
