"""Contracts from the party workspace: a new one with its clause coverage, an edit, a stale edit refused."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog
from ui_support import type_text

from calmi_vendors.domain.enums import ContractStatus, Coverage
from calmi_vendors.errors import ConcurrentEditError
from calmi_vendors.services import contracts
from calmi_vendors.ui.main_window import MainWindow
from calmi_vendors.ui.views import audit_dialogs
from calmi_vendors.ui.views.contract_dialog import ContractDialog


def _answer(monkeypatch: pytest.MonkeyPatch, fill: Any) -> None:
    def run(dialog: QDialog) -> bool:
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(audit_dialogs, "run_dialog", run)


def test_a_new_contract_is_stored_with_its_clause_coverage(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_party(7)
    workspace = window.workspaces[7]
    before = len(contracts.contracts_of(window.register.unit_of_work(readonly=True), 7))

    def fill(dialog: ContractDialog) -> None:
        type_text(dialog.title, "個人情報取扱委託契約書（2026年度）")
        dialog.status.setCurrentIndex(dialog.status.findData(ContractStatus.ACTIVE.value))
        dialog.effective_on.setDate(QDate(2026, 4, 1))
        dialog.expires_on.setDate(QDate(2027, 3, 31))
        dialog.notice.setValue(90)
        first_key = next(iter(dialog.coverage))
        level, article = dialog.coverage[first_key]
        level.setCurrentIndex(level.findData(Coverage.PRESENT.value))
        type_text(article, "第12条")
        dialog.save()

    _answer(monkeypatch, fill)
    workspace.edit_contract(None)
    stored = contracts.contracts_of(window.register.unit_of_work(readonly=True), 7)
    assert len(stored) == before + 1
    new = next(c for c in stored if c.title == "個人情報取扱委託契約書（2026年度）")
    assert new.expires_on == date(2027, 3, 31)
    assert new.notice_period_days == 90
    assert new.coverage[0].coverage is Coverage.PRESENT
    assert new.coverage[0].article == "第12条"
    assert workspace.contract_rows.count(new.id) == len(new.coverage)


def test_an_edit_over_someone_elses_save_is_refused(window: MainWindow) -> None:
    existing = contracts.contracts_of(window.register.unit_of_work(readonly=True), 2)[0]
    dialog = ContractDialog(window.register, 2, existing, "ja")
    contracts.update_contract(
        window.register.unit_of_work(),
        existing.id,
        contracts.ContractInput(title=existing.title + "（改訂）", status=existing.status),
        expected_version=existing.version,
    )
    dialog.title.setText("別の担当者の変更")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "changed by someone else" in dialog.error.text()
    with pytest.raises(ConcurrentEditError):
        contracts.update_contract(
            window.register.unit_of_work(),
            existing.id,
            dialog.data(),
            expected_version=existing.version,
        )


def test_a_contract_that_ends_before_it_starts_is_refused_by_field(window: MainWindow) -> None:
    dialog = ContractDialog(window.register, 2, None, "en")
    dialog.title.setText("NDA")
    dialog.effective_on.setDate(QDate(2026, 4, 1))
    dialog.expires_on.setDate(QDate(2026, 3, 1))
    dialog.save()
    assert "expires" in dialog.error.text()
