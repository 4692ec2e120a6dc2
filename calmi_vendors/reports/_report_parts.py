"""Parts shared by the audit and program review reports: count tables and vector bar charts."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from calmi_vendors.reports.document import (
    ACCENT,
    EMPHASIS,
    FONT_NAME,
    GRID,
    HEADER_FILL,
    INK,
    MUTED,
    RULE,
    ZEBRA,
    Cell,
    ReportStyles,
    para,
)

SERIES_COLOURS = (ACCENT, colors.HexColor("#8FB3D9"), colors.HexColor("#C9792B"), colors.HexColor("#9B1C1C"))
"""Bar colours, dark to light then warm; charts also label every bar with its number."""


@functools.cache
def _aligned(style: ParagraphStyle, alignment: Literal[1, 2]) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-a{alignment}", parent=style, alignment=alignment)


def right(style: ParagraphStyle) -> ParagraphStyle:
    """`style`, right-aligned (for headings over columns of numbers)."""
    return _aligned(style, 2)  # TA_RIGHT


def centred(style: ParagraphStyle) -> ParagraphStyle:
    """`style`, centred."""
    return _aligned(style, 1)  # TA_CENTER


def count_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    col_widths: Sequence[float],
    *,
    styles: ReportStyles,
    width: float,
    total_row: bool = False,
) -> Table:
    """A small table of counts: a label column, then numbers right-aligned under right-aligned headings."""
    scale = width / float(sum(col_widths))
    widths = [w * scale for w in col_widths]
    head: list[Cell] = [para(header[0], styles.th)]
    head += [para(h, right(styles.th)) for h in header[1:]]
    data: list[list[Cell]] = [head]
    for row in rows:
        first = row[0]
        cells: list[Cell] = [para(first, styles.td) if isinstance(first, str) else first]
        cells += [para(v, styles.td_right) if isinstance(v, str) else v for v in row[1:]]
        data.append(cells)
    cmds: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
    ]
    if total_row and rows:
        cmds += [("BACKGROUND", (0, -1), (-1, -1), EMPHASIS), ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE)]
    return Table(data, colWidths=widths, style=TableStyle(cmds), repeatRows=1, hAlign="LEFT", spaceAfter=8)


@dataclass(frozen=True, slots=True)
class Series:
    """One set of bars: its name (for the legend) and one value per category."""

    name: str
    values: Sequence[int]


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    width: float,
    height: float,
) -> Drawing:
    """A vertical bar chart drawn as vector graphics, each bar labelled with its value."""
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 11, title, fontName=FONT_NAME, fontSize=9.5, fillColor=ACCENT))
    legend_room = 16 if len(series) > 1 else 0
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 26
    chart.width = int(width - chart.x - 6)
    chart.height = int(height - chart.y - 24 - legend_room)
    chart.data = [list(s.values) for s in series]
    top = max([max(s.values, default=0) for s in series] + [0])
    step = _nice_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-top // step) * step) + (step if top else 0)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT_NAME
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.categoryAxis.categoryNames = list(categories)
    chart.categoryAxis.labels.fontName = FONT_NAME
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = RULE
    chart.barSpacing = 1
    chart.groupSpacing = 6 if len(series) > 1 else 10
    chart.barLabelFormat = _bar_label
    chart.barLabels.fontName = FONT_NAME
    chart.barLabels.fontSize = 6.5
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 5
    for index in range(len(series)):
        chart.bars[index].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = chart.x, int(height - 22)
        legend.alignment = "right"
        legend.columnMaximum = 1
        # Columns as wide as their own label, so short and long names sit evenly without overlapping.
        legend.deltax = None  # type: ignore[assignment]  # the stubs miss that None means "automatic"
        legend.variColumn = 1
        legend.autoXPadding = 12
        legend.dxTextSpace = 4
        legend.dx, legend.dy = 7, 7
        legend.fontName = FONT_NAME
        legend.fontSize = 7
        legend.strokeColor = None
        legend.colorNamePairs = [
            (SERIES_COLOURS[i % len(SERIES_COLOURS)], s.name) for i, s in enumerate(series)
        ]
        drawing.add(legend)
    return drawing


def _bar_label(value: float) -> str:
    """A bar's number; none on empty bars, which would only clutter the axis."""
    return f"{value:,.0f}" if value else ""


def _nice_step(top: int) -> int:
    """A round grid step giving about four to six lines up to `top`."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return 10_000
