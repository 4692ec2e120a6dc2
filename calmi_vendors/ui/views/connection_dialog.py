"""Connect to a shared register on a PostgreSQL server: saved connections, keychain password, TLS, a test."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from calmi_vendors.errors import CalmiError, ValidationError
from calmi_vendors.services import connections
from calmi_vendors.services.connections import ConnectionCheck, ServerProfile
from calmi_vendors.store.register import Register
from calmi_vendors.ui.tasks import Progress, TaskRunner

PROFILES_KEY = "connections/profiles"
LAST_KEY = "connections/last"
VERIFYING_MODES = ("verify-ca", "verify-full")


def choose_ca_file(parent: QWidget, title: str, filters: str) -> str:
    """Which CA certificate file to trust; tests replace this function."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def load_profiles(settings: QSettings) -> list[ServerProfile]:
    """The saved connections (never with a password)."""
    return connections.profiles_from_text(str(settings.value(PROFILES_KEY, "") or ""))


class ConnectionDialog(QDialog):
    """Signals:
    connected(object): the opened Register; the caller owns it (and closes it) from then on.
    """

    connected = Signal(object)

    def __init__(self, tasks: TaskRunner, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a shared register"))
        self.tasks = tasks
        self.settings = settings
        self.register: Register | None = None
        self.profiles = load_profiles(settings)
        self._busy = False
        self._closed = False
        # Set when the register opened but the keychain refused the password: the caller tells the user.
        self.keychain_refusal = ""
        self._keychain_problem = connections.keychain_problem()
        self._build()
        self._fill_profiles()
        last = str(settings.value(LAST_KEY, "") or "")
        names = [p.name for p in self.profiles]
        self.profile_combo.setCurrentIndex(names.index(last) + 1 if last in names else 0)
        self._profile_chosen(self.profile_combo.currentIndex())
        self.resize(max(self.sizeHint().width(), 620), self.sizeHint().height())

    # -- layout ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "A register shared by several people lives on the company's PostgreSQL server. "
                "Ask your administrator for the server, database and your user name."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setMinimumWidth(560)
        self.profile_combo = QComboBox(self)
        self.profile_combo.setAccessibleName(self.tr("Saved connection"))
        self.profile_combo.currentIndexChanged.connect(self._profile_chosen)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove this saved connection and its remembered password"))
        self.remove_button.clicked.connect(self.remove_profile)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_combo, 1)
        profile_row.addWidget(self.remove_button)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("For example: Head office register"))
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("Server name or address"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(connections.DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.port.setAccessibleName(self.tr("Port"))
        server_row = QHBoxLayout()
        server_row.addWidget(self.host, 1)
        server_row.addWidget(QLabel(self.tr("Port"), self))
        server_row.addWidget(self.port)
        self.database = QLineEdit(self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.remember = QCheckBox(self.tr("Remember the password in the system keychain"), self)
        self.keychain_note = QLabel(self)
        self.keychain_note.setWordWrap(True)
        # A wrapped label's size hint assumes a narrow box (more lines, a taller row): give it the real width.
        self.keychain_note.setMinimumWidth(440)
        if self._keychain_problem:
            self.remember.setEnabled(False)
            self.keychain_note.setText(
                self.tr(
                    "No system keychain is available on this computer: the password is used for this "
                    "session only and you will be asked for it next time."
                )
            )
        else:
            self.keychain_note.hide()
        self.tls = QComboBox(self)
        for mode, text in (
            ("prefer", self.tr("Encrypt when the server offers it")),
            ("require", self.tr("Require encryption")),
            ("verify-ca", self.tr("Require encryption and check the server's certificate")),
            ("verify-full", self.tr("Require encryption, check the certificate and the server name")),
            ("disable", self.tr("Never encrypt (only on a trusted network)")),
        ):
            self.tls.addItem(text, mode)
        self.tls.currentIndexChanged.connect(self._tls_changed)
        self.ca_path = QLineEdit(self)
        self.ca_path.setPlaceholderText(
            self.tr("The CA certificate your administrator gave you (.pem, .crt)")
        )
        self.ca_browse = QPushButton(self.tr("Browse…"), self)
        self.ca_browse.clicked.connect(self.browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_path, 1)
        ca_row.addWidget(self.ca_browse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Saved connection"), profile_row)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Server"), server_row)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        # One row: a wrapped label alone in a form row gets extra space above it.
        keychain = QVBoxLayout()
        keychain.setSpacing(2)
        keychain.addWidget(self.remember)
        keychain.addWidget(self.keychain_note)
        form.addRow("", keychain)
        form.addRow(self.tr("Encryption"), self.tls)
        form.addRow(self.tr("CA certificate"), ca_row)
        self.status_icon = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMinimumHeight(self.fontMetrics().height() * 3)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.message, 1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)
        self.connect_button = QPushButton(self.tr("Connect"), self)
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_to_register)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.progress)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addLayout(status_row)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _fill_profiles(self) -> None:
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("New connection"))
        for profile in self.profiles:
            self.profile_combo.addItem(f"{profile.name} — {profile.user}@{profile.where}/{profile.database}")
        self.profile_combo.blockSignals(False)

    # -- fields ------------------------------------------------------------------------------------------
    def _profile_chosen(self, index: int) -> None:
        profile = self.profiles[index - 1] if index > 0 else None
        self.remove_button.setEnabled(profile is not None)
        self.name.setText(profile.name if profile else "")
        self.host.setText(profile.host if profile else "")
        self.port.setValue(profile.port if profile else connections.DEFAULT_PORT)
        self.database.setText(profile.database if profile else "")
        self.user.setText(profile.user if profile else "")
        self.password.clear()
        self.remember.setChecked(False)
        self.tls.setCurrentIndex(max(0, self.tls.findData(profile.sslmode if profile else "prefer")))
        self.ca_path.setText((profile.sslrootcert or "") if profile else "")
        self._tls_changed()
        self._say("")
        if profile is not None and not self._keychain_problem:
            # The keychain may ask the user to unlock it: never on the GUI thread.
            self.tasks.start(
                lambda _progress: connections.load_password(profile),
                on_success=lambda found: self._password_loaded(profile, found),
            )

    def _password_loaded(self, profile: ServerProfile, password: str | None) -> None:
        if self._closed or password is None or self.password.text():
            return
        if self._current_or_none() == profile:
            self.password.setText(password)
            self.remember.setChecked(True)

    def _tls_changed(self) -> None:
        verifying = self.tls.currentData() in VERIFYING_MODES
        self.ca_path.setEnabled(verifying)
        self.ca_browse.setEnabled(verifying)

    def browse_ca(self) -> None:
        path = choose_ca_file(
            self,
            self.tr("Choose the CA certificate"),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_path.setText(path)

    def current_profile(self) -> ServerProfile:
        """The connection the fields describe (checked: a missing field raises ValidationError)."""
        host = self.host.text().strip()
        database = self.database.text().strip()
        verifying = self.tls.currentData() in VERIFYING_MODES
        profile = ServerProfile(
            name=self.name.text().strip() or f"{database} ({host})",
            host=host,
            port=self.port.value(),
            database=database,
            user=self.user.text().strip(),
            sslmode=str(self.tls.currentData()),
            sslrootcert=(self.ca_path.text().strip() or None) if verifying else None,
        )
        profile.validate()
        return profile

    def _current_or_none(self) -> ServerProfile | None:
        try:
            return self.current_profile()
        except ValidationError:
            return None

    def _checked_profile(self) -> ServerProfile | None:
        try:
            return self.current_profile()
        except ValidationError as exc:
            self._say(self._field_problem(exc.field), error=True)
            widget = {"host": self.host, "database": self.database, "user": self.user}.get(exc.field or "")
            if widget is not None:
                widget.setFocus()
            return None

    def _field_problem(self, field: str | None) -> str:
        return {
            "host": self.tr("Enter the server's name or address."),
            "database": self.tr("Enter the name of the database that holds the register."),
            "user": self.tr("Enter your user name on the database server."),
        }.get(field or "", self.tr("Check the connection settings."))

    # -- work --------------------------------------------------------------------------------------------
    def test_connection(self) -> None:
        """Connect off the GUI thread and say what was found, or why it failed."""
        profile = self._checked_profile()
        if profile is None or self._busy:
            return
        password = self.password.text() or None
        self._start(
            lambda _progress: connections.check_connection(profile, password),
            self._tested,
            password,
            self.tr("Connecting to %1…").replace("%1", profile.where),
        )

    def _tested(self, check: ConnectionCheck) -> None:
        self._say(
            self.tr("Connected as %1: register schema %2, %n part(ies).", "", check.parties)
            .replace("%1", check.user)
            .replace("%2", check.schema_revision),
            ok=True,
        )

    def connect_to_register(self) -> None:
        """Open the register off the GUI thread; on success keep the profile and close the dialog."""
        profile = self._checked_profile()
        if profile is None or self._busy:
            return
        password = self.password.text() or None
        remember = self.remember.isChecked() and self.remember.isEnabled()

        def job(_progress: Progress) -> tuple[Register, str]:
            register = connections.open_shared(profile, password)
            note = ""
            try:
                if remember and password:
                    connections.save_password(profile, password)
                else:
                    connections.forget_password(profile)
            except CalmiError as exc:
                note = str(exc)  # the register is open; a keychain refusal only costs retyping next time
            return register, note

        self._start(
            job,
            lambda result: self._connected(profile, *result),
            password,
            self.tr("Connecting to %1…").replace("%1", profile.where),
        )

    def _connected(self, profile: ServerProfile, register: Register, keychain_note: str) -> None:
        if self._closed:
            register.close()  # the user gave up waiting; nobody will use this connection
            return
        self._remember_profile(profile)
        self.register = register
        self.keychain_refusal = keychain_note
        self.connected.emit(register)
        self.accept()

    def _remember_profile(self, profile: ServerProfile) -> None:
        kept = [p for p in self.profiles if p.name != profile.name]
        self.profiles = [profile, *kept]
        self.settings.setValue(PROFILES_KEY, connections.profiles_to_text(self.profiles))
        self.settings.setValue(LAST_KEY, profile.name)

    def remove_profile(self) -> None:
        index = self.profile_combo.currentIndex()
        if index <= 0:
            return
        profile = self.profiles.pop(index - 1)
        self.settings.setValue(PROFILES_KEY, connections.profiles_to_text(self.profiles))
        self.tasks.start(lambda _progress: connections.forget_password(profile))
        self._fill_profiles()
        self.profile_combo.setCurrentIndex(0)
        self._profile_chosen(0)

    def _start(self, job: Any, on_success: Any, password: str | None, busy_text: str) -> None:
        self._set_busy(True)
        self._say(busy_text)
        self.tasks.start(
            job,
            on_success=on_success,
            on_failure=lambda exc, _details: self._failed(exc, password),
            on_finished=lambda: self._set_busy(False),
        )

    def _failed(self, exc: BaseException, password: str | None) -> None:
        if self._closed:
            return
        text = (
            str(exc)
            if isinstance(exc, CalmiError)
            else self.tr("Unexpected error: %1").replace("%1", repr(exc))
        )
        if password:
            text = text.replace(password, "***")  # belt and braces: the services never put it in
        self._say(text, error=True)

    def _set_busy(self, busy: bool) -> None:
        if self._closed:
            return
        self._busy = busy
        self.progress.setVisible(busy)
        for widget in (self.test_button, self.connect_button, self.profile_combo):
            widget.setEnabled(not busy)

    def _say(self, text: str, *, error: bool = False, ok: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("font-weight: bold;" if error else "")
        # An icon as well as the words: status is never told by colour or weight alone.
        icon = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if error
            else QStyle.StandardPixmap.SP_DialogApplyButton
        )
        size = self.fontMetrics().height() + 4
        self.status_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.status_icon.setVisible(bool(text) and (error or ok))

    def done(self, result: int) -> None:
        """Accept, reject or the window's close button: work still under way is then dropped."""
        self._closed = True
        super().done(result)
