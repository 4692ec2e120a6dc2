"""An in-app PDF preview: pages laid out top to bottom, drawn lazily as they scroll into view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.ui.pdf_pages import POINTS_PER_INCH, render_pages

_SCREEN_DPI = 96.0
_GAP = 12
_FIT_WIDTH = 0.0


class PdfPreview(QWidget):
    """Shows one PDF; pages outside the viewport stay blank placeholders until scrolled to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._sizes: list[tuple[float, float]] = []
        self._title = ""
        self._pages: list[QLabel] = []
        self._drawn: dict[int, int] = {}
        self.page_label = QLabel(self)
        self.note = QLabel(self)
        self.note.setObjectName("previewNote")
        self.zoom = QComboBox(self)
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.zoom.addItem(self.tr("Fit width"), _FIT_WIDTH)
        for percent in (50, 75, 100, 125, 150, 200):
            self.zoom.addItem(f"{percent}%", percent / 100)
        self.zoom.currentIndexChanged.connect(self._relayout)
        bar = QHBoxLayout()
        bar.addWidget(self.page_label)
        bar.addWidget(self.note, 1)
        bar.addWidget(self.zoom)
        self.sheet = QWidget()
        self.sheet.setBackgroundRole(QPalette.ColorRole.Dark)
        self.sheet.setAutoFillBackground(True)
        self.column = QVBoxLayout(self.sheet)
        self.column.setSpacing(_GAP)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty = QLabel(self.tr("Choose a report and press Preview."), self.sheet)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.BrightText)
        self.column.addWidget(self.empty)
        self.area = QScrollArea(self)
        self.area.setWidget(self.sheet)
        self.area.setWidgetResizable(True)
        self.area.setBackgroundRole(QPalette.ColorRole.Dark)
        self.area.verticalScrollBar().valueChanged.connect(self._schedule_draw)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.area, 1)
        self._draw_timer = QTimer(self)
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(30)
        self._draw_timer.timeout.connect(self._draw_visible)

    # -- what is shown ---------------------------------------------------------------------------
    def show_pdf(self, path: Path) -> None:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            self._sizes = [pdf.get_page_size(i) for i in range(len(pdf))]
            self._title = str(pdf.get_metadata_dict().get("Title") or "")
        finally:
            pdf.close()
        self._path = path
        for label in self._pages:
            label.deleteLater()
        self._pages = []
        self.empty.hide()
        for number in range(1, len(self._sizes) + 1):
            page = QLabel(self.sheet)
            page.setAccessibleName(self.tr("Page %1").replace("%1", str(number)))
            page.setAutoFillBackground(True)
            page.setBackgroundRole(QPalette.ColorRole.Base)
            page.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self._pages.append(page)
        self.set_stale(False)
        self._relayout()
        self.area.verticalScrollBar().setValue(0)

    def close_pdf(self) -> None:
        self._path = None

    def title(self) -> str:
        return self._title

    def page_count(self) -> int:
        return len(self._pages)

    def set_stale(self, stale: bool) -> None:
        self.note.setText(self.tr("The choices changed: press Preview to update.") if stale else "")

    def set_busy(self, busy: bool) -> None:
        if busy:
            self.note.setText(self.tr("Making the report…"))
        elif self.note.text() == self.tr("Making the report…"):
            self.note.setText("")

    # -- drawing ---------------------------------------------------------------------------------
    def _scale(self) -> float:
        """Screen pixels per PDF point at the chosen zoom."""
        zoom = float(self.zoom.currentData() or _FIT_WIDTH)
        if zoom == _FIT_WIDTH and self._sizes:
            widest = max(width for width, _height in self._sizes)
            bar = self.area.verticalScrollBar()
            # The viewport narrows when the scroll bar appears; leave its room from the start.
            room = (
                self.area.viewport().width() - 2 * _GAP - (0 if bar.isVisible() else bar.sizeHint().width())
            )
            return max(room, 200) / widest
        return (zoom or 1.0) * _SCREEN_DPI / POINTS_PER_INCH

    def _relayout(self, *_args: Any) -> None:
        scale = self._scale()
        for label, (width, height) in zip(self._pages, self._sizes, strict=True):
            label.setFixedSize(QSize(round(width * scale), round(height * scale)))
        self._drawn.clear()
        self._schedule_draw()

    def _schedule_draw(self, *_args: Any) -> None:
        self._draw_timer.start()
        self._update_page_label()

    def _visible_pages(self, margin: int = 0) -> list[int]:
        """Pages within `margin` pixels of the viewport (a margin draws the next page before it shows)."""
        top = self.area.verticalScrollBar().value() - margin
        bottom = top + self.area.viewport().height() + 2 * margin
        return [
            index
            for index, label in enumerate(self._pages)
            if label.y() + label.height() >= top and label.y() <= bottom
        ]

    def _draw_visible(self) -> None:
        if self._path is None:
            return
        ratio = self.devicePixelRatioF()
        for index in self._visible_pages(margin=200):
            label = self._pages[index]
            if self._drawn.get(index) == label.width():
                continue
            dpi = label.width() * ratio / self._sizes[index][0] * POINTS_PER_INCH
            image = next(render_pages(self._path, dpi, first=index, last=index))
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            self._drawn[index] = label.width()

    def _update_page_label(self) -> None:
        if not self._pages:
            self.page_label.setText("")
            return
        visible = self._visible_pages()
        current = visible[0] + 1 if visible else 1
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(current)).replace("%2", str(len(self._pages)))
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.zoom.currentData() == _FIT_WIDTH:
            self._relayout()
