"""Evidence attached to a party: drop files in to copy them into the register, double-click to open a copy."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from calmi_vendors.errors import CalmiError
from calmi_vendors.services import evidence
from calmi_vendors.store.register import Register
from calmi_vendors.ui.models.list_model import ListColumn, ListModel


def choose_files(parent: QWidget) -> list[str]:
    """Files to attach; tests replace this function (native dialogs block)."""
    from PySide6.QtWidgets import QFileDialog

    files, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("EvidenceTab", "Attach evidence")
    )
    return files


class EvidenceTab(QWidget):
    """Signals:
    evidence_added(int): how many files were attached.
    """

    evidence_added = Signal(int)

    def __init__(
        self, register: Register, record_type: str, record_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.record_type = record_type
        self.record_id = record_id
        self.setAcceptDrops(True)
        self.model: ListModel[evidence.EvidenceView] = ListModel(
            [
                ListColumn(self.tr("File"), lambda e: e.file_name),
                ListColumn(self.tr("Description"), lambda e: e.description),
                ListColumn(self.tr("Size"), lambda e: f"{e.size_bytes / 1024:,.0f} KB"),
                ListColumn(self.tr("Added"), lambda e: e.added_at.astimezone().strftime("%Y-%m-%d %H:%M")),
                ListColumn(self.tr("By"), lambda e: e.added_by),
                ListColumn(self.tr("SHA-256"), lambda e: e.sha256),
            ],
            self,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.open_copy(self.model.row_at(index.row())))
        self.hint = QLabel(
            self.tr("Drop files here to attach them. The register keeps its own copy of each file."), self
        )
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        attach = QPushButton(self.tr("Attach files…"), self)
        attach.clicked.connect(lambda: self.attach([Path(f) for f in choose_files(self)]))
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(attach, 0, Qt.AlignmentFlag.AlignLeft)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(
            evidence.evidence_of(self.register.unit_of_work(readonly=True), self.record_type, self.record_id)
        )
        self.table.resizeColumnsToContents()

    def attach(self, paths: list[Path]) -> int:
        added, problems = 0, []
        for path in paths:
            try:
                evidence.add_evidence(
                    self.register.unit_of_work(),
                    self.register.evidence_dir,
                    record_type=self.record_type,
                    record_id=self.record_id,
                    source=path,
                )
                added += 1
            except CalmiError as exc:
                problems.append(str(exc))
        self.message.setText("\n".join(problems))
        if added:
            self.reload()
            self.evidence_added.emit(added)
        return added

    def open_copy(self, item: evidence.EvidenceView) -> None:
        """Open a temporary copy, so a viewer that edits in place can never change the stored evidence."""
        folder = Path(tempfile.mkdtemp(prefix="calmi-evidence-"))
        copy = evidence.export_copy(self.register.evidence_dir, item, folder / item.file_name)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.attach(paths)
            event.acceptProposedAction()
