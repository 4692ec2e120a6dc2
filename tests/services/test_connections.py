"""Shared registers on real PostgreSQL servers: opening, every refusal in words, passwords in a keychain.

The test server (CALMI_TEST_PG_URL) trusts every local connection, so the password checks run on a second,
private server started here with the same script and switched to SCRAM password authentication.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import keyring
import pytest
import sqlalchemy as sa
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

from calmi_vendors.errors import NotARegisterError, RegisterError, RegisterUnavailableError, ValidationError
from calmi_vendors.services import connections
from calmi_vendors.services.connections import (
    KEYRING_SERVICE,
    ServerProfile,
    check_connection,
    forget_password,
    keychain_problem,
    load_password,
    open_shared,
    profile_from_settings,
    profile_to_settings,
    profile_url,
    save_password,
)
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.register import head_revision

PG_URL_ENV = "CALMI_TEST_PG_URL"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pg-test-server.sh"
RIGHT = "correct horse 電池"
# Every character that means something in a URL, and a percent sign that must not be decoded twice.
AWKWARD = "p@ss:w/o?r#d%41 &=+"
needs_pg = pytest.mark.skipif(not os.environ.get(PG_URL_ENV), reason="needs CALMI_TEST_PG_URL")


# -- servers -----------------------------------------------------------------------------------------------
def _shared_profile(database: str | None = None) -> ServerProfile:
    """The test server's address and user, parsed from CALMI_TEST_PG_URL."""
    url = sa.make_url(os.environ[PG_URL_ENV])
    return ServerProfile(
        name="test server",
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        database=database or url.database or "postgres",
        user=url.username or "postgres",
    )


