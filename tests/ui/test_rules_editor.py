"""Settings › Supervision rules: a stricter rule saved in the window recomputes every party's tier."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from calmi_vendors.domain.enums import RiskTier
from calmi_vendors.services import parties
from calmi_vendors.services.supervision_rules import load_rules
from calmi_vendors.ui.main_window import MainWindow


def _high(window: MainWindow) -> int:
    rows = parties.list_parties(window.register.unit_of_work(readonly=True))
    return sum(1 for p in rows if p.tier is RiskTier.HIGH)


def test_lowering_the_high_threshold_raises_tiers_after_saving(window: MainWindow, qtbot: QtBot) -> None:
    editor = window.rules_editor
    before = _high(window)
    editor.high_from.setValue(3)
    editor.months[RiskTier.HIGH].setValue(6)
    editor.save()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=30_000)
    stored = load_rules(window.register.unit_of_work(readonly=True))
    assert stored.tier_rule.high_from == 3
    assert stored.cadence[RiskTier.HIGH].months == 6
    assert _high(window) > before


def test_an_impossible_rule_is_explained_and_not_stored(window: MainWindow) -> None:
    editor = window.rules_editor
    editor.medium_from.setValue(6)
    editor.high_from.setValue(5)
    editor.save()
    assert "medium threshold" in editor.message.text()
    assert load_rules(window.register.unit_of_work(readonly=True)).tier_rule.high_from == 5
    assert load_rules(window.register.unit_of_work(readonly=True)).tier_rule.medium_from == 2
