"""The main window's record lists: contracts, gaps, assessments, audits, findings and reminders."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from calmi_vendors.services.reminders import Reminder
from calmi_vendors.ui.models.list_model import ListColumn
from calmi_vendors.ui.views.list_view import RecordListView


@dataclass(frozen=True)
class RecordLists:
    contracts: RecordListView
    gaps: RecordListView
    assessments: RecordListView
    audits: RecordListView
    findings: RecordListView
    reminders: RecordListView


def days_left(reminder: Reminder) -> str:
    """'in 12 days', 'today', '3 days overdue' in the UI language."""
    days = reminder.days_left
    if days == 0:
        return QCoreApplication.translate("RecordLists", "today")
    if days < 0:
        return QCoreApplication.translate("RecordLists", "%1 days overdue").replace("%1", str(-days))
    return QCoreApplication.translate("RecordLists", "in %1 days").replace("%1", str(days))


def build_record_lists(window: QWidget, language: str) -> RecordLists:
    """The list views, their columns saying what each record is in words."""
    contracts = RecordListView(
        [
            ListColumn(QCoreApplication.translate("MainWindow", "Party"), lambda c: c.party_name),
            ListColumn(QCoreApplication.translate("MainWindow", "Contract"), lambda c: c.title),
            ListColumn(QCoreApplication.translate("MainWindow", "Reference"), lambda c: c.reference_number),
            ListColumn(QCoreApplication.translate("MainWindow", "Status"), lambda c: c.status),
            ListColumn(QCoreApplication.translate("MainWindow", "Effective"), lambda c: c.effective_on),
            ListColumn(QCoreApplication.translate("MainWindow", "Expires"), lambda c: c.expires_on),
            ListColumn(
                QCoreApplication.translate("MainWindow", "Notice (days)"), lambda c: c.notice_period_days
            ),
            ListColumn(QCoreApplication.translate("MainWindow", "Clause gaps"), lambda c: c.gaps or None),
        ],
        party_of=lambda c: c.party_id,
        parent=window,
    )
    gaps = RecordListView(
        [
            ListColumn(QCoreApplication.translate("MainWindow", "Party"), lambda g: g.party_name),
            ListColumn(QCoreApplication.translate("MainWindow", "Contract"), lambda g: g.contract_title),
            ListColumn(
                QCoreApplication.translate("MainWindow", "Clause"),
                lambda g: g.title_ja if language == "ja" else g.title_en,
            ),
            ListColumn(QCoreApplication.translate("MainWindow", "Coverage"), lambda g: g.coverage),
        ],
        party_of=lambda g: g.party_id,
        parent=window,
    )
    assessments = RecordListView(
        [
            ListColumn(QCoreApplication.translate("MainWindow", "Party"), lambda a: a.party_name),
            ListColumn(QCoreApplication.translate("MainWindow", "Kind"), lambda a: a.kind),
            ListColumn(QCoreApplication.translate("MainWindow", "Status"), lambda a: a.status),
            ListColumn(QCoreApplication.translate("MainWindow", "Started"), lambda a: a.started_on),
            ListColumn(QCoreApplication.translate("MainWindow", "Completed"), lambda a: a.completed_on),
            ListColumn(QCoreApplication.translate("MainWindow", "Score"), lambda a: a.score_ratio),
            ListColumn(QCoreApplication.translate("MainWindow", "Result"), lambda a: a.result),
            ListColumn(QCoreApplication.translate("MainWindow", "Assessor"), lambda a: a.assessor),
        ],
        party_of=lambda a: a.party_id,
        parent=window,
    )
    audits = RecordListView(
        [
            ListColumn(QCoreApplication.translate("MainWindow", "Party"), lambda a: a.party_name),
            ListColumn(QCoreApplication.translate("MainWindow", "Method"), lambda a: a.method),
            ListColumn(QCoreApplication.translate("MainWindow", "Status"), lambda a: a.status),
            ListColumn(QCoreApplication.translate("MainWindow", "Planned"), lambda a: a.planned_on),
            ListColumn(QCoreApplication.translate("MainWindow", "Performed"), lambda a: a.performed_on),
            ListColumn(QCoreApplication.translate("MainWindow", "Auditor"), lambda a: a.auditor),
            ListColumn(
                QCoreApplication.translate("MainWindow", "Open findings"), lambda a: a.open_findings or None
            ),
        ],
        party_of=lambda a: a.party_id,
        parent=window,
    )
    findings = RecordListView(
        [
            ListColumn(QCoreApplication.translate("MainWindow", "Party"), lambda f: f.party_name),
            ListColumn(QCoreApplication.translate("MainWindow", "Finding"), lambda f: f.title),
            ListColumn(QCoreApplication.translate("MainWindow", "Severity"), lambda f: f.severity),
            ListColumn(QCoreApplication.translate("MainWindow", "Status"), lambda f: f.status),
            ListColumn(QCoreApplication.translate("MainWindow", "Owner"), lambda f: f.owner),
            ListColumn(QCoreApplication.translate("MainWindow", "Due"), lambda f: f.due_on),
        ],
        party_of=lambda f: f.party_id,
        parent=window,
    )
    reminders = RecordListView(
        [
            ListColumn(QCoreApplication.translate("MainWindow", "Due"), lambda r: r.due_on),
            ListColumn(QCoreApplication.translate("MainWindow", "When"), days_left),
            ListColumn(QCoreApplication.translate("MainWindow", "Level"), lambda r: r.level),
            ListColumn(QCoreApplication.translate("MainWindow", "Kind"), lambda r: r.kind),
            ListColumn(QCoreApplication.translate("MainWindow", "Party"), lambda r: r.party_name),
            ListColumn(
                QCoreApplication.translate("MainWindow", "Subject"),
                lambda r: "" if r.kind.value == "audit_due" else r.title,
            ),
        ],
        party_of=lambda r: r.party_id,
        parent=window,
    )
    return RecordLists(contracts, gaps, assessments, audits, findings, reminders)
