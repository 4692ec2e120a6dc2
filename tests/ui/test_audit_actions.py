"""Audits & findings: plan a batch, record an audit with a finding, close it, verify it by someone else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from ui_support import type_text

from calmi_vendors.domain.enums import AuditStatus, FindingStatus, Severity
from calmi_vendors.services import portfolio
from calmi_vendors.ui.main_window import MainWindow
from calmi_vendors.ui.views import audit_dialogs
from calmi_vendors.ui.views.audit_dialogs import FindingStepDialog, PlanAuditsDialog, RecordAuditDialog


def _drive(monkeypatch: pytest.MonkeyPatch, fill: Callable[[Any], None]) -> list[QDialog]:
    """Answer the next dialog as a user would: `fill` sets its fields and presses its button."""
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        shown.append(dialog)
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(audit_dialogs, "run_dialog", run)
    return shown


def _select(view: Any, predicate: Callable[[Any], bool]) -> Any:
    for row in range(view.model.rowCount()):
        record = view.model.row_at(row)
        if predicate(record):
            view.table.selectRow(row)
            return record
    raise AssertionError("no such record")


def _settle(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=30_000)


def test_a_batch_of_due_parties_is_planned(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sum(
        1
        for a in portfolio.list_audits(window.register.unit_of_work(readonly=True))
        if a.status is AuditStatus.PLANNED
    )

    def fill(dialog: PlanAuditsDialog) -> None:
        dialog.within.setValue(3650)
        assert dialog.model.rowCount() >= 2
        type_text(dialog.auditor, "監査室 高橋")
        dialog.plan()

    shown = _drive(monkeypatch, fill)
    window.audit_actions.plan()
    _settle(window, qtbot)
    dialog = shown[0]
    assert isinstance(dialog, PlanAuditsDialog)
    audits = portfolio.list_audits(window.register.unit_of_work(readonly=True))
    planned = [a for a in audits if a.status is AuditStatus.PLANNED]
    assert len(planned) == before + len(dialog.planned)
    assert all(a.auditor == "監査室 高橋" for a in planned if a.id in dialog.planned)


def test_record_close_and_verify_a_finding(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    audit = _select(window.audits_view, lambda a: a.status is AuditStatus.PLANNED)

    def record(dialog: RecordAuditDialog) -> None:
        type_text(dialog.finding_title, "委託先の入退室記録が保管されていない")
        dialog.severity.setCurrentIndex(dialog.severity.findData(Severity.MAJOR.value))
        type_text(dialog.owner, "委託先 山田")
        dialog.add_finding()
        dialog.save()

    _drive(monkeypatch, record)
    window.audit_actions.record()
    _settle(window, qtbot)
    assert errors == []
    findings = portfolio.list_findings(window.register.unit_of_work(readonly=True))
    new = next(
        f for f in findings if f.audit_id == audit.id and f.title == "委託先の入退室記録が保管されていない"
    )
    assert new.status is FindingStatus.OPEN
    assert new.severity is Severity.MAJOR

    _select(window.findings_view, lambda f: f.id == new.id)

    def close(dialog: FindingStepDialog) -> None:
        type_text(dialog.text, "是正報告書を受領")
        dialog.save()

    _drive(monkeypatch, close)
    window.audit_actions.step(verify=False)
    _settle(window, qtbot)
    _select(window.findings_view, lambda f: f.id == new.id)

    def verify_by_owner(dialog: FindingStepDialog) -> None:
        dialog.text.setText("委託先 山田")
        dialog.save()
        assert "owner cannot verify" in dialog.error.text()

    _drive(monkeypatch, verify_by_owner)
    window.audit_actions.step(verify=True)

    def verify(dialog: FindingStepDialog) -> None:
        dialog.text.setText("監査室 高橋")
        dialog.save()

    _drive(monkeypatch, verify)
    window.audit_actions.step(verify=True)
    _settle(window, qtbot)
    done = next(
        f for f in portfolio.list_findings(window.register.unit_of_work(readonly=True)) if f.id == new.id
    )
    assert done.status is FindingStatus.VERIFIED


def test_recording_needs_a_planned_audit_selected(window: MainWindow, errors: list[str]) -> None:
    window.audits_view.table.clearSelection()
    window.audit_actions.record()
    assert errors


def test_reminders_list_what_falls_due_and_open_the_party(window: MainWindow, qtbot: QtBot) -> None:
    view = window.reminders_view
    assert view.model.rowCount() > 0
    assert window.overview_tabs.tabText(1).endswith(f"({view.model.rowCount()})")
    first = view.model.row_at(0)
    with qtbot.waitSignal(view.party_opened) as opened:
        view.table.doubleClicked.emit(view.model.index(0, 0))
    assert opened.args == [first.party_id]
