"""Settings: the user's language, and the register's company name and report defaults."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.errors import CalmiError
from calmi_vendors.services.register_settings import (
    RegisterSettings,
    load_logo,
    load_settings,
    save_logo,
    save_settings,
)
from calmi_vendors.store.register import Register


class SettingsView(QWidget):
    def __init__(self, register: Register, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.settings = settings
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        current = str(settings.value("ui/language", "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel(self)
        self.company = QLineEdit(self)
        self.page_size = QComboBox(self)
        self.page_size.addItems(["A4", "Letter"])
        self.fiscal_start = QSpinBox(self)
        self.fiscal_start.setRange(1, 12)
        self.message = QLabel(self)
        save = QPushButton(self.tr("Save register settings"), self)
        save.clicked.connect(self.save)
        personal = QGroupBox(self.tr("This computer"), self)
        personal_form = QFormLayout(personal)
        personal_form.addRow(self.tr("Language"), self.language)
        personal_form.addRow("", self.language_note)
        shared = QGroupBox(self.tr("This register (shared by everyone who uses it)"), self)
        shared_form = QFormLayout(shared)
        shared_form.addRow(self.tr("Company name on reports"), self.company)
        shared_form.addRow(self.tr("Report paper size"), self.page_size)
        shared_form.addRow(self.tr("Fiscal year starts in month"), self.fiscal_start)
        shared_form.addRow(self.tr("Logo on reports"), self._logo_row())
        shared_form.addRow("", save)
        shared_form.addRow("", self.message)
        about = QGroupBox(self.tr("Register"), self)
        about_form = QFormLayout(about)
        about_form.addRow(self.tr("Location"), QLabel(register.location.display(), self))
        about_form.addRow(self.tr("Schema"), QLabel(register.schema_revision, self))
        about_form.addRow(self.tr("Evidence folder"), QLabel(str(register.evidence_dir), self))
        if register.backup_dir is not None:
            about_form.addRow(self.tr("Automatic backups"), QLabel(str(register.backup_dir), self))
        layout = QVBoxLayout(self)
        for box in (personal, shared, about):
            layout.addWidget(box)
        layout.addStretch(1)
        self.load()

    def _logo_row(self) -> QWidget:
        row = QWidget(self)
        self.logo = QLabel(row)
        self.logo.setFixedSize(180, 60)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.logo.setAccessibleName(self.tr("Logo on reports"))
        choose = QPushButton(self.tr("Choose logo…"), row)
        choose.clicked.connect(self.choose_logo)
        self.remove_logo = QPushButton(self.tr("Remove"), row)
        self.remove_logo.clicked.connect(lambda: self._store_logo(None))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.logo)
        layout.addWidget(choose)
        layout.addWidget(self.remove_logo)
        layout.addStretch(1)
        return row

    def _show_logo(self, image: bytes | None) -> None:
        pixmap = QPixmap()
        if image is not None and pixmap.loadFromData(image):
            self.logo.setPixmap(
                pixmap.scaled(
                    self.logo.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo.setText(self.tr("(none)"))
        self.remove_logo.setEnabled(image is not None)

    def choose_logo(self) -> None:
        from calmi_vendors.ui.main_window import choose_open_path

        path = choose_open_path(self, self.tr("Choose the logo"), self.tr("Images (*.png *.jpg *.jpeg)"))
        if not path:
            return
        try:
            image = Path(path).read_bytes()
        except OSError as exc:
            self.message.setText(
                self.tr("Cannot read %1: %2").replace("%1", path).replace("%2", exc.strerror or "")
            )
            return
        if not QPixmap().loadFromData(image):
            self.message.setText(self.tr("%1 is not an image Calmi Vendors can read.").replace("%1", path))
            return
        self._store_logo(image)

    def _store_logo(self, image: bytes | None) -> None:
        try:
            save_logo(self.register.unit_of_work(), image)
        except CalmiError as exc:
            self.message.setText(str(exc))
            return
        self._show_logo(image)
        self.message.setText(self.tr("Saved."))

    def load(self) -> None:
        self._show_logo(load_logo(self.register.unit_of_work(readonly=True)))
        current = load_settings(self.register.unit_of_work(readonly=True))
        self.company.setText(current.company_name)
        self.page_size.setCurrentText(current.report_page_size)
        self.fiscal_start.setValue(current.fiscal_year_start_month)

    def save(self) -> None:
        try:
            save_settings(
                self.register.unit_of_work(),
                RegisterSettings(
                    self.company.text(), self.page_size.currentText(), self.fiscal_start.value()
                ),
            )
        except CalmiError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Saved."))

    def _language_changed(self) -> None:
        self.settings.setValue("ui/language", self.language.currentData())
        self.language_note.setText(self.tr("The new language applies the next time Calmi Vendors starts."))
