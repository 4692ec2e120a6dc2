"""Start the Qt application on a register and show the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from calmi_vendors.__about__ import __app_id__, __app_name__, __organization__, __version__
from calmi_vendors.errors import CalmiError


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(__app_name__)
    app.setApplicationDisplayName(__app_name__)
    app.setOrganizationName(__organization__)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(__app_id__)
    return app


def run(location: str | None) -> int:
    from calmi_vendors.services.opening import open_for_use
    from calmi_vendors.ui.main_window import MainWindow

    app = create_application()
    try:
        register = open_for_use(location)
    except CalmiError as exc:
        QMessageBox.critical(None, __app_name__, str(exc))
        return 2
    window = MainWindow(register)
    window.show()
    try:
        return app.exec()
    finally:
        register.close()
