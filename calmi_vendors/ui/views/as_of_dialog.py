""" "Register as of…": the parties as the register held them at a past moment, and one party's state then."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDateTime, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.domain.countries import country_name
from calmi_vendors.domain.enums import ChangeAction, PartyStatus, RiskTier
from calmi_vendors.errors import CalmiError
from calmi_vendors.services import reference
from calmi_vendors.services.as_of import (
    PartyAsOf,
    PartyStateAsOf,
    StatusChangeAsOf,
    parties_as_of,
    party_as_of,
)
from calmi_vendors.services.dto import HistoryEntry
from calmi_vendors.store.register import Register
from calmi_vendors.ui.labels import enum_label, field_label, format_date
from calmi_vendors.ui.models.list_model import ROW_ROLE, ListColumn, ListModel
from calmi_vendors.ui.tasks import Progress, TaskRunner

_ENUM_FIELDS = {"status": PartyStatus, "tier": RiskTier, "tier_override": RiskTier}


def moment_text(moment: datetime) -> str:
    """A moment in the user's local time with its zone, e.g. 2025-04-01 09:00 JST."""
    local = moment.astimezone()
    return f"{local:%Y-%m-%d %H:%M} {local.tzname() or ''}".rstrip()


def _table(parent: QWidget, model: ListModel[Any]) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AsOfDialog(QDialog):
    """Pick a past moment; see the parties as they stood then; double-click one for its state then."""

    def __init__(
        self, register: Register, tasks: TaskRunner, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register as of…"))
        self.register = register
        self.tasks = tasks
        self.language = language
        self.moment: datetime | None = None
        self.detail: PartyAsOfDialog | None = None
        self._task: Any = None
        self._total = 0
        # Small lookups, read once: the rows name work and data categories by key.
        self._names = {
            "business_functions": {
                f.key: f.name(language)
                for f in reference.business_functions(register.unit_of_work(readonly=True))
            },
            "data_categories": {
                c.key: c.name(language)
                for c in reference.data_categories(register.unit_of_work(readonly=True))
            },
        }

        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addDays(1))
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Show the register as it stood on"), self))
        pick.addWidget(self.when)
        pick.addWidget(self.show_button)
        pick.addStretch(1)

        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "Rebuilt from the change history: what the register held then, including parties "
                "deleted since. Changes made outside Calmi Vendors are not in the history; "
                "`calmi-vendors check` finds them. "
                "Double-click a party to see its details and history up to then."
            ),
            self,
        )
        note.setWordWrap(True)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, corporate number, department…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count = QLabel(self)

        self.model: ListModel[PartyAsOf] = ListModel(self._columns(), self)
        self.table = _table(self, self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self.open_party)
        widths = (250, 125, 110, 70, 110, 140, 100)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.hide()
        self.cancel.clicked.connect(self._cancel)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.heading)
        layout.addWidget(note)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1180, 720)

    def _columns(self) -> list[ListColumn[PartyAsOf]]:
        separator = "、" if self.language == "ja" else ", "

        def functions(p: PartyAsOf) -> str | None:
            if p.business_functions is None:
                return self.tr("not recorded")
            names = self._names["business_functions"]
            return separator.join(names.get(k, k) for k in p.business_functions)

        return [
            ListColumn(self.tr("Name"), lambda p: p.name),
            ListColumn(self.tr("Corporate number"), lambda p: p.corporate_number),
            ListColumn(self.tr("Status"), lambda p: p.status),
            ListColumn(self.tr("Risk tier"), lambda p: p.tier),
            ListColumn(self.tr("Next audit due"), lambda p: p.next_audit_due),
            ListColumn(self.tr("Owner department"), lambda p: p.owner_department),
            ListColumn(self.tr("Deleted since"), lambda p: p.deleted_at.date() if p.deleted_at else None),
            ListColumn(self.tr("Entrusted work"), functions),
        ]

    def selected_moment(self) -> datetime:
        """The picked date and time, in the user's local time zone."""
        value = self.when.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.astimezone()

    # -- loading ------------------------------------------------------------------------------------
    def load(self) -> None:
        """Rebuild the register at the picked moment, off the GUI thread."""
        moment = self.selected_moment()
        uow = self.register.unit_of_work(readonly=True)

        def job(progress: Progress) -> list[PartyAsOf]:
            rows = parties_as_of(uow, moment)
            progress.check()
            return rows

        self.message.setText(self.tr("Reading the change history…"))
        self.progress.show()
        self.cancel.show()
        self.show_button.setEnabled(False)
        self._task = self.tasks.start(
            job,
            on_success=lambda rows: self._loaded(moment, rows),
            on_failure=self._failed,
            on_cancel=lambda: self.message.setText(self.tr("Cancelled.")),
            on_finished=self._idle,
        )

    def _loaded(self, moment: datetime, rows: list[PartyAsOf]) -> None:
        self.moment = moment
        self.heading.setText(self.tr("What the register held on %1").replace("%1", moment_text(moment)))
        self._total = len(rows)
        self.model.set_rows(rows)
        self.message.setText("")
        self._show_count()

    def _filter(self, text: str) -> None:
        self.model.set_text_filter(text)
        self._show_count()

    def _show_count(self) -> None:
        total, shown = self._total, self.model.rowCount()
        text = self.tr("%1 parties") if shown == total else self.tr("%1 of %2 parties")
        self.count.setText(text.replace("%1", str(shown)).replace("%2", str(total)))

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _idle(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel.hide()
        self.show_button.setEnabled(True)

    def _failed(self, exc: BaseException, _details: str) -> None:
        if isinstance(exc, CalmiError | OSError):
            self.message.setText(str(exc))
        else:
            self.message.setText(self.tr("Unexpected error: %1").replace("%1", repr(exc)))

    def reject(self) -> None:
        if self._task is not None:
            self._cancel()
            return
        super().reject()

    # -- one party ----------------------------------------------------------------------------------
    def open_party(self, index: QModelIndex) -> None:
        """Load the double-clicked party's state at the shown moment and show it in its own window."""
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        if not isinstance(row, PartyAsOf) or self.moment is None:
            return
        moment, uow = self.moment, self.register.unit_of_work(readonly=True)
        self.message.setText(self.tr("Reading the change history…"))
        self.tasks.start(
            lambda _progress: party_as_of(uow, row.id, moment),
            on_success=self._show_party,
            on_failure=self._failed,
        )

    def _show_party(self, state: PartyStateAsOf) -> None:
        self.message.setText("")
        if self.detail is not None:
            self.detail.close()
        self.detail = PartyAsOfDialog(state, self._names, self.language, self)
        self.detail.show()


class PartyAsOfDialog(QDialog):
    """One party as the register held it at a moment: its fields, status changes and history to then."""

    def __init__(
        self,
        state: PartyStateAsOf,
        names: dict[str, dict[str, str]],
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.language = language
        self._names = names
        party = state.party
        self.setWindowTitle(
            self.tr("%1 as of %2").replace("%1", party.name).replace("%2", moment_text(state.moment))
        )
        self.heading = QLabel(
            self.tr("%1 — as the register held it on %2")
            .replace("%1", party.name)
            .replace("%2", moment_text(state.moment)),
            self,
        )
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        tabs = QTabWidget(self)
        tabs.addTab(self._fields(), self.tr("Details then"))
        self.status_model: ListModel[StatusChangeAsOf] = ListModel(
            [
                ListColumn(self.tr("When"), lambda s: moment_text(s.changed_at)),
                ListColumn(self.tr("From"), lambda s: s.from_status),
                ListColumn(self.tr("To"), lambda s: s.to_status),
                ListColumn(self.tr("Who"), lambda s: s.changed_by),
                ListColumn(self.tr("Reason"), lambda s: s.reason),
            ],
            self,
        )
        self.status_model.set_rows(state.status_changes)
        self.history_model: ListModel[HistoryEntry] = ListModel(
            [
                ListColumn(self.tr("When"), lambda e: moment_text(e.changed_at)),
                ListColumn(self.tr("Who"), lambda e: e.changed_by),
                ListColumn(self.tr("What"), self._what),
                ListColumn(self.tr("Before"), lambda e: self._value(e.field, e.old_value)),
                ListColumn(self.tr("After"), lambda e: self._value(e.field, e.new_value)),
            ],
            self,
        )
        self.history_model.set_rows(state.history)
        split = QSplitter(Qt.Orientation.Vertical, self)
        for title, model in (
            (self.tr("Status changes"), self.status_model),
            (self.tr("History up to then"), self.history_model),
        ):
            box = QWidget(split)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(f"<b>{title}</b>", box))
            view = _table(box, model)
            for column, width in enumerate((150, 140, 190, 200)):
                view.setColumnWidth(column, width)
            box_layout.addWidget(view)
            split.addWidget(box)
        tabs.addTab(split, self.tr("Status changes and history"))
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(tabs, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(900, 640)

    def _fields(self) -> QWidget:
        p, state = self.state.party, self.state
        language = "ja" if self.language == "ja" else "en"
        rows = [
            (field_label("name"), p.name),
            (field_label("name_kana"), p.name_kana),
            (field_label("corporate_number"), p.corporate_number),
            (field_label("status"), enum_label(p.status)),
            (self.tr("Risk tier"), enum_label(p.tier)),
            (self.tr("Tier set by hand"), enum_label(p.tier_override)),
            (self.tr("Why set by hand"), p.tier_override_reason),
            (self.tr("Next audit due"), format_date(p.next_audit_due)),
            (field_label("country"), country_name(p.country, language)),
            (field_label("processing_country"), country_name(p.processing_country, language)),
            (field_label("address"), p.address),
            (
                field_label("data_subjects_approx"),
                f"{p.data_subjects_approx:,}" if p.data_subjects_approx is not None else "",
            ),
            (field_label("owner_department"), p.owner_department),
            (
                field_label("reentrustment_allowed"),
                self.tr("Yes") if p.reentrustment_allowed else self.tr("No"),
            ),
            (field_label("parent_name"), state.parent_name),
            (field_label("business_functions"), self._links("business_functions", p.business_functions)),
            (field_label("data_categories"), self._links("data_categories", p.data_categories)),
            (self.tr("Open findings"), str(p.open_findings)),
            (field_label("website"), p.website),
            (field_label("notes"), p.notes),
            (self.tr("Registered"), moment_text(p.created_at)),
            (self.tr("Last changed by then"), moment_text(p.last_changed_at)),
            (self.tr("Deleted since"), moment_text(p.deleted_at) if p.deleted_at else self.tr("No")),
        ]
        page = QWidget(self)
        form = QFormLayout(page)
        for label, value in rows:
            text = QLabel(value or "—", page)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, text)
        scroll = QScrollArea(self)
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        return scroll

    def _keys(self, name: str, keys: Sequence[str]) -> str:
        separator = "、" if self.language == "ja" else ", "
        return separator.join(self._names[name].get(k, k) for k in keys)

    def _links(self, name: str, keys: Sequence[str] | None) -> str:
        if keys is None:
            return self.tr("not recorded in the history")
        return self._keys(name, keys) or "—"

    def _what(self, entry: HistoryEntry) -> str:
        if entry.action is ChangeAction.INSERT:
            return self.tr("Registered")
        if entry.action is ChangeAction.DELETE:
            return self.tr("Deleted")
        labels = {
            "tier": self.tr("Risk tier"),
            "tier_override": self.tr("Tier set by hand"),
            "tier_override_reason": self.tr("Why set by hand"),
            "tier_reason": self.tr("Why this tier"),
            "next_audit_due": self.tr("Next audit due"),
            "parent_id": field_label("parent"),
        }
        return labels.get(entry.field or "", field_label(entry.field or ""))

    def _value(self, name: str | None, text: str | None) -> str:
        if text is None or name is None:
            return ""
        try:
            if name in _ENUM_FIELDS:
                return enum_label(_ENUM_FIELDS[name](text))
            if name in self._names:
                return self._keys(name, json.loads(text))
            if name == "reentrustment_allowed":
                return self.tr("Yes") if text == "true" else self.tr("No")
            if name == "next_audit_due":
                return format_date(date.fromisoformat(text))
        except ValueError:
            return text
        if name == "tier_reason":
            # The computed tier's reasons are a JSON record for the dossier, not for reading here.
            return self.tr("(recomputed)")
        return text
