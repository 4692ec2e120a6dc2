"""The shared foundation of every report: options, fonts, styles, page furniture, tables, approval blocks."""

from __future__ import annotations

import functools
import importlib.resources
import logging
import re
import threading
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, cast
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import TopPadder
from reportlab.platypus.tableofcontents import TableOfContents

from calmi_vendors.__about__ import __app_name__, __version__
from calmi_vendors.reports.labels import Language, format_datetime, text

log = logging.getLogger(__name__)

FONT_NAME = "IPAexGothic"
"""The embedded (subset) TrueType font of all report text, Japanese and English alike."""
MONO_FONT = "Courier"
"""A standard-14 font (never embedded, always available) for digests."""
FONT_FILE = ("resources", "fonts", "ipaexg.ttf")

PageSize = Literal["A4", "Letter"]
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}
TABLE_CHUNK_ROWS = 400
"""Rows per LongTable: reportlab lays out many small tables much faster than one huge table."""

INK = colors.HexColor("#1B2733")
ACCENT = colors.HexColor("#1F3A5F")
MUTED = colors.HexColor("#5A6572")
RULE = colors.HexColor("#A9B4C0")
GRID = colors.HexColor("#C3CCD5")
HEADER_FILL = colors.HexColor("#2E4A68")
ZEBRA = colors.HexColor("#F1F4F7")
KEY_FILL = colors.HexColor("#E9EEF3")
EMPHASIS = colors.HexColor("#FFF4D6")

