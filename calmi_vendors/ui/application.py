"""Start the Qt application on a register and show the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from calmi_vendors.__about__ import __app_id__, __app_name__, __organization__, __version__
from calmi_vendors.errors import CalmiError
from calmi_vendors.ui.i18n import RESOURCES, ensure_japanese_font, install_translations, resolve_language


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


def run(location: str | None) -> int:
    from calmi_vendors.services.opening import open_for_use
    from calmi_vendors.ui.main_window import MainWindow

    app = create_application()
    try:
        register = open_for_use(location, daily_backup=True)
    except CalmiError as exc:
        QMessageBox.critical(None, __app_name__, str(exc))
        return 2
    window = MainWindow(register)
    window.show()
    for warning in register.warnings:
        QMessageBox.warning(window, __app_name__, warning)
    try:
        return app.exec()
    finally:
        register.close()
