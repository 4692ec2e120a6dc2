"""The Japanese translation of the UI: complete, placeholders kept, compiled, and in step with the code.

Refresh with `bash scripts/update-translations.sh` (lupdate + lrelease) after changing UI strings.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "calmi_vendors" / "resources" / "translations"
JA_TS = TRANSLATIONS / "calmi_vendors_ja.ts"
EN_TS = TRANSLATIONS / "calmi_vendors_en.ts"
JA_QM = TRANSLATIONS / "calmi_vendors_ja.qm"
UI_SOURCES = ROOT / "calmi_vendors" / "ui"

PLACEHOLDER = re.compile(r"%(?:\d+|n)")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
ACCELERATOR = re.compile(r"&(?=[^&\s])")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    unfinished: bool
    forms: tuple[str, ...]  # the translation, or one entry per plural form

    @property
    def where(self) -> str:
        return f"[{self.context}] {self.source!r}"


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"[{name}] {message.findtext('source')!r} has no <translation>"
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(f.text or "" for f in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    unfinished=translation.get("type") in ("unfinished", "obsolete", "vanished"),
                    forms=forms,
                )
            )
    return messages


@pytest.fixture(scope="module")
def ja() -> list[Message]:
    assert JA_TS.is_file(), f"{JA_TS} is missing: run scripts/update-translations.sh"
    return read_ts(JA_TS)


@pytest.fixture
def translator(qapp: QCoreApplication) -> Iterator[QTranslator]:
    """The compiled Japanese translation, installed for the test and removed after it."""
    translator = QTranslator()
    assert translator.load("calmi_vendors_ja", str(TRANSLATIONS)), f"{JA_QM} does not load"
    qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


def test_both_translation_sources_are_there_with_their_languages(ja: list[Message]) -> None:
    assert ja, "the Japanese .ts holds no message"
    assert ET.parse(JA_TS).getroot().get("language") == "ja"
    assert EN_TS.is_file(), f"{EN_TS} is missing: run scripts/update-translations.sh"
    assert ET.parse(EN_TS).getroot().get("language") == "en"


def test_every_message_is_translated(ja: list[Message]) -> None:
    unfinished = [m.where for m in ja if m.unfinished or not all(f.strip() for f in m.forms)]
    hint = "untranslated messages (translate them, then run scripts/update-translations.sh):"
    assert not unfinished, "\n".join([hint, *unfinished])


def test_plural_messages_have_their_one_japanese_form(ja: list[Message]) -> None:
    plurals = [m for m in ja if m.numerus]
    assert plurals, "expected %n messages (e.g. '%n entrusted part(ies)')"
    wrong = [m.where for m in plurals if len(m.forms) != 1]
    assert not wrong, "Japanese has one plural form:\n" + "\n".join(wrong)


def test_translations_keep_placeholders_tags_and_accelerators(ja: list[Message]) -> None:
    problems = []
    for m in ja:
        for form in m.forms:
            lost = set(PLACEHOLDER.findall(m.source)) - set(PLACEHOLDER.findall(form))
            if lost:
                problems.append(f"{m.where}: {form!r} lacks {sorted(lost)}")
            if sorted(HTML_TAG.findall(m.source)) != sorted(HTML_TAG.findall(form)):
                problems.append(f"{m.where}: {form!r} changes the HTML tags")
            wanted = len(ACCELERATOR.findall(m.source.replace("&&", "")))
            if len(ACCELERATOR.findall(form.replace("&&", ""))) != wanted:
                problems.append(f"{m.where}: {form!r} should have {wanted} &-accelerator(s)")
    assert not problems, "\n".join(problems)


def test_the_compiled_translation_matches_the_ts(ja: list[Message], translator: QTranslator) -> None:
    """A stale .qm (the .ts edited, lrelease not run) shows here, whatever the files' dates."""
    stale = []
    for m in ja:
        got = translator.translate(m.context, m.source, m.comment or None, 1 if m.numerus else -1)
        if got != m.forms[0]:
            stale.append(f"{m.where}: .qm gives {got!r}, .ts says {m.forms[0]!r}")
    hint = "calmi_vendors_ja.qm is out of date: run scripts/update-translations.sh"
    assert not stale, "\n".join([hint, *stale])


@pytest.mark.parametrize(
    ("context", "source", "expected"),
    [
        ("MainWindow", "Dashboard", "ダッシュボード"),
        ("MainWindow", "Entrusted parties", "委託先台帳"),
        ("MainWindow", "&File", "ファイル(&F)"),
        ("Labels", "Under assessment", "評価中"),
        ("Labels", "High", "高"),
        ("RegisterModel", "Next audit due", "次回監査予定日"),
    ],
)
def test_the_installed_translation_speaks_japanese(
    translator: QTranslator, context: str, source: str, expected: str
) -> None:
    assert QCoreApplication.translate(context, source) == expected


def test_plural_strings_are_worded_with_the_count(translator: QTranslator) -> None:
    assert QCoreApplication.translate("MainWindow", "%n entrusted part(ies)", None, 3) == "3 件の委託先"


def test_save_is_japanese(translator: QTranslator, qapp: QCoreApplication) -> None:
    """Our own "Save" messages, and the Save button of the party window (worded by Qt's qtbase_ja)."""
    ours = [m for m in read_ts(JA_TS) if m.source in ("Save", "&Save")]
    for m in ours:
        assert QCoreApplication.translate(m.context, m.source) == m.forms[0]
        assert "保存" in m.forms[0], m.where
    qt = QTranslator()
    if not qt.load("qtbase_ja", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        if not ours:
            pytest.skip("no 'Save' message of ours and Qt's qtbase_ja.qm is not installed")
        return
    qapp.installTranslator(qt)
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Save") == "保存"
    finally:
        qapp.removeTranslator(qt)


def _lupdate() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    return str(beside) if beside.is_file() else shutil.which("pyside6-lupdate")


def test_the_ts_covers_every_string_in_the_code(ja: list[Message], tmp_path: Path) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip(f"pyside6-lupdate is neither next to {sys.executable} nor on PATH: cannot compare")
    sources = sorted(str(p) for p in UI_SOURCES.rglob("*.py"))
    fresh = tmp_path / "fresh_ja.ts"
    subprocess.run(
        [lupdate, "-silent", "-locations", "none", "-target-language", "ja", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    in_code = {(m.context, m.source, m.comment) for m in read_ts(fresh)}
    in_ts = {(m.context, m.source, m.comment) for m in ja}
    missing = sorted(in_code - in_ts)
    assert not missing, (
        "strings in the code but not in calmi_vendors_ja.ts: run scripts/update-translations.sh and "
        "translate them:\n" + "\n".join(f"[{c}] {s!r}" for c, s, _ in missing)
    )
