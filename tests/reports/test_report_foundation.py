"""The shared report foundation: escaping, fonts, long tables, approval blocks, logos, outlines."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PIL import Image as PILImage
from report_support import options, pdf_info, pdf_text, run, squash
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, LongTable, Paragraph

from calmi_vendors.reports.document import (
    FONT_NAME,
    TABLE_CHUNK_ROWS,
    ReportDocument,
    SealBox,
    approval_block,
    data_table,
    esc,
    fit_style,
    kv_table,
    register_fonts,
    report_styles,
)
from calmi_vendors.reports.labels import Language


def test_esc_makes_user_text_inert() -> None:
    assert esc('<font color="red">x</font> & <b>') == '&lt;font color="red"&gt;x&lt;/font&gt; &amp; &lt;b&gt;'
    assert esc("line one\r\nline two\nthree") == "line one<br/>line two<br/>three"
    assert esc("bell\x07 and\ttab") == "bell and tab"
    assert esc(None) == ""
    assert esc(12) == "12"


def test_every_escaped_string_parses_as_a_paragraph() -> None:
    style = report_styles("en").body
    for nasty in ("<para>", "</para>", "&amp;", "&", "<<<>>>", "<img src='x'/>", "a\x00b", "]]>", "\"'"):
        paragraph = Paragraph(esc(nasty), style)
        paragraph.wrap(200, 200)


def test_fonts_register_once_from_many_threads() -> None:
    names: list[str] = []
    threads = [threading.Thread(target=lambda: names.append(register_fonts())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert names == [FONT_NAME] * 8
    assert pdfmetrics.getFont(FONT_NAME).fontName == FONT_NAME


def test_styles_wrap_japanese_by_character_and_english_at_spaces() -> None:
    languages: tuple[Language, ...] = ("en", "ja")
    for language in languages:
        styles = report_styles(language)
        assert styles.body.fontName == FONT_NAME
        assert styles.body.wordWrap == "CJK"
        assert fit_style(styles.td, "委託先").wordWrap == "CJK"
        assert fit_style(styles.td, "IT operations").wordWrap is None
    cell = Paragraph("IT operations", fit_style(report_styles("ja").td, "IT operations"))
    cell.wrap(47, 100)
    assert [line[1] for line in vars(cell)["blPara"].lines] == [["IT"], ["operations"]]


def test_a_long_table_is_cut_into_long_tables_with_the_header() -> None:
    styles = report_styles("en")
    rows = [[str(i), f"row {i}", "x" * (i % 50)] for i in range(1000)]
    parts = data_table(["No.", "Name", "Text"], rows, [1, 3, 6], styles=styles, width=170 * mm)
    tables = [p for p in parts if isinstance(p, LongTable)]
    assert len(tables) == -(-1000 // TABLE_CHUNK_ROWS)
    assert all(t.repeatRows == 1 for t in tables)
    assert sum(len(vars(t)["_cellvalues"]) - 1 for t in tables) == 1000  # each chunk carries the header row


def test_a_long_table_breaks_across_pages_with_repeated_headers(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    doc = ReportDocument(path, options("ja"), title="長い表", subject="表のテスト", with_title_page=False)
    rows = [[str(i), f"項目{i:04d}", "株式会社テスト" * (1 + i % 4)] for i in range(900)]
    story: list[Flowable] = [
        *doc.heading("長い表"),
        *data_table(["番号", "名称", "備考"], rows, [1, 3, 6], styles=doc.styles, width=doc.content_width),
    ]
    pages = doc.build_report(story)
    assert pages == int(pdf_info(path)["Pages"]) > 10
    for page in range(1, pages + 1):
        page_text = run("pdftotext", "-enc", "UTF-8", "-f", page, "-l", page, path, "-")
        assert "番号" in page_text, f"page {page} lost the header"
        assert "名称" in page_text, f"page {page} lost the header"
        assert f"{page} / {pages} ページ" in page_text
    flat = squash(pdf_text(path))
    for i in range(900):
        assert f"項目{i:04d}" in flat


def test_a_cell_taller_than_a_page_splits_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "tall.pdf"
    doc = ReportDocument(path, options("en"), title="Tall", subject="Tall cell", with_title_page=False)
    huge = "\n".join(f"Paragraph {i}: " + "lorem ipsum dolor sit amet " * 12 for i in range(200))
    story: list[Flowable] = [kv_table([("Notes", huge)], styles=doc.styles, width=doc.content_width)]
    pages = doc.build_report(story)
    assert pages > 3
    flat = squash(pdf_text(path))
    assert "Paragraph0:" in flat
    assert "Paragraph199:" in flat


def test_approval_block_has_three_columns_with_square_seal_boxes() -> None:
    cases: tuple[tuple[Language, list[str]], ...] = (
        ("ja", ["承認", "確認", "作成"]),
        ("en", ["Prepared", "Reviewed", "Approved"]),
    )
    for language, labels in cases:
        table = approval_block(language, prepared_by="中村")
        cells = vars(table)["_cellvalues"]
        assert [c.text for c in cells[0]] == labels
        seals = cells[1]
        assert all(isinstance(s, SealBox) and abs(s.side - 22 * mm) < 0.01 for s in seals)
        prepared = labels.index("作成" if language == "ja" else "Prepared")
        assert "中村" in cells[2][prepared].text


def test_title_page_with_a_logo_and_bookmarks(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    PILImage.new("RGB", (400, 120), (31, 58, 95)).save(logo)
    path = tmp_path / "titled.pdf"
    doc = ReportDocument(path, options("en", logo_path=logo), title="Titled", subject="With a logo")
    story = [*doc.title_page(kicker="Report", name="Sakura データ Services 株式会社"), *doc.contents()]
    story += [*doc.heading("First"), Paragraph("Body text.", doc.styles.body), *doc.heading("Second", 1)]
    pages = doc.build_report(story)
    assert pages == 3
    data = path.read_bytes()
    assert b"/Type /XObject" in data
    assert b"/Subtype /Image" in data
    assert b"/Outlines" in data
    assert b"/PageMode /UseOutlines" in data
    contents = run("pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2", path, "-")
    assert "First" in contents
    assert "Second" in contents
    assert "3" in contents


def test_a_missing_logo_is_left_out_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "nologo.pdf"
    doc = ReportDocument(path, options("en", logo_path=tmp_path / "gone.png"), title="T", subject="S")
    with caplog.at_level(logging.WARNING):
        pages = doc.build_report([*doc.title_page(kicker="Report", name="Name")])
    assert pages == 1
    assert "could not be read" in caplog.text


def test_reports_never_import_qt() -> None:
    code = (
        "import sys, calmi_vendors.reports.dossier, calmi_vendors.reports.document;"
        "print(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"
