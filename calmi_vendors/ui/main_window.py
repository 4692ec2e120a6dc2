"""The main window: navigation sidebar, dashboard and register, menus, status bar with background work."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from calmi_vendors.__about__ import __app_name__, __version__
from calmi_vendors.domain.enums import PartyStatus
from calmi_vendors.errors import CalmiError
from calmi_vendors.services import maintenance, parties, portfolio, reference, supervision
from calmi_vendors.services.dashboard import Dashboard, build_dashboard
from calmi_vendors.services.register_view import RegisterFilter, RegisterRow, load_register_rows
from calmi_vendors.services.reminders import reminders
from calmi_vendors.services.reporting import ReportKind
from calmi_vendors.store.register import Register
from calmi_vendors.ui.audit_actions import AuditActions
from calmi_vendors.ui.labels import enum_label, is_japanese
from calmi_vendors.ui.record_lists import build_record_lists
from calmi_vendors.ui.tasks import Progress, TaskRunner
from calmi_vendors.ui.views.as_of_dialog import AsOfDialog
from calmi_vendors.ui.views.connection_dialog import ConnectionDialog
from calmi_vendors.ui.views.dashboard_view import DashboardView
from calmi_vendors.ui.views.import_dialog import ImportDialog
from calmi_vendors.ui.views.party_workspace import PartyWorkspace
from calmi_vendors.ui.views.program_review_view import ProgramReviewPage
from calmi_vendors.ui.views.register_view import RegisterView
from calmi_vendors.ui.views.reports_view import ReportsView
from calmi_vendors.ui.views.rules_editor import RulesEditor
from calmi_vendors.ui.views.settings_view import SettingsView

DASHBOARD, PARTIES, CONTRACTS, ASSESSMENTS, AUDITS, PROGRAM, REPORTS, SETTINGS = range(8)
FIRST_PAGE = 200
DOCS_DIR = Path(__file__).resolve().parents[2] / "docs"


def choose_open_path(parent: QWidget, title: str, filters: str) -> str:
    """Which file to open; tests replace this function."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def choose_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    """Where to save; tests replace this function (native dialogs block the event loop)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


