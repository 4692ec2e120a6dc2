"""The portfolio supervision report: every entrusted party's tier, status, audits, findings and gaps."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from calmi_vendors.domain.enums import PartyStatus, RiskTier, Severity
from calmi_vendors.reports.charts import grouped_columns, labelled_bars
from calmi_vendors.reports.document import (
    ACCENT,
    CELL_PAD,
    Cell,
    ReportDocument,
    ReportOptions,
    data_table,
    esc,
    kv_table,
    rich,
)
from calmi_vendors.reports.labels import Language, enum_label, format_date, format_datetime
from calmi_vendors.services.portfolio_report import PortfolioParty, PortfolioReportData

# Each phrase is (English, Japanese).
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Portfolio supervision report", "委託先監督状況報告書"),
    "cover_name": ("Supervision of entrusted parties", "委託先の監督状況"),
    "subject": (
        "Supervision status of every entrusted party as of {when}",
        "全委託先の監督状況（{when} 現在）",
    ),
    "intro": (
        "This report lists every entrusted party in the register with its risk tier, status, last and "
        "next supervision audit, open findings and contract clause gaps, with summary charts, as "
        "recorded on the date shown.",
        "本報告書は、委託先管理台帳に登録された全委託先について、リスク区分、状態、直近及び次回の監査、"
        "未完了の指摘事項並びに契約条項の不足を、集計グラフとともに記載の基準日時時点でまとめたものである。",
    ),
    "fact_parties": ("Entrusted parties", "委託先数"),
    "fact_high": ("High-risk parties", "高リスク委託先数"),
    "fact_overdue": ("Audits overdue", "監査期限超過"),
    "fact_findings": ("Open findings", "未完了の指摘事項"),
    "fact_overdue_findings": ("Findings past their due date", "期限を過ぎた指摘事項"),
    "fact_gaps": ("Parties with clause gaps", "条項不足のある委託先数"),
    "n_parties": ("{n:,} parties", "{n:,}社"),
    "one_party": ("1 party", "1社"),
    "n_items": ("{n:,}", "{n:,}件"),
    "sec_summary": ("Summary", "概要"),
    "sec_tiers": ("Parties by risk tier", "リスク区分別の委託先数"),
    "sec_months": ("Audits done and due by month", "月別の監査実施数と期限到来数"),
    "sec_severity": ("Open findings by severity", "重要度別の未完了の指摘事項"),
    "sec_parties": ("Entrusted parties", "委託先一覧"),
    "tier_section": ("{tier} ({n})", "{tier}（{n}）"),
    "tier_heading": ("Risk tier: {tier}", "リスク区分：{tier}"),
    "not_rated": ("Not rated", "未判定"),
    "done": ("Audits done", "監査実施数"),
    "due": ("Next audits due", "次回監査の期限到来数"),
    "this_month": ("this month", "今月"),
    "months_note": (
        "Audits done: supervision audits completed in the month. Next audits due: parties whose next "
        "audit falls due in the month; in past months these are still outstanding.",
        "監査実施数：当該月に完了した監査の数。次回監査の期限到来数：次回監査の期限が当該月にある委託先の数"
        "（過去の月の数は未実施のまま期限を過ぎたもの）。",
    ),
    "table_note": (
        "Sorted by risk tier, then name. 'Overdue' marks a party whose next audit due date has passed; "
        "those rows are shaded.",
        "リスク区分順、同区分内は名称順。「期限超過」は次回監査の期限を過ぎた委託先を示す（行を網掛け）。",
    ),
    "h_name": ("Name", "名称"),
    "h_number": ("Corporate number", "法人番号"),
    "h_tier": ("Tier", "区分"),
    "h_status": ("Status", "状態"),
    "h_last": ("Last audit", "直近の監査"),
    "h_next": ("Next audit due", "次回監査期限"),
    "h_overdue": ("Overdue", "期限超過"),
    "h_findings": ("Open findings", "未完了指摘"),
    "h_gaps": ("Clause gaps", "条項不足"),
    "overdue": ("Overdue", "期限超過"),
    "no_parties": ("The register holds no entrusted party.", "委託先の登録はない。"),
}

TIER_COLOURS: dict[RiskTier | None, colors.Color] = {
    RiskTier.HIGH: colors.HexColor("#9B1C1C"),
    RiskTier.MEDIUM: colors.HexColor("#B7791F"),
    RiskTier.LOW: colors.HexColor("#2F6F4E"),
    None: colors.HexColor("#8A94A0"),
}
SEVERITY_COLOURS: dict[Severity, colors.Color] = {
    Severity.CRITICAL: colors.HexColor("#7A1414"),
    Severity.MAJOR: colors.HexColor("#C0392B"),
    Severity.MINOR: colors.HexColor("#D69E2E"),
    Severity.OBSERVATION: colors.HexColor("#7B8794"),
}
DUE_FILL = colors.HexColor("#A9BCD0")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def say(key: str, language: Language, **values: object) -> str:
    """The phrase `key` of this report in `language`."""
    phrase = WORDS[key][1 if language == "ja" else 0]
    return phrase.format(**values) if values else phrase


def short_date(day: date | None, language: Language) -> str:
    """A compact table date: 2026/04/01 in Japanese, 2026-04-01 in English."""
    if day is None:
        return ""
    return day.strftime("%Y/%m/%d" if language == "ja" else "%Y-%m-%d")


def tier_label(tier: RiskTier | None, language: Language) -> str:
    """The printed risk tier; 'Not rated' when none has been decided."""
    return enum_label(tier, language) if tier else say("not_rated", language)


def month_label(month: date, language: Language, *, with_year: bool) -> str:
    """'Apr' / '4月', with the year on a second line for the first month and each January."""
    name = f"{month.month}月" if language == "ja" else _MONTHS_EN[month.month - 1]
    if not with_year:
        return name
    return f"{name}\n{month.year}年" if language == "ja" else f"{name}\n{month.year}"


class _Portfolio:
    """Builds the story of one portfolio report."""

    def __init__(self, data: PortfolioReportData, doc: ReportDocument) -> None:
        self.data = data
        self.doc = doc
        self.lang: Language = doc.language
        self.st = doc.styles
        self.width = doc.content_width

    def w(self, key: str, **values: object) -> str:
        return say(key, self.lang, **values)

    def count(self, n: int) -> str:
        return self.w("n_items", n=n)

    def parties_count(self, n: int) -> str:
        return self.w("one_party") if n == 1 else self.w("n_parties", n=n)

    def facts(self) -> list[tuple[str, str]]:
        d = self.data
        high = dict(d.by_tier).get(RiskTier.HIGH, 0)
        findings = sum(n for _, n in d.open_findings_by_severity)
        return [
            (self.w("fact_parties"), self.parties_count(len(d.parties))),
            (self.w("fact_high"), self.parties_count(high)),
            (self.w("fact_overdue"), self.parties_count(d.audits_overdue)),
            (self.w("fact_findings"), self.count(findings)),
            (self.w("fact_overdue_findings"), self.count(d.overdue_findings)),
            (self.w("fact_gaps"), self.parties_count(d.parties_with_gaps)),
        ]

    def summary(self) -> list[Flowable]:
        d = self.data
        out: list[Flowable] = [
            *self.doc.heading(self.w("sec_summary")),
            kv_table(self.facts(), styles=self.st, width=self.width, key_share=0.4),
        ]
        tiers = [(tier_label(t, self.lang), n, TIER_COLOURS[t]) for t, n in d.by_tier]
        out += [*self.doc.heading(self.w("sec_tiers"), 1), labelled_bars(tiers, width=self.width)]
        months = d.audits_by_month
        labels = [
            month_label(m.month, self.lang, with_year=i == 0 or m.month.month == 1)
            for i, m in enumerate(months)
        ]
        current = next((i for i, m in enumerate(months) if m.month == d.today.replace(day=1)), None)
        chart = grouped_columns(
            labels,
            [
                (self.w("done"), [m.done for m in months], ACCENT),
                (self.w("due"), [m.due for m in months], DUE_FILL),
            ],
            width=self.width,
            marker=current,
            marker_label=self.w("this_month"),
        )
        out += [
            *self.doc.heading(self.w("sec_months"), 1),
            chart,
            Spacer(1, 4),
            rich(esc(self.w("months_note")), self.st.muted),
        ]
        severities = [
            (enum_label(s, self.lang), n, SEVERITY_COLOURS[s]) for s, n in d.open_findings_by_severity
        ]
        out += [*self.doc.heading(self.w("sec_severity"), 1), labelled_bars(severities, width=self.width)]
        return out

    def row(self, p: PortfolioParty, overdue_word: str) -> list[Cell]:
        return [
            p.name,
            p.corporate_number or "",
            tier_label(p.tier, self.lang),
            enum_label(p.status, self.lang),
            short_date(p.last_audit, self.lang),
            short_date(p.next_audit_due, self.lang),
            overdue_word if p.overdue else "",
            str(p.open_findings),
            str(p.clause_gaps),
        ]

    def column_widths(self, width: float) -> list[float]:
        """Fixed widths that fit each column's longest value on one line; the name takes the rest."""
        lang, font, size = self.lang, self.st.td.fontName, self.st.td.fontSize

        def fit(*values: str) -> float:
            return max(pdfmetrics.stringWidth(v, font, size) for v in values) + 2 * CELL_PAD + 1

        day = short_date(date(2000, 12, 28), lang)
        fixed = [
            fit("0000000000000"),
            fit(*(tier_label(t, lang) for t in (*RiskTier, None))),
            fit(*(enum_label(s, lang) for s in PartyStatus)),
            fit(day, self.w("h_last")),
            fit(day),
            fit(self.w("overdue")),
            fit("99999", *self.w("h_findings").split()),
            fit("99999", *self.w("h_gaps").split()),
        ]
        return [width - sum(fixed), *fixed]

    def parties(self) -> list[Flowable]:
        # The party table is wide: its pages are turned sideways.
        out: list[Flowable] = [NextPageTemplate("landscape"), PageBreak()]
        out += self.doc.heading(self.w("sec_parties"))
        width = self.doc.landscape_width
        if not self.data.parties:
            out.append(rich(esc(self.w("no_parties")), self.st.body))
            return out
        out.append(rich(esc(self.w("table_note")), self.st.muted))
        header = [
            self.w(k) for k in ("h_name", "h_number", "h_tier", "h_status", "h_last", "h_next", "h_overdue")
        ]
        header += [self.w("h_findings"), self.w("h_gaps")]
        aligns = ["LEFT"] * 7 + ["RIGHT", "RIGHT"]
        widths = self.column_widths(width)
        overdue_word = self.w("overdue")
        for tier, _ in self.data.by_tier:
            group = [p for p in self.data.parties if p.tier == tier]
            if not group:
                continue
            label = tier_label(tier, self.lang)
            heading = self.w("tier_section", tier=self.w("tier_heading", tier=label), n=len(group))
            out += self.doc.heading(heading, 1)
            out += data_table(
                header,
                [self.row(p, overdue_word) for p in group],
                widths,
                styles=self.st,
                width=width,
                align=aligns,  # type: ignore[arg-type]
                emphasis=[i for i, p in enumerate(group) if p.overdue],
            )
        return out

    def story(self) -> list[Flowable]:
        when = format_date(self.data.today, self.lang)
        name = f"{self.w('cover_name')}（{when}）" if self.lang == "ja" else f"{self.w('cover_name')}, {when}"
        body = [*self.summary(), *self.parties()]
        cover = self.doc.title_page(
            kicker=self.w("title"), name=name, facts=self.facts()[:3], intro=self.w("intro")
        )
        return [*cover, *self.doc.quick_contents(body), *body]


def build_portfolio_report(data: PortfolioReportData, options: ReportOptions, out: Path | BinaryIO) -> int:
    """Write the portfolio supervision report of `data` as a PDF to `out`; the number of pages."""
    language = options.language
    title = say("title", language)
    doc = ReportDocument(
        out,
        options,
        title=title,
        subject=say("subject", language, when=format_datetime(options.as_of, language)),
        keywords=[title, options.company_name],
    )
    return doc.build_report(_Portfolio(data, doc).story())
