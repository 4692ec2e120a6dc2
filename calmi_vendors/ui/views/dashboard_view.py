"""Dashboard: where supervision is late, at a glance; every number opens the register filtered to it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.enums import PartyStatus, RiskTier, Severity
from calmi_vendors.services.dashboard import HORIZONS, Dashboard
from calmi_vendors.services.register_view import RegisterFilter
from calmi_vendors.ui.labels import enum_label, format_date

TIER_COLOURS = {RiskTier.HIGH: "#d84315", RiskTier.MEDIUM: "#f9a825", RiskTier.LOW: "#2e7d32"}


class Tile(QFrame):
    """A number over its meaning; clicking it (or Enter/Space when focused) filters the register.

    Signals:
        clicked(): the user activated the tile.
    """

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(150, 70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.number = QLabel("0", self)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.number.setFont(font)
        self.label = QLabel(caption, self)
        self.label.setWordWrap(True)
        for label in (self.number, self.label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.label)
        self.set_value(0)

    def set_value(self, value: int) -> None:
        self.value = value
        self.number.setText(f"{value:,}")
        self.setAccessibleName(f"{self.caption}: {value}")
        self.setToolTip(self.tr("Show these parties in the register") if self.isEnabled() else "")

    def text(self) -> str:
        return f"{self.value}\n{self.caption}"

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)


class BarChart(QWidget):
    """Vertical bars with labels under them; grouped series drawn side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(220)
        self.series: list[tuple[str, list[float], str]] = []
        self.labels: list[str] = []

    def set_data(self, labels: list[str], series: list[tuple[str, list[float], str]]) -> None:
        self.labels, self.series = labels, series
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        legend_h = metrics.height() + 6
        label_h = metrics.height() + 4
        area = QRectF(8, legend_h, self.width() - 16, self.height() - legend_h - label_h - 4)
        top = max([max(values, default=0) for _n, values, _c in self.series] + [1])
        groups = max(len(self.labels), 1)
        group_w = area.width() / groups
        bar_w = max(2.0, group_w * 0.8 / max(len(self.series), 1))
        x = 8.0
        for name, _values, colour in self.series:
            painter.fillRect(QRectF(x, 4, 10, 10), QColor(colour))
            painter.setPen(text_colour)
            painter.drawText(int(x + 14), 4 + metrics.ascent() - 1, name)
            x += 24 + metrics.horizontalAdvance(name)
        for g, label in enumerate(self.labels):
            gx = area.left() + g * group_w + group_w * 0.1
            for s, (_name, values, colour) in enumerate(self.series):
                value = values[g] if g < len(values) else 0
                h = area.height() * value / top
                painter.fillRect(QRectF(gx + s * bar_w, area.bottom() - h, bar_w - 1, h), QColor(colour))
            painter.setPen(text_colour)
            rect = QRectF(area.left() + g * group_w, area.bottom() + 2, group_w, label_h)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        painter.end()


