"""The Audits & findings page's actions: plan a batch, record results, close and verify findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from calmi_vendors.domain.enums import AuditStatus, FindingStatus
from calmi_vendors.ui.views import audit_dialogs
from calmi_vendors.ui.views.audit_dialogs import FindingStepDialog, PlanAuditsDialog, RecordAuditDialog

if TYPE_CHECKING:
    from calmi_vendors.ui.main_window import MainWindow


class AuditActions(QObject):
    """Buttons above the audit and finding lists; after each change the register is recomputed."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        audits, findings = window.audits_view, window.findings_view
        audits.add_button(self.tr("Plan audits…")).clicked.connect(self.plan)
        audits.add_button(self.tr("Record results…")).clicked.connect(self.record)
        findings.add_button(self.tr("Close finding…")).clicked.connect(lambda: self.step(verify=False))
        findings.add_button(self.tr("Verify closure…")).clicked.connect(lambda: self.step(verify=True))

    def _tell(self, message: str) -> None:
        from calmi_vendors.ui.main_window import show_error

        show_error(self.window, message)

    def _done(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
        self.window.recompute()

    def plan(self) -> None:
        dialog = PlanAuditsDialog(self.window.register, self.window.today, self.window)
        if audit_dialogs.run_dialog(dialog):
            self._done(self.tr("%1 audits planned.").replace("%1", str(len(dialog.planned))))

    def record(self) -> None:
        audit = self.window.audits_view.selected()
        if audit is None or audit.status is not AuditStatus.PLANNED:
            self._tell(self.tr("Select a planned audit to record its results."))
            return
        dialog = RecordAuditDialog(self.window.register, audit.id, self.window.today, self.window)
        if audit_dialogs.run_dialog(dialog):
            self._done(self.tr("Audit of %1 recorded.").replace("%1", audit.party_name))

    def step(self, *, verify: bool) -> None:
        finding = self.window.findings_view.selected()
        wanted = FindingStatus.CLOSED if verify else None
        if (
            finding is None
            or (verify and finding.status is not wanted)
            or (not verify and finding.status in (FindingStatus.CLOSED, FindingStatus.VERIFIED))
        ):
            self._tell(
                self.tr("Select a closed finding to verify.")
                if verify
                else self.tr("Select an open finding to close.")
            )
            return
        dialog = FindingStepDialog(
            self.window.register,
            finding.id,
            finding.title,
            verify=verify,
            actor=self.window.register.actor,
            today=self.window.today,
            parent=self.window,
        )
        if audit_dialogs.run_dialog(dialog):
            self._done(self.tr("Finding verified.") if verify else self.tr("Finding closed."))
