"""Set a party's risk tier by hand (with the reason the register keeps), or go back to the computed tier."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from calmi_vendors.domain.enums import RiskTier
from calmi_vendors.ui.labels import enum_label


class TierOverrideDialog(QDialog):
    def __init__(
        self,
        computed: RiskTier | None,
        current: RiskTier | None,
        reason: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Risk tier"))
        self.tier = QComboBox(self)
        self.tier.addItem(
            self.tr("As computed (%1)").replace("%1", enum_label(computed) or self.tr("none yet")), None
        )
        for choice in RiskTier:
            self.tier.addItem(enum_label(choice), choice.value)
        self.tier.setCurrentIndex(max(0, self.tier.findData(current.value if current else None)))
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("Why the computed tier does not fit this party"))
        self.reason.setPlainText(reason or "")
        self.reason.setMinimumHeight(90)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Tier"), self.tier)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.error)
        form.addRow(buttons)
        self.tier.currentIndexChanged.connect(self._tier_changed)
        self._tier_changed()
        self.setMinimumWidth(460)

    def chosen(self) -> RiskTier | None:
        data = self.tier.currentData()
        return RiskTier(data) if data else None

    def _tier_changed(self) -> None:
        self.reason.setEnabled(self.chosen() is not None)

    def _accept(self) -> None:
        if self.chosen() is not None and not self.reason.toPlainText().strip():
            self.error.setText(self.tr("Say why the computed tier is overridden."))
            return
        self.accept()


def ask_tier_override(
    parent: QWidget, computed: RiskTier | None, current: RiskTier | None, reason: str | None
) -> tuple[RiskTier | None, str] | None:
    """The tier and reason chosen, or None when cancelled; tests replace this function."""
    dialog = TierOverrideDialog(computed, current, reason, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen(), dialog.reason.toPlainText().strip()
