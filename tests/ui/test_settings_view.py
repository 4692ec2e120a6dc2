"""Settings: the company logo printed on reports is chosen, shown, stored in the register and removable."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from calmi_vendors.services.register_settings import load_logo
from calmi_vendors.services.reporting import ReportKind, ReportRequest, make_report
from calmi_vendors.ui import main_window as main_window_module
from calmi_vendors.ui.main_window import MainWindow


def _logo(path: Path) -> Path:
    image = QImage(240, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#1F3A5F"))
    assert image.save(str(path), "PNG")
    return path


def test_a_chosen_logo_is_stored_shown_and_printed_on_reports(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = _logo(tmp_path / "logo.png")
    monkeypatch.setattr(main_window_module, "choose_open_path", lambda *_args: str(logo))
    view = window.settings_view
    view.choose_logo()
    assert load_logo(window.register.unit_of_work(readonly=True)) == logo.read_bytes()
    assert view.logo.pixmap() is not None
    assert not view.logo.pixmap().isNull()
    assert view.remove_logo.isEnabled()
    report = make_report(
        window.register, ReportRequest(kind=ReportKind.DOSSIER, subject=1, language="en"), tmp_path / "r.pdf"
    )
    images = subprocess.run(
        ["pdfimages", "-list", str(report.path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1
    view.remove_logo.click()
    assert load_logo(window.register.unit_of_work(readonly=True)) is None
    assert not view.remove_logo.isEnabled()


def test_a_file_that_is_no_image_is_refused_and_the_logo_kept(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = _logo(tmp_path / "logo.png")
    monkeypatch.setattr(main_window_module, "choose_open_path", lambda *_args: str(logo))
    window.settings_view.choose_logo()
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    monkeypatch.setattr(main_window_module, "choose_open_path", lambda *_args: str(fake))
    window.settings_view.choose_logo()
    assert "is not an image" in window.settings_view.message.text()
    assert load_logo(window.register.unit_of_work(readonly=True)) == logo.read_bytes()