class DashboardView(QScrollArea):
    """Signals:
    filter_requested(RegisterFilter): show the register narrowed to what a number counts.
    """

    filter_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        self.as_of = QLabel(body)
        self.tiles: dict[str, Tile] = {}
        layout = QVBoxLayout(body)
        layout.addWidget(self.as_of)
        # What is late comes first: that is what the privacy office opens the dashboard for.
        layout.addWidget(self._group(self.tr("Supervision due"), self._due_tiles()))
        layout.addWidget(self._group(self.tr("Open findings"), self._finding_tiles()))
        layout.addWidget(self._group(self.tr("Risk tiers"), self._tier_tiles()))
        layout.addWidget(self._group(self.tr("Lifecycle"), self._status_tiles()))
        charts = QHBoxLayout()
        self.tier_chart = BarChart(body)
        self.month_chart = BarChart(body)
        charts.addWidget(self._group(self.tr("Parties by risk tier"), [self.tier_chart]), 1)
        charts.addWidget(self._group(self.tr("Audits performed and due, by month"), [self.month_chart]), 3)
        layout.addLayout(charts)
        layout.addStretch(1)

    def _group(self, title: str, widgets: list[QWidget]) -> QGroupBox:
        box = QGroupBox(title, self.widget())
        grid = QGridLayout(box)
        for n, w in enumerate(widgets):
            grid.addWidget(w, n // 5, n % 5)
        return box

    def _tile(self, key: str, caption: str, spec: RegisterFilter | None) -> Tile:
        tile = Tile(caption, self.widget())
        self.tiles[key] = tile
        if spec is not None:
            tile.clicked.connect(lambda: self.filter_requested.emit(spec))
        else:
            tile.setEnabled(False)
        return tile

    def _tier_tiles(self) -> list[QWidget]:
        return [
            self._tile(f"tier:{t.value}", enum_label(t), RegisterFilter(tiers=frozenset({t})))
            for t in RiskTier
        ]

    def _status_tiles(self) -> list[QWidget]:
        return [
            self._tile(f"status:{s.value}", enum_label(s), RegisterFilter(statuses=frozenset({s})))
            for s in PartyStatus
        ]

    def _due_tiles(self) -> list[QWidget]:
        tiles: list[QWidget] = [
            self._tile("audits_overdue", self.tr("Audits overdue"), RegisterFilter(overdue_audit=True))
        ]
        for h in HORIZONS:
            caption = self.tr("Audits due in %1 days").replace("%1", str(h))
            tiles.append(self._tile(f"audits_due:{h}", caption, RegisterFilter(audit_due_within=h)))
        for h in HORIZONS:
            tiles.append(
                self._tile(
                    f"contracts:{h}",
                    self.tr("Contracts expiring in %1 days").replace("%1", str(h)),
                    RegisterFilter(contract_expiring_within=h),
                )
            )
        for h in HORIZONS:
            tiles.append(
                self._tile(
                    f"certificates:{h}",
                    self.tr("Certificates expiring in %1 days").replace("%1", str(h)),
                    RegisterFilter(certificate_expiring_within=h),
                )
            )
        gaps = RegisterFilter(with_clause_gaps=True)
        tiles.append(self._tile("gaps", self.tr("Parties lacking required clauses"), gaps))
        return tiles

    def _finding_tiles(self) -> list[QWidget]:
        spec = RegisterFilter(with_open_findings=True)
        tiles: list[QWidget] = [self._tile(f"findings:{s.value}", enum_label(s), spec) for s in Severity]
        tiles.append(self._tile("findings_overdue", self.tr("Past their due date"), spec))
        return tiles

    def set_dashboard(self, d: Dashboard) -> None:
        self.as_of.setText(
            self.tr("As of %1 · %2 entrusted parties")
            .replace("%1", format_date(d.today))
            .replace("%2", f"{d.parties:,}")
        )
        for t in RiskTier:
            self.tiles[f"tier:{t.value}"].set_value(d.by_tier.get(t, 0))
        for s in PartyStatus:
            self.tiles[f"status:{s.value}"].set_value(d.by_status.get(s, 0))
        self.tiles["audits_overdue"].set_value(d.audits_overdue)
        for h in HORIZONS:
            self.tiles[f"audits_due:{h}"].set_value(d.audits_due[h])
            self.tiles[f"contracts:{h}"].set_value(d.contracts_expiring[h])
            self.tiles[f"certificates:{h}"].set_value(d.certificates_expiring[h])
        self.tiles["gaps"].set_value(d.parties_with_clause_gaps)
        for sev in Severity:
            self.tiles[f"findings:{sev.value}"].set_value(d.open_findings.get(sev, 0))
        self.tiles["findings_overdue"].set_value(d.overdue_findings)
        self.tier_chart.set_data(
            [enum_label(t) for t in RiskTier],
            [(self.tr("Parties"), [float(d.by_tier.get(t, 0)) for t in RiskTier], "#5c6bc0")],
        )
        self.month_chart.set_data(
            [m[0][2:].replace("-", "/") for m in d.audits_by_month],
            [
                (self.tr("Performed"), [float(m[1]) for m in d.audits_by_month], "#43a047"),
                (self.tr("Due"), [float(m[2]) for m in d.audits_by_month], "#fb8c00"),
            ],
        )
