"""The main window on a demo register, driven as a user would with pytest-qt."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_support import TODAY, type_text

from calmi_vendors.domain.enums import PartyStatus, RiskTier
from calmi_vendors.services import parties
from calmi_vendors.services.register_view import RegisterFilter, RegisterRow
from calmi_vendors.store.register import Register
from calmi_vendors.ui import main_window as main_window_module
from calmi_vendors.ui.main_window import PARTIES, MainWindow
from calmi_vendors.ui.models.register_model import COLUMN_KEYS, RegisterModel
from calmi_vendors.ui.tasks import Progress, TaskRunner
from calmi_vendors.ui.views import party_workspace


def test_the_window_shows_the_register_and_its_location(window: MainWindow, demo_register: Register) -> None:
    assert window.register_view.model.total_count == 60
    assert str(demo_register.location.path) in window.windowTitle()
    assert window.location_label.text() == str(demo_register.location.path)
    assert window.dashboard.tiles["tier:high"].text().split("\n")[0].isdigit()


def test_incremental_search_is_width_and_kana_insensitive(window: MainWindow, qtbot: QtBot) -> None:
    view = window.register_view
    window.nav.setCurrentRow(PARTIES)
    japanese = next(r for r in view.model.visible_rows() if r.name_kana)
    reading = japanese.name_kana or ""
    hiragana = "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in reading[:3])
    type_text(view.search, hiragana)
    qtbot.waitUntil(lambda: 0 < view.model.rowCount() < 60)
    assert any(r.id == japanese.id for r in view.model.visible_rows())
    view.search.clear()
    number = next(r.corporate_number for r in view.model.visible_rows() if r.corporate_number)
    assert number is not None
    wide = number.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    type_text(view.search, wide)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.row_at(0).corporate_number == number


def test_filters_and_dashboard_clicks_narrow_the_register(window: MainWindow, qtbot: QtBot) -> None:
    view = window.register_view
    view.status_filter.setCurrentIndex(view.status_filter.findData(PartyStatus.ACTIVE))
    assert view.model.rowCount() > 0
    assert all(r.status is PartyStatus.ACTIVE for r in view.model.visible_rows())
    qtbot.mouseClick(window.dashboard.tiles["tier:high"], Qt.MouseButton.LeftButton)
    assert window.nav.currentRow() == PARTIES
    assert view.model.filter == RegisterFilter(tiers=frozenset({RiskTier.HIGH}))
    assert all(r.tier is RiskTier.HIGH for r in view.model.visible_rows())
    qtbot.mouseClick(window.dashboard.tiles["audits_overdue"], Qt.MouseButton.LeftButton)
    shown = view.model.visible_rows()
    assert all(r.next_audit_due is not None and r.next_audit_due < TODAY for r in shown)
    assert len(shown) == int(window.dashboard.tiles["audits_overdue"].text().split("\n")[0])


def test_sorting_a_column_orders_the_rows(window: MainWindow) -> None:
    view = window.register_view
    column = COLUMN_KEYS.index("next_audit_due")
    view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    dates = [r.next_audit_due for r in view.model.visible_rows() if r.next_audit_due]
    assert dates == sorted(dates)


def _open_first_party(window: MainWindow, qtbot: QtBot) -> party_workspace.PartyWorkspace:
    view = window.register_view
    window.nav.setCurrentRow(PARTIES)
    view.table.setCurrentIndex(view.model.index(0, 0))
    party_id = view.model.row_at(0).id
    view.party_opened.emit(party_id)
    workspace = window.workspaces[party_id]
    qtbot.addWidget(workspace)
    return workspace


def test_edit_and_save_a_party_updates_the_register(window: MainWindow, qtbot: QtBot) -> None:
    workspace = _open_first_party(window, qtbot)
    edit = workspace.fields["owner_department"]
    edit.clear()  # type: ignore[attr-defined]
    type_text(edit, "購買部 第二課")
    assert workspace.dirty
    with qtbot.waitSignal(workspace.party_saved, timeout=10_000):
        assert workspace.save()
    assert not workspace.dirty
    row = next(r for r in window.register_view.model.visible_rows() if r.id == workspace.party_id)
    assert row.owner_department == "購買部 第二課"


def test_an_invalid_corporate_number_is_refused_with_its_field(window: MainWindow, qtbot: QtBot) -> None:
    workspace = _open_first_party(window, qtbot)
    before = parties.get_party(window.register.unit_of_work(), workspace.party_id)
    number = workspace.fields["corporate_number"]
    number.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(number, "1234567890123")
    assert not workspace.save()
    assert workspace.error_label.isVisibleTo(workspace)
    assert "check digit" in workspace.error_label.text()
    after = parties.get_party(window.register.unit_of_work(), workspace.party_id)
    assert after.corporate_number == before.corporate_number
    assert after.version == before.version


def test_a_save_over_someone_elses_edit_is_refused(window: MainWindow, qtbot: QtBot) -> None:
    workspace = _open_first_party(window, qtbot)
    fresh = parties.get_party(window.register.unit_of_work(), workspace.party_id)
    from dataclasses import replace

    parties.update_party(
        window.register.unit_of_work(),
        fresh.id,
        replace(fresh.as_input(), notes="edited in another window"),
        expected_version=fresh.version,
    )
    notes = workspace.fields["notes"]
    notes.setPlainText("my edit")  # type: ignore[attr-defined]
    assert not workspace.save()
    assert "changed by someone else" in workspace.error_label.text()
    assert parties.get_party(window.register.unit_of_work(), fresh.id).notes == "edited in another window"


def test_closing_with_unsaved_changes_asks_first(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = _open_first_party(window, qtbot)
    asked: list[bool] = []

    def answer(_parent: Any) -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(party_workspace, "ask_unsaved", answer)
    qtbot.keyClicks(workspace.fields["website"], "https://example.jp")
    assert not workspace.close()
    assert asked == [True]
    assert workspace.isVisible()


def test_a_long_job_can_be_cancelled_without_freezing(qtbot: QtBot, qapp: Any) -> None:
    runner = TaskRunner()
    started = threading.Event()
    outcome: list[str] = []

    def job(progress: Progress) -> int:
        for step in range(10_000):
            started.set()
            progress.check()
            progress.report(step, 10_000, "")
            threading.Event().wait(0.001)
        return 1

    task = runner.start(
        job, on_success=lambda _r: outcome.append("done"), on_cancel=lambda: outcome.append("cancelled")
    )
    qtbot.waitUntil(started.is_set, timeout=5_000)
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        runner.cancel_all()
    assert outcome == ["cancelled"]
    assert not runner.busy


def _synthetic_rows(count: int) -> list[RegisterRow]:
    statuses = list(PartyStatus)
    tiers = [RiskTier.HIGH, RiskTier.MEDIUM, RiskTier.LOW, None]
    return [
        RegisterRow(
            id=i,
            version=1,
            name=f"委託先 {i:06d} 株式会社" if i % 2 else f"Vendor {i:06d} Ltd.",
            name_kana=f"イタクサキ{i}" if i % 2 else None,
            corporate_number=None,
            country="JP" if i % 3 else "US",
            processing_country=None,
            status=statuses[i % len(statuses)],
            tier=tiers[i % 4],
            owner_department=None,
            parent_id=None,
            next_audit_due=date(2026, 1 + i % 12, 1 + i % 28) if i % 5 else None,
            business_functions=("billing",) if i % 2 else (),
            special_care=bool(i % 7 == 0),
            contract_expires_on=None,
            certificate_expires_on=None,
            open_findings=i % 3,
            clause_gaps=i % 2,
            notes=None,
        )
        for i in range(count)
    ]


def test_the_register_model_passes_qts_model_tester_with_100k_rows(qtmodeltester: Any) -> None:
    model = RegisterModel(today=TODAY)
    model.set_rows(_synthetic_rows(100_000))
    qtmodeltester.check(model, force_py=False)
    model.sort(COLUMN_KEYS.index("next_audit_due"), Qt.SortOrder.DescendingOrder)
    model.set_filter(RegisterFilter(text="ｲﾀｸｻｷ1"))
    assert 0 < model.rowCount() < 100_000
    model.set_filter(RegisterFilter(tiers=frozenset({RiskTier.HIGH}), overdue_audit=True))
    assert all(r.tier is RiskTier.HIGH for r in model.visible_rows())
    model.update_rows([_synthetic_rows(1)[0]])
    assert model.total_count == 100_000


def test_the_export_writes_exactly_the_rows_shown(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from python_calamine import CalamineWorkbook

    target = tmp_path / "shown.xlsx"
    monkeypatch.setattr(main_window_module, "choose_save_path", lambda *_args: str(target))
    window.register_view.show_filtered(RegisterFilter(statuses=frozenset({PartyStatus.ACTIVE})))
    shown = window.register_view.model.visible_rows()
    window.export_shown()
    qtbot.waitUntil(lambda: not window.tasks.busy and target.exists(), timeout=20_000)
    rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert [r[0] for r in rows[1:]] == [r.name for r in shown]
    assert rows[0][0] == "Name"


def test_dropped_evidence_is_copied_in_and_listed(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    workspace = _open_first_party(window, qtbot)
    tab = workspace.evidence_tab
    source = tmp_path / "秘密保持誓約書.pdf"
    source.write_bytes(b"%PDF-1.4 pledge")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(tab.evidence_added):
        tab.dropEvent(drop)
    assert tab.model.rowCount() == 1
    assert tab.model.row_at(0).file_name == "秘密保持誓約書.pdf"
    assert "evidence" in str(window.register.evidence_dir)


def test_file_open_switches_to_another_register_and_refuses_a_foreign_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_text("not a database", encoding="utf-8")
    assert window.switch_to(str(foreign)) is None
    assert "not a SQLite database" in errors[-1]
    assert window.isVisible()
    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(main_window_module, "choose_save_path", lambda *_args: str(other))
    successor = window.switch_to(str(other))
    assert successor is not None
    qtbot.addWidget(successor)
    assert not window.isVisible()
    assert str(other) in successor.windowTitle()
    qtbot.waitUntil(lambda: not successor.tasks.busy, timeout=10_000)
    assert successor.register_view.model.total_count == 0
    successor.close()
