"""The supervision audit report: one audit's scope, findings, corrective actions, conclusion, signatures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from calmi_vendors.domain.enums import FindingStatus, Severity
from calmi_vendors.domain.lifecycle import OPEN_FINDING_STATUSES
from calmi_vendors.reports._report_parts import centred, count_table
from calmi_vendors.reports._supervision_words import word
from calmi_vendors.reports.document import (
    KEY_FILL,
    MUTED,
    Cell,
    ReportDocument,
    ReportOptions,
    SealBox,
    data_table,
    esc,
    kv_table,
    rich,
)
from calmi_vendors.reports.labels import Language, enum_label, format_date, format_datetime, text
from calmi_vendors.services.audit_report import AuditReportData, ReportFinding

SEVERITY_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.OBSERVATION)
# The word is always printed; colour only repeats it for the eye.
_SEVERITY_COLOUR = {Severity.CRITICAL: "#9B1C1C", Severity.MAJOR: "#8A5A00"}
_SEAL = 20 * mm


def audit_title(data: AuditReportData, language: Language) -> str:
    """The audit's own title, or one made of its method and date."""
    if data.title:
        return data.title
    method = enum_label(data.method, language)
    day = data.performed_on or data.planned_on
    if day is None:
        return word("au_untitled_planned", language, method=method)
    return word("au_untitled", language, method=method, day=format_date(day, language))


