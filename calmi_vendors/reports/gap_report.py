"""The clause gap report: every live contract against the required clauses, and the gaps to fix."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, LongTable, TableStyle

from calmi_vendors.domain.enums import Applicability, Coverage
from calmi_vendors.reports.document import (
    CELL_PAD,
    GRID,
    HEADER_FILL,
    INK,
    MUTED,
    RULE,
    ZEBRA,
    Cell,
    ReportDocument,
    ReportOptions,
    data_table,
    esc,
    para,
    rich,
)
from calmi_vendors.reports.labels import Language, enum_label, format_date, format_datetime
from calmi_vendors.services.portfolio import GapLine
from calmi_vendors.services.portfolio_report import GapReportData, MatrixCell, MatrixRow

# Each phrase is (English, Japanese).
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Clause gap report", "契約条項不足報告書"),
    "cover_name": ("Consignment contracts against the required clauses", "委託契約の必要条項の充足状況"),
    "subject": (
        "Clause coverage of every live consignment contract as of {when}",
        "有効な全委託契約の条項充足状況（{when} 現在）",
    ),
    "intro": (
        "This report checks every live consignment contract (in force, under negotiation or in draft) "
        "against the clause requirements that apply to its party, and lists the clauses that are missing "
        "or only partly stipulated.",
        "本報告書は、有効な委託契約（締結済・交渉中・草案）のすべてについて、委託先に適用される必要条項の"
        "規定状況を確認し、規定のない条項及び一部のみ規定された条項を一覧にしたものである。",
    ),
    "fact_contracts": ("Live contracts", "有効な委託契約"),
    "fact_with_gaps": ("Contracts with gaps", "条項不足のある契約"),
    "fact_parties": ("Parties with gaps", "条項不足のある委託先"),
    "fact_gaps": ("Gaps to fix", "不足条項の総数"),
    "n": ("{n:,}", "{n:,}件"),
    "sec_matrix": ("Coverage matrix", "条項充足状況の一覧表"),
    "sec_legend": ("Requirements and symbols", "必要条項と記号"),
    "sec_gaps": ("Gaps to fix", "是正が必要な条項"),
    "sec_table": ("Contracts by requirement", "契約別・条項別の充足状況"),
    "matrix_note": (
        "One row per live contract, one column per required clause (codes in the table above). A shaded "
        "cell is a gap: a clause that applies to the party but is missing or only partly stipulated.",
        "行は有効な委託契約、列は必要条項（記号は上表のとおり）。網掛けのセルは条項不足"
        "（委託先に適用される条項の規定がない、又は一部のみ）を示す。",
    ),
    "code": ("Code", "記号"),
    "requirement": ("Requirement", "必要条項"),
    "applies_when": ("Applies to", "適用対象"),
    "symbol": ("Symbol", "記号"),
    "meaning": ("Meaning", "意味"),
    "sym_present": ("Stipulated", "規定あり"),
    "sym_partial": ("Partly stipulated: a gap when the clause applies", "一部規定（適用対象なら条項不足）"),
    "sym_missing": ("Missing: a gap when the clause applies", "規定なし（適用対象なら条項不足）"),
    "sym_na": (
        "Does not apply to this party, or recorded as not applicable",
        "この委託先には適用されない、又は対象外として記録",
    ),
    "sym_unknown": ("No coverage recorded", "充足状況の記録なし"),
    "party": ("Party", "委託先"),
    "contract": ("Contract", "委託契約"),
    "gaps": ("Gaps", "不足"),
    "coverage": ("Coverage", "充足状況"),
    "party_gaps": ("{party} ({n})", "{party}（{n}件）"),
    "no_contracts": ("No live consignment contract is recorded.", "有効な委託契約の登録はない。"),
    "no_gaps": (
        "No gaps: every live contract stipulates each clause that applies to its party.",
        "条項不足はない。有効な全委託契約が、委託先に適用される必要条項をすべて規定している。",
    ),
    Applicability.ALWAYS.value: ("Every contract", "すべての契約"),
    Applicability.CROSS_BORDER.value: ("Data handled outside Japan", "外国で個人データを取り扱う場合"),
    Applicability.REENTRUSTMENT.value: ("Re-entrustment allowed", "再委託を認める場合"),
    Applicability.SPECIAL_CARE.value: ("Special-care data handled", "要配慮個人情報を取り扱う場合"),
}

SYMBOLS: dict[Coverage | None, str] = {
    Coverage.PRESENT: "●",
    Coverage.PARTIAL: "◐",
    Coverage.MISSING: "○",
    Coverage.NOT_APPLICABLE: "–",
    None: "?",
}
GAP_INK = colors.HexColor("#9B1C1C")
PARTIAL_INK = colors.HexColor("#8A5A00")
GAP_FILL = colors.HexColor("#F8DEDC")
PARTIAL_FILL = colors.HexColor("#FCEFD2")
OK_INK = colors.HexColor("#1F5F3F")
_CHUNK = 200
_KEEP_ROWS = 20


def say(key: str, language: Language, **values: object) -> str:
    """The phrase `key` of this report in `language`."""
    phrase = WORDS[key][1 if language == "ja" else 0]
    return phrase.format(**values) if values else phrase


def symbol(cell: MatrixCell) -> str:
    """The printed symbol of one matrix cell (a dash where the clause does not apply to the party)."""
    if not cell.applies and cell.coverage is not None:
        return SYMBOLS[Coverage.NOT_APPLICABLE]
    return SYMBOLS[cell.coverage]


class _Gaps:
    """Builds the story of one clause gap report."""

    def __init__(self, data: GapReportData, doc: ReportDocument) -> None:
        self.data = data
        self.doc = doc
        self.lang: Language = doc.language
        self.st = doc.styles
        self.width = doc.landscape_width
        self.centre = ParagraphStyle(f"{self.lang}-gap-th", parent=self.st.th, alignment=TA_CENTER)

    def w(self, key: str, **values: object) -> str:
        return say(key, self.lang, **values)

    def title(self, en: str, ja: str) -> str:
        return ja if self.lang == "ja" else en

    def facts(self) -> list[tuple[str, str]]:
        d = self.data
        return [
            (self.w("fact_contracts"), self.w("n", n=len(d.rows))),
            (self.w("fact_with_gaps"), self.w("n", n=d.contracts_with_gaps)),
            (self.w("fact_parties"), self.w("n", n=d.parties_with_gaps)),
            (self.w("fact_gaps"), self.w("n", n=len(d.gaps))),
        ]

    def legend(self) -> list[Flowable]:
        rows: list[list[Cell]] = [
            [r.code, self.title(r.title_en, r.title_ja), self.w(r.applicability.value)]
            for r in self.data.requirements
        ]
        header = [self.w("code"), self.w("requirement"), self.w("applies_when")]
        symbols: list[list[Cell]] = [
            [SYMBOLS[Coverage.PRESENT], self.w("sym_present")],
            [SYMBOLS[Coverage.PARTIAL], self.w("sym_partial")],
            [SYMBOLS[Coverage.MISSING], self.w("sym_missing")],
            [SYMBOLS[Coverage.NOT_APPLICABLE], self.w("sym_na")],
            [SYMBOLS[None], self.w("sym_unknown")],
        ]
        return [
            *self.doc.heading(self.w("sec_legend"), 1),
            *data_table(header, rows, [8, 62, 30], styles=self.st, width=self.width * 0.8),
            KeepTogether(
                data_table(
                    [self.w("symbol"), self.w("meaning")],
                    symbols,
                    [8, 92],
                    styles=self.st,
                    width=self.width * 0.8,
                    align=["CENTER", "LEFT"],
                )
            ),
        ]

    def matrix_widths(self) -> list[float]:
        count = len(self.data.requirements)
        code = max(min((self.width * 0.55) / max(count, 1), 30.0), 18.0)
        gaps = 34.0
        rest = max(self.width - code * count - gaps, 160.0)
        return [rest * 0.45, rest * 0.55, *([code] * count), gaps]

    def matrix_chunk(self, rows: Sequence[MatrixRow], widths: list[float], start: int) -> LongTable:
        st = self.st
        header: list[Cell] = [para(self.w("party"), st.th), para(self.w("contract"), st.th)]
        header += [para(r.code, self.centre) for r in self.data.requirements]
        header.append(para(self.w("gaps"), self.centre))
        last = len(header) - 1
        cmds: list[Any] = [
            ("FONTNAME", (0, 0), (-1, -1), st.td.fontName),
            ("FONTSIZE", (0, 0), (-1, -1), st.td.fontSize),
            ("LEADING", (0, 0), (-1, -1), st.td.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (2, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("LEFTPADDING", (2, 0), (-2, -1), 1),
            ("RIGHTPADDING", (2, 0), (-2, -1), 1),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
            ("LINEAFTER", (1, 0), (1, -1), 0.6, RULE),
            ("LINEBEFORE", (last, 0), (last, -1), 0.6, RULE),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ]
        data: list[list[Cell]] = [header]
        previous = rows[start - 1].party_id if start else None
        for y, row in enumerate(rows[start : start + _CHUNK], start=1):
            # The party's name only on its first contract (and atop each chunk): the rows group by party.
            name = row.party_name if row.party_id != previous or y == 1 else ""
            previous = row.party_id
            title = row.contract_title + (f" ({row.reference_number})" if row.reference_number else "")
            line: list[Cell] = [para(name, st.td) if name else "", para(title, st.td)]
            for x, cell in enumerate(row.cells, start=2):
                line.append(symbol(cell))
                if cell.gap:
                    partial = cell.coverage is Coverage.PARTIAL
                    cmds.append(("BACKGROUND", (x, y), (x, y), PARTIAL_FILL if partial else GAP_FILL))
                    cmds.append(("TEXTCOLOR", (x, y), (x, y), PARTIAL_INK if partial else GAP_INK))
                elif not cell.applies or cell.coverage in (None, Coverage.NOT_APPLICABLE):
                    cmds.append(("TEXTCOLOR", (x, y), (x, y), MUTED))
                else:
                    cmds.append(("TEXTCOLOR", (x, y), (x, y), OK_INK))
            line.append(str(row.gaps))
            data.append(line)
        return LongTable(
            data, colWidths=widths, style=TableStyle(cmds), repeatRows=1, splitInRow=1, hAlign="LEFT"
        )

    def matrix(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.w("sec_matrix"))]
        out += self.legend()
        out += self.doc.heading(self.w("sec_table"), 1)
        if not self.data.rows:
            out.append(rich(esc(self.w("no_contracts")), self.st.body))
            return out
        out.append(rich(esc(self.w("matrix_note")), self.st.muted))
        widths = self.matrix_widths()
        rows = self.data.rows
        out += [self.matrix_chunk(rows, widths, start) for start in range(0, len(rows), _CHUNK)]
        return out

    def gap_list(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.w("sec_gaps"))]
        if not self.data.gaps:
            out.append(rich(esc(self.w("no_gaps")), self.st.body))
            return out
        codes = {r.key: r.code for r in self.data.requirements}
        header = [self.w("contract"), self.w("code"), self.w("requirement"), self.w("coverage")]
        in_toc = self.data.parties_with_gaps <= 40  # thousands of lines would bury the contents
        for _, items in groupby(self.data.gaps, key=lambda g: g.party_id):
            group: list[GapLine] = list(items)
            name = group[0].party_name
            heading = self.doc.heading(self.w("party_gaps", party=name, n=len(group)), 1, in_toc=in_toc)
            rows: list[list[Cell]] = [
                [
                    g.contract_title,
                    codes.get(g.requirement_key, ""),
                    self.title(g.title_en, g.title_ja),
                    enum_label(g.coverage, self.lang),
                ]
                for g in group
            ]
            table = data_table(header, rows, [34, 7, 44, 15], styles=self.st, width=self.width)
            # A party's few gaps stay on one page with its name; a long list breaks, header repeated.
            if len(group) <= _KEEP_ROWS:
                out += [heading[0], KeepTogether([*heading[1:], *table])]
            else:
                out += [*heading, *table]
        return out

    def story(self) -> list[Flowable]:
        when = format_date(self.data.today, self.lang)
        cover = self.w("cover_name")
        name = f"{cover}（{when}）" if self.lang == "ja" else f"{cover}, {when}"
        body = [*self.matrix(), *self.gap_list()]
        first = self.doc.title_page(
            kicker=self.w("title"),
            name=name,
            facts=self.facts(),
            intro=self.w("intro"),
            next_template="landscape",
        )
        return [*first, *self.doc.quick_contents(body), *body]


def build_gap_report(data: GapReportData, options: ReportOptions, out: Path | BinaryIO) -> int:
    """Write the clause gap report of `data` as a PDF to `out`; the number of pages."""
    language = options.language
    title = say("title", language)
    doc = ReportDocument(
        out,
        options,
        title=title,
        subject=say("subject", language, when=format_datetime(options.as_of, language)),
        keywords=[title, options.company_name],
    )
    return doc.build_report(_Gaps(data, doc).story())
