"""The import dialog: read a real vendor list, review every row, leave some out, import, undo."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from calmi_vendors.services import parties
from calmi_vendors.ui.main_window import MainWindow
from calmi_vendors.ui.models.import_model import INCLUDE, ROW_ROLE
from calmi_vendors.ui.views.import_dialog import CHOOSE, DONE, REVIEW, ImportDialog

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def _sample(tmp_path: Path) -> Path:
    copy = tmp_path / "委託先一覧.xlsx"
    shutil.copy(SAMPLES / "vendors_ja.xlsx", copy)
    return copy


def _count(window: MainWindow) -> int:
    return len(parties.list_parties(window.register.unit_of_work(readonly=True)))


def _read(dialog: ImportDialog, qtbot: QtBot, path: Path) -> None:
    dialog.path.setText(str(path))
    dialog.read_button.click()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=30_000)


def test_review_leave_a_row_out_import_and_undo(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    before = _count(window)
    dialog = window.import_list()
    _read(dialog, qtbot, _sample(tmp_path))
    assert dialog.pages.currentIndex() == REVIEW, dialog.message.text()
    preview = dialog.preview
    assert preview is not None
    new = preview.counts.new
    assert new > 40
    assert "委託先名" in dialog.mapping.text()
    assert dialog.import_button.text().endswith(f"{new} rows")
    # Leave the first new row out: the button says one fewer, and the import skips it.
    parents = {r.parent_row for r in preview.rows}
    first = next(
        r
        for r in range(dialog.model.rowCount())
        if dialog.model.row_at(r).kind == "new" and dialog.model.row_at(r).row_number not in parents
    )
    left_out = dialog.model.row_at(first)
    dialog.model.setData(
        dialog.model.index(first, INCLUDE), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    assert dialog.import_button.text().endswith(f"{new - 1} rows")
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=60_000)
    assert dialog.pages.currentIndex() == DONE, dialog.message.text()
    assert _count(window) == before + new - 1
    names = {p.name for p in parties.list_parties(window.register.unit_of_work(readonly=True))}
    assert left_out.name not in names
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog._task is None, timeout=60_000)
    assert "Import undone" in dialog.outcome.text(), dialog.message.text()
    assert not dialog.undo_button.isEnabled()
    assert _count(window) == before


def test_a_declined_change_of_an_updated_row_is_not_taken(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = _sample(tmp_path)
    first = window.import_list()
    _read(first, qtbot, path)
    first.import_button.click()
    qtbot.waitUntil(lambda: first._task is None, timeout=60_000)
    assert first.pages.currentIndex() == DONE, first.message.text()
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    name, old_address = sheet.cell(4, 1).value, sheet.cell(4, 3).value
    sheet.cell(4, 3).value = "東京都千代田区丸の内一丁目"
    sheet.cell(4, 14).value = "法務部"
    book.save(path)
    second = window.import_list()
    _read(second, qtbot, path)
    model = second.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).kind == "update")
    assert model.row_at(row).name == name
    second.table.selectRow(row)
    items = [second.fields.item(i) for i in range(second.fields.count())]
    assert len(items) == 2
    address = next(i for i in items if "東京都千代田区" in i.text())
    address.setCheckState(Qt.CheckState.Unchecked)
    second.import_button.click()
    qtbot.waitUntil(lambda: second._task is None, timeout=60_000)
    assert second.pages.currentIndex() == DONE, second.message.text()
    party_id = model.data(model.index(row, 0), ROW_ROLE).party_id
    detail = parties.get_party(window.register.unit_of_work(readonly=True), party_id)
    assert detail.address == old_address
    assert detail.owner_department == "法務部"


@pytest.mark.parametrize("bad", ["not_a_workbook.xlsx", "truncated.xlsx", "empty.xlsx"])
def test_a_file_that_cannot_be_read_is_named_and_nothing_changes(
    window: MainWindow, qtbot: QtBot, bad: str
) -> None:
    source = SAMPLES / "bad" / bad
    before = _count(window)
    dialog = window.import_list()
    _read(dialog, qtbot, source)
    assert dialog.pages.currentIndex() == CHOOSE
    assert bad in dialog.message.text() or "sheet" in dialog.message.text().lower()
    assert _count(window) == before
