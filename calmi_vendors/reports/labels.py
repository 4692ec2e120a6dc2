"""Words the reports print for stored values and headings, in English and Japanese; no reportlab here."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Literal

from calmi_vendors.domain.enums import (
    AssessmentKind,
    AssessmentResult,
    AssessmentStatus,
    AuditConclusion,
    AuditMethod,
    AuditStatus,
    CertificationKind,
    ChangeAction,
    ContractStatus,
    Coverage,
    FindingStatus,
    PartyStatus,
    QuestionnaireCategory,
    RiskTier,
    Severity,
)
from calmi_vendors.domain.seed import CERTIFICATION_LABELS

Language = Literal["ja", "en"]

# One (English, Japanese) pair per value of every vocabulary the reports show.
ENUM_LABELS: dict[type[StrEnum], dict[str, tuple[str, str]]] = {
    PartyStatus: {
        PartyStatus.CANDIDATE: ("Candidate", "候補"),
        PartyStatus.UNDER_ASSESSMENT: ("Under assessment", "評価中"),
        PartyStatus.APPROVED: ("Approved", "承認済"),
        PartyStatus.ACTIVE: ("Active", "取引中"),
        PartyStatus.SUSPENDED: ("Suspended", "停止"),
        PartyStatus.TERMINATED: ("Terminated", "終了"),
    },
    RiskTier: {
        RiskTier.HIGH: ("High", "高"),
        RiskTier.MEDIUM: ("Medium", "中"),
        RiskTier.LOW: ("Low", "低"),
    },
    ContractStatus: {
        ContractStatus.DRAFT: ("Draft", "草案"),
        ContractStatus.UNDER_NEGOTIATION: ("Under negotiation", "交渉中"),
        ContractStatus.ACTIVE: ("In force", "有効"),
        ContractStatus.EXPIRED: ("Expired", "期間満了"),
        ContractStatus.TERMINATED: ("Terminated", "解約済"),
    },
    Coverage: {
        Coverage.PRESENT: ("Stipulated", "規定あり"),
        Coverage.PARTIAL: ("Partly stipulated", "一部規定"),
        Coverage.MISSING: ("Missing", "規定なし"),
        Coverage.NOT_APPLICABLE: ("Not applicable", "対象外"),
    },
    Severity: {
        Severity.CRITICAL: ("Critical", "重大"),
        Severity.MAJOR: ("Major", "重要"),
        Severity.MINOR: ("Minor", "軽微"),
        Severity.OBSERVATION: ("Observation", "所見"),
    },
    FindingStatus: {
        FindingStatus.OPEN: ("Open", "未対応"),
        FindingStatus.IN_PROGRESS: ("In progress", "対応中"),
        FindingStatus.CLOSED: ("Closed", "是正済"),
        FindingStatus.VERIFIED: ("Verified", "確認済"),
    },
    AuditMethod: {
        AuditMethod.ON_SITE: ("On-site audit", "実地監査"),
        AuditMethod.REMOTE: ("Remote audit", "リモート監査"),
        AuditMethod.DOCUMENT_REVIEW: ("Document review", "書面監査"),
        AuditMethod.SELF_ASSESSMENT: ("Self-assessment", "自己点検"),
    },
    AuditStatus: {
        AuditStatus.PLANNED: ("Planned", "計画済"),
        AuditStatus.IN_PROGRESS: ("In progress", "実施中"),
        AuditStatus.COMPLETED: ("Completed", "完了"),
        AuditStatus.CANCELLED: ("Cancelled", "中止"),
    },
    AuditConclusion: {
        AuditConclusion.SATISFACTORY: ("Satisfactory", "適切"),
        AuditConclusion.SATISFACTORY_WITH_FINDINGS: (
            "Satisfactory with findings",
            "概ね適切（指摘事項あり）",
        ),
        AuditConclusion.UNSATISFACTORY: ("Unsatisfactory", "不適切"),
    },
    AssessmentKind: {
        AssessmentKind.SELECTION: ("Selection assessment", "選定時評価"),
        AssessmentKind.PERIODIC: ("Periodic assessment", "定期評価"),
    },
    AssessmentStatus: {
        AssessmentStatus.DRAFT: ("Draft", "作成中"),
        AssessmentStatus.SENT_TO_PARTY: ("Sent to the party", "委託先に送付済"),
        AssessmentStatus.IN_REVIEW: ("In review", "審査中"),
        AssessmentStatus.COMPLETED: ("Completed", "完了"),
        AssessmentStatus.CANCELLED: ("Cancelled", "中止"),
    },
    AssessmentResult: {
        AssessmentResult.APPROVED: ("Approved", "承認"),
        AssessmentResult.APPROVED_WITH_CONDITIONS: ("Approved with conditions", "条件付き承認"),
        AssessmentResult.REJECTED: ("Rejected", "不承認"),
    },
    QuestionnaireCategory: {
        QuestionnaireCategory.BASIC_POLICY: ("Basic policy", "基本方針"),
        QuestionnaireCategory.INTERNAL_RULES: ("Internal rules", "規律の整備"),
        QuestionnaireCategory.ORGANISATIONAL: ("Organisational measures", "組織的安全管理措置"),
        QuestionnaireCategory.HUMAN: ("Human measures", "人的安全管理措置"),
        QuestionnaireCategory.PHYSICAL: ("Physical measures", "物理的安全管理措置"),
        QuestionnaireCategory.TECHNICAL: ("Technical measures", "技術的安全管理措置"),
        QuestionnaireCategory.EXTERNAL_ENVIRONMENT: ("External environment", "外的環境の把握"),
        QuestionnaireCategory.REENTRUSTMENT: ("Re-entrustment", "再委託"),
        QuestionnaireCategory.CERTIFICATIONS: ("Certifications", "第三者認証"),
    },
    CertificationKind: {kind: CERTIFICATION_LABELS[kind] for kind in CertificationKind},
    ChangeAction: {
        ChangeAction.INSERT: ("Created", "登録"),
        ChangeAction.UPDATE: ("Changed", "変更"),
        ChangeAction.DELETE: ("Deleted", "削除"),
    },
}

# Headings, field names and phrases; each key is (English, Japanese).
TEXT: dict[str, tuple[str, str]] = {
    # document furniture
    "page_of": ("Page {page} of {total}", "{page} / {total} ページ"),
    "as_of": ("As of {when}", "{when} 現在"),
    "contents": ("Contents", "目次"),
    "title_page": ("Title page", "表紙"),
    "company": ("Company", "会社名"),
    "as_of_label": ("Data as of", "データ基準日時"),
    "prepared_by": ("Prepared by", "作成者"),
    "approval_prepared": ("Prepared", "作成"),
    "approval_reviewed": ("Reviewed", "確認"),
    "approval_approved": ("Approved", "承認"),
    "approval_name": ("Name", "氏名"),
    "approval_date": ("Date", "日付"),
    "yes": ("Yes", "あり"),
    "no": ("No", "なし"),
    "allowed": ("Allowed", "可"),
    "not_allowed": ("Not allowed", "不可"),
    "none_recorded": ("None recorded.", "登録なし。"),
    "continued": ("(continued)", "（続き）"),
    # dossier
    "dossier_title": ("Entrusted party dossier", "委託先個別報告書"),
    "dossier_subject": (
        "Supervision record of an entrusted party as of {when}",
        "委託先の監督状況の記録（{when} 現在）",
    ),
    "dossier_intro": (
        "This dossier sets out what the register holds about the entrusted party named below: its "
        "profile, contracts and clause coverage, assessments, audits and findings, evidence and recent "
        "changes, as recorded on the date shown.",
        "本報告書は、下記委託先について委託先管理台帳に記録された内容（基本情報、委託契約と条項の充足状況、"
        "評価、監査と指摘事項、証跡及び直近の変更履歴）を、記載の基準日時時点でまとめたものである。",
    ),
    "sec_profile": ("Profile", "基本情報"),
    "sec_functions": ("Entrusted work and personal data", "委託業務と取り扱う個人データ"),
    "sec_contacts": ("Contacts", "連絡先"),
    "sec_certifications": ("Certifications", "取得認証"),
    "sec_chain": ("Re-entrustment chain", "再委託の状況"),
    "sec_contracts": ("Contracts and clause coverage", "委託契約と条項の充足状況"),
    "sec_assessments": ("Assessments", "評価の履歴"),
    "sec_audits": ("Audits and findings", "監査と指摘事項"),
    "sec_evidence": ("Evidence files", "証跡ファイル"),
    "sec_history": ("Change history (excerpt)", "変更履歴（抜粋）"),
    # profile fields
    "f_name": ("Name", "名称"),
    "f_name_kana": ("Name (kana)", "フリガナ"),
    "f_corporate_number": ("Corporate number", "法人番号"),
    "f_register_id": ("Register number", "台帳番号"),
    "f_country": ("Country", "所在国"),
    "f_address": ("Address", "所在地"),
    "f_processing_country": ("Country where data is handled", "個人データの取扱国"),
    "f_data_subjects": ("Data subjects (approx.)", "本人の数（概数）"),
    "f_status": ("Status", "状態"),
    "f_tier": ("Risk tier", "リスク区分"),
    "f_tier_reason": ("Basis of the risk tier", "リスク区分の根拠"),
    "f_tier_override": ("Risk tier set by hand", "リスク区分の手動設定"),
    "f_parent": ("Entrusted by (re-entrustment)", "再委託元"),
    "f_reentrustment": ("Re-entrustment", "再委託"),
    "f_owner_department": ("Responsible department", "所管部署"),
    "f_website": ("Website", "ウェブサイト"),
    "f_next_audit": ("Next audit due", "次回監査期限"),
    "f_special_care": ("Special-care personal information", "要配慮個人情報"),
    "f_notes": ("Notes", "備考"),
    "f_created": ("Registered", "登録日時"),
    "f_updated": ("Last changed", "最終更新日時"),
    "tier_override_text": (
        "Computed tier {computed}; set to {tier} by hand: {reason}",
        "算定区分は{computed}。手動で{tier}に設定（理由：{reason}）",
    ),
    "special_care_yes": (
        "Yes (the party handles special-care personal information)",
        "あり（要配慮個人情報を取り扱う）",
    ),
    "special_care_no": ("No", "なし"),
    "subjects_count": ("about {n:,}", "約{n:,}人"),
    "functions": ("Entrusted work", "委託業務"),
    "categories": ("Personal data handled", "取り扱う個人データ"),
    "special_care_mark": ("special care", "要配慮"),
    # contacts
    "c_name": ("Name", "氏名"),
    "c_role": ("Role", "役割"),
    "c_department": ("Department", "部署"),
    "c_email": ("Email", "メールアドレス"),
    "c_phone": ("Telephone", "電話番号"),
    "c_primary": ("Primary contact", "主担当"),
    "no_contacts": ("No contact is recorded.", "連絡先の登録はない。"),
    # certifications
    "no_certifications": ("No certification is recorded.", "取得認証の登録はない。"),
    "cert_kind": ("Certification", "認証の種類"),
    "cert_number": ("Number", "登録番号"),
    "cert_issuer": ("Issuer", "発行機関"),
    "cert_issued": ("Issued", "取得日"),
    "cert_expires": ("Expires", "有効期限"),
    "cert_state": ("Validity", "有効性"),
    "cert_valid": ("Valid", "有効"),
    "cert_expired": ("EXPIRED on {day}", "期限切れ（{day}）"),
    "cert_expiring": ("Valid; expires in {days} days", "有効（残り{days}日）"),
    "cert_no_expiry": ("No expiry date recorded", "有効期限の記録なし"),
    # chain
    "chain_level": ("Level", "次数"),
    "chain_party": ("Party", "委託先"),
    "chain_relation": ("Relation", "関係"),
    "chain_level_n": ("Level {n}", "{n}次"),
    "chain_top": ("Entrusted directly by the company", "当社からの直接の委託先"),
    "chain_parent": ("Re-entrustee of the party above", "上位の委託先からの再委託先"),
    "chain_self": ("This party", "本委託先"),
    "chain_child": ("Re-entrustee of this party", "本委託先からの再委託先"),
    "chain_none": (
        "The company entrusts work to this party directly, and the party re-entrusts none of it.",
        "本委託先は当社からの直接の委託先であり、再委託先の登録はない。",
    ),
    # contracts
    "k_reference": ("Reference number", "契約番号"),
    "k_contract_status": ("Status", "状態"),
    "k_signed": ("Signed", "締結日"),
    "k_effective": ("In force from", "発効日"),
    "k_expires": ("Expires", "満了日"),
    "k_renewal": ("Automatic renewal", "自動更新"),
    "k_notice": ("Notice period", "解約予告期間"),
    "k_retention": ("Data kept until", "保存期限"),
    "k_incident": ("Incident notice", "事故報告期限"),
    "k_contract_reentrustment": ("Re-entrustment", "再委託"),
    "k_contract_notes": ("Notes", "備考"),
    "renewal_yes": ("Yes, for {n} months at a time", "あり（{n}か月ごと）"),
    "renewal_yes_plain": ("Yes", "あり"),
    "days_n": ("{n} days", "{n}日"),
    "hours_n": ("within {n} hours", "{n}時間以内"),
    "cov_no": ("No.", "No."),
    "cov_requirement": ("Requirement", "必要条項"),
    "cov_coverage": ("Coverage", "充足状況"),
    "cov_article": ("Article", "該当条項"),
    "cov_note": ("Note", "備考"),
    "cov_summary": ("Coverage: {parts}.", "充足状況：{parts}。"),
    "cov_none": ("No clause coverage recorded for this contract.", "本契約の条項充足状況は未登録。"),
    "no_contracts": ("No consignment contract is recorded.", "委託契約の登録はない。"),
    "contract_heading": ("Contract: {title}", "契約：{title}"),
    # assessments
    "a_kind": ("Assessment", "評価の種類"),
    "a_status": ("Status", "状態"),
    "a_started": ("Started", "開始日"),
    "a_completed": ("Completed", "完了日"),
    "a_assessor": ("Assessor", "評価者"),
    "a_approver": ("Approver", "承認者"),
    "a_score": ("Score", "得点"),
    "a_result": ("Result", "結果"),
    "a_must_pass": ("A must-pass question failed", "必須項目に不適合あり"),
    "a_conditions": ("Conditions", "条件"),
    "a_heading": ("{kind} of {day}", "{kind}（{day}）"),
    "a_category": ("Category", "区分"),
    "a_points": ("Points", "得点"),
    "a_ratio": ("Ratio", "得点率"),
    "no_assessments": ("No assessment is recorded.", "評価の記録はない。"),
    "score_text": ("{score:g} of {max:g} ({pct:.0%})", "{score:g} / {max:g}（{pct:.0%}）"),
    "scores_by_category": ("Scores by category", "区分別の得点"),
    # audits
    "au_method": ("Method", "監査の方法"),
    "au_status": ("Status", "状態"),
    "au_planned": ("Planned for", "予定日"),
    "au_performed": ("Performed", "実施日"),
    "au_auditor": ("Auditor", "監査担当者"),
    "au_participants": ("Participants", "参加者"),
    "au_scope": ("Scope", "監査範囲"),
    "au_conclusion": ("Conclusion", "結論"),
    "au_conclusion_notes": ("Conclusion notes", "結論の補足"),
    "au_findings": ("Findings", "指摘事項"),
    "au_heading": ("Audit: {title}", "監査：{title}"),
    "au_untitled": ("{method} of {day}", "{method}（{day}）"),
    "no_audits": ("No supervision audit is recorded.", "監査の記録はない。"),
    "no_findings": ("The audit raised no findings.", "指摘事項はない。"),
    "fi_no": ("No.", "No."),
    "fi_title": ("Finding", "指摘事項"),
    "fi_severity": ("Severity", "重要度"),
    "fi_status": ("Status", "状態"),
    "fi_due": ("Due", "期限"),
    "fi_owner": ("Owner", "担当"),
    "fi_action": ("Corrective action", "是正措置"),
    "fi_overdue": ("overdue", "期限超過"),
    "fi_requirement": ("Clause: {title}", "関連条項：{title}"),
    "fi_summary": (
        "{total} findings: {open} still open or in progress.",
        "指摘事項 {total}件（うち未完了 {open}件）。",
    ),
    # evidence
    "ev_file": ("File", "ファイル名"),
    "ev_sha": ("SHA-256", "SHA-256"),
    "ev_added": ("Added", "登録日時"),
    "ev_description": ("Description", "説明"),
    "no_evidence": ("No evidence files.", "証跡ファイルはない。"),
    "ev_intro": (
        "Each file's SHA-256 digest identifies its exact content; a copy whose digest differs is not the "
        "file recorded here.",
        "各ファイルのSHA-256ハッシュ値はその内容を一意に示す。ハッシュ値が異なる写しは、ここに記録されたファイルではない。",
    ),
    # history
    "h_when": ("When", "日時"),
    "h_who": ("By", "変更者"),
    "h_action": ("Action", "操作"),
    "h_record": ("Record", "対象"),
    "h_field": ("Field", "項目"),
    "h_change": ("Change", "変更内容"),
    "h_excerpt": (
        "The latest {shown} of {total} recorded changes, newest first.",
        "記録された変更 {total}件のうち、新しい順に {shown}件を掲載。",
    ),
    "no_history": ("No change is recorded.", "変更の記録はない。"),
    "no_value": ("(none)", "（なし）"),
}

TABLE_LABELS: dict[str, tuple[str, str]] = {
    "entrusted_party": ("Party", "委託先"),
    "contact": ("Contact", "連絡先"),
    "certification": ("Certification", "認証"),
    "consignment_contract": ("Contract", "委託契約"),
    "clause_coverage": ("Clause coverage", "条項の充足状況"),
    "assessment": ("Assessment", "評価"),
    "assessment_answer": ("Assessment answer", "評価の回答"),
    "supervision_audit": ("Audit", "監査"),
    "finding": ("Finding", "指摘事項"),
    "evidence": ("Evidence", "証跡"),
    "status_change": ("Status change", "状態の変更"),
    "reentrustment_approval": ("Re-entrustment approval", "再委託の承認"),
}

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def text(key: str, language: Language, **values: object) -> str:
    """The phrase `key` in `language`, with `values` filled in."""
    phrase = TEXT[key][1 if language == "ja" else 0]
    return phrase.format(**values) if values else phrase


def enum_label(value: StrEnum | None, language: Language) -> str:
    """The printed word for a stored vocabulary value ('' for none); never the raw value."""
    if value is None:
        return ""
    pair = ENUM_LABELS.get(type(value), {}).get(value.value)
    if pair is None:
        return value.value.replace("_", " ").capitalize()
    return pair[1 if language == "ja" else 0]


def table_label(table_name: str, language: Language) -> str:
    """The printed name of a kind of record in the change history."""
    pair = TABLE_LABELS.get(table_name)
    if pair is None:
        return table_name.replace("_", " ").capitalize()
    return pair[1 if language == "ja" else 0]


def yes_no(value: bool, language: Language) -> str:
    """'Yes'/'No' ('あり'/'なし')."""
    return text("yes" if value else "no", language)


def format_date(day: date | None, language: Language) -> str:
    """2026年4月1日 in Japanese, 1 Apr 2026 in English ('' for none)."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = day.date()
    if language == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _offset_text(moment: datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        return ""
    if offset == timedelta(0):
        return "UTC"
    if offset == timedelta(hours=9):
        return "JST"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


def format_datetime(moment: datetime | None, language: Language) -> str:
    """A date and time as printed (2026年4月1日 9:00 / 1 Apr 2026 09:00), with its offset when known."""
    if moment is None:
        return ""
    zone = _offset_text(moment)
    hour = f"{moment.hour}" if language == "ja" else f"{moment.hour:02d}"
    core = f"{format_date(moment.date(), language)} {hour}:{moment.minute:02d}"
    return f"{core} {zone}" if zone else core
