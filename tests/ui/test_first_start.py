"""The first start on a computer: the welcome window's choices each lead to a working register."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from calmi_vendors.services import parties
from calmi_vendors.settings import data_dir
from calmi_vendors.ui import application, main_window
from calmi_vendors.ui.application import start
from calmi_vendors.ui.main_window import MainWindow
from calmi_vendors.ui.views import import_dialog
from calmi_vendors.ui.views.welcome import WelcomeChoice, WelcomeDialog

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "vendors_en.xlsx"


@pytest.fixture
def opened(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        if isValid(window):  # a closed main window deletes itself
            window.close()


def _start(
    qtbot: QtBot, opened: list[MainWindow], monkeypatch: pytest.MonkeyPatch, choice: WelcomeChoice | None
) -> MainWindow | int:
    asked: list[str] = []
    monkeypatch.setattr(application, "ask_welcome", lambda location: asked.append(location) or choice)
    monkeypatch.setattr(application, "show_critical", lambda message: pytest.fail(message))
    result = start(None)
    assert asked == [str(data_dir() / "register.sqlite3")]
    if isinstance(result, MainWindow):
        opened.append(result)
        qtbot.waitUntil(lambda: not result.tasks.busy, timeout=30_000)
    return result


def test_closing_the_welcome_window_creates_nothing(
    qtbot: QtBot, opened: list[MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _start(qtbot, opened, monkeypatch, None) == 0
    assert not (data_dir() / "register.sqlite3").exists()


def test_create_opens_an_empty_register_in_the_user_folder(
    qtbot: QtBot, opened: list[MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _start(qtbot, opened, monkeypatch, WelcomeChoice.CREATE)
    assert isinstance(window, MainWindow)
    assert (data_dir() / "register.sqlite3").exists()
    assert window.register_view.model.total_count == 0
    # The next start goes straight to the register.
    monkeypatch.setattr(application, "ask_welcome", lambda _location: pytest.fail("asked again"))
    window.close()
    again = start(None)
    assert isinstance(again, MainWindow)
    opened.append(again)


def test_the_demo_is_built_apart_from_the_users_register(
    qtbot: QtBot, opened: list[MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(application, "DEMO_PARTIES", 15)
    window = _start(qtbot, opened, monkeypatch, WelcomeChoice.DEMO)
    assert isinstance(window, MainWindow)
    assert window.register.location.display().endswith("demo-register.sqlite3")
    assert len(parties.list_parties(window.register.unit_of_work(readonly=True))) == 15
    assert not (data_dir() / "register.sqlite3").exists()
    assert [p.name for p in data_dir().glob("*.building*")] == []


def test_import_starts_a_register_from_an_excel_list(
    qtbot: QtBot, opened: list[MainWindow], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = tmp_path / "vendors.xlsx"
    shutil.copy(SAMPLE, source)
    monkeypatch.setattr(import_dialog, "choose_import_file", lambda *_args: str(source))
    window = _start(qtbot, opened, monkeypatch, WelcomeChoice.IMPORT)
    assert isinstance(window, MainWindow)
    dialog = window.findChild(import_dialog.ImportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog._task is None and dialog.preview is not None, timeout=30_000)
    assert dialog.preview.counts.new > 10


def test_open_takes_the_file_the_user_chose(
    qtbot: QtBot, opened: list[MainWindow], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chosen = tmp_path / "copied.sqlite3"
    from calmi_vendors.services.opening import open_for_use

    open_for_use(str(chosen)).close()
    monkeypatch.setattr(main_window, "choose_open_path", lambda *_args: str(chosen))
    window = _start(qtbot, opened, monkeypatch, WelcomeChoice.OPEN)
    assert isinstance(window, MainWindow)
    assert window.register.location.display() == str(chosen)


def test_the_welcome_window_offers_four_ways_to_start(qtbot: QtBot) -> None:
    dialog = WelcomeDialog("/home/user/register.sqlite3")
    qtbot.addWidget(dialog)
    assert set(dialog.buttons) == set(WelcomeChoice)
    dialog.buttons[WelcomeChoice.DEMO].click()
    assert dialog.choice is WelcomeChoice.DEMO