def _admin(url: str) -> sa.Engine:
    return sa.create_engine(sa.make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")


def _execute(url: str, *statements: str) -> None:
    engine = _admin(url)
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


@dataclass(frozen=True)
class PasswordServer:
    """A private PostgreSQL server where everyone but the admin signs in with a password."""

    admin_url: str
    host: str
    port: int
    user: str
    database: str

    def profile(self, **changes: object) -> ServerProfile:
        base = ServerProfile("private", self.host, self.port, self.database, self.user)
        return replace(base, **changes)  # type: ignore[arg-type]


def _wait_for_password_rule(server: PasswordServer) -> None:
    """pg_reload_conf only signals the server: wait until a password-less sign-in is refused."""
    deadline = time.monotonic() + 10
    while True:
        try:
            open_shared(server.profile(), None).close()
        except RegisterUnavailableError as exc:
            if "asks for a password" in str(exc):
                return
        if time.monotonic() > deadline:
            raise AssertionError("the private server never started asking for passwords")
        time.sleep(0.05)


@pytest.fixture(scope="module")
def password_server() -> Iterator[PasswordServer]:
    if not os.environ.get(PG_URL_ENV):
        pytest.skip("needs CALMI_TEST_PG_URL")
    # Not under pytest's own temp folder: the server's OS user must be able to enter the directory.
    folder = Path("/tmp") / f"calmi-pg-pw-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "CALMI_PG_DIR": str(folder), "CALMI_PG_PORT": "54380"}
    started = subprocess.run(
        ["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if started.returncode != 0:
        pytest.fail(f"private server did not start: {started.stderr}")
    admin_url = started.stdout.strip()
    url = sa.make_url(admin_url)
    user, database = f"calmi_pw_{uuid.uuid4().hex[:8]}", f"calmi_pw_reg_{uuid.uuid4().hex[:8]}"
    try:
        _execute(
            admin_url,
            f"CREATE ROLE \"{user}\" LOGIN PASSWORD '{RIGHT}'",
            f'CREATE DATABASE "{database}" OWNER "{user}"',
        )
        server = PasswordServer(admin_url, url.host or "127.0.0.1", url.port or 5432, user, database)
        hba = folder / "data" / "pg_hba.conf"
        hba.write_text(
            "local all all trust\n"
            "host all postgres 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n",
            encoding="utf-8",
        )
        _execute(admin_url, "SELECT pg_reload_conf()")
        _wait_for_password_rule(server)
        # The register is made by its owner signing in with the password: migrations and seeding.
        open_for_use(profile_url(server.profile(), RIGHT)).close()
        yield server
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, timeout=120, check=False)
        Path(f"{folder}.lock").unlink(missing_ok=True)


@pytest.fixture
def empty_database() -> Iterator[str]:
    """A plain database on the test server, holding nothing."""
    name = f"calmi_plain_{uuid.uuid4().hex[:8]}"
    url = os.environ[PG_URL_ENV]
    _execute(url, f'CREATE DATABASE "{name}"')
    yield name
    _execute(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- the test server ---------------------------------------------------------------------------------------
@pytest.mark.postgres
def test_right_credentials_open_the_register(pg_url: str) -> None:
    profile = _shared_profile(sa.make_url(pg_url).database)
    register = open_shared(profile, None)
    try:
        assert register.location.display().startswith("postgresql+psycopg://")
        assert register.schema_revision == head_revision()
        assert register.actor == profile.user
    finally:
        register.close()
    check = check_connection(profile, None)
    assert (check.parties, check.schema_revision, check.user) == (0, head_revision(), profile.user)


@pytest.mark.postgres
@needs_pg
def test_unreachable_port_is_named_within_seconds() -> None:
    port = _closed_port()
    profile = replace(_shared_profile(), host="127.0.0.1", port=port)
    started = time.monotonic()
    with pytest.raises(RegisterUnavailableError, match=rf"127\.0\.0\.1:{port}") as caught:
        open_shared(profile, "secret-never-shown")
    assert time.monotonic() - started < 5
    assert "nothing answers there" in str(caught.value)
    assert "secret-never-shown" not in str(caught.value)


@pytest.mark.postgres
@needs_pg
def test_missing_database_is_named() -> None:
    name = f"calmi_missing_{uuid.uuid4().hex[:8]}"
    with pytest.raises(RegisterUnavailableError) as caught:
        open_shared(_shared_profile(name), None)
    message = str(caught.value)
    assert f"has no database '{name}'" in message
    assert _shared_profile().where in message


@pytest.mark.postgres
@needs_pg
def test_plain_database_is_not_a_register_and_the_admin_command_is_offered(empty_database: str) -> None:
    profile = _shared_profile(empty_database)
    with pytest.raises(NotARegisterError) as caught:
        open_shared(profile, "pw-not-in-message")
    message = str(caught.value)
    assert "holds no Calmi Vendors register" in message
    assert f'calmi-vendors --db "postgresql+psycopg://{profile.user}@' in message
    assert message.endswith("migrate")
    assert "pw-not-in-message" not in message
    # Nothing was created in it: opening is not migrating.
    engine = sa.create_engine(sa.make_url(os.environ[PG_URL_ENV]).set(database=empty_database))
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == []
    engine.dispose()


@pytest.mark.postgres
@needs_pg
def test_database_of_another_application_is_refused(empty_database: str) -> None:
    url = sa.make_url(os.environ[PG_URL_ENV]).set(database=empty_database)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id integer PRIMARY KEY)")
    engine.dispose()
    with pytest.raises(NotARegisterError, match=r"not a Calmi Vendors register \(it holds other tables\)"):
        open_shared(_shared_profile(empty_database), None)


@pytest.mark.postgres
@needs_pg
def test_required_encryption_refused_by_the_server_is_said_so() -> None:
    profile = replace(_shared_profile(), sslmode="require")
    with pytest.raises(RegisterUnavailableError, match="does not offer encryption"):
        open_shared(profile, None)


# -- the private server, with passwords --------------------------------------------------------------------
@pytest.mark.postgres
def test_right_password_opens_as_that_user(password_server: PasswordServer) -> None:
    check = check_connection(password_server.profile(), RIGHT)
    assert check.user == password_server.user
    assert check.schema_revision == head_revision()
    assert RIGHT not in check.location


@pytest.mark.postgres
def test_wrong_password_says_so_without_the_password(password_server: PasswordServer) -> None:
    wrong = "Wr0ng-but-$ecret"
    with pytest.raises(RegisterUnavailableError) as caught:
        open_shared(password_server.profile(), wrong)
    message = str(caught.value)
    assert f"refused user '{password_server.user}'" in message
    assert f"{password_server.host}:{password_server.port}" in message
    assert wrong not in message
    assert "Wr0ng" not in message


@pytest.mark.postgres
def test_unknown_user_reads_like_a_wrong_password(password_server: PasswordServer) -> None:
    # SCRAM servers do not reveal whether the user exists; the message must not pretend to know.
    profile = password_server.profile(user=f"nobody_{uuid.uuid4().hex[:6]}")
    with pytest.raises(RegisterUnavailableError, match="the password is wrong or there is no such user"):
        open_shared(profile, RIGHT)


@pytest.mark.postgres
def test_missing_password_is_asked_for(password_server: PasswordServer) -> None:
    with pytest.raises(RegisterUnavailableError, match="asks for a password"):
        open_shared(password_server.profile(), None)


@pytest.mark.postgres
def test_password_with_url_characters_signs_in(password_server: PasswordServer) -> None:
    role = f"calmi_q_{uuid.uuid4().hex[:8]}"
    # Doubled percent signs: the driver reads single ones as its placeholders even without parameters.
    quoted = AWKWARD.replace("'", "''").replace("%", "%%")
    _execute(
        password_server.admin_url,
        f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{quoted}'",
        f'GRANT pg_read_all_data TO "{role}"',
    )
    try:
        profile = password_server.profile(user=role)
        assert sa.make_url(profile_url(profile, AWKWARD)).password == AWKWARD
        check = check_connection(profile, AWKWARD)
        assert check.user == role
        with pytest.raises(RegisterUnavailableError) as caught:
            open_shared(profile, AWKWARD[:-1])
        assert AWKWARD[:-1] not in str(caught.value)
    finally:
        _execute(password_server.admin_url, f'DROP OWNED BY "{role}"', f'DROP ROLE IF EXISTS "{role}"')


# -- without a server --------------------------------------------------------------------------------------
def test_url_quotes_every_part_and_keeps_tls_settings() -> None:
    profile = ServerProfile(
        "hq", "db.example.jp", 6432, "登録簿/2026", "kato@privacy", "verify-full", "/ca.pem"
    )
    url = sa.make_url(profile_url(profile, AWKWARD))
    assert (url.username, url.password, url.host, url.port) == (
        "kato@privacy",
        AWKWARD,
        "db.example.jp",
        6432,
    )
    assert url.database == "登録簿/2026"
    assert dict(url.query) == {"sslmode": "verify-full", "sslrootcert": "/ca.pem"}
    assert AWKWARD not in connections.admin_command(profile)


@pytest.mark.parametrize(
    ("change", "field"),
    [({"host": " "}, "host"), ({"port": 0}, "port"), ({"database": ""}, "database"), ({"user": ""}, "user")],
)
def test_incomplete_profile_is_refused_by_field(change: dict[str, object], field: str) -> None:
    profile = replace(ServerProfile("hq", "db", 5432, "calmi", "kato"), **change)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        open_shared(profile, None)
    assert caught.value.field == field


def test_profile_survives_settings_without_a_password() -> None:
    profile = ServerProfile("本社", "db.example.jp", 6432, "calmi", "kato", "require", "/ca.pem")
    stored = profile_to_settings(profile)
    assert "password" not in " ".join(stored).lower()
    assert profile_from_settings(stored) == profile
    assert profile_from_settings({"host": "", "port": "5432"}) is None
    assert profile_from_settings({**stored, "sslmode": "bogus"}) == replace(profile, sslmode="prefer")
    other = replace(profile, name="支社", host="10.0.0.5")
    text = connections.profiles_to_text([profile, other])
    assert "本社" in text
    assert connections.profiles_from_text(text) == [profile, other]
    assert connections.profiles_from_text('[{"host": ""}, 3, ') == []  # damaged settings: start afresh
    assert connections.profiles_from_text('[{"host": ""}, 3]') == []


# -- keychain ----------------------------------------------------------------------------------------------
class MemoryKeyring(KeyringBackend):
    """A complete keyring backend that keeps passwords in a dict: the test's own system keychain."""

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


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_password_saved_loaded_and_forgotten(memory_keyring: MemoryKeyring) -> None:
    profile = ServerProfile("hq", "db.example.jp", 5432, "calmi", "kato")
    other = replace(profile, database="calmi_test")
    assert keychain_problem() is None
    assert load_password(profile) is None
    save_password(profile, AWKWARD)
    assert memory_keyring.entries == {(KEYRING_SERVICE, "kato@db.example.jp:5432/calmi"): AWKWARD}
    assert load_password(profile) == AWKWARD
    assert load_password(other) is None  # one entry per user, server and database
    forget_password(profile)
    assert load_password(profile) is None
    forget_password(profile)  # forgetting twice is not an error


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keychain_the_password_is_for_this_session_only() -> None:
    profile = ServerProfile("hq", "db.example.jp", 5432, "calmi", "kato")
    problem = keychain_problem()
    assert problem is not None
    assert "No system keychain" in problem
    assert "session only" in problem
    with pytest.raises(RegisterError, match="No system keychain") as caught:
        save_password(profile, AWKWARD)
    assert AWKWARD not in str(caught.value)
    assert load_password(profile) is None
    forget_password(profile)
