"""The chain tab: a re-entrustee's approval and a foreign-regime check recorded from the party workspace."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from ui_support import type_text

from calmi_vendors.services import parties
from calmi_vendors.services.reentrustment import approvals_of, regime_checks_of
from calmi_vendors.ui.main_window import MainWindow
from calmi_vendors.ui.views import audit_dialogs
from calmi_vendors.ui.views.reentrustment_panel import ApprovalDialog, RegimeDialog


def _answer(monkeypatch: pytest.MonkeyPatch, fill: Any) -> None:
    def run(dialog: QDialog) -> bool:
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(audit_dialogs, "run_dialog", run)


def test_a_re_entrustee_is_approved_and_a_regime_check_recorded(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = parties.list_parties(window.register.unit_of_work(readonly=True))
    child = next(
        p
        for p in rows
        if p.parent_id is not None
        and parties.get_party(window.register.unit_of_work(readonly=True), p.parent_id).reentrustment_allowed
    )
    window.open_party(child.id)
    panel = window.workspaces[child.id].reentrustment
    before = len(approvals_of(window.register.unit_of_work(readonly=True), child.id))

    def approve(dialog: ApprovalDialog) -> None:
        type_text(dialog.scope, "夜間の問い合わせ一次受付")
        dialog.save()

    _answer(monkeypatch, approve)
    panel.add_approval()
    assert len(approvals_of(window.register.unit_of_work(readonly=True), child.id)) == before + 1
    assert panel.approvals.rowCount() == before + 1

    def check(dialog: RegimeDialog) -> None:
        dialog.country.setCurrentIndex(dialog.country.findData("SG"))
        type_text(dialog.summary, "PDPA 2012; 監督機関 PDPC")
        dialog.save()

    _answer(monkeypatch, check)
    panel.add_check()
    [stored] = [
        c
        for c in regime_checks_of(window.register.unit_of_work(readonly=True), child.id)
        if c.country == "SG"
    ]
    assert stored.regime_summary == "PDPA 2012; 監督機関 PDPC"


def test_an_empty_scope_is_refused_in_the_dialog(window: MainWindow) -> None:
    dialog = ApprovalDialog(window.register, 1, "tester", window.today)
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text()
