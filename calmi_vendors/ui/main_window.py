"""The main window: the party register, with the register's location always in view."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTableView, QWidget

from calmi_vendors.__about__ import __app_name__, __version__
from calmi_vendors.services.parties import list_parties
from calmi_vendors.store.register import Register
from calmi_vendors.ui.models.register_model import RegisterModel


class MainWindow(QMainWindow):
    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.setWindowTitle(f"{__app_name__} — {register.location.display()}")
        self.resize(1200, 760)
        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.setCentralWidget(self.table)
        self._location = QLabel(register.location.display(), self)
        self.statusBar().addPermanentWidget(self._location)
        self._build_menus()
        self.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.tr("&Reload"), self.reload)
        file_menu.addSeparator()
        file_menu.addAction(self.tr("&Quit"), self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About Calmi Vendors"), self.show_about)

    def reload(self) -> None:
        rows = list_parties(self.register.unit_of_work(readonly=True))
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.statusBar().showMessage(self.tr("%n entrusted part(ies)", "", len(rows)))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Calmi Vendors"),
            self.tr("%1 %2\nThe register of entrusted parties and their supervision.")
            .replace("%1", __app_name__)
            .replace("%2", __version__),
        )
