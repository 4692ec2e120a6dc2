"""The Reports page: a report made off the GUI thread, previewed in the app, saved and printed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from ui_support import type_text

from calmi_vendors.services import parties
from calmi_vendors.services.reporting import ReportKind
from calmi_vendors.store.register import Register
from calmi_vendors.ui.main_window import REPORTS, MainWindow
from calmi_vendors.ui.views import reports_view
from calmi_vendors.ui.views.reports_view import ReportsView


def _pdfinfo(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def _wait_for_preview(qtbot: QtBot, window: MainWindow) -> ReportsView:
    view = window.reports_view
    qtbot.waitUntil(lambda: not window.tasks.busy and view.preview.page_count() > 0, timeout=30_000)
    return view


def test_a_party_chosen_by_typing_is_previewed_page_by_page(
    window: MainWindow, qtbot: QtBot, demo_register: Register, errors: list[str]
) -> None:
    party = parties.list_parties(demo_register.unit_of_work(readonly=True))[0]
    window.nav.setCurrentRow(REPORTS)
    view = window.reports_view
    view.set_kind(ReportKind.DOSSIER)
    type_text(view.party, party.name)
    view.preview_button.click()
    _wait_for_preview(qtbot, window)
    assert errors == []
    assert party.name in view.preview.title()
    first = view.preview._pages[0]
    qtbot.waitUntil(lambda: first.pixmap() is not None and not first.pixmap().isNull(), timeout=5_000)
    # The page image is the page's shape: A4 is 1 : √2.
    assert first.height() / first.width() == pytest.approx(297 / 210, rel=0.01)
    assert view.preview.page_label.text().endswith(f"{view.preview.page_count()}")


def test_changing_a_choice_marks_the_preview_stale(window: MainWindow, qtbot: QtBot) -> None:
    window.show_report(ReportKind.DOSSIER, 1)
    view = _wait_for_preview(qtbot, window)
    assert view.preview.note.text() == ""
    view.language.setCurrentIndex(1 - view.language.currentIndex())
    assert view.preview.note.text() != ""


def test_save_writes_the_previewed_pdf_where_the_user_chose(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_report(ReportKind.DOSSIER, 2)
    view = _wait_for_preview(qtbot, window)
    target = tmp_path / "out" / "dossier"
    target.parent.mkdir()
    monkeypatch.setattr(reports_view, "choose_pdf_path", lambda *_args: str(target))
    with qtbot.waitSignal(view.saved, timeout=10_000) as saved:
        view.save_button.click()
    assert saved.args == [str(target) + ".pdf"]
    info = _pdfinfo(Path(saved.args[0]))
    assert f"Pages:           {view.preview.page_count()}" in info
    assert sorted(p.name for p in target.parent.iterdir()) == ["dossier.pdf"]


def test_print_sends_every_page_to_the_printer(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = tmp_path / "printed.pdf"

    def accept(printer: QPrinter, _parent: object) -> bool:
        # A PDF printer stands in for the system one: what it receives can be read back.
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(reports_view, "ask_print", accept)
    window.show_report(ReportKind.DOSSIER, 3)
    view = _wait_for_preview(qtbot, window)
    view.print_button.click()
    assert f"Pages:           {view.preview.page_count()}" in _pdfinfo(printed)


def test_a_party_not_in_the_register_is_told_not_crashed(
    window: MainWindow, qtbot: QtBot, errors: list[str]
) -> None:
    window.nav.setCurrentRow(REPORTS)
    view = window.reports_view
    view.set_kind(ReportKind.DOSSIER)
    type_text(view.party, "存在しない会社")
    view.preview_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert "Choose the party from the list" in errors[0]
    assert view.preview.page_count() == 0


def test_the_party_workspace_opens_its_dossier_in_reports(window: MainWindow, qtbot: QtBot) -> None:
    window.open_party(4)
    workspace = window.workspaces[4]
    buttons = [b for b in workspace.buttons.buttons() if b.text() == workspace.tr("Dossier PDF…")]
    buttons[0].click()
    view = _wait_for_preview(qtbot, window)
    assert window.nav.currentRow() == REPORTS
    assert view.current_kind() is ReportKind.DOSSIER
    detail = parties.get_party(window.register.unit_of_work(readonly=True), 4)
    assert detail.name in view.preview.title()
