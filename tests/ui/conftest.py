"""GUI test fixtures: a demo register copied per test, a main window on it, dialogs that never block."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from ui_support import TODAY

from calmi_vendors.services.demo import generate_demo
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.register import Register
from calmi_vendors.ui import main_window as main_window_module
from calmi_vendors.ui.main_window import MainWindow
from calmi_vendors.ui.views import assessment_widgets, party_workspace


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    register = open_for_use(str(path))
    generate_demo(register.unit_of_work(), parties=60, seed=11, today=TODAY)
    register.close()
    return path


@pytest.fixture
def demo_register(demo_file: Path, tmp_path: Path) -> Iterator[Register]:
    copy = tmp_path / "register.sqlite3"
    shutil.copy(demo_file, copy)
    register = open_for_use(str(copy))
    yield register
    register.close()


@pytest.fixture(autouse=True)
def _never_block_on_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Native message boxes block the event loop: closing a dirty workspace discards unless a test says."""
    monkeypatch.setattr(party_workspace, "ask_unsaved", lambda _parent: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(assessment_widgets, "ask_unsaved", lambda _parent: QMessageBox.StandardButton.Discard)


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda _parent, message: shown.append(message))
    return shown


@pytest.fixture
def window(qtbot: QtBot, demo_register: Register, tmp_path: Path, errors: list[str]) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_register, settings=settings, today=TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.tasks.busy and win.register_view.model.total_count > 0, timeout=20_000)
    return win
