"""Helpers of the GUI tests: the date they run on, and typing as an input method does."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

TODAY = date(2026, 4, 1)


def type_text(widget: Any, text: str) -> None:
    """Enter text as an input method does (QTest key clicks cannot type Japanese)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