_MARGIN_X = 18 * mm
_MARGIN_TOP = 24 * mm
_MARGIN_BOTTOM = 20 * mm
_CELL_PAD = 4.0
CELL_PAD = _CELL_PAD
"""Left and right padding of every table cell, in points (for reports that size columns to content)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportOptions:
    """How one report is made: language, paper, who it is for, and the as-of time of its data."""

    language: Language
    company_name: str
    as_of: datetime
    page_size: PageSize = "A4"
    logo_path: Path | None = None
    prepared_by: str | None = None
    progress: Callable[[int, int], None] | None = field(default=None, compare=False, repr=False)
    """progress(done, total) while the pages are laid out; raising from it stops the build."""

    def __post_init__(self) -> None:
        if self.language not in ("ja", "en"):
            raise ValueError(f"Report language must be 'ja' or 'en', not {self.language!r}.")
        if self.page_size not in PAGE_SIZES:
            raise ValueError(f"Page size must be 'A4' or 'Letter', not {self.page_size!r}.")


# ---------------------------------------------------------------- fonts

_font_lock = threading.Lock()
_font_ready = False
_BUILD_LOCK = threading.Lock()


def register_fonts() -> str:
    """Register the shipped IPAexGothic with reportlab (once per process, thread-safe); its name."""
    global _font_ready
    if _font_ready:
        return FONT_NAME
    with _font_lock:
        if not _font_ready:
            resource = importlib.resources.files("calmi_vendors").joinpath(*FONT_FILE)
            with importlib.resources.as_file(resource) as path:
                font = TTFont(FONT_NAME, str(path))  # reads the whole file: the path may go away after
            pdfmetrics.registerFont(font)
            # One face only: <b>/<i> map to it rather than failing.
            pdfmetrics.registerFontFamily(
                FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
            )
            _font_ready = True
    return FONT_NAME


# ---------------------------------------------------------------- text


def esc(value: object) -> str:
    """User text made safe for a Paragraph: markup escaped, control characters dropped, newlines as <br/>."""
    if value is None:
        return ""
    raw = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return escape(_CONTROL.sub("", raw)).replace("\n", "<br/>")


def truncate(value: str, width: float, font: str, size: float) -> str:
    """`value` cut with an ellipsis so that it fits `width` points (for one-line page furniture)."""
    if pdfmetrics.stringWidth(value, font, size) <= width:
        return value
    low, high = 0, len(value)
    while low < high:
        mid = (low + high + 1) // 2
        if pdfmetrics.stringWidth(value[:mid] + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return value[:low].rstrip() + "…"


# ---------------------------------------------------------------- styles


@dataclass(frozen=True, slots=True)
class ReportStyles:
    """The paragraph styles of one language; every report uses these and no others."""

    language: Language
    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_company: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    th: ParagraphStyle
    td: ParagraphStyle
    td_right: ParagraphStyle
    td_center: ParagraphStyle
    key: ParagraphStyle
    mono: ParagraphStyle
    approval_label: ParagraphStyle
    toc: tuple[ParagraphStyle, ParagraphStyle]


@functools.cache
def report_styles(language: Language) -> ReportStyles:
    """The style set of `language` (Japanese styles wrap CJK text by character, with kinsoku rules)."""
    font = register_fonts()
    ja = language == "ja"
    # CJK wrapping (break between any two ideographs, kinsoku rules, Latin words kept whole) in both
    # languages: English reports carry Japanese names and notes too.
    wrap = "CJK"
    # Japanese reads better with a little more line height than Latin text.
    lead = 1.55 if ja else 1.4

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {
            "fontName": font,
            "fontSize": size,
            "leading": round(size * lead, 1),
            "textColor": INK,
            "wordWrap": wrap,
            "splitLongWords": 1,
            "allowWidows": 0,
            "allowOrphans": 0,
        }
        base.update(kw)
        return ParagraphStyle(f"{language}-{name}", **base)

    return ReportStyles(
        language=language,
        cover_kicker=style("cover-kicker", 13, textColor=MUTED, spaceAfter=8),
        cover_title=style("cover-title", 24, leading=32, textColor=ACCENT, spaceAfter=10),
        cover_company=style("cover-company", 12, textColor=INK, alignment=TA_RIGHT),
        title=style("title", 18, leading=24, textColor=ACCENT, spaceAfter=8),
        h1=style("h1", 14, leading=20, textColor=ACCENT, spaceBefore=12, spaceAfter=8),
        h2=style("h2", 11.5, leading=16, textColor=ACCENT, spaceBefore=10, spaceAfter=5),
        h3=style("h3", 10, textColor=INK, spaceBefore=6, spaceAfter=3),
        body=style("body", 9.5, spaceAfter=5),
        small=style("small", 8),
        muted=style("muted", 8.5, textColor=MUTED, spaceAfter=4),
        th=style("th", 8, textColor=colors.white),
        td=style("td", 8),
        td_right=style("td-right", 8, alignment=TA_RIGHT),
        td_center=style("td-center", 8, alignment=TA_CENTER),
        key=style("key", 8, textColor=INK),
        mono=ParagraphStyle(
            f"{language}-mono", fontName=MONO_FONT, fontSize=7.5, leading=10, textColor=INK, splitLongWords=1
        ),
        approval_label=style("approval-label", 9, alignment=TA_CENTER),
        toc=(
            style("toc0", 10.5, leading=18, spaceBefore=3),
            style("toc1", 9, leftIndent=6 * mm, textColor=MUTED),
        ),
    )


_CJK = re.compile(
    "[\u2e80-\u2fff\u3000-\u30ff\u3100-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003ffff]"
)


@functools.cache
def _latin_twin(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-latin", parent=style, wordWrap=None)


def fit_style(style: ParagraphStyle, content: str) -> ParagraphStyle:
    """`style`, or its twin that breaks lines at spaces only, when `content` has no CJK character."""
    # reportlab's CJK wrapping looks back only half a line for a space, so in a narrow cell it cuts an
    # English word in two ("IT operation/s"); text without Japanese never needs it.
    if style.wordWrap != "CJK" or _CJK.search(content):
        return style
    return _latin_twin(style)


def rich(markup: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of markup built here, every user part of it passed through `esc` first."""
    return Paragraph(markup, fit_style(style, markup))


