"""The first start: no register yet — create one, import an Excel list into a new one, or try the demo."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

from calmi_vendors.__about__ import __app_name__, __version__


class WelcomeChoice(Enum):
    CREATE = "create"
    IMPORT = "import"
    DEMO = "demo"
    OPEN = "open"


class WelcomeDialog(QDialog):
    """Asks once what to start with; `choice` is None when the user closed the window."""

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: WelcomeChoice | None = None
        self.setWindowTitle(self.tr("Welcome to %1").replace("%1", __app_name__))
        title = QLabel(f"<h2>{__app_name__}</h2>", self)
        intro = QLabel(
            self.tr(
                "Keep the register of the parties you entrust personal information to: selection, "
                "consignment contracts, assessments, supervision audits and reports.<br><br>"
                "There is no register on this computer yet. It will be kept in:<br><tt>%1</tt>"
            ).replace("%1", location.replace("&", "&amp;").replace("<", "&lt;")),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        self.buttons: dict[WelcomeChoice, QCommandLinkButton] = {}
        for choice, text, detail in (
            (
                WelcomeChoice.IMPORT,
                self.tr("Import an Excel list"),
                self.tr("Start a new register from the vendor list you keep today (.xlsx, .xls, .csv)."),
            ),
            (
                WelcomeChoice.CREATE,
                self.tr("Create an empty register"),
                self.tr("Enter the entrusted parties one by one."),
            ),
            (
                WelcomeChoice.DEMO,
                self.tr("Try the demo register"),
                self.tr(
                    "200 made-up parties with contracts, audits and findings, kept apart from your data."
                ),
            ),
            (
                WelcomeChoice.OPEN,
                self.tr("Open a register file…"),
                self.tr("A register copied from another computer or a backup."),
            ),
        ):
            button = QCommandLinkButton(text, detail, self)
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            layout.addWidget(button)
            self.buttons[choice] = button
        version = QLabel(self.tr("Version %1").replace("%1", __version__), self)
        version.setAlignment(Qt.AlignmentFlag.AlignRight)
        version.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(version)
        self.setMinimumWidth(660)

    def _choose(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()
