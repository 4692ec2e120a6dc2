"""The program review report: one fiscal year's supervision figures, review conclusions, actions, approval."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from calmi_vendors.domain.enums import RiskTier
from calmi_vendors.reports._report_parts import Series, bar_chart, count_table
from calmi_vendors.reports._supervision_words import action_status, word
from calmi_vendors.reports.document import (
    Cell,
    ReportDocument,
    ReportOptions,
    approval_block,
    data_table,
    esc,
    kv_table,
    rich,
)
from calmi_vendors.reports.labels import Language, enum_label, format_date, format_datetime
from calmi_vendors.services.program_review import ProgramMetrics, ProgramReviewView

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def review_name(review: ProgramReviewView, language: Language) -> str:
    """'Fiscal year 2025' / '2025年度'."""
    return word("pr_year", language, year=review.fiscal_year)


def _month(day: date, language: Language) -> str:
    return f"{day.month}月" if language == "ja" else _MONTHS_EN[day.month - 1]


class _ProgramReport:
    """Builds the story of one program review report."""

    def __init__(self, review: ProgramReviewView, doc: ReportDocument) -> None:
        self.review = review
        self.doc = doc
        self.lang: Language = doc.language
        self.st = doc.styles
        self.width = doc.content_width

    def w(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)

    def day(self, value: date | None) -> str:
        return format_date(value, self.lang)

    def label(self, value: StrEnum | None) -> str:
        return enum_label(value, self.lang)

    def n(self, value: int) -> str:
        return f"{value:,}"

    def pct(self, part: int, whole: int) -> str:
        return f"{part / whole:.0%}" if whole else self.w("m_none")

    def counts(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        total: bool = False,
    ) -> Flowable:
        # Two-column tables stay narrow: a number far from its label is hard to read across.
        width = self.width * (0.7 if len(header) == 2 else 1.0)
        table = count_table(header, rows, widths, styles=self.st, width=width, total_row=total)
        return KeepTogether([table]) if len(rows) <= 16 else table

    def period(self, m: ProgramMetrics | None) -> str:
        if m is None:
            return ""
        return self.w("pr_period", start=self.day(m.period_start), end=self.day(m.period_end))

    # -- the story

    def story(self) -> list[Flowable]:
        r, m = self.review, self.review.metrics
        facts: list[tuple[str, str]] = [(self.w("pr_fiscal_year"), review_name(r, self.lang))]
        if m is not None:
            facts.append((self.w("pr_period_label"), self.period(m)))
        facts.append((self.w("pr_review_date"), self.day(r.review_date)))
        if r.reviewer:
            facts.append((self.w("pr_reviewer"), r.reviewer))
        facts.append((self.w("pr_approved_by"), r.approved_by or self.w("pr_not_approved")))
        intro_day = self.day(m.as_of) if m is not None else self.day(r.review_date)
        story = self.doc.title_page(
            kicker=self.w("pr_report"),
            name=review_name(r, self.lang),
            facts=facts,
            intro=self.w("pr_intro", day=intro_day),
            approval=False,
        )
        if m is None:
            story += [
                *self.doc.heading(self.w("sec_key_figures")),
                rich(esc(self.w("no_metrics")), self.st.body),
            ]
        else:
            story += self.key_figures(m)
            story += self.parties(m)
            story += self.audits(m)
            story += self.findings(m)
            story += self.contracts(m)
        story += self.conclusions()
        story += self.actions()
        story += self.approval()
        return story

    def key_figures(self, m: ProgramMetrics) -> list[Flowable]:
        as_of = self.day(m.as_of)
        rows: list[list[Cell]] = [
            [self.w("m_parties_total"), self.n(m.parties_total)],
            [self.w("m_supervised"), self.n(m.supervised)],
            [self.w("m_audits_due"), self.n(m.audits_due)],
            [self.w("m_audits_done"), self.n(m.audits_done)],
            [self.w("m_audit_rate"), self.pct(m.audits_done, m.audits_due)],
            [self.w("m_audits_outstanding"), self.n(m.audits_outstanding)],
            [self.w("m_findings_raised"), self.n(m.total("raised"))],
            [self.w("m_findings_closed"), self.n(m.total("closed"))],
            [self.w("m_findings_open", day=as_of), self.n(m.total("open"))],
            [self.w("m_findings_overdue", day=as_of), self.n(m.total("overdue"))],
            [self.w("m_clause_gaps"), self.n(m.clause_gaps)],
            [self.w("m_assessments_done"), self.n(m.assessments_done)],
            [self.w("m_reentrustees"), self.n(m.reentrustees)],
        ]
        half = (self.width - 8 * mm) / 2
        tiers = bar_chart(
            self.w("chart_tiers"),
            [self.tier_name(t) for t, _ in m.parties_by_tier],
            [Series(self.w("m_count"), [n for _, n in m.parties_by_tier])],
            width=half,
            height=58 * mm,
        )
        severity = bar_chart(
            self.w("chart_severity"),
            [self.label(s.severity) for s in m.findings],
            [
                Series(self.w("m_raised"), [s.raised for s in m.findings]),
                Series(self.w("m_closed"), [s.closed for s in m.findings]),
                Series(self.w("m_open"), [s.open for s in m.findings]),
            ],
            width=half,
            height=58 * mm,
        )
        charts = Table(
            [[tiers, "", severity]],
            colWidths=[half, 8 * mm, half],
            style=TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]),
            hAlign="LEFT",
        )
        return [
            *self.doc.heading(self.w("sec_key_figures")),
            self.counts([self.w("m_item"), self.w("m_value")], rows, [78, 22]),
            KeepTogether([Spacer(1, 2 * mm), charts]),
        ]

    def tier_name(self, tier: RiskTier | None) -> str:
        return self.label(tier) if tier is not None else self.w("m_not_tiered")

    def parties(self, m: ProgramMetrics) -> list[Flowable]:
        total = m.parties_total
        tier_rows: list[list[Cell]] = [
            [self.tier_name(t), self.n(n), self.pct(n, total)] for t, n in m.parties_by_tier
        ]
        tier_rows.append([self.w("m_total"), self.n(total), self.pct(total, total)])
        status_rows: list[list[Cell]] = [
            [self.label(s), self.n(n), self.pct(n, total)] for s, n in m.parties_by_status
        ]
        status_rows.append([self.w("m_total"), self.n(total), self.pct(total, total)])
        share = [self.w("m_count"), self.w("m_share")]
        return [
            *self.doc.heading(self.w("sec_parties")),
            self.counts([self.w("m_tier"), *share], tier_rows, [60, 20, 20], total=True),
            self.counts([self.w("m_status"), *share], status_rows, [60, 20, 20], total=True),
        ]

    def audits(self, m: ProgramMetrics) -> list[Flowable]:
        as_of = self.day(m.as_of)
        figures: list[list[Cell]] = [
            [self.w("m_audits_due"), self.n(m.audits_due)],
            [self.w("m_audits_done"), self.n(m.audits_done)],
            [self.w("m_audit_rate"), self.pct(m.audits_done, m.audits_due)],
            [self.w("m_parties_audited"), self.n(m.parties_audited)],
            [self.w("m_audits_outstanding"), self.n(m.audits_outstanding)],
            [self.w("m_audits_overdue", day=as_of), self.n(m.audits_overdue)],
            [self.w("m_audits_planned"), self.n(m.audits_planned)],
        ]
        by_method: list[list[Cell]] = [[self.label(k), self.n(n)] for k, n in m.audits_by_method]
        by_method.append([self.w("m_total"), self.n(m.audits_done)])
        months = [_month(row.month, self.lang) for row in m.audits_by_month]
        chart = bar_chart(
            self.w("chart_months"),
            months,
            [
                Series(self.w("m_done"), [row.done for row in m.audits_by_month]),
                Series(self.w("m_planned"), [row.planned for row in m.audits_by_month]),
            ],
            width=self.width,
            height=62 * mm,
        )
        month_rows: list[list[Cell]] = [
            [self.month_name(row.month), self.n(row.done), self.n(row.planned)] for row in m.audits_by_month
        ]
        month_rows.append(
            [
                self.w("m_total"),
                self.n(sum(r.done for r in m.audits_by_month)),
                self.n(sum(r.planned for r in m.audits_by_month)),
            ]
        )
        return [
            *self.doc.heading(self.w("sec_audits")),
            self.counts([self.w("m_item"), self.w("m_value")], figures, [78, 22]),
            self.counts([self.w("m_method"), self.w("m_done")], by_method, [78, 22], total=True),
            KeepTogether([chart, Spacer(1, 3 * mm)]),
            self.counts(
                [self.w("m_month"), self.w("m_done"), self.w("m_planned")],
                month_rows,
                [56, 22, 22],
                total=True,
            ),
        ]

    def month_name(self, month: date) -> str:
        if self.lang == "ja":
            return f"{month.year}年{month.month}月"
        return f"{_MONTHS_EN[month.month - 1]} {month.year}"

    def findings(self, m: ProgramMetrics) -> list[Flowable]:
        rows: list[list[Cell]] = [
            [self.label(s.severity), self.n(s.raised), self.n(s.closed), self.n(s.open), self.n(s.overdue)]
            for s in m.findings
        ]
        totals: list[Cell] = [self.n(m.total(k)) for k in ("raised", "closed", "open", "overdue")]
        rows.append([self.w("m_total"), *totals])
        header = [self.w("sv_severity"), self.w("m_raised"), self.w("m_closed")]
        header += [self.w("m_open"), self.w("m_overdue")]
        return [
            *self.doc.heading(self.w("sec_pr_findings")),
            self.counts(header, rows, [32, 17, 17, 17, 17], total=True),
            rich(esc(self.w("m_findings_note", day=self.day(m.as_of))), self.st.muted),
        ]

    def contracts(self, m: ProgramMetrics) -> list[Flowable]:
        rows: list[list[Cell]] = [
            [self.w("m_clause_gaps"), self.n(m.clause_gaps)],
            [self.w("m_contracts_with_gaps"), self.n(m.contracts_with_gaps)],
            [self.w("m_parties_with_gaps"), self.n(m.parties_with_gaps)],
            [self.w("m_assessments_done"), self.n(m.assessments_done)],
            [self.w("m_selection"), self.n(m.selection_assessments)],
            [self.w("m_periodic"), self.n(m.periodic_assessments)],
            [self.w("m_rejected"), self.n(m.assessments_rejected)],
            [self.w("m_reentrustees"), self.n(m.reentrustees)],
            [self.w("m_reentrustees_approved"), self.n(m.reentrustees_approved)],
        ]
        return [
            *self.doc.heading(self.w("sec_contracts")),
            self.counts([self.w("m_item"), self.w("m_value")], rows, [78, 22]),
        ]

    def conclusions(self) -> list[Flowable]:
        r = self.review
        none = self.w("no_review_text")
        out: list[Flowable] = [*self.doc.heading(self.w("sec_review"))]
        for key, value in (("rv_findings", r.findings), ("rv_conclusions", r.conclusions)):
            out.append(rich(esc(self.w(key)), self.st.h3))
            out.append(rich(esc(value or none), self.st.body))
        return out

    def actions(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.w("sec_actions"))]
        rows: list[list[Cell]] = [
            [str(i), a.description, a.owner, self.day(a.due_on), action_status(a.status, self.lang)]
            for i, a in enumerate(self.review.actions, start=1)
        ]
        header = [self.w(k) for k in ("ac_no", "ac_description", "ac_owner", "ac_due", "ac_status")]
        out += data_table(
            header,
            rows,
            [6, 50, 18, 14, 12],
            styles=self.st,
            width=self.width,
            align=["RIGHT", "LEFT", "LEFT", "LEFT", "LEFT"],
            empty=self.w("no_actions"),
        )
        return out

    def approval(self) -> list[Flowable]:
        r = self.review
        rows: list[tuple[str, Cell]] = [
            (self.w("pr_reviewer"), r.reviewer),
            (self.w("pr_review_date"), self.day(r.review_date)),
            (self.w("pr_approved_by"), r.approved_by or self.w("pr_not_approved")),
        ]
        kept = [(k, v) for k, v in rows if v]
        block = [
            *self.doc.heading(self.w("sec_approval")),
            kv_table(kept, styles=self.st, width=self.width, key_share=0.3),
            Spacer(1, 4 * mm),
            approval_block(self.lang, prepared_by=self.doc.options.prepared_by),
        ]
        return [KeepTogether(block)]


def build_program_report(review: ProgramReviewView, options: ReportOptions, out: Path | BinaryIO) -> int:
    """Write the program review report of `review` as a PDF to `out`; the number of pages."""
    language = options.language
    kind = word("pr_report", language)
    sep = "：" if language == "ja" else ": "
    name = review_name(review, language)
    when = format_datetime(options.as_of, language)
    doc = ReportDocument(
        out,
        options,
        title=f"{kind}{sep}{name}",
        subject=f"{word('pr_subject', language, year=review.fiscal_year)} ({when})",
        header_title=f"{kind}{sep}{name}",
        keywords=[kind, name],
    )
    return doc.build_report(_ProgramReport(review, doc).story())