def para(value: object, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain user text (escaped; never markup)."""
    return rich(esc(value), style)


# ---------------------------------------------------------------- headings and bookmarks


class Heading(Paragraph):
    """A section heading: a PDF bookmark, an outline entry and (optionally) a table-of-contents line."""

    outline_key: str = ""
    outline_text: str = ""
    outline_level: int = 0
    in_toc: bool = True
    rule: bool = False

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split like a Paragraph; the first part keeps the bookmark, the last the rule."""
        parts = super().split(availWidth, availHeight)
        if parts and isinstance(parts[0], Heading) and isinstance(parts[-1], Heading):
            first, last = parts[0], parts[-1]
            first.outline_key, first.outline_text = self.outline_key, self.outline_text
            first.outline_level, first.in_toc = self.outline_level, self.in_toc
            last.rule = self.rule
        return parts

    def draw(self) -> None:
        """Draw the heading, and a rule under a top-level one."""
        super().draw()
        if self.rule:
            self.canv.saveState()
            self.canv.setStrokeColor(RULE)
            self.canv.setLineWidth(0.7)
            self.canv.line(0, -2.5, self.width, -2.5)
            self.canv.restoreState()


class OutlineMark(Flowable):
    """An invisible bookmark (e.g. for the title page), in the outline but not in the contents."""

    in_toc = False

    def __init__(self, outline_text: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.outline_text = outline_text
        self.outline_key = key
        self.outline_level = level

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Takes no room."""
        return 0.0, 0.0

    def draw(self) -> None:
        """Draws nothing."""


def _flatten(story: Sequence[Flowable]) -> list[Heading]:
    """The headings of `story`, looking inside KeepTogether groups too."""
    found: list[Heading] = []
    for item in story:
        if isinstance(item, Heading):
            found.append(item)
        elif isinstance(item, KeepTogether):
            found += _flatten(getattr(item, "_content", []))
    return found


class QuickContents(Flowable):
    """Contents lines of headings known before layout; their page numbers are forms filled in at save."""

    size = 9.5
    _LINE = (18.0, 14.0)
    _INDENT = (0.0, 6 * mm)
    _NUMBER_ROOM = 36.0

    def __init__(self, entries: Sequence[tuple[int, str, str]], styles: ReportStyles) -> None:
        super().__init__()
        self.entries = list(entries)
        self.styles = styles
        self.width = 0.0
        self.height = 0.0

    def _line(self, level: int) -> float:
        return self._LINE[min(level, 1)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """One line per entry."""
        self.width = availWidth
        self.height = sum(self._line(level) for level, _, _ in self.entries)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """As many lines as fit, then the rest."""
        used, count = 0.0, 0
        for level, _, _ in self.entries:
            if used + self._line(level) > availHeight:
                break
            used += self._line(level)
            count += 1
        if count == 0 or count == len(self.entries):
            return []
        head, rest = self.entries[:count], self.entries[count:]
        return [QuickContents(head, self.styles), QuickContents(rest, self.styles)]

    def draw(self) -> None:
        """Title, dotted leader and page-number form of each entry, linked to its bookmark."""
        canv = self.canv
        keys: list[str] | None = getattr(canv, "contents_keys", None)
        y = self.height
        for level, label, key in self.entries:
            line = self._line(level)
            y -= line
            base = y + line * 0.3
            style = self.styles.toc[min(level, 1)]
            indent = self._INDENT[min(level, 1)]
            room = self.width - indent - self._NUMBER_ROOM - 6
            shown = truncate(label, room, FONT_NAME, style.fontSize)
            canv.saveState()
            canv.setFont(FONT_NAME, style.fontSize)
            canv.setFillColor(style.textColor)
            canv.drawString(indent, base, shown)
            end = indent + pdfmetrics.stringWidth(shown, FONT_NAME, style.fontSize) + 4
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.6)
            canv.setDash(0.6, 2.4)
            canv.line(end, base + 1, self.width - self._NUMBER_ROOM + 4, base + 1)
            canv.restoreState()
            if keys is not None:
                if key not in keys:
                    keys.append(key)
                canv.saveState()
                canv.translate(self.width, base)
                canv.doForm(f"calmiToc{key}")
                canv.restoreState()
            canv.linkRect("", key, (indent, y, self.width, y + line), relative=1, thickness=0)


# ---------------------------------------------------------------- canvas: footer "page X of Y", dates


@dataclass(frozen=True, slots=True)
class _PageDecor:
    language: Language
    footer_left: str
    as_of: datetime
    margin_x: float
    page_width: float


def _pdf_date(moment: datetime) -> str:
    stamp = moment.strftime("D:%Y%m%d%H%M%S")
    offset = moment.utcoffset()
    if offset is None:
        return stamp  # a local time of unknown zone: the PDF date format allows leaving the zone out
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return stamp + "Z00'00'"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{stamp}{sign}{hours:02d}'{mins:02d}'"


class _ReportCanvas(Canvas):
    """A canvas whose pages show "page X of Y" footers, and whose PDF dates are the report's as-of time."""

    # Each page draws a form named after its number; save() defines the forms once the total is known.
    # Forward references to forms keep the build to one pass and keep bookmarks on their pages (the
    # usual recipe, a canvas that postpones showPage(), points every bookmark at page one).

    def __init__(self, filename: str | IO[bytes], *, decor: _PageDecor, **kwargs: Any) -> None:
        super().__init__(filename, **kwargs)
        self._decor = decor
        self.page_count = 0
        self._page_widths: dict[int, float] = {}
        self.contents_pages: dict[str, int] = {}
        """Bookmark key → page number, for `QuickContents` (filled in as the headings are placed)."""
        self.contents_keys: list[str] = []
        """The bookmark keys whose page numbers a `QuickContents` refers to (defined as forms at save)."""
        when = _pdf_date(decor.as_of)
        self.setDateFormatter(lambda *_parts: when)  # the caller's as-of time, never the clock

    def showPage(self) -> None:
        """Place this page's footer form, then end the page."""
        self.page_count = self.getPageNumber()
        # Landscape pages are wider than the document's paper.
        self._page_widths[self.page_count] = float(getattr(self, "_pagesize")[0])  # noqa: B009
        self.saveState()
        self.doForm(f"calmiFooter{self.page_count}")
        self.restoreState()
        super().showPage()

    def save(self) -> None:
        """Define every page's footer with the final page count, then write the file."""
        decor = self._decor
        total = self.page_count
        size = 7.5
        y = 11 * mm
        for key in self.contents_keys:
            # The number is drawn leftwards from the form's origin: the box must reach there.
            self.beginForm(f"calmiToc{key}", lowerx=-80, lowery=-6, upperx=2, uppery=16)
            self.setFillColor(INK)
            self.setFont(FONT_NAME, QuickContents.size)
            page_number = self.contents_pages.get(key)
            self.drawRightString(0, 0, str(page_number) if page_number else "")
            self.endForm()
        for page in range(1, total + 1):
            width = self._page_widths.get(page, decor.page_width)
            self.beginForm(f"calmiFooter{page}")
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(decor.margin_x, y + 9, width - decor.margin_x, y + 9)
            self.setFillColor(MUTED)
            self.setFont(FONT_NAME, size)
            label = text("page_of", decor.language, page=page, total=total)
            self.drawRightString(width - decor.margin_x, y, label)
            room = width - 2 * decor.margin_x - pdfmetrics.stringWidth(label, FONT_NAME, size) - 12
            self.drawString(decor.margin_x, y, truncate(decor.footer_left, room, FONT_NAME, size))
            self.endForm()
        super().save()


# ---------------------------------------------------------------- the document


def content_width(page_size: PageSize = "A4") -> float:
    """The width of the text frame on a page of `page_size`, in points."""
    return PAGE_SIZES[page_size][0] - 2 * _MARGIN_X


class ReportDocument(BaseDocTemplate):
    """A report: title page, body pages with running header and footer, bookmarks, optional contents."""

    def __init__(
        self,
        out: Path | BinaryIO,
        options: ReportOptions,
        *,
        title: str,
        subject: str,
        header_title: str | None = None,
        keywords: Sequence[str] = (),
        with_title_page: bool = True,
    ) -> None:
        register_fonts()
        self.options = options
        self.language: Language = options.language
        self.styles = report_styles(options.language)
        self.report_title = title
        self.header_title = header_title or title
        self.page_count = 0
        self._keys = 0
        page = PAGE_SIZES[options.page_size]
        product = f"{__app_name__} {__version__}"
        super().__init__(
            str(out) if isinstance(out, Path) else out,
            pagesize=page,
            leftMargin=_MARGIN_X,
            rightMargin=_MARGIN_X,
            topMargin=_MARGIN_TOP,
            bottomMargin=_MARGIN_BOTTOM,
            title=title,
            author=options.prepared_by or options.company_name,
            subject=subject,
            creator=product,
            producer=f"{product} (ReportLab)",
            keywords=list(keywords),
            invariant=1,
            lang="ja-JP" if options.language == "ja" else "en",
            displayDocTitle=1,
            initialFontName=FONT_NAME,
        )
        if options.progress is not None:
            self._follow(options.progress)
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
        )
        cover = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="cover",
            leftPadding=0,
            rightPadding=0,
        )
        title_template = PageTemplate(id="title", frames=[cover], onPage=self._draw_title_page)
        body_template = PageTemplate(id="body", frames=[frame], onPage=self._draw_body_page)
        # The first template is the first page's: a report without a title page starts on a body page.
        self.addPageTemplates(
            [title_template, body_template] if with_title_page else [body_template, title_template]
        )
        # Body pages turned sideways, for wide tables (a report switches with `next_template`).
        wide = (page[1], page[0])
        self.landscape_width = wide[0] - 2 * _MARGIN_X
        sideways = Frame(
            _MARGIN_X,
            _MARGIN_BOTTOM,
            self.landscape_width,
            wide[1] - _MARGIN_TOP - _MARGIN_BOTTOM,
            id="landscape",
            leftPadding=0,
            rightPadding=0,
        )
        self.addPageTemplates(
            [PageTemplate(id="landscape", frames=[sideways], onPage=self._draw_body_page, pagesize=wide)]
        )

    @property
    def content_width(self) -> float:
        """The width of the text frame, in points."""
        return float(self.width)

    # -- page furniture

    def as_of_text(self) -> str:
        """'As of …' with the caller's as-of time."""
        return text("as_of", self.language, when=format_datetime(self.options.as_of, self.language))

    def _draw_title_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
        canv.restoreState()

    def _draw_body_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        width, height = cast(tuple[float, float], getattr(canv, "_pagesize"))  # noqa: B009 (landscape)
        size = 7.5
        y = height - 14 * mm
        right = self.as_of_text()
        separator = " ｜ " if self.language == "ja" else " · "
        left = separator.join(part for part in (self.options.company_name, self.header_title) if part)
        room = width - 2 * _MARGIN_X - pdfmetrics.stringWidth(right, FONT_NAME, size) - 12
        canv.saveState()
        canv.setFont(FONT_NAME, size)
        canv.setFillColor(MUTED)
        canv.drawString(_MARGIN_X, y, truncate(left, room, FONT_NAME, size))
        canv.drawRightString(width - _MARGIN_X, y, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(_MARGIN_X, y - 4, width - _MARGIN_X, y - 4)
        canv.restoreState()

    # -- story helpers

    def _next_key(self) -> str:
        self._keys += 1
        return f"sec{self._keys}"

    def heading(self, value: str, level: int = 0, *, in_toc: bool = True) -> list[Flowable]:
        """A heading of `level` (0 or 1) with its bookmark, kept off the foot of a page."""
        style = self.styles.h1 if level == 0 else self.styles.h2
        flowable = Heading(esc(value), fit_style(style, value))
        flowable.outline_key = self._next_key()
        flowable.outline_text = value
        flowable.outline_level = level
        flowable.in_toc = in_toc
        flowable.rule = level == 0
        # A heading needs room for a few lines after it; otherwise it starts the next page.
        return [CondPageBreak((45 if level == 0 else 32) * mm), flowable]

    def contents(self) -> list[Flowable]:
        """A table of contents on its own page (the report is then built in more than one pass)."""
        toc = TableOfContents(dotsMinLevel=0, levelStyles=list(self.styles.toc), rightColumnWidth=40)
        return [*self.heading(text("contents", self.language), 0, in_toc=False), toc, PageBreak()]

    def quick_contents(self, body: Sequence[Flowable]) -> list[Flowable]:
        """Contents of the top-level headings in `body`, laid out in one pass (no multiBuild)."""
        # multiBuild lays the whole story out two or three times; the page numbers here are forms that
        # the canvas fills in once the build is done (as for "page X of Y").
        entries = [(f.outline_level, f.outline_text, f.outline_key) for f in _flatten(body) if f.in_toc]
        heading = self.heading(text("contents", self.language), 0, in_toc=False)
        return [*heading, QuickContents(entries, self.styles), PageBreak()]

    def _follow(self, progress: Callable[[int, int], None]) -> None:
        """Report layout progress: reportlab estimates the story's size, then reports how far it got."""
        total = [0]

        def callback(kind: str, value: int) -> None:
            if kind == "SIZE_EST":
                total[0] = value
            elif kind == "PROGRESS" and total[0]:
                progress(min(value, total[0]), total[0])

        self.setProgressCallBack(callback)

    def title_page(
        self,
        *,
        kicker: str,
        name: str,
        facts: Sequence[tuple[str, str]] = (),
        intro: str | None = None,
        approval: bool = True,
        next_template: Literal["body", "landscape"] = "body",
    ) -> list[Flowable]:
        """The title page: company (and logo), report kind, subject name, key facts, approval block."""
        st = self.styles
        width = self.content_width
        story: list[Flowable] = [OutlineMark(text("title_page", self.language), self._next_key())]
        company = para(self.options.company_name, st.cover_company)
        logo = _logo(self.options.logo_path, max_width=50 * mm, max_height=18 * mm)
        if logo is not None:
            band = Table(
                [[logo, company]],
                colWidths=[width * 0.45, width * 0.55],
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("ALIGN", (0, 0), (0, 0), "LEFT"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ]
                ),
            )
            story.append(band)
        else:
            story.append(company)
        story += [
            Spacer(1, 38 * mm),
            para(kicker, st.cover_kicker),
            para(name, st.cover_title),
            Spacer(1, 6 * mm),
        ]
        rows = [
            *facts,
            (text("company", self.language), self.options.company_name),
            (text("as_of_label", self.language), format_datetime(self.options.as_of, self.language)),
        ]
        if self.options.prepared_by:
            rows.append((text("prepared_by", self.language), self.options.prepared_by))
        story.append(kv_table(rows, styles=st, width=width, key_share=0.28))
        if intro:
            story += [Spacer(1, 6 * mm), para(intro, st.muted)]
        if approval:
            story.append(TopPadder(approval_block(self.language, prepared_by=self.options.prepared_by)))
        story += [NextPageTemplate(next_template), PageBreak()]
        return story

    # -- building

    def afterFlowable(self, flowable: Flowable) -> None:
        """Bookmark headings, add them to the outline, and tell the table of contents where they are."""
        key = getattr(flowable, "outline_key", "")
        if not key:
            return
        label: str = getattr(flowable, "outline_text", "")
        level: int = getattr(flowable, "outline_level", 0)
        y = getattr(self.frame, "_y", None)
        top = float(y) + float(getattr(flowable, "height", 0)) + 8 if y is not None else self.pagesize[1]
        self.canv.bookmarkHorizontalAbsolute(key, top)
        self.canv.addOutlineEntry(label, key, level=level, closed=False)
        if isinstance(self.canv, _ReportCanvas):
            self.canv.contents_pages[key] = self.page
        if getattr(flowable, "in_toc", False):
            self.notify("TOCEntry", (level, esc(label), self.page, key))

    def build_report(self, story: list[Flowable]) -> int:
        """Lay out `story` and write the PDF; the number of pages."""
        decor = _PageDecor(
            language=self.language,
            footer_left=f"{__app_name__} {__version__}",
            as_of=self.options.as_of,
            margin_x=_MARGIN_X,
            page_width=float(self.pagesize[0]),
        )

        def make(filename: str | IO[bytes], /, **kwargs: Any) -> Canvas:
            canv = _ReportCanvas(filename, decor=decor, **kwargs)
            canv.showOutline()
            return canv

        # reportlab keeps per-document state in shared font objects and module globals and does not
        # promise thread safety: one build at a time per process (builds are CPU-bound anyway).
        with _BUILD_LOCK:
            if any(isinstance(item, TableOfContents) for item in story):
                self.multiBuild(story, canvasmaker=make)
            else:
                self.build(story, canvasmaker=make)
        self.page_count = cast(_ReportCanvas, self.canv).page_count
        return self.page_count


