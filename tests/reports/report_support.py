"""Helpers of the report tests: a register filled through the real services, and poppler wrappers."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from calmi_vendors.domain.corporate_number import make_corporate_number
from calmi_vendors.domain.enums import (
    AssessmentKind,
    AuditConclusion,
    AuditMethod,
    CertificationKind,
    ContractStatus,
    Coverage,
    PartyStatus,
    Severity,
)
from calmi_vendors.domain.seed import CLAUSES, SELECTION_QUESTIONNAIRE
from calmi_vendors.reports.document import ReportOptions
from calmi_vendors.reports.dossier import DossierData
from calmi_vendors.services import (
    assessments,
    audits,
    contracts,
    evidence,
    parties,
    supervision,
)
from calmi_vendors.services.contracts import ContractInput
from calmi_vendors.services.dto import CertificationInput, ContactInput, PartyInput
from calmi_vendors.services.report_dossier import dossier_data
from calmi_vendors.store.register import Register

JST = timezone(timedelta(hours=9))
AS_OF = datetime(2026, 4, 1, 9, 0, tzinfo=JST)
LONG_JA_NAME = (
    "株式会社東日本情報処理センター・データマネジメントソリューションズ個人情報取扱業務受託事業本部"
)
MIXED_NAME = "Sakura データ Services 株式会社"
CHILD_NAMES = ("北海道ロジスティクス株式会社", "Northwind Logistics Ltd.")
INJECTION_NAME = '<font color="red">x</font> & <b>'
INJECTION_NOTE = "<para> and </para> and <img src='x'/> & &amp;"


def finding_title(i: int) -> str:
    """A distinct finding title: Japanese for even numbers, English for odd ones."""
    if i % 2 == 0:
        return f"指摘{i:02d}：アクセス権限の定期的な棚卸しが実施されていない（第{i}拠点）"
    return f"Finding {i:02d}: backup media at site {i} are kept unencrypted"


@dataclass(frozen=True)
class Built:
    """One dossier built to a file."""

    path: Path
    pages: int
    seconds: float


def _answers() -> dict[str, str]:
    answers: dict[str, str] = {}
    cycle = ("yes", "yes", "partial", "yes", "no")
    for s_index, section in enumerate(SELECTION_QUESTIONNAIRE.sections):
        for q_index, q in enumerate(section.questions):
            kind = q.answer_type.value
            if kind == "yes_no_partial":
                answers[q.key] = "yes" if q.must_pass else cycle[(s_index + q_index) % len(cycle)]
            elif kind == "choice":
                answers[q.key] = q.choices[0].value
            elif kind == "number":
                answers[q.key] = "25"
            elif kind == "date":
                answers[q.key] = "2027-03-31"
            else:
                answers[q.key] = "日本国内のみ"
    return answers


def fill_register(register: Register, work: Path) -> DossierData:
    """Create the dossier's party, its chain, contracts, assessments, audits and evidence; gather the data."""
    uow = register.unit_of_work
    top = parties.create_party(
        uow(),
        PartyInput(name=MIXED_NAME, corporate_number=make_corporate_number("123456789012"), country="JP"),
    )
    notes = "再委託先の管理状況は年1回の報告で確認する。\n" + "詳細は別紙の管理台帳を参照。" * 12
    party = parties.create_party(
        uow(),
        PartyInput(
            name=LONG_JA_NAME,
            name_kana="ヒガシニホンジョウホウショリセンター",
            corporate_number=make_corporate_number("210987654321"),
            country="JP",
            address="東京都千代田区丸の内一丁目1番1号 丸の内テストビルディング12階",
            processing_country="VN",
            data_subjects_approx=1_250_000,
            business_functions=("information_desk", "it_operations", "cloud_hosting"),
            data_categories=("basic_contact", "email", "payment", "medical_history"),
            parent_id=top.id,
            reentrustment_allowed=True,
            owner_department="情報システム部 委託先管理グループ",
            website="https://www.example.co.jp/about/privacy/entrusted-handling/very/long/path/index.html",
            notes=notes,
            contacts=(
                ContactInput(
                    "山田 太郎",
                    "個人情報保護管理者",
                    "コンプライアンス室",
                    "t.yamada@example.co.jp",
                    "03-1234-5678",
                    is_primary=True,
                ),
                ContactInput(
                    "Jane Smith",
                    "Security Officer",
                    "IT Security",
                    "jane.smith@example.com",
                    "+81-3-0000-0000",
                ),
            ),
            certifications=(
                CertificationInput(
                    CertificationKind.PRIVACY_MARK,
                    "第12345678(01)号",
                    issuer="JIPDEC",
                    issued_on=date(2022, 4, 1),
                    expires_on=date(2026, 3, 31),
                ),
                CertificationInput(
                    CertificationKind.ISO_27001,
                    "IS 123456",
                    issuer="BSI",
                    issued_on=date(2024, 6, 1),
                    expires_on=date(2027, 5, 31),
                ),
                CertificationInput(
                    CertificationKind.SOC2,
                    name="SOC 2 Type II (2025)",
                    issuer="Example LLP",
                    issued_on=date(2025, 9, 1),
                    expires_on=date(2026, 5, 15),
                ),
            ),
        ),
    )
    for name in CHILD_NAMES:
        parties.create_party(uow(), PartyInput(name=name, parent_id=party.id))
    keys = [c.key for c in CLAUSES]
    cycle = (Coverage.PRESENT, Coverage.PRESENT, Coverage.PARTIAL, Coverage.MISSING, Coverage.NOT_APPLICABLE)
    for n in range(3):
        coverage = {k: (cycle[(i + n) % len(cycle)], f"第{i + 1}条") for i, k in enumerate(keys)}
        made = contracts.create_contract(
            uow(),
            party.id,
            ContractInput(
                title=f"個人情報の取扱いに関する業務委託契約書（{2024 + n}年度 第{n + 1}号）",
                reference_number=f"CT-{2024 + n}-{n + 1:03d}",
                status=ContractStatus.ACTIVE if n < 2 else ContractStatus.UNDER_NEGOTIATION,
                signed_on=date(2024 + n, 4, 1),
                effective_on=date(2024 + n, 4, 1),
                expires_on=date(2027 + n, 3, 31),
                auto_renewal=n == 0,
                renewal_term_months=12 if n == 0 else None,
                notice_period_days=90,
                retention_until=date(2032, 3, 31),
                reentrustment_allowed=True,
                incident_notice_hours=24,
                notes="別紙「安全管理措置」を含む。" if n == 1 else None,
            ),
            coverage=coverage,
        )
        contracts.set_coverage(
            uow(),
            made.id,
            keys[3],
            Coverage.PARTIAL,
            article="第4条第2項",
            note="目的外利用の禁止は定めるが、委託先従業者への周知義務の記載がない。次回改定で追加予定。",
        )
    selection = assessments.start_assessment(
        uow(), party.id, AssessmentKind.SELECTION, started_on=date(2025, 1, 10), assessor="佐藤 花子"
    )
    assessments.record_answers(uow(), selection.id, _answers())
    assessments.complete_assessment(
        uow(),
        selection.id,
        completed_on=date(2025, 1, 31),
        approver="鈴木 一郎",
        conditions="半年以内に再評価する。",
    )
    periodic = assessments.start_assessment(
        uow(), party.id, AssessmentKind.PERIODIC, started_on=date(2026, 1, 15), assessor="Ken Ito"
    )
    assessments.record_answers(uow(), periodic.id, {k: "yes" for k in list(_answers())[:10]})

    severities = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.OBSERVATION)
    findings = tuple(
        audits.FindingInput(
            title=finding_title(i),
            severity=severities[i % 4],
            description="現地確認の結果、記録の一部が確認できなかった。" if i % 3 == 0 else None,
            requirement_key=keys[i % len(keys)] if i % 5 == 0 else None,
            corrective_action=f"是正計画を提出し、{i}週間以内に棚卸しを完了する。" if i % 2 == 0 else
            "Encrypt the backup media and keep a key-management record.",
            owner="情報システム部" if i % 2 == 0 else "IT operations",
            due_on=date(2026, 1, 1) + timedelta(days=7 * i),
        )
        for i in range(1, 41)
    )  # fmt: skip
    planned = audits.plan_audit(
        uow(),
        party.id,
        method=AuditMethod.ON_SITE,
        planned_on=date(2025, 11, 10),
        auditor="監査室 高橋",
        scope="個人データの取扱い全般（コールセンター業務及びシステム運用）",
        title="2025年度 定期監査（実地）",
    )
    recorded = audits.record_audit(
        uow(),
        planned.id,
        performed_on=date(2025, 11, 12),
        conclusion=AuditConclusion.SATISFACTORY_WITH_FINDINGS,
        participants="監査室 高橋、情報システム部 田中、委託先 山田",
        conclusion_notes="概ね適切だが、指摘事項の是正を求める。",
        findings=findings,
    )
    for f in recorded.findings[:6]:
        audits.close_finding(uow(), f.id, closed_on=date(2026, 2, 1), evidence="是正報告書を受領")
    for f in recorded.findings[:3]:
        audits.verify_finding(uow(), f.id, verified_on=date(2026, 2, 10), verified_by="監査室 高橋")
    audits.plan_audit(uow(), party.id, method=AuditMethod.DOCUMENT_REVIEW, planned_on=date(2026, 11, 1))
    for name, body in (("監査報告書_2025.pdf", b"%PDF-1.4 report"), ("access-review.xlsx", b"PK sheet")):
        source = work / name
        source.write_bytes(body)
        evidence.add_evidence(
            uow(), register.evidence_dir, record_type="supervision_audit", record_id=planned.id,
            source=source, description="2025年度 定期監査の証跡",
        )  # fmt: skip
    current = parties.get_party(uow(), party.id)
    edited = replace(
        current.as_input(), data_subjects_approx=1_300_000, owner_department="情報セキュリティ部"
    )
    parties.update_party(uow(), party.id, edited, expected_version=current.version)
    parties.change_status(uow(), party.id, PartyStatus.UNDER_ASSESSMENT, reason="選定評価を開始")
    parties.change_status(
        uow(),
        party.id,
        PartyStatus.APPROVED,
        reason="選定評価の結果を踏まえ承認",
        override_approver="鈴木 一郎",
    )
    supervision.recompute_all(uow(), today=AS_OF.date())
    # The dossier's data as the app gathers it (the service under test here, too).
    return dossier_data(register, party.id)


def options(language: str, **changes: object) -> ReportOptions:
    """Report options for the tests (as of 1 April 2026, 09:00 JST)."""
    values: dict[str, object] = {
        "language": language,
        "company_name": "カルミ株式会社 (Calmi K.K.)",
        "as_of": AS_OF,
        "prepared_by": "個人情報保護室 中村",
    }
    values.update(changes)
    return ReportOptions(**values)  # type: ignore[arg-type]


def run(*args: str | Path | int) -> str:
    """A poppler tool's standard output (UTF-8)."""
    done = subprocess.run([str(a) for a in args], capture_output=True, check=True, timeout=120)
    return done.stdout.decode("utf-8", errors="replace")


def pdf_info(path: Path) -> dict[str, str]:
    """`pdfinfo -isodates` as a dict."""
    info: dict[str, str] = {}
    for line in run("pdfinfo", "-isodates", path).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdf_text(path: Path, *, raw: bool = True) -> str:
    """The text of the PDF as poppler extracts it (content-stream order with `raw`)."""
    return run("pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else []), path, "-")


def squash(value: str) -> str:
    """`value` without any whitespace (CJK wrapping splits lines anywhere)."""
    return "".join(value.split())
