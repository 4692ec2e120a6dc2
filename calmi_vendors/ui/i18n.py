"""Language and fonts: the app's and Qt's own translations, and a Japanese font where the system has none."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

RESOURCES = Path(str(files("calmi_vendors") / "resources"))
TRANSLATIONS = RESOURCES / "translations"
JAPANESE_FONT = RESOURCES / "fonts" / "ipaexg.ttf"
SUPPORTED = ("en", "ja")


def resolve_language(preference: str | None) -> str:
    """'en' or 'ja': the user's choice, else the system's language when we speak it, else English."""
    if preference in SUPPORTED:
        return preference
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load our .qm and Qt's own (for OK/Cancel and friends); returns them to keep them alive."""
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if language == "ja" else QLocale.Language.English))
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"calmi_vendors_{language}", str(TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def ensure_japanese_font(app: QApplication) -> str | None:
    """Add the shipped IPAexGothic as a fallback when no installed font covers Japanese."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        return None
    font_id = QFontDatabase.addApplicationFont(str(JAPANESE_FONT))
    if font_id < 0:
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(app.font())
    font.setFamilies([*font.families(), family])
    app.setFont(font)
    return family