def _logo(path: Path | None, *, max_width: float, max_height: float) -> Image | None:
    if path is None:
        return None
    try:
        reader = ImageReader(str(path))
        width, height = reader.getSize()
    except Exception as exc:  # a broken or vanished logo must not stop the report
        log.warning("Report logo %s could not be read (%s); leaving it out.", path, type(exc).__name__)
        return None
    scale = min(max_width / width, max_height / height)
    image = Image(str(path), width=width * scale, height=height * scale)
    image.hAlign = "LEFT"
    return image


# ---------------------------------------------------------------- tables

Cell = str | Flowable | None
Align = Literal["LEFT", "RIGHT", "CENTER"]


def _scaled(col_widths: Sequence[float], width: float) -> list[float]:
    total = float(sum(col_widths))
    if total <= 0:
        raise ValueError("Column widths must add up to more than zero.")
    return [width * w / total for w in col_widths]


def _width(value: str, style: ParagraphStyle) -> float:
    return float(pdfmetrics.stringWidth(value, style.fontName, style.fontSize))


def _cell(value: Cell, width: float, style: ParagraphStyle) -> Cell:
    """Short one-line text stays a plain string (fast); anything that might not fit becomes a Paragraph."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    room = width - 2 * _CELL_PAD - 0.5
    if "\n" not in value and not _CONTROL.search(value) and _width(value, style) <= room:
        return value
    return para(value, style)


def _base_table_style(styles: ReportStyles, aligns: Sequence[Align]) -> list[Any]:
    td = styles.td
    cmds: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), td.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), td.fontSize),
        ("LEADING", (0, 0), (-1, -1), td.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
    ]
    for index, align in enumerate(aligns):
        if align != "LEFT":
            cmds.append(("ALIGN", (index, 0), (index, -1), align))
    return cmds


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    col_widths: Sequence[float],
    *,
    styles: ReportStyles,
    width: float,
    repeat: int = 1,
    align: Sequence[Align] | None = None,
    empty: str | None = None,
    emphasis: Collection[int] = (),
    chunk_rows: int = TABLE_CHUNK_ROWS,
) -> list[Flowable]:
    """A table that breaks across pages with its header repeated (`repeat`=1), zebra rows, wrapped cells."""
    # `col_widths` are relative weights spread over `width`. Rows are cut into LongTables of at most
    # `chunk_rows` rows (each with the header): reportlab lays those out far faster than one huge table.
    # Rows whose index is in `emphasis` are shaded; say so in words too, shading alone is not read out.
    if len(header) != len(col_widths):
        raise ValueError(f"{len(header)} headings but {len(col_widths)} column widths.")
    if not rows:
        return [para(empty or text("none_recorded", styles.language), styles.body)]
    widths = _scaled(col_widths, width)
    aligns: list[Align] = list(align) if align else ["LEFT"] * len(header)
    cell_styles = [{"RIGHT": styles.td_right, "CENTER": styles.td_center}.get(a, styles.td) for a in aligns]
    head = [para(h, styles.th) for h in header]
    base = _base_table_style(styles, aligns)
    base += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    out: list[Flowable] = []
    size = max(1, chunk_rows)
    for start in range(0, len(rows), size):
        chunk = rows[start : start + size]
        data: list[list[Cell]] = [list(head)]
        for row in chunk:
            if len(row) != len(header):
                raise ValueError(f"A row has {len(row)} cells; the table has {len(header)} columns.")
            data.append([_cell(v, w, s) for v, w, s in zip(row, widths, cell_styles, strict=True)])
        first = 1
        stripes = [colors.white, ZEBRA] if start % 2 == 0 else [ZEBRA, colors.white]
        cmds = [*base, ("ROWBACKGROUNDS", (0, first), (-1, -1), stripes)]
        for index in sorted(i for i in emphasis if start <= i < start + size):
            row_at = index - start + first
            cmds.append(("BACKGROUND", (0, row_at), (-1, row_at), EMPHASIS))
        out.append(
            LongTable(
                data,
                colWidths=widths,
                style=TableStyle(cmds),
                repeatRows=1 if repeat else 0,
                splitInRow=1,
                hAlign="LEFT",
                spaceBefore=2,
                spaceAfter=8 if start + size >= len(rows) else 0,
            )
        )
    return out


def kv_table(
    pairs: Sequence[tuple[str, Cell]],
    *,
    styles: ReportStyles,
    width: float,
    key_share: float = 0.3,
) -> Table:
    """A two-column key/value table (keys shaded); long values wrap and may break across pages."""
    widths = [width * key_share, width * (1 - key_share)]
    data = [[_cell(k, widths[0], styles.key), _cell(v, widths[1], styles.td)] for k, v in pairs]
    cmds = [
        *_base_table_style(styles, ["LEFT", "LEFT"]),
        ("BACKGROUND", (0, 0), (0, -1), KEY_FILL),
        ("LINEAFTER", (0, 0), (0, -1), 0.4, GRID),
    ]
    return Table(
        data or [["", ""]],
        colWidths=widths,
        style=TableStyle(cmds),
        splitInRow=1,
        hAlign="LEFT",
        spaceBefore=2,
        spaceAfter=8,
    )


# ---------------------------------------------------------------- approval block


class SealBox(Flowable):
    """An empty square where a seal (印) is stamped, centred in its cell."""

    def __init__(self, side: float) -> None:
        super().__init__()
        self.side = side
        self._avail = side

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """As wide as the cell, as tall as the square."""
        self._avail = max(availWidth, self.side)
        return self._avail, self.side

    def draw(self) -> None:
        """Draw the square."""
        self.canv.saveState()
        self.canv.setStrokeColor(MUTED)
        self.canv.setLineWidth(0.6)
        self.canv.rect((self._avail - self.side) / 2, 0, self.side, self.side, stroke=1, fill=0)
        self.canv.restoreState()


def approval_block(language: Language, *, prepared_by: str | None = None, seal: float = 22 * mm) -> Table:
    """Prepared / reviewed / approved (作成・確認・承認) columns: seal box, name line and date line each."""
    st = report_styles(language)
    keys = ["approval_prepared", "approval_reviewed", "approval_approved"]
    if language == "ja":
        keys.reverse()  # Japanese approval columns run from the highest authority on the left
    col = seal + 14 * mm
    name_label = text("approval_name", language)
    date_label = text("approval_date", language)
    colon = "：" if language == "ja" else ": "
    labels: list[Cell] = [para(text(k, language), st.approval_label) for k in keys]
    seals: list[Cell] = [SealBox(seal) for _ in keys]
    names: list[Cell] = []
    for key in keys:
        who = prepared_by if key == "approval_prepared" and prepared_by else ""
        names.append(rich(f"{esc(name_label)}{colon}{esc(who)}", st.small))
    blank = "&nbsp;" * 6
    if language == "ja":
        blank = f"{blank}年&nbsp;&nbsp;&nbsp;&nbsp;月&nbsp;&nbsp;&nbsp;&nbsp;日"
    dates: list[Cell] = [rich(f"{esc(date_label)}{colon}{blank}", st.small) for _ in keys]
    cmds: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.6, MUTED),
        ("BACKGROUND", (0, 0), (-1, 0), KEY_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, 1), 3 * mm),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 3 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    return Table(
        [labels, seals, names, dates],
        colWidths=[col] * 3,
        rowHeights=[7 * mm, seal + 6 * mm, None, 8 * mm],
        style=TableStyle(cmds),
        hAlign="RIGHT",
    )
