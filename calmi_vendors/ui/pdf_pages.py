"""PDF pages as images, for the report preview and for printing (PDFium through pypdfium2)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

POINTS_PER_INCH = 72.0


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_pages(
    path: Path,
    dpi: float,
    *,
    check: Callable[[], None] | None = None,
    first: int = 0,
    last: int | None = None,
) -> Iterator[QImage]:
    """Yield pages `first`..`last` of the PDF at `dpi`; safe on a worker thread (QImage, not QPixmap)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        end = len(pdf) if last is None else min(last + 1, len(pdf))
        for index in range(first, end):
            if check is not None:
                check()
            page = pdf[index]
            try:
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True)
                # BGRx bytes are Qt's RGB32 on little-endian machines; copy() detaches from PDFium's buffer.
                image = QImage(
                    bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
                ).copy()
                image.setDotsPerMeterX(round(dpi / 0.0254))
                image.setDotsPerMeterY(round(dpi / 0.0254))
            finally:
                page.close()
            yield image
    finally:
        pdf.close()


def print_pdf(path: Path, printer: QPrinter, *, check: Callable[[], None] | None = None) -> int:
    """Send the PDF's pages to `printer` at its resolution, each fitted to the printable area; pages sent."""
    first, last = 0, None
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, printer.toPage() - 1
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started.")
    sent = 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for image in render_pages(path, min(printer.resolution(), 300), check=check, first=first, last=last):
            if sent:
                printer.newPage()
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
            painter.drawImage(target, image)
            sent += 1
    finally:
        painter.end()
    return sent


def portrait_layout(printer: QPrinter) -> None:
    """Reports are portrait; start the print dialog there."""
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
