"""The "Connect to a shared register" dialog against real PostgreSQL servers, with a real keyring backend.

The test server trusts local connections; the wrong-password case runs on a private server started with
the same script and switched to SCRAM passwords (as in tests/services/test_connections.py).
"""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
import sqlalchemy as sa
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from calmi_vendors.errors import RegisterUnavailableError
from calmi_vendors.services import parties
from calmi_vendors.services.connections import KEYRING_SERVICE, ServerProfile, open_shared
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.register import Register, head_revision
from calmi_vendors.ui.main_window import MainWindow
from calmi_vendors.ui.tasks import TaskRunner
from calmi_vendors.ui.views import connection_dialog
from calmi_vendors.ui.views.connection_dialog import ConnectionDialog

PG_URL_ENV = "CALMI_TEST_PG_URL"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pg-test-server.sh"
needs_pg = pytest.mark.skipif(not os.environ.get(PG_URL_ENV), reason="needs CALMI_TEST_PG_URL")
SECRET = "s3cret:@/?#"
MakeDialog = Callable[[], ConnectionDialog]


class MemoryKeyring(KeyringBackend):
    """A complete keyring backend keeping passwords in a dict, so no test touches the real keychain."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_dialog(qtbot: QtBot, settings: QSettings) -> Iterator[MakeDialog]:
    """Dialogs on one TaskRunner; the registers they open are closed after the test."""
    tasks = TaskRunner()
    opened: list[ConnectionDialog] = []

    def make() -> ConnectionDialog:
        dialog = ConnectionDialog(tasks, settings)
        qtbot.addWidget(dialog)
        dialog.show()
        opened.append(dialog)
        qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
        return dialog

    yield make
    tasks.wait(20_000)
    for dialog in opened:
        if dialog.register is not None:
            dialog.register.close()


@pytest.fixture
def shared_register(pg_url: str) -> str:
    """A register on the test server holding one party, made through the services."""
    register = open_for_use(pg_url)
    try:
        parties.create_party(register.unit_of_work(), PartyInput(name="株式会社共有テスト"))
    finally:
        register.close()
    return pg_url


def _fill(dialog: ConnectionDialog, url: str, password: str = "") -> None:
    parsed = sa.make_url(url)
    dialog.name.setText("Head office")
    dialog.host.setText(parsed.host or "127.0.0.1")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "postgres")
    dialog.password.setText(password)


def _wait(dialog: ConnectionDialog, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not dialog.tasks.busy, timeout=30_000)


@pytest.mark.postgres
@needs_pg
def test_test_connection_reports_schema_and_parties(
    make_dialog: MakeDialog, qtbot: QtBot, shared_register: str
) -> None:
    dialog = make_dialog()
    _fill(dialog, shared_register)
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled()  # the work runs off the GUI thread
    _wait(dialog, qtbot)
    assert dialog.message.text() == (
        f"Connected as postgres: register schema {head_revision()}, 1 part(ies)."
    )
    assert dialog.isVisible()
    assert dialog.register is None


@pytest.mark.postgres
@needs_pg
def test_connect_returns_a_working_register_and_remembers_the_connection(
    make_dialog: MakeDialog,
    qtbot: QtBot,
    shared_register: str,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    dialog = make_dialog()
    _fill(dialog, shared_register, SECRET)
    dialog.remember.setChecked(True)
    with qtbot.waitSignal(dialog.connected, timeout=30_000) as signal:
        dialog.connect_button.click()
    register = signal.args[0]
    assert isinstance(register, Register)
    assert dialog.register is register
    assert not dialog.isVisible()
    names = [p.name for p in parties.list_parties(register.unit_of_work(readonly=True))]
    assert names == ["株式会社共有テスト"]
    assert SECRET not in register.location.display()
    database = sa.make_url(shared_register).database
    parsed = sa.make_url(shared_register)
    key = (KEYRING_SERVICE, f"postgres@{parsed.host}:{parsed.port}/{database}")
    assert memory_keyring.entries == {key: SECRET}
    settings.sync()
    stored = (tmp_path / "ui.ini").read_text(encoding="utf-8")
    assert "Head" in stored
    assert "s3cret" not in stored

    # Next time: the saved connection is chosen and its password comes back from the keychain.
    again = make_dialog()
    assert again.profile_combo.currentIndex() == 1
    assert again.database.text() == database
    qtbot.waitUntil(lambda: again.password.text() == SECRET, timeout=10_000)
    assert again.remember.isChecked()


@pytest.mark.postgres
@needs_pg
def test_without_a_keychain_the_password_is_used_once(
    make_dialog: MakeDialog, qtbot: QtBot, shared_register: str
) -> None:
    keyring.set_keyring(fail.Keyring())
    dialog = make_dialog()
    assert not dialog.remember.isEnabled()
    assert dialog.keychain_note.isVisible()
    assert "No system keychain" in dialog.keychain_note.text()
    _fill(dialog, shared_register, SECRET)
    with qtbot.waitSignal(dialog.connected, timeout=30_000):
        dialog.connect_button.click()
    assert dialog.register is not None
    assert dialog.keychain_refusal == ""


@pytest.mark.postgres
@needs_pg
def test_unreachable_server_is_said_in_the_dialog(make_dialog: MakeDialog, qtbot: QtBot) -> None:
    dialog = make_dialog()
    _fill(dialog, os.environ[PG_URL_ENV], SECRET)
    dialog.port.setValue(1)
    dialog.connect_button.click()
    _wait(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.register is None
    assert "Cannot reach the server at 127.0.0.1:1" in dialog.message.text()
    assert dialog.status_icon.isVisible()
    assert dialog.connect_button.isEnabled()


def test_missing_fields_are_named_before_connecting(make_dialog: MakeDialog) -> None:
    dialog = make_dialog()
    dialog.database.setText("calmi")
    dialog.user.setText("kato")
    dialog.test_button.click()
    assert dialog.message.text() == "Enter the server's name or address."
    assert not dialog.tasks.busy


def test_certificate_file_is_chosen_for_verifying_modes(
    make_dialog: MakeDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection_dialog, "choose_ca_file", lambda *_args: "/etc/company/ca.pem")
    dialog = make_dialog()
    dialog.host.setText("db.example.jp")
    dialog.database.setText("calmi")
    dialog.user.setText("kato")
    assert not dialog.ca_browse.isEnabled()  # "encrypt when offered" verifies nothing
    dialog.tls.setCurrentIndex(dialog.tls.findData("verify-full"))
    assert dialog.ca_browse.isEnabled()
    dialog.ca_browse.click()
    profile = dialog.current_profile()
    assert (profile.sslmode, profile.sslrootcert) == ("verify-full", "/etc/company/ca.pem")
    dialog.tls.setCurrentIndex(dialog.tls.findData("require"))
    assert dialog.current_profile().sslrootcert is None


# -- wrong password: a private server that asks for one ----------------------------------------------------
@pytest.fixture(scope="module")
def password_server() -> Iterator[ServerProfile]:
    """A private server (same script) where the test user must sign in with SECRET."""
    if not os.environ.get(PG_URL_ENV):
        pytest.skip("needs CALMI_TEST_PG_URL")
    folder = Path("/tmp") / f"calmi-pg-pw-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "CALMI_PG_DIR": str(folder), "CALMI_PG_PORT": "54390"}
    run = subprocess.run(["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        pytest.fail(f"private server did not start: {run.stderr}")
    url = sa.make_url(run.stdout.strip())
    user = f"calmi_pw_{uuid.uuid4().hex[:8]}"
    profile = ServerProfile("private", url.host or "127.0.0.1", url.port or 5432, "calmi_reg", user)
    try:
        admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE ROLE \"{user}\" LOGIN PASSWORD '{SECRET}'")
            conn.exec_driver_sql(f'CREATE DATABASE "calmi_reg" OWNER "{user}"')
            (folder / "data" / "pg_hba.conf").write_text(
                "local all all trust\nhost all postgres 127.0.0.1/32 trust\n"
                "host all all 127.0.0.1/32 scram-sha-256\n",
                encoding="utf-8",
            )
            conn.exec_driver_sql("SELECT pg_reload_conf()")
        admin.dispose()
        deadline = time.monotonic() + 10
        while True:  # the reload is a signal: wait until a password-less sign-in is refused
            try:
                open_shared(profile, None).close()
            except RegisterUnavailableError as exc:
                if "asks for a password" in str(exc):
                    break
            assert time.monotonic() < deadline, "the private server never asked for a password"
            time.sleep(0.05)
        owner_url = url.set(username=user, password=SECRET, database="calmi_reg")
        open_for_use(owner_url.render_as_string(hide_password=False)).close()
        yield profile
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, check=False)
        Path(f"{folder}.lock").unlink(missing_ok=True)


@pytest.mark.postgres
def test_wrong_password_is_shown_inline_without_the_password(
    make_dialog: MakeDialog,
    qtbot: QtBot,
    password_server: ServerProfile,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = make_dialog()
    dialog.host.setText(password_server.host)
    dialog.port.setValue(password_server.port)
    dialog.database.setText(password_server.database)
    dialog.user.setText(password_server.user)
    dialog.password.setText("not-the-Password")
    dialog.remember.setChecked(True)
    dialog.test_button.click()
    _wait(dialog, qtbot)
    text = dialog.message.text()
    assert f"refused user '{password_server.user}'" in text
    assert "not-the-Password" not in text
    dialog.connect_button.click()
    _wait(dialog, qtbot)
    assert dialog.isVisible()
    assert dialog.register is None
    assert memory_keyring.entries == {}  # a refused password is never remembered
    dialog.password.setText(SECRET)
    with qtbot.waitSignal(dialog.connected, timeout=30_000):
        dialog.connect_button.click()
    assert dialog.register is not None
    assert dialog.register.actor == password_server.user


@pytest.mark.postgres
@needs_pg
def test_file_connect_opens_the_shared_register_in_a_new_window(
    window: MainWindow, qtbot: QtBot, shared_register: str
) -> None:
    dialog = window.connect_shared()
    _fill(dialog, shared_register)
    opened: list[MainWindow] = []
    original = window.switch_to_register

    def record(register: Register) -> MainWindow | None:
        successor = original(register)
        if successor is not None:
            opened.append(successor)
        return successor

    window.switch_to_register = record  # type: ignore[method-assign]
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    successor = opened[0]
    assert successor.register.location.display().startswith("postgresql+psycopg://")
    qtbot.waitUntil(lambda: successor.register_view.model.total_count == 1, timeout=30_000)
    successor.close()