class MainWindow(QMainWindow):
    def __init__(
        self, register: Register, *, settings: QSettings | None = None, today: date | None = None
    ) -> None:
        super().__init__()
        self.register = register
        self.settings = settings or QSettings()
        self.today = today or date.today()
        self.language = "ja" if is_japanese() else "en"
        self.tasks = TaskRunner(self)
        # A window opened through File > Open owns its register and closes it with itself.
        self.owns_register = False
        self.workspaces: dict[int, PartyWorkspace] = {}
        self.setWindowTitle(f"{__app_name__} — {register.location.display()}")
        self.functions = reference.business_functions(register.unit_of_work(readonly=True))
        self.categories = reference.data_categories(register.unit_of_work(readonly=True))
        self.nav = QListWidget(self)
        self.pages = QStackedWidget(self)
        self.dashboard = DashboardView(self)
        self.register_view = RegisterView(self)
        self.register_view.model.today = self.today
        self.register_view.set_lookups(self.functions, self.language)
        self._build_navigation()
        self._build_status_bar()
        self._build_menus()
        self.register_view.party_opened.connect(self.open_party)
        self.register_view.status_change_requested.connect(self.change_status)
        self.register_view.export_requested.connect(self.export_shown)
        self.dashboard.filter_requested.connect(self.show_register_filtered)
        self._restore_window_state()
        self.reload()

    # -- layout ------------------------------------------------------------------------------------
    def _build_lists(self) -> None:
        lists = build_record_lists(self, self.language)
        self.contracts_view, self.gaps_view = lists.contracts, lists.gaps
        self.assessments_view, self.audits_view = lists.assessments, lists.audits
        self.findings_view, self.reminders_view = lists.findings, lists.reminders
        self.audit_actions = AuditActions(self)
        for view in (
            self.contracts_view,
            self.gaps_view,
            self.assessments_view,
            self.audits_view,
            self.findings_view,
            self.reminders_view,
        ):
            view.party_opened.connect(self.open_party)

    def _tabs(self, *pages: tuple[QWidget, str]) -> QTabWidget:
        tabs = QTabWidget(self)
        for widget, title in pages:
            tabs.addTab(widget, title)
        return tabs

    def _build_navigation(self) -> None:
        self._build_lists()
        self.settings_view = SettingsView(self.register, self.settings, self)
        self.rules_editor = RulesEditor(self.register, self)
        self.rules_editor.saved.connect(self.recompute)
        self.program_review = ProgramReviewPage(self.register, self.tasks, self.language, self.today, self)
        self.program_review.report_requested.connect(partial(self.show_report, ReportKind.PROGRAM))
        self.program_review.progressed.connect(self._progress)
        self.reports_view = ReportsView(self.register, self.tasks, self.language, self)
        self.reports_view.today = self.today
        self.reports_view.failed.connect(self._failed)
        self.reports_view.progressed.connect(self._progress)
        self.reports_view.finished.connect(self.statusBar().clearMessage)
        self.reports_view.saved.connect(
            lambda path: self.statusBar().showMessage(self.tr("Report saved to %1").replace("%1", path), 8000)
        )
        titles = (
            self.tr("Dashboard"),
            self.tr("Entrusted parties"),
            self.tr("Contracts"),
            self.tr("Assessments"),
            self.tr("Audits & findings"),
            self.tr("Program review"),
            self.tr("Reports"),
            self.tr("Settings"),
        )
        for text in titles:
            QListWidgetItem(text, self.nav)
        self.nav.setFixedWidth(max(170, self.nav.sizeHintForColumn(0) + 32))
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setStyleSheet("QListWidget::item { padding: 8px 10px; }")
        self.overview_tabs = self._tabs(
            (self.dashboard, self.tr("Overview")), (self.reminders_view, self.tr("Reminders"))
        )
        self.pages.addWidget(self.overview_tabs)
        self.pages.addWidget(self.register_view)
        self.pages.addWidget(
            self._tabs((self.contracts_view, self.tr("Contracts")), (self.gaps_view, self.tr("Clause gaps")))
        )
        self.pages.addWidget(self.assessments_view)
        self.pages.addWidget(
            self._tabs((self.audits_view, self.tr("Audits")), (self.findings_view, self.tr("Findings")))
        )
        self.pages.addWidget(self.program_review)
        self.pages.addWidget(self.reports_view)
        self.pages.addWidget(
            self._tabs(
                (self.settings_view, self.tr("General")), (self.rules_editor, self.tr("Supervision rules"))
            )
        )
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.tasks.cancel_all)
        self.location_label = QLabel(self.register.location.display(), self)
        self.location_label.setToolTip(self.tr("Register location"))
        bar = self.statusBar()
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.location_label)
        self.tasks.busy_changed.connect(self._busy)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new_action = file_menu.addAction(self.tr("&New register…"), self.new_register)
        new_action.setShortcut(QKeySequence.StandardKey.New)
        open_action = file_menu.addAction(self.tr("&Open register…"), self.open_register)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        file_menu.addAction(self.tr("Connect to a &shared register…"), self.connect_shared)
        file_menu.addSeparator()
        backup = file_menu.addAction(self.tr("&Back up register…"), self.back_up)
        backup.setShortcut(QKeySequence("Ctrl+Shift+B"))
        import_action = file_menu.addAction(self.tr("&Import vendor list…"), self.import_list)
        import_action.setShortcut(QKeySequence("Ctrl+I"))
        file_menu.addAction(self.tr("&Export shown parties…"), self.export_shown)
        file_menu.addSeparator()
        reload_action = file_menu.addAction(self.tr("&Reload"), self.reload)
        reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(quit_action.MenuRole.QuitRole)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        pages = (
            self.tr("&Dashboard"),
            self.tr("Entrusted &parties"),
            self.tr("&Contracts"),
            self.tr("&Assessments"),
            self.tr("A&udits && findings"),
            self.tr("&Program review"),
            self.tr("&Reports"),
        )
        for n, text in enumerate(pages):
            action = view_menu.addAction(text, partial(self.nav.setCurrentRow, n))
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
        view_menu.addAction(self.tr("Register &as of…"), self.show_register_as_of)
        find = view_menu.addAction(self.tr("&Find party"), self._focus_search)
        find.setShortcut(QKeySequence.StandardKey.Find)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = help_menu.addAction(self.tr("User &guide"), self.show_guide)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        about = help_menu.addAction(self.tr("&About Calmi Vendors"), self.show_about)
        about.setMenuRole(about.MenuRole.AboutRole)

    # -- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Load rows and dashboard numbers off the GUI thread; the window stays responsive."""
        register, today = self.register, self.today

        def job(progress: Progress) -> tuple[list[RegisterRow], Dashboard, tuple[list[Any], ...]]:
            progress.report(0, 2, self.tr("Reading the register…"))
            rows = load_register_rows(register.unit_of_work(readonly=True))
            progress.check()
            progress.report(1, 2, "")
            board = build_dashboard(register.unit_of_work(readonly=True), rows, today=today)
            uow = register.unit_of_work
            lists = (
                portfolio.list_contracts(uow(readonly=True)),
                portfolio.list_gaps(uow(readonly=True)),
                portfolio.list_assessments(uow(readonly=True)),
                portfolio.list_audits(uow(readonly=True)),
                portfolio.list_findings(uow(readonly=True)),
                reminders(uow(readonly=True), today),
            )
            return rows, board, lists

        def first_page(_progress: Progress) -> list[RegisterRow]:
            return load_register_rows(register.unit_of_work(readonly=True), first_by_name=FIRST_PAGE)

        self.statusBar().showMessage(self.tr("Loading…"))
        self._full_load_done = False
        if self.register_view.model.total_count == 0:
            # A big register shows its first page at once; the full load replaces it moments later.
            self.tasks.start(first_page, on_success=self._first_page_loaded, on_failure=self._failed)
        self.tasks.start(job, on_success=self._loaded, on_failure=self._failed, on_progress=self._progress)

    def recompute(self) -> None:
        """Recompute every party's tier and next audit off the GUI thread, then show the new figures."""
        register, today = self.register, self.today

        def job(_progress: Progress) -> int:
            return supervision.recompute_all(register.unit_of_work(), today=today)

        self.tasks.start(job, writes=True, on_success=lambda _n: self.reload(), on_failure=self._failed)

    def _first_page_loaded(self, rows: list[RegisterRow]) -> None:
        if not self._full_load_done:
            self.register_view.set_rows(rows)

    def _loaded(self, result: tuple[list[RegisterRow], Dashboard, tuple[list[Any], ...]]) -> None:
        rows, board, lists = result
        views = (
            self.contracts_view,
            self.gaps_view,
            self.assessments_view,
            self.audits_view,
            self.findings_view,
            self.reminders_view,
        )
        for view, items in zip(views, lists, strict=True):
            view.set_rows(items)
        self.overview_tabs.setTabText(1, self.tr("Reminders (%1)").replace("%1", str(len(lists[-1]))))
        self._full_load_done = True
        self.register_view.set_rows(rows)
        self.dashboard.set_dashboard(board)
        self.reports_view.set_parties(rows)
        self.reports_view.set_audits(lists[3])
        self.statusBar().showMessage(self.tr("%n entrusted part(ies)", "", len(rows)), 5000)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 0))  # 0..0: busy, length unknown
        self.progress.setValue(done)
        if message:
            self.statusBar().showMessage(message)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if not busy:
            self.progress.reset()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.statusBar().clearMessage()
        message = (
            str(exc)
            if isinstance(exc, CalmiError)
            else self.tr("Unexpected error: %1").replace("%1", repr(exc))
        )
        show_error(self, message)

    # -- actions ---------------------------------------------------------------------------------
    def show_register_filtered(self, spec: RegisterFilter) -> None:
        self.nav.setCurrentRow(PARTIES)
        self.register_view.show_filtered(spec)

    def show_report(self, kind: ReportKind, subject: int | None = None) -> None:
        """Open the Reports page on this report and start its preview."""
        self.nav.setCurrentRow(REPORTS)
        self.reports_view.set_kind(kind, subject)
        self.reports_view.make_preview()

    def open_party(self, party_id: int) -> None:
        existing = self.workspaces.get(party_id)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
        try:
            workspace = PartyWorkspace(
                self.register,
                party_id,
                functions=self.functions,
                categories=self.categories,
                language=self.language,
            )
        except CalmiError as exc:
            show_error(self, str(exc))
            return
        workspace.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        workspace.party_saved.connect(self._party_saved)
        workspace.dossier_requested.connect(partial(self.show_report, ReportKind.DOSSIER))
        workspace.destroyed.connect(lambda *_: self.workspaces.pop(party_id, None))
        self.workspaces[party_id] = workspace
        workspace.show()

    def _party_saved(self, party_id: int) -> None:
        supervision.recompute_all(self.register.unit_of_work(), today=self.today)
        rows = load_register_rows(self.register.unit_of_work(readonly=True), party_ids=[party_id])
        self.register_view.model.update_rows(rows)

    def change_status(self, party_ids: list[int]) -> None:
        if not party_ids:
            return
        labels = [enum_label(s) for s in PartyStatus]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Change status"),
            self.tr("New status for %n part(ies):", "", len(party_ids)),
            labels,
            0,
            False,
        )
        if not ok:
            return
        target = list(PartyStatus)[labels.index(choice)]
        reason, ok = QInputDialog.getText(
            self, self.tr("Change status"), self.tr("Reason (recorded in the history):")
        )
        if not ok or not reason.strip():
            return
        problems: list[str] = []
        for pid in party_ids:
            try:
                parties.change_status(self.register.unit_of_work(), pid, target, reason=reason)
            except CalmiError as exc:
                problems.append(str(exc))
        self.reload()
        if problems:
            show_error(self, "\n".join(problems[:20]))

    def back_up(self) -> None:
        if self.register.location.path is None:
            show_error(self, self.tr("Back up a PostgreSQL register on the server (pg_dump)."))
            return
        suggested = str(
            self.register.location.path.with_name(f"register-backup-{date.today():%Y%m%d}.sqlite3")
        )
        target = choose_save_path(
            self, self.tr("Back up register"), suggested, self.tr("Register (*.sqlite3)")
        )
        if not target:
            return

        def job(progress: Progress) -> Path:
            return maintenance.backup_register(
                self.register, Path(target), progress=lambda d, t: progress.report(d, t)
            )

        self.tasks.start(
            job,
            on_success=lambda path: self.statusBar().showMessage(
                self.tr("Backup written to %1").replace("%1", str(path)), 8000
            ),
            on_failure=self._failed,
            on_progress=self._progress,
        )

    def import_list(self) -> ImportDialog:
        """Open the import dialog (non-modal: the register stays readable behind it)."""
        dialog = ImportDialog(self.register, self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _result: self.reload())
        dialog.show()
        return dialog

    def export_shown(self) -> None:
        from calmi_vendors.services.export import export_rows

        target = choose_save_path(
            self,
            self.tr("Export shown parties"),
            "entrusted-parties.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv)"),
        )
        if not target:
            return
        rows = self.register_view.model.visible_rows()
        names = {f.key: f.name(self.language) for f in self.functions}
        self.tasks.start(
            lambda progress: export_rows(rows, Path(target), function_names=names, progress=progress.report),
            on_success=lambda n: self.statusBar().showMessage(self.tr("Exported %n part(ies)", "", n), 8000),
            on_failure=self._failed,
            on_progress=self._progress,
        )

    def new_register(self) -> None:
        target = choose_save_path(
            self, self.tr("New register"), "register.sqlite3", self.tr("Register (*.sqlite3)")
        )
        if target:
            if Path(target).exists():
                show_error(self, self.tr("%1 already exists; open it instead.").replace("%1", target))
                return
            self.switch_to(target)

    def open_register(self) -> None:
        target = choose_open_path(
            self, self.tr("Open register"), self.tr("Register (*.sqlite3 *.db);;All files (*)")
        )
        if target:
            self.switch_to(target)

    def switch_to(self, location: str) -> MainWindow | None:
        """Open another register in a new window and close this one (after its own unsaved-work checks)."""
        from calmi_vendors.services.opening import open_for_use

        try:
            register = open_for_use(location, daily_backup=True)
        except CalmiError as exc:
            show_error(self, str(exc))
            return None
        return self.switch_to_register(register)

    def switch_to_register(self, register: Register) -> MainWindow | None:
        """Show an opened register in a new window that owns it, and close this one."""
        successor = MainWindow(register, settings=self.settings, today=self.today)
        successor.owns_register = True
        if not self.close():
            successor.owns_register = False
            successor.close()
            register.close()
            return None
        successor.show()
        for warning in register.warnings:
            show_error(successor, warning)
        return successor

    def show_register_as_of(self) -> AsOfDialog:
        """What the register held at a past moment, rebuilt from the change history."""
        dialog = AsOfDialog(self.register, self.tasks, self.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def connect_shared(self) -> ConnectionDialog:
        """Open the connection dialog; on Connect, the shared register opens in a new window."""
        dialog = ConnectionDialog(self.tasks, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.connected.connect(lambda register: self._shared_connected(register, dialog.keychain_refusal))
        dialog.open()
        return dialog

    def _shared_connected(self, register: Register, keychain_note: str) -> None:
        successor = self.switch_to_register(register)
        if successor is not None and keychain_note:
            show_error(successor, keychain_note)

    def _focus_search(self) -> None:
        self.nav.setCurrentRow(PARTIES)
        self.register_view.search.setFocus()
        self.register_view.search.selectAll()

    def show_guide(self) -> None:
        name = "user-guide.ja.md" if self.language == "ja" else "user-guide.md"
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(DOCS_DIR / name)))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Calmi Vendors"),
            self.tr(
                "<h3>%1 %2</h3><p>The register of entrusted parties and their supervision.</p>"
                "<p>Register: %3</p>"
            )
            .replace("%1", __app_name__)
            .replace("%2", __version__)
            .replace("%3", self.register.location.display()),
        )

    # -- state -----------------------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        page = self.settings.value("window/page", DASHBOARD)
        self.nav.setCurrentRow(int(str(page)) if str(page).isdigit() else DASHBOARD)
        self.register_view.restore_state(self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.program_review.confirm_leave():
            event.ignore()
            return
        for workspace in list(self.workspaces.values()):
            if not workspace.close():
                event.ignore()
                return
        self.tasks.cancel_all()
        self.tasks.wait(10_000)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/page", self.nav.currentRow())
        self.register_view.save_state(self.settings)
        if self.owns_register:
            self.register.close()
        event.accept()


def show_error(parent: QWidget, message: str) -> Any:
    """Tell the user what went wrong; tests replace this function."""
    return QMessageBox.warning(parent, __app_name__, message)
