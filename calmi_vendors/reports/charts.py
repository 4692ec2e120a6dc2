"""Small vector charts for reports (reportlab.graphics): labelled bars, and grouped bars by month."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from calmi_vendors.reports.document import GRID, INK, MUTED, RULE, register_fonts

LABEL_SIZE = 8.0
SMALL_SIZE = 6.5


def _text_width(value: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(value, register_fonts(), size))


def _box(x: float, y: float, width: float, height: float, colour: colors.Color) -> Rect:
    """A filled rectangle without outline."""
    box = Rect(x, y, width, height)
    box.fillColor = colour
    box.strokeColor = None
    box.strokeWidth = 0
    return box


def nice_step(maximum: int, ticks: int = 5) -> int:
    """A round axis step (1, 2, 5 × 10ⁿ) that divides 0…`maximum` into at most `ticks` intervals."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)


def labelled_bars(
    items: Sequence[tuple[str, int, colors.Color]], *, width: float, row: float = 17.0
) -> Drawing:
    """Horizontal bars, one per item, each with its label on the left and its number on the right."""
    font = register_fonts()
    label_room = max((_text_width(label, LABEL_SIZE) for label, _, _ in items), default=0.0) + 8
    number_room = max((_text_width(f"{n:,}", LABEL_SIZE) for _, n, _ in items), default=0.0) + 8
    bar_room = max(width - label_room - number_room, 20.0)
    top = max((n for _, n, _ in items), default=0)
    height = row * len(items) + 4
    drawing = Drawing(width, height)
    drawing.add(Line(label_room, 2, label_room, height - 2, strokeColor=RULE, strokeWidth=0.6))
    for index, (label, number, colour) in enumerate(items):
        y = height - (index + 1) * row
        drawing.add(
            String(label_room - 6, y + row * 0.32, label, fontName=font, fontSize=LABEL_SIZE,
                   fillColor=INK, textAnchor="end")
        )  # fmt: skip
        length = bar_room * number / top if top else 0.0
        if number and length < 1.5:
            length = 1.5  # a party or finding that exists is never drawn as nothing
        if length:
            drawing.add(_box(label_room, y + row * 0.18, length, row * 0.64, colour))
        drawing.add(
            String(label_room + length + 4, y + row * 0.32, f"{number:,}", fontName=font,
                   fontSize=LABEL_SIZE, fillColor=INK)
        )  # fmt: skip
    return drawing


def grouped_columns(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int], colors.Color]],
    *,
    width: float,
    height: float = 150.0,
    marker: int | None = None,
    marker_label: str = "",
) -> Drawing:
    """Side-by-side columns per category (e.g. month) for each series, with axis, legend and numbers.

    `labels` may hold a second line after a newline (a year); `marker` is the index of the category
    drawn with a dashed line before it (e.g. the current month).
    """
    font = register_fonts()
    top = max((max(values, default=0) for _, values, _ in series), default=0)
    step = nice_step(top)
    ceiling = max(step * math.ceil(top / step), step)
    axis_room = _text_width(f"{ceiling:,}", SMALL_SIZE) + 6
    legend_h, label_h = 16.0, 20.0
    plot_x, plot_y = axis_room, label_h
    plot_w, plot_h = width - axis_room - 2, height - label_h - legend_h - 4
    drawing = Drawing(width, height)
    # Legend: a swatch and the series name in words (the two series differ in lightness, too).
    x = plot_x
    for name, _, colour in series:
        drawing.add(_box(x, height - 10, 9, 7, colour))
        drawing.add(String(x + 12, height - 9.5, name, fontName=font, fontSize=LABEL_SIZE, fillColor=INK))
        x += 12 + _text_width(name, LABEL_SIZE) + 18
    for value in range(0, ceiling + 1, step):
        y = plot_y + plot_h * value / ceiling
        drawing.add(Line(plot_x, y, plot_x + plot_w, y, strokeColor=GRID if value else RULE, strokeWidth=0.4))
        drawing.add(
            String(plot_x - 3, y - 2, f"{value:,}", fontName=font, fontSize=SMALL_SIZE, fillColor=MUTED,
                   textAnchor="end")
        )  # fmt: skip
    count = max(len(labels), 1)
    slot = plot_w / count
    bar = min(slot * 0.8 / max(len(series), 1), 14.0)
    for index, label in enumerate(labels):
        left = plot_x + index * slot + (slot - bar * len(series)) / 2
        for number, (_, values, colour) in enumerate(series):
            value = values[index] if index < len(values) else 0
            if not value:
                continue
            tall = max(plot_h * value / ceiling, 1.0)
            drawing.add(_box(left + number * bar, plot_y, bar - 0.6, tall, colour))
        centre = plot_x + (index + 0.5) * slot
        for line_no, part in enumerate(label.split("\n")[:2]):
            drawing.add(
                String(centre, plot_y - 8 - line_no * 8, part, fontName=font, fontSize=SMALL_SIZE,
                       fillColor=INK if line_no == 0 else MUTED, textAnchor="middle")
            )  # fmt: skip
    if marker is not None and 0 <= marker < count:
        x = plot_x + marker * slot
        drawing.add(
            Line(x, plot_y, x, plot_y + plot_h, strokeColor=MUTED, strokeWidth=0.6, strokeDashArray=[2, 2])
        )
        if marker_label:
            drawing.add(
                String(x + 2, plot_y + plot_h - 6, marker_label, fontName=font, fontSize=SMALL_SIZE,
                       fillColor=MUTED)
            )  # fmt: skip
    return drawing
