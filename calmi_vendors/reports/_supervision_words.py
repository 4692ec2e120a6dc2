"""Words of the audit report and the program review report, in English and Japanese; no reportlab here."""

from __future__ import annotations

from calmi_vendors.domain.enums import ActionStatus
from calmi_vendors.reports.labels import Language

# Each key is (English, Japanese); the shared furniture words stay in labels.TEXT.
WORDS: dict[str, tuple[str, str]] = {
    # -- audit report
    "au_report": ("Supervision audit report", "委託先監査報告書"),
    "au_subject": (
        "Supervision audit of {party} as of {when}",
        "{party}に対する委託先監査の報告（{when} 現在）",
    ),
    "au_intro": (
        "This report records a supervision audit of the entrusted party named below, made as part of the "
        "company's supervision of parties it entrusts with personal data (APPI Article 25): the scope and "
        "method of the audit, its findings, the corrective actions agreed, and the auditor's conclusion.",
        "本報告書は、個人データの取扱いを委託した委託先に対する監督（個人情報保護法第25条）の一環として実施した"
        "監査について、監査の範囲と方法、指摘事項、合意した是正措置及び監査の結論を記録したものである。",
    ),
    "au_untitled": ("{method} of {day}", "{method}（{day}）"),
    "au_untitled_planned": ("{method} (planned)", "{method}（予定）"),
    "sec_summary": ("Audit summary", "監査の概要"),
    "sec_by_severity": ("Findings by severity", "重要度別の指摘事項"),
    "sec_findings": ("Findings and corrective actions", "指摘事項と是正措置"),
    "sec_conclusion": ("Conclusion", "監査の結論"),
    "sec_signatures": ("Confirmation and signatures", "確認及び署名"),
    "f_audit_no": ("Audit number", "監査番号"),
    "f_title": ("Title", "件名"),
    "f_party": ("Entrusted party", "委託先"),
    "f_batch": ("Audit plan (batch)", "監査計画（バッチ）"),
    "f_party_status": ("Status of the party", "委託先の状態"),
    "f_audit_status": ("Status of the audit", "監査の状態"),
    "not_performed": ("Not performed yet", "未実施"),
    "no_conclusion": ("No conclusion recorded yet.", "結論は未記載。"),
    "sv_severity": ("Severity", "重要度"),
    "sv_total": ("Findings", "件数"),
    "sv_open": ("Open or in progress", "未完了"),
    "sv_closed": ("Closed", "是正済"),
    "sv_verified": ("Verified", "確認済"),
    "sv_overdue": ("Past due", "期限超過"),
    "sv_all": ("All findings", "合計"),
    "fi_summary": (
        "{total} findings: {open} still open or in progress, {overdue} of them past their due date.",
        "指摘事項 {total}件（うち未完了 {open}件、期限超過 {overdue}件）。",
    ),
    "fi_order": (
        "Findings are listed by severity, most serious first; each keeps its number in the audit.",
        "指摘事項は重要度の高い順に掲載する。番号は監査における指摘の番号である。",
    ),
    "fi_owner": ("Owner: {owner}", "担当：{owner}"),
    "fi_due": ("Due: {day}", "期限：{day}"),
    "fi_closed": ("Closed on {day}", "是正日：{day}"),
    "fi_evidence": ("Evidence: {text}", "是正の証跡：{text}"),
    "fi_verified": ("Verified on {day} by {who}", "確認日：{day}（確認者：{who}）"),
    "fi_no_action": ("No corrective action recorded.", "是正措置の記録なし。"),
    "fi_action_head": ("Corrective action, owner and due date", "是正措置・担当・期限"),
    "fi_status_head": ("Status and closure", "状態・是正の確認"),
    "ev_attached": ("Attached to", "添付先"),
    "ev_this_audit": ("This audit", "本監査"),
    "ev_finding": ("Finding No. {n}", "指摘事項 No.{n}"),
    "sig_intro": (
        "The auditor and the entrusted party confirm the findings and the corrective actions recorded in "
        "this report. The entrusted party reports the completion of each corrective action, with its "
        "evidence, by the due date shown.",
        "監査実施者及び委託先は、本報告書に記載した指摘事項及び是正措置の内容を確認した。委託先は、各是正措置の"
        "完了を、記載の期限までに証跡を添えて報告する。",
    ),
    "sig_auditor": ("For the company: auditor", "監査実施者（当社）"),
    "sig_party": ("For the entrusted party", "委託先"),
    "sig_org": ("Organisation", "会社名・所属"),
    "sig_seal": ("Seal or signature", "印"),
    # -- program review report
    "pr_report": ("Supervision program review", "委託先監督の年次見直し報告書"),
    "pr_year": ("Fiscal year {year}", "{year}年度"),
    "pr_period": ("{start} to {end}", "{start}～{end}"),
    "pr_subject": (
        "Yearly review of the supervision of entrusted parties, fiscal year {year}",
        "{year}年度 委託先の監督に関する年次見直し",
    ),
    "pr_intro": (
        "This report records the yearly review of how the company supervises the parties it entrusts with "
        "personal data: the figures taken from the register on {day}, the reviewer's findings and "
        "conclusions, and the actions decided. The figures are a snapshot and do not change when the "
        "register does.",
        "本報告書は、個人データの取扱いを委託した委託先に対する監督の仕組みについて実施した年次見直しの記録であり、"
        "{day}時点で委託先管理台帳から取得した指標、見直しの所見と結論、及び決定した改善措置をまとめたもの"
        "である。指標は取得時点の記録であり、その後の台帳の変更により変わらない。",
    ),
    "pr_fiscal_year": ("Fiscal year", "対象年度"),
    "pr_period_label": ("Period", "対象期間"),
    "pr_review_date": ("Review date", "見直し実施日"),
    "pr_reviewer": ("Reviewer", "見直し実施者"),
    "pr_approved_by": ("Approved by", "承認者"),
    "pr_metrics_taken": ("Figures taken on", "指標の取得日"),
    "pr_not_approved": ("Not approved yet", "未承認"),
    "sec_key_figures": ("Key figures", "主要指標"),
    "sec_parties": ("Entrusted parties", "委託先の状況"),
    "sec_audits": ("Supervision audits", "監査の実施状況"),
    "sec_pr_findings": ("Audit findings", "指摘事項の状況"),
    "sec_contracts": ("Contracts, assessments and re-entrustment", "契約・評価・再委託の状況"),
    "sec_review": ("Findings and conclusions of the review", "見直しの所見と結論"),
    "sec_actions": ("Actions decided", "改善措置"),
    "sec_approval": ("Approval", "承認"),
    "m_item": ("Item", "項目"),
    "m_value": ("Value", "値"),
    "m_parties_total": ("Parties in the register", "登録委託先数"),
    "m_supervised": (
        "Parties under supervision (approved, active or suspended)",
        "監督対象の委託先数（承認済・取引中・停止）",
    ),
    "m_audits_due": ("Audits due in the year", "年度内に実施すべき監査"),
    "m_audits_done": ("Audits completed in the year", "年度内に完了した監査"),
    "m_parties_audited": ("Parties audited in the year", "年度内に監査した委託先数"),
    "m_audits_outstanding": (
        "Audits still owed (due by the year's end)",
        "未実施の監査（年度末までに期限到来）",
    ),
    "m_audits_overdue": ("Of those, overdue on {day}", "うち{day}時点で期限超過"),
    "m_audits_planned": ("Audits planned for the year", "年度内に予定された監査"),
    "m_audit_rate": ("Audits completed against due", "監査実施率（完了／実施すべき件数）"),
    "m_findings_raised": ("Findings raised in the year", "年度内に指摘した事項"),
    "m_findings_closed": ("Findings closed in the year", "年度内に是正された事項"),
    "m_findings_open": ("Findings open on {day}", "{day}時点の未完了の指摘事項"),
    "m_findings_overdue": ("Findings past due on {day}", "{day}時点で期限超過の指摘事項"),
    "m_clause_gaps": ("Clause gaps in live contracts", "有効な契約の条項不足"),
    "m_contracts_with_gaps": ("Contracts with gaps", "条項不足のある契約"),
    "m_parties_with_gaps": ("Parties with gaps", "条項不足のある委託先"),
    "m_assessments_done": ("Assessments completed in the year", "年度内に完了した評価"),
    "m_selection": ("Selection assessments", "選定時評価"),
    "m_periodic": ("Periodic assessments", "定期評価"),
    "m_rejected": ("Assessments with a rejecting result", "不承認となった評価"),
    "m_reentrustees": ("Re-entrustees in the register", "再委託先の数"),
    "m_reentrustees_approved": ("Re-entrustees with a recorded approval", "再委託の承認記録がある再委託先"),
    "m_count": ("Parties", "委託先数"),
    "m_share": ("Share", "構成比"),
    "m_tier": ("Risk tier", "リスク区分"),
    "m_status": ("Status", "状態"),
    "m_not_tiered": ("Not yet tiered", "未判定"),
    "m_month": ("Month", "月"),
    "m_done": ("Completed", "完了"),
    "m_planned": ("Planned", "予定"),
    "m_method": ("Method", "方法"),
    "m_raised": ("Raised in the year", "年度内の指摘"),
    "m_closed": ("Closed in the year", "年度内の是正"),
    "m_open": ("Open", "未完了"),
    "m_overdue": ("Past due", "期限超過"),
    "m_total": ("Total", "合計"),
    "m_none": ("—", "—"),
    "m_findings_note": (
        "Raised and closed count the fiscal year's findings; open and past due count the findings of every "
        "year still open on {day}.",
        "指摘・是正の件数は対象年度のもの、未完了・期限超過の件数は{day}時点で未完了の全年度の指摘事項である。",
    ),
    "chart_tiers": ("Parties by risk tier", "リスク区分別の委託先数"),
    "chart_months": ("Audits by month: completed and planned", "月別の監査（完了・予定）"),
    "chart_severity": ("Findings by severity", "重要度別の指摘事項"),
    "no_metrics": ("No figures were taken for this review.", "本見直しの指標は取得されていない。"),
    "no_review_text": ("Not written yet.", "未記載。"),
    "rv_findings": ("Findings of the review", "見直しの所見"),
    "rv_conclusions": ("Conclusions", "結論"),
    "ac_no": ("No.", "No."),
    "ac_description": ("Action", "改善措置"),
    "ac_owner": ("Owner", "担当"),
    "ac_due": ("Due", "期限"),
    "ac_status": ("Status", "状態"),
    "no_actions": ("The review decided no action.", "改善措置の決定はない。"),
}

ACTION_STATUS: dict[ActionStatus, tuple[str, str]] = {
    ActionStatus.OPEN: ("Open", "未完了"),
    ActionStatus.DONE: ("Done", "完了"),
    ActionStatus.DROPPED: ("Dropped", "取りやめ"),
}


def word(key: str, language: Language, **values: object) -> str:
    """The phrase `key` of these reports in `language`, with `values` filled in."""
    phrase = WORDS[key][1 if language == "ja" else 0]
    return phrase.format(**values) if values else phrase


def action_status(value: ActionStatus, language: Language) -> str:
    """The printed word for a review action's status."""
    return ACTION_STATUS[value][1 if language == "ja" else 0]
