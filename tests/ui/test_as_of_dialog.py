""" "Register as of…": pick a past moment, see the parties as they were, open one party's state then."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_support import type_text

from calmi_vendors.domain.enums import PartyStatus
from calmi_vendors.services import parties
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.register import Register
from calmi_vendors.ui.tasks import TaskRunner
from calmi_vendors.ui.views.as_of_dialog import AsOfDialog, PartyAsOfDialog, moment_text

APRIL, MAY, JUNE = (datetime(2025, m, 1, tzinfo=UTC) for m in (4, 5, 6))


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Register]:
    """Two parties registered in April; in May one is assessed and renamed; in June a third arrives."""
    register = open_for_use(str(tmp_path / "register.sqlite3"))
    now = {"value": APRIL}
    monkeypatch.setattr("calmi_vendors.store.history.utcnow", lambda: now["value"])
    uow = register.unit_of_work
    first = parties.create_party(uow(), PartyInput(name="株式会社旧名", business_functions=("billing",)))
    parties.create_party(uow(), PartyInput(name="Harbor Billing Ltd.", owner_department="経理部"))
    now["value"] = MAY
    moved = parties.change_status(uow(), first.id, PartyStatus.UNDER_ASSESSMENT, reason="選定評価を開始")
    renamed = PartyInput(name="株式会社新名", business_functions=("billing", "delivery"))
    parties.update_party(uow(), first.id, renamed, expected_version=moved.version)
    now["value"] = JUNE
    parties.create_party(uow(), PartyInput(name="六月株式会社"))
    yield register
    register.close()


@pytest.fixture
def dialog(qtbot: QtBot, story: Register) -> AsOfDialog:
    tasks = TaskRunner()
    shown = AsOfDialog(story, tasks, "en")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def show_at(qtbot: QtBot, dialog: AsOfDialog, moment: datetime) -> None:
    local = moment.astimezone()
    dialog.when.setDateTime(QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0))
    QTest.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.moment is not None and dialog._task is None, timeout=10_000)


def names(dialog: AsOfDialog) -> list[str]:
    return [dialog.model.row_at(n).name for n in range(dialog.model.rowCount())]


def test_the_register_between_two_changes(qtbot: QtBot, dialog: AsOfDialog) -> None:
    mid_april = datetime(2025, 4, 15, 9, 0, tzinfo=UTC)
    show_at(qtbot, dialog, mid_april)

    assert sorted(names(dialog)) == ["Harbor Billing Ltd.", "株式会社旧名"]
    assert dialog.heading.text() == f"What the register held on {moment_text(mid_april)}"
    assert moment_text(mid_april).startswith("2025-04-15")
    assert dialog.count.text() == "2 parties"
    status = dialog.model.columns[2].value
    assert {status(dialog.model.row_at(n)) for n in range(2)} == {PartyStatus.CANDIDATE}
    work = dialog.model.index(names(dialog).index("株式会社旧名"), 7).data()
    assert work == "Billing and collection"

    show_at(qtbot, dialog, datetime(2025, 5, 15, tzinfo=UTC))
    assert sorted(names(dialog)) == ["Harbor Billing Ltd.", "株式会社新名"]
    show_at(qtbot, dialog, datetime(2025, 3, 1, tzinfo=UTC))
    assert names(dialog) == []
    assert dialog.count.text() == "0 parties"


def test_search_narrows_the_parties_shown(qtbot: QtBot, dialog: AsOfDialog) -> None:
    show_at(qtbot, dialog, datetime(2025, 6, 2, tzinfo=UTC))
    assert len(names(dialog)) == 3

    type_text(dialog.search, "経理")

    assert names(dialog) == ["Harbor Billing Ltd."]
    assert dialog.count.text() == "1 of 3 parties"


def test_double_click_shows_that_party_then(qtbot: QtBot, dialog: AsOfDialog) -> None:
    show_at(qtbot, dialog, datetime(2025, 4, 15, tzinfo=UTC))
    row = names(dialog).index("株式会社旧名")
    rect = dialog.table.visualRect(dialog.model.index(row, 0))

    # A double click is a press and release, then a double-click event: the view wants the press first.
    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)

    detail = dialog.detail
    assert isinstance(detail, PartyAsOfDialog)
    assert detail.state.party.name == "株式会社旧名"
    assert "株式会社旧名" in detail.heading.text()
    texts = {label.text() for label in detail.findChildren(QLabel)}
    assert {"株式会社旧名", "Candidate", "Billing and collection"} <= texts
    assert "株式会社新名" not in texts
    assert [detail.status_model.index(n, 2).data() for n in range(detail.status_model.rowCount())] == [
        "Candidate"
    ]
    history = [detail.history_model.index(n, 2).data() for n in range(detail.history_model.rowCount())]
    assert history == ["Registered"]


def test_the_history_then_names_fields_and_values_in_words(qtbot: QtBot, dialog: AsOfDialog) -> None:
    show_at(qtbot, dialog, datetime(2025, 5, 15, tzinfo=UTC))
    row = names(dialog).index("株式会社新名")

    dialog.open_party(dialog.model.index(row, 0))
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)

    model = dialog.detail.history_model if dialog.detail else None
    assert model is not None
    rows = {
        model.index(n, 2).data(): (model.index(n, 3).data(), model.index(n, 4).data())
        for n in range(model.rowCount())
    }
    assert rows["Status"] == ("Candidate", "Under assessment")
    assert rows["Name"] == ("株式会社旧名", "株式会社新名")
    assert rows["Entrusted work"] == ("Billing and collection", "Billing and collection, Delivery")
