"""Start the Qt application on a register and show the main window."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog

from calmi_vendors.__about__ import __app_id__, __app_name__, __organization__, __version__
from calmi_vendors.errors import CalmiError
from calmi_vendors.settings import DB_ENV_VAR, default_register_location
from calmi_vendors.ui.i18n import RESOURCES, ensure_japanese_font, install_translations, resolve_language
from calmi_vendors.ui.views.welcome import WelcomeChoice, WelcomeDialog


def create_application(language: str | None = None) -> QApplication:
    """The QApplication with identity, fonts and translations set (once per process)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(__app_name__)
    app.setApplicationDisplayName(__app_name__)
    app.setOrganizationName(__organization__)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(__app_id__)
    icon = RESOURCES / "icons" / "calmi-vendors.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    ensure_japanese_font(app)
    chosen = resolve_language(language or str(QSettings().value("ui/language", "") or ""))
    app.setProperty("calmi_translators", install_translations(app, chosen))
    app.setProperty("calmi_language", chosen)
    return app


def ask_welcome(location: str) -> WelcomeChoice | None:
    """The first-start choice; tests replace this function."""
    dialog = WelcomeDialog(location)
    dialog.exec()
    return dialog.choice


def show_critical(message: str) -> None:
    """A message shown before any window exists; tests replace this function."""
    QMessageBox.critical(None, __app_name__, message)


def _first_start(location: str | None) -> bool:
    """No register asked for and none at the default place: the first start on this computer."""
    if location is not None or os.environ.get(DB_ENV_VAR):
        return False
    return not Path(default_register_location()).exists()


def _make_demo(path: Path) -> None:
    """Build the demo register off the GUI thread, showing progress; the file appears when complete."""
    from calmi_vendors.services.demo import generate_demo
    from calmi_vendors.services.opening import open_for_use
    from calmi_vendors.ui.tasks import Progress, TaskRunner

    partial = path.with_name(f"{path.stem}.building{path.suffix}")
    for leftover in path.parent.glob(f"{partial.name}*"):
        leftover.unlink()

    def job(_progress: Progress) -> None:
        register = open_for_use(str(partial))
        try:
            generate_demo(register.unit_of_work(), parties=DEMO_PARTIES, seed=7, today=date.today())
        finally:
            register.close()

    dialog = QProgressDialog(QCoreApplication.translate("Welcome", "Building the demo register…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setWindowTitle(__app_name__)
    dialog.setMinimumDuration(0)
    failures: list[BaseException] = []
    loop = QEventLoop()
    runner = TaskRunner()
    runner.start(job, writes=True, on_failure=lambda exc, _tb: failures.append(exc), on_finished=loop.quit)
    dialog.show()
    loop.exec()
    dialog.close()
    if failures:
        raise failures[0]
    partial.replace(path)


DEMO_PARTIES = 200


def start(location: str | None) -> QMainWindow | int:
    """Open the register (asking first on a first start) and show its main window, or the exit code."""
    from calmi_vendors.services.opening import open_for_use
    from calmi_vendors.settings import data_dir
    from calmi_vendors.ui.main_window import MainWindow, choose_open_path

    create_application()
    choice = None
    if _first_start(location):
        choice = ask_welcome(default_register_location())
        if choice is None:
            return 0
        if choice is WelcomeChoice.OPEN:
            chosen = choose_open_path(
                None,  # type: ignore[arg-type]
                QCoreApplication.translate("Welcome", "Open a register"),
                QCoreApplication.translate(
                    "Welcome", "Calmi Vendors register (*.sqlite3 *.db);;All files (*)"
                ),
            )
            if not chosen:
                return 0
            location = chosen
        elif choice is WelcomeChoice.DEMO:
            demo = data_dir() / "demo-register.sqlite3"
            demo.parent.mkdir(parents=True, exist_ok=True)
            try:
                if not demo.exists():
                    _make_demo(demo)
            except (CalmiError, OSError) as exc:
                show_critical(str(exc))
                return 2
            location = str(demo)
    try:
        register = open_for_use(location, daily_backup=True)
    except CalmiError as exc:
        show_critical(str(exc))
        return 2
    window = MainWindow(register)
    window.owns_register = True
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    for warning in register.warnings:
        QMessageBox.warning(window, __app_name__, warning)
    if choice is WelcomeChoice.IMPORT:
        window.import_list().browse()
    return window


def run(location: str | None) -> int:
    app = create_application()
    window = start(location)
    return window if isinstance(window, int) else app.exec()