class _AuditReport:
    """Builds the story of one audit report."""

    def __init__(self, data: AuditReportData, doc: ReportDocument) -> None:
        self.data = data
        self.doc = doc
        self.lang: Language = doc.language
        self.st = doc.styles
        self.width = doc.content_width
        self.today: date = doc.options.as_of.date()

    # -- small helpers

    def w(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def day(self, value: date | None) -> str:
        return format_date(value, self.lang)

    def label(self, value: StrEnum | None) -> str:
        return enum_label(value, self.lang)

    def paren(self, value: str) -> str:
        return f"（{value}）" if self.lang == "ja" else f" ({value})"

    def kv(self, rows: Sequence[tuple[str, Cell]], key_share: float = 0.28) -> Flowable:
        kept = [(k, v) for k, v in rows if v not in (None, "")]
        return kv_table(kept, styles=self.st, width=self.width, key_share=key_share)

    def is_overdue(self, f: ReportFinding) -> bool:
        return f.status in OPEN_FINDING_STATUSES and f.due_on is not None and f.due_on < self.today

    # -- the story

    def story(self) -> list[Flowable]:
        d = self.data
        facts: list[tuple[str, str]] = [(self.w("f_party"), d.party.name)]
        if d.party.corporate_number:
            facts.append((self.t("f_corporate_number"), d.party.corporate_number))
        facts.append((self.t("au_method"), self.label(d.method)))
        facts.append((self.t("au_performed"), self.day(d.performed_on) or self.w("not_performed")))
        if d.auditor:
            facts.append((self.t("au_auditor"), d.auditor))
        if d.conclusion:
            facts.append((self.t("au_conclusion"), self.label(d.conclusion)))
        story = self.doc.title_page(
            kicker=self.w("au_report"), name=audit_title(d, self.lang), facts=facts, intro=self.w("au_intro")
        )
        story += self.summary()
        story += self.by_severity()
        story += self.findings()
        story += self.conclusion()
        story += self.evidence()
        story += self.signatures()
        return story

    def summary(self) -> list[Flowable]:
        d, p = self.data, self.data.party
        functions = "\n".join(ja if self.lang == "ja" else en for en, ja in p.business_functions)
        rows: list[tuple[str, Cell]] = [
            (self.w("f_audit_no"), f"#{d.audit_id}"),
            (self.w("f_title"), audit_title(d, self.lang)),
            (self.w("f_party"), p.name),
            (self.t("f_corporate_number"), p.corporate_number),
            (self.t("f_tier"), self.label(p.tier)),
            (self.w("f_party_status"), self.label(p.status)),
            (self.t("functions"), functions),
            (self.t("au_method"), self.label(d.method)),
            (self.w("f_audit_status"), self.label(d.status)),
            (self.t("au_planned"), self.day(d.planned_on)),
            (self.t("au_performed"), self.day(d.performed_on) or self.w("not_performed")),
            (self.t("au_auditor"), d.auditor),
            (self.t("au_participants"), d.participants),
            (self.t("au_scope"), d.scope),
            (self.w("f_batch"), d.batch_label),
        ]
        return [*self.doc.heading(self.w("sec_summary")), self.kv(rows)]

    def by_severity(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.w("sec_by_severity"))]
        items = self.data.findings
        if not items:
            out.append(rich(esc(self.t("no_findings")), self.st.body))
            return out
        open_total = sum(1 for f in items if f.status in OPEN_FINDING_STATUSES)
        overdue_total = sum(1 for f in items if self.is_overdue(f))
        summary = self.w("fi_summary", total=len(items), open=open_total, overdue=overdue_total)
        out.append(rich(esc(summary), self.st.body))
        rows: list[list[Cell]] = []
        for severity in (*SEVERITY_ORDER, None):
            group = [f for f in items if severity is None or f.severity is severity]
            name = self.severity_cell(severity) if severity else self.w("sv_all")
            rows.append(
                [
                    name,
                    str(len(group)),
                    str(sum(1 for f in group if f.status in OPEN_FINDING_STATUSES)),
                    str(sum(1 for f in group if f.status is FindingStatus.CLOSED)),
                    str(sum(1 for f in group if f.status is FindingStatus.VERIFIED)),
                    str(sum(1 for f in group if self.is_overdue(f))),
                ]
            )
        header = [self.w(k) for k in ("sv_severity", "sv_total", "sv_open", "sv_closed", "sv_verified")]
        header.append(self.w("sv_overdue"))
        out.append(
            count_table(
                header, rows, [28, 14, 16, 14, 14, 14], styles=self.st, width=self.width, total_row=True
            )
        )
        return out

    def severity_cell(self, severity: Severity) -> Cell:
        colour = _SEVERITY_COLOUR.get(severity)
        if colour is None:
            return self.label(severity)
        return rich(f"<font color='{colour}'>{esc(self.label(severity))}</font>", self.st.td)

    def finding_cell(self, f: ReportFinding) -> Paragraph:
        parts = [esc(f.title)]
        small = "<font size='7.5' color='#5A6572'>{}</font>"
        if f.description:
            parts.append(small.format(esc(f.description)))
        if f.requirement:
            title = f.requirement[1] if self.lang == "ja" else f.requirement[0]
            parts.append(small.format(esc(self.t("fi_requirement", title=title))))
        return rich("<br/>".join(parts), self.st.td)

    def action_cell(self, f: ReportFinding) -> Paragraph:
        parts = [esc(f.corrective_action or self.w("fi_no_action"))]
        if f.owner:
            parts.append(esc(self.w("fi_owner", owner=f.owner)))
        if f.due_on:
            due = self.w("fi_due", day=self.day(f.due_on))
            if self.is_overdue(f):
                due += self.paren(self.t("fi_overdue"))
            parts.append(esc(due))
        return rich("<br/>".join(parts), self.st.td)

    def status_cell(self, f: ReportFinding) -> Paragraph:
        parts = [esc(self.label(f.status))]
        small = "<font size='7.5' color='#5A6572'>{}</font>"
        if f.closed_on:
            parts.append(esc(self.w("fi_closed", day=self.day(f.closed_on))))
        if f.closure_evidence:
            parts.append(small.format(esc(self.w("fi_evidence", text=f.closure_evidence))))
        if f.verified_on:
            who = f.verified_by or "—"
            parts.append(esc(self.w("fi_verified", day=self.day(f.verified_on), who=who)))
        return rich("<br/>".join(parts), self.st.td)

    def findings(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.w("sec_findings"))]
        items = sorted(self.data.findings, key=lambda f: (SEVERITY_ORDER.index(f.severity), f.number))
        if not items:
            out.append(rich(esc(self.t("no_findings")), self.st.body))
            return out
        out.append(rich(esc(self.w("fi_order")), self.st.muted))
        rows: list[list[Cell]] = [
            [
                str(f.number),
                self.finding_cell(f),
                self.severity_cell(f.severity),
                self.action_cell(f),
                self.status_cell(f),
            ]
            for f in items
        ]
        header = [self.t("fi_no"), self.t("fi_title"), self.t("fi_severity")]
        header += [self.w("fi_action_head"), self.w("fi_status_head")]
        emphasis = [i for i, f in enumerate(items) if self.is_overdue(f)]
        out += data_table(
            header,
            rows,
            [5, 33, 13, 28, 21],
            styles=self.st,
            width=self.width,
            align=["RIGHT", "LEFT", "LEFT", "LEFT", "LEFT"],
            emphasis=emphasis,
        )
        return out

    def conclusion(self) -> list[Flowable]:
        d = self.data
        heading = self.doc.heading(self.w("sec_conclusion"))
        if d.conclusion is None and not d.conclusion_notes:
            return [*heading, rich(esc(self.w("no_conclusion")), self.st.body)]
        rows: list[tuple[str, Cell]] = [
            (self.t("au_conclusion"), self.label(d.conclusion)),
            (self.t("au_conclusion_notes"), d.conclusion_notes),
        ]
        return [KeepTogether([*heading, self.kv(rows)])]

    def evidence(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.t("sec_evidence"))]
        items = self.data.evidence
        if not items:
            out.append(rich(esc(self.t("no_evidence")), self.st.body))
            return out
        out.append(rich(esc(self.t("ev_intro")), self.st.muted))
        rows: list[list[Cell]] = []
        for e in items:
            where = self.w("ev_finding", n=e.finding_number) if e.finding_number else self.w("ev_this_audit")
            digest = (e.sha256[:32], e.sha256[32:]) if len(e.sha256) == 64 else (e.sha256,)
            rows.append(
                [
                    e.file_name,
                    rich("<br/>".join(esc(part) for part in digest), self.st.mono),
                    where,
                    format_datetime(e.added_at, self.lang),
                ]
            )
        header = [self.t("ev_file"), self.t("ev_sha"), self.w("ev_attached"), self.t("ev_added")]
        out += data_table(header, rows, [27, 35, 16, 22], styles=self.st, width=self.width)
        return out

    def signatures(self) -> list[Flowable]:
        block: list[Flowable] = [
            *self.doc.heading(self.w("sec_signatures")),
            rich(esc(self.w("sig_intro")), self.st.body),
            Spacer(1, 3 * mm),
            self.signature_table(),
        ]
        return [KeepTogether(block)]

    def signature_table(self) -> Table:
        """Auditor and party side by side: organisation, name and date lines beside a seal box (印)."""
        colon = "：" if self.lang == "ja" else ": "
        blank = "&nbsp;" * 6
        if self.lang == "ja":
            blank = f"{blank}年&nbsp;&nbsp;&nbsp;&nbsp;月&nbsp;&nbsp;&nbsp;&nbsp;日"

        def line(label: str, value: str) -> Paragraph:
            return rich(f"<font color='#5A6572'>{esc(label)}{colon}</font>{value}", self.st.td)

        def seal() -> list[Flowable]:
            return [
                SealBox(_SEAL),
                Spacer(1, 1.5 * mm),
                rich(esc(self.w("sig_seal")), centred(self.st.small)),
            ]

        sides = (
            (self.w("sig_auditor"), self.doc.options.company_name, self.data.auditor or ""),
            (self.w("sig_party"), self.data.party.name, ""),
        )
        (role_a, org_a, name_a), (role_b, org_b, name_b) = sides
        gap = 6 * mm
        seal_col = _SEAL + 8 * mm
        text_col = (self.width - gap) / 2 - seal_col
        data: list[list[Any]] = [
            [
                rich(esc(role_a), self.st.approval_label),
                "",
                "",
                rich(esc(role_b), self.st.approval_label),
                "",
            ],
            [line(self.w("sig_org"), esc(org_a)), seal(), "", line(self.w("sig_org"), esc(org_b)), seal()],
            [
                line(self.t("approval_name"), esc(name_a)),
                "",
                "",
                line(self.t("approval_name"), esc(name_b)),
                "",
            ],
            [line(self.t("approval_date"), blank), "", "", line(self.t("approval_date"), blank), ""],
        ]
        cmds: list[Any] = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 1), (-1, -1), 2.5 * mm),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 2 * mm),
        ]
        for first in (0, 3):
            last = first + 1
            cmds += [
                ("SPAN", (first, 0), (last, 0)),
                ("SPAN", (last, 1), (last, 3)),
                ("BACKGROUND", (first, 0), (last, 0), KEY_FILL),
                ("BOX", (first, 0), (last, 3), 0.6, MUTED),
                ("LINEBELOW", (first, 0), (last, 0), 0.6, MUTED),
                ("LINEBELOW", (first, 1), (first, 2), 0.4, MUTED),
            ]
        widths = [text_col, seal_col, gap, text_col, seal_col]
        return Table(data, colWidths=widths, style=TableStyle(cmds), hAlign="LEFT")


def build_audit_report(data: AuditReportData, options: ReportOptions, out: Path | BinaryIO) -> int:
    """Write the audit report of `data` as a PDF to `out`; the number of pages."""
    language = options.language
    kind = word("au_report", language)
    sep = "：" if language == "ja" else ": "
    name = audit_title(data, language)
    when = format_datetime(options.as_of, language)
    doc = ReportDocument(
        out,
        options,
        title=f"{kind}{sep}{name}",
        subject=word("au_subject", language, party=data.party.name, when=when),
        header_title=f"{kind}{sep}{data.party.name}",
        keywords=[kind, data.party.name, f"#{data.audit_id}"],
    )
    return doc.build_report(_AuditReport(data, doc).story())
