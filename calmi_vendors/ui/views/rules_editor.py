"""Edit the register's supervision rules: points per risk factor, tier thresholds, audit cadence per tier."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.cadence import Cadence
from calmi_vendors.domain.enums import AuditMethod, RiskTier
from calmi_vendors.domain.tiering import TierRule
from calmi_vendors.errors import CalmiError, ValidationError
from calmi_vendors.services.supervision_rules import (
    MAX_MONTHS,
    MAX_POINTS,
    SupervisionRules,
    load_rules,
    save_rules,
)
from calmi_vendors.store.register import Register
from calmi_vendors.ui.labels import enum_label


class RulesEditor(QWidget):
    """Signals:
    saved(): the rules changed; tiers and due dates must be recomputed.
    """

    saved = Signal()

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.points: dict[str, QSpinBox] = {}
        self.limits: dict[str, QSpinBox | QDoubleSpinBox] = {}
        factors = QGroupBox(self.tr("Points for each risk factor"), self)
        form = QFormLayout(factors)
        for name, label, limit, limit_label in self._factor_rows():
            points = QSpinBox(self)
            points.setRange(0, MAX_POINTS)
            points.setSuffix(self.tr(" pt"))
            self.points[name] = points
            row = QHBoxLayout()
            row.addWidget(points)
            if limit is not None:
                row.addWidget(QLabel(limit_label, self))
                row.addWidget(limit)
            row.addStretch(1)
            form.addRow(label, row)
        tiers = QGroupBox(self.tr("Tier thresholds"), self)
        tier_form = QFormLayout(tiers)
        tier_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.high_from = QSpinBox(self)
        self.medium_from = QSpinBox(self)
        for box in (self.high_from, self.medium_from):
            box.setRange(1, 99)
            box.setSuffix(self.tr(" pt or more"))
            box.setMaximumWidth(180)
        tier_form.addRow(enum_label(RiskTier.HIGH), self.high_from)
        tier_form.addRow(enum_label(RiskTier.MEDIUM), self.medium_from)
        tier_form.addRow(enum_label(RiskTier.LOW), QLabel(self.tr("below the medium threshold"), self))
        cadence = QGroupBox(self.tr("Audit cadence"), self)
        grid = QGridLayout(cadence)
        grid.addWidget(QLabel(self.tr("Every"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Method"), self), 0, 2)
        self.months: dict[RiskTier, QSpinBox] = {}
        self.methods: dict[RiskTier, QComboBox] = {}
        for line, tier in enumerate(RiskTier, start=1):
            months = QSpinBox(self)
            months.setRange(1, MAX_MONTHS)
            months.setSuffix(self.tr(" months"))
            method = QComboBox(self)
            for choice in AuditMethod:
                method.addItem(enum_label(choice), choice.value)
            grid.addWidget(QLabel(enum_label(tier), self), line, 0)
            grid.addWidget(months, line, 1)
            grid.addWidget(method, line, 2)
            self.months[tier], self.methods[tier] = months, method
        grid.setColumnStretch(3, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        save = QPushButton(self.tr("Save rules and recompute tiers"), self)
        save.clicked.connect(self.save)
        defaults = QPushButton(self.tr("Restore defaults"), self)
        defaults.clicked.connect(lambda: self.show_rules(SupervisionRules()))
        buttons = QHBoxLayout()
        buttons.addWidget(defaults)
        buttons.addStretch(1)
        buttons.addWidget(save)
        note = QLabel(
            self.tr(
                "A party's points are added up from the factors that apply to it; its tier follows from the "
                "thresholds, and its next audit from the cadence of its tier. A manual tier set on a party "
                "overrides the rule."
            ),
            self,
        )
        note.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(tiers)
        right.addWidget(cadence)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(factors, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(columns)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_rules(load_rules(register.unit_of_work(readonly=True)))

    def _count_box(self, name: str, maximum: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(1, maximum)
        box.setGroupSeparatorShown(True)
        self.limits[name] = box
        return box

    def _factor_rows(self) -> list[tuple[str, str, QSpinBox | QDoubleSpinBox | None, str]]:
        weak = QDoubleSpinBox(self)
        weak.setRange(1, 100)
        weak.setDecimals(0)
        weak.setSuffix(" %")
        self.limits["weak_assessment_below"] = weak
        return [
            ("special_care", self.tr("Handles special-care data"), None, ""),
            (
                "large_volume",
                self.tr("Large volume of data subjects"),
                self._count_box("large_volume_from", 100_000_000),
                self.tr("from"),
            ),
            (
                "medium_volume",
                self.tr("Medium volume of data subjects"),
                self._count_box("medium_volume_from", 100_000_000),
                self.tr("from"),
            ),
            ("cross_border", self.tr("Data handled outside Japan"), None, ""),
            (
                "deep_chain",
                self.tr("Deep in a re-entrustment chain"),
                self._count_box("deep_chain_from", 20),
                self.tr("from level"),
            ),
            ("no_assessment", self.tr("No completed assessment"), None, ""),
            ("weak_assessment", self.tr("Weak assessment score"), weak, self.tr("below")),
            ("serious_open_finding", self.tr("Open critical or major findings"), None, ""),
            ("overdue_finding", self.tr("Findings past their due date"), None, ""),
            ("clause_gaps", self.tr("Required clauses missing from contracts"), None, ""),
        ]

    def show_rules(self, rules: SupervisionRules) -> None:
        rule = rules.tier_rule
        for name, box in self.points.items():
            box.setValue(int(getattr(rule, name)))
        for name, limit in self.limits.items():
            value = getattr(rule, name)
            limit.setValue(value * 100 if name == "weak_assessment_below" else value)
        self.high_from.setValue(rule.high_from)
        self.medium_from.setValue(rule.medium_from)
        for tier in RiskTier:
            self.months[tier].setValue(rules.cadence[tier].months)
            self.methods[tier].setCurrentIndex(self.methods[tier].findData(rules.cadence[tier].method.value))

    def rules(self) -> SupervisionRules:
        values: dict[str, float] = {name: box.value() for name, box in self.points.items()}
        for name, limit in self.limits.items():
            values[name] = limit.value() / 100 if name == "weak_assessment_below" else int(limit.value())
        values["high_from"] = self.high_from.value()
        values["medium_from"] = self.medium_from.value()
        known = {f.name for f in fields(TierRule)}
        rule = replace(TierRule(), **{k: v for k, v in values.items() if k in known})  # type: ignore[arg-type]
        cadence = {
            tier: Cadence(self.months[tier].value(), AuditMethod(self.methods[tier].currentData()))
            for tier in RiskTier
        }
        return SupervisionRules(rule, cadence)

    def _explain(self, exc: ValidationError) -> str:
        """The rule check's finding in the UI language (the service speaks English)."""
        texts = {
            "medium_from": self.tr("The medium threshold must be at least 1 and below the high threshold."),
            "medium_volume_from": self.tr("A medium volume must start below a large volume."),
            "weak_assessment_below": self.tr("A weak score is a share between 1 and 100 %."),
            "deep_chain_from": self.tr("A deep chain starts at level 1 or deeper."),
            "cadence_high": self.tr("A higher tier must be audited at least as often as a lower one."),
        }
        return texts.get(exc.field or "", str(exc))

    def save(self) -> None:
        try:
            save_rules(self.register.unit_of_work(), self.rules())
        except ValidationError as exc:
            self.message.setText(self._explain(exc))
            return
        except CalmiError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Saved. Tiers and due dates are being recomputed."))
        self.saved.emit()
