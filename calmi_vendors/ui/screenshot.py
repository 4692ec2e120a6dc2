"""Render one view offscreen into a PNG, for the docs and for looking at what we ship."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

from calmi_vendors.errors import CalmiError

VIEWS = (
    "dashboard",
    "register",
    "contracts",
    "assessments",
    "audits",
    "program",
    "reports",
    "settings",
    "party:<id>",
    "report:<kind>[:<subject>]",
)


def take_screenshot(
    location: str | None,
    view: str,
    out: Path,
    *,
    language: str | None = None,
    size: tuple[int, int] = (1400, 900),
    today: date | None = None,
) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from calmi_vendors.services.opening import open_for_use
    from calmi_vendors.ui import main_window as mw
    from calmi_vendors.ui.application import create_application
    from calmi_vendors.ui.main_window import DASHBOARD, MainWindow

    PAGES = {
        "register": mw.PARTIES,
        "contracts": mw.CONTRACTS,
        "assessments": mw.ASSESSMENTS,
        "audits": mw.AUDITS,
        "program": mw.PROGRAM,
        "reports": mw.REPORTS,
        "settings": mw.SETTINGS,
    }

    app = create_application(language)
    register = open_for_use(location, create=False)
    try:
        # Window state of a screenshot run must not leak into the user's settings nor next to the PNG.
        scratch = tempfile.TemporaryDirectory()
        settings = QSettings(str(Path(scratch.name) / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(register, settings=settings, today=today)
        window.resize(*size)
        window.show()

        def settle() -> None:
            deadline = time.monotonic() + 120
            while window.tasks.busy and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)

        settle()
        target = window
        if view == "dashboard":
            window.nav.setCurrentRow(DASHBOARD)
        elif view in PAGES:
            window.nav.setCurrentRow(PAGES[view])
        elif view.startswith("party:") and view[6:].isdigit():
            window.open_party(int(view[6:]))
            workspace = window.workspaces.get(int(view[6:]))
            if workspace is None:
                raise CalmiError(f"There is no entrusted party #{view[6:]}.")
            workspace.resize(*size)
            target = workspace  # type: ignore[assignment]
        elif view.startswith("report:"):
            from calmi_vendors.services.reporting import ReportKind

            kind, _, subject = view[7:].partition(":")
            if kind not in ReportKind.__members__.values():
                raise CalmiError(f"Unknown report {kind!r}; choose one of {', '.join(ReportKind)}.")
            window.show_report(ReportKind(kind), int(subject) if subject.isdigit() else None)
            settle()
        else:
            raise CalmiError(f"Unknown view {view!r}; choose one of {', '.join(VIEWS)}.")
        # Let timers that draw lazily (the report preview) fire before the grab.
        until = time.monotonic() + 0.3
        while time.monotonic() < until:
            app.processEvents()
            time.sleep(0.01)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not target.grab().save(str(out), "PNG"):
            raise CalmiError(f"Cannot write {out}.")
        for w in list(window.workspaces.values()):
            w.dirty = False
            w.close()
        window.close()
        QApplication.processEvents()
        del settings
        scratch.cleanup()
    finally:
        register.close()
    return out
