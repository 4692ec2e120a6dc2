"""A party's tier set by hand in its workspace: a reason is required, the register and the view follow."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from calmi_vendors.domain.enums import RiskTier
from calmi_vendors.services import parties
from calmi_vendors.ui.main_window import MainWindow
from calmi_vendors.ui.views import party_workspace
from calmi_vendors.ui.views.tier_dialog import TierOverrideDialog


def test_a_tier_set_by_hand_is_kept_with_its_reason_and_shown(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    party = next(
        p for p in parties.list_parties(window.register.unit_of_work(readonly=True)) if p.tier is RiskTier.LOW
    )
    monkeypatch.setattr(
        party_workspace, "ask_tier_override", lambda *_args: (RiskTier.HIGH, "個人情報漏えい事故の報告あり")
    )
    window.open_party(party.id)
    workspace = window.workspaces[party.id]
    with qtbot.waitSignal(workspace.party_saved, timeout=10_000):
        workspace.set_tier_by_hand()
    detail = parties.get_party(window.register.unit_of_work(readonly=True), party.id)
    assert detail.tier is RiskTier.HIGH
    assert detail.computed_tier is RiskTier.LOW
    assert "個人情報漏えい事故の報告あり" in workspace.tier_label.text()


def test_unsaved_profile_edits_come_first(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(party_workspace, "ask_tier_override", lambda *_args: pytest.fail("asked"))
    window.open_party(1)
    workspace = window.workspaces[1]
    workspace._set_dirty(True)
    workspace.set_tier_by_hand()
    assert not workspace.error_label.isHidden()


def test_the_dialog_will_not_accept_a_manual_tier_without_a_reason(qtbot: QtBot) -> None:
    dialog = TierOverrideDialog(RiskTier.LOW, None, None)
    qtbot.addWidget(dialog)
    dialog.tier.setCurrentIndex(dialog.tier.findData(RiskTier.HIGH.value))
    dialog._accept()
    assert dialog.result() == 0
    assert dialog.error.text()
    dialog.reason.setPlainText("監督当局の指導による")
    dialog._accept()
    assert dialog.result() == 1
    assert dialog.chosen() is RiskTier.HIGH


def test_countries_are_chosen_by_name_and_stored_as_codes(window: MainWindow, qtbot: QtBot) -> None:
    window.open_party(3)
    workspace = window.workspaces[3]
    combo = workspace._combo("processing_country")
    combo.setCurrentIndex(combo.findData("SG"))
    assert workspace.dirty
    assert combo.currentText() in ("Singapore", "シンガポール")
    with qtbot.waitSignal(workspace.party_saved, timeout=10_000):
        workspace.save()
    assert parties.get_party(window.register.unit_of_work(readonly=True), 3).processing_country == "SG"
