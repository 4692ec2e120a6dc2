"""Shared registers on a PostgreSQL server: connection profiles, passwords in the OS keychain, clear refusals.

A profile holds no password. The password lives in the system keychain (through `keyring`) when the user
asks for it, or only in memory for the session when there is no usable keychain (headless machines).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, quote_plus

import keyring
import keyring.errors
import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from keyring.backends import fail, null
from sqlalchemy.engine import URL

from calmi_vendors import settings
from calmi_vendors.errors import (
    NotARegisterError,
    PermissionDeniedError,
    RegisterError,
    RegisterUnavailableError,
    ValidationError,
)
from calmi_vendors.services.reference import ensure_seeded
from calmi_vendors.store.engine import Location, create_engine
from calmi_vendors.store.models.party import EntrustedParty
from calmi_vendors.store.register import (
    MARKER_TABLES,
    Register,
    head_revision,
    known_revisions,
    open_register,
    translate_errors,
)

SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_PORT = 5432
# The engine's libpq connect_timeout (store/engine.py): an unreachable server is reported after this wait.
CONNECT_TIMEOUT_S = 10
KEYRING_SERVICE = "Calmi Vendors"
DRIVER = "postgresql+psycopg"
_SERVER_PREFIX = re.compile(
    r'^(?:connection failed: )?connection to server at "[^"]*"(?: \([^)]*\))?, port \d+ failed: '
)


@dataclass(frozen=True, slots=True)
class ServerProfile:
    """How to reach one shared register: never the password."""

    name: str
    host: str
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    sslmode: str = "prefer"
    sslrootcert: str | None = None

    @property
    def where(self) -> str:
        """`host:port` as the user typed it (IPv6 addresses in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def keychain_user(self) -> str:
        """The keychain entry's account name: one password per user, server and database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def validate(self) -> None:
        """Refuse a profile that cannot name a server, a database and a user."""
        if not self.host.strip():
            raise ValidationError("Enter the server's name or address.", field="host")
        if not 0 < self.port < 65536:
            raise ValidationError(f"The port must be between 1 and 65535, not {self.port}.", field="port")
        if not self.database.strip():
            raise ValidationError("Enter the name of the database that holds the register.", field="database")
        if not self.user.strip():
            raise ValidationError("Enter your user name on the database server.", field="user")
        if self.sslmode not in SSL_MODES:
            raise ValidationError(f"Unknown encryption setting {self.sslmode!r}.", field="sslmode")


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """What a successful test connection found."""

    location: str
    user: str
    schema_revision: str
    parties: int


# -- URLs --------------------------------------------------------------------------------------------------
def _url(profile: ServerProfile, password: str | None) -> URL:
    query: dict[str, str] = {"sslmode": profile.sslmode}
    if profile.sslrootcert:
        query["sslrootcert"] = profile.sslrootcert
    # URL.create quotes each part itself: an @, :, / or # in a password cannot break the URL.
    return URL.create(
        DRIVER,
        username=profile.user,
        password=password or None,
        host=profile.host.strip(),
        port=profile.port,
        database=profile.database,
        query=query,
    )


def profile_url(profile: ServerProfile, password: str | None) -> str:
    """The SQLAlchemy URL of the profile, password included (for `--db`; never show or log it)."""
    return _url(profile, password).render_as_string(hide_password=False)


def admin_command(profile: ServerProfile) -> str:
    """The command an administrator runs to create or upgrade the register (no password in it)."""
    return f'calmi-vendors --db "{profile_url(profile, None)}" migrate'


# -- opening -----------------------------------------------------------------------------------------------
def open_shared(profile: ServerProfile, password: str | None) -> Register:
    """Open the shared register the profile names, or raise a RegisterError that says what to do."""
    profile.validate()
    location = Location(_url(profile, password))
    _probe(location, profile, password)
    try:
        register = open_register(location, data_dir=settings.data_dir(), create=False, migrate=False)
    except RegisterError as exc:
        raise type(exc)(_scrub(str(exc), password)) from None
    try:
        with translate_errors(location):
            ensure_seeded(register.unit_of_work())
    except PermissionDeniedError:
        pass  # a viewer cannot add reference items; whoever set the register up already did
    except BaseException:
        register.close()
        raise
    return register


def check_connection(profile: ServerProfile, password: str | None) -> ConnectionCheck:
    """Connect, read the schema revision and count the parties, then close again."""
    register = open_shared(profile, password)
    try:
        with register.unit_of_work(readonly=True) as uow:
            parties = uow.session.scalar(sa.select(sa.func.count()).select_from(EntrustedParty)) or 0
        return ConnectionCheck(
            location=register.location.display(),
            user=register.actor,
            schema_revision=register.schema_revision,
            parties=int(parties),
        )
    finally:
        register.close()


def _probe(location: Location, profile: ServerProfile, password: str | None) -> None:
    """Connect once, mapping the driver's refusals to words; then recognise the register's schema."""
    engine = create_engine(location, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            tables = set(sa.inspect(conn).get_table_names())
            revision = (
                MigrationContext.configure(conn).get_current_revision()
                if "alembic_version" in tables
                else None
            )
    except sa.exc.DBAPIError as exc:
        # `from None`: the driver's own text is in the message already, scrubbed of the password.
        raise connection_error(exc.orig or exc, profile, password) from None
    finally:
        engine.dispose()
    if not tables:
        raise NotARegisterError(
            f"The database {profile.database!r} on {profile.where} holds no Calmi Vendors register yet. "
            f"An administrator can create one with: {admin_command(profile)}"
        )
    if "alembic_version" not in tables or not tables >= MARKER_TABLES:
        raise NotARegisterError(
            f"The database {profile.database!r} on {profile.where} is not a Calmi Vendors register "
            "(it holds other tables); check the database name. It was left untouched."
        )
    if revision is not None and revision in known_revisions() and revision != head_revision():
        raise RegisterError(
            f"The register on {profile.where} uses an older schema ({revision}) than this version of "
            f"Calmi Vendors. An administrator can upgrade it with: {admin_command(profile)}"
        )


def connection_error(orig: BaseException, profile: ServerProfile, password: str | None) -> RegisterError:
    """The driver's connection failure in words that say what failed and where."""
    text = _scrub(str(orig), password).strip()
    low = text.lower()
    reason = _reason(text)
    where, user, db = profile.where, profile.user, profile.database
    if "no password supplied" in low:
        return RegisterUnavailableError(f"The server at {where} asks for a password for user {user!r}.")
    if "password authentication failed" in low or "authentication failed" in low:
        return RegisterUnavailableError(
            f"The server at {where} refused user {user!r}: the password is wrong or there is no such user."
        )
    if "role" in low and "does not exist" in low:
        return RegisterUnavailableError(f"The server at {where} has no user {user!r}.")
    if "database" in low and "does not exist" in low:
        return RegisterUnavailableError(
            f"The server at {where} has no database {db!r}; check the name with your administrator."
        )
    if "does not support ssl" in low:
        return RegisterUnavailableError(
            f"The server at {where} does not offer encryption (TLS), but this connection requires it. "
            "Ask your administrator to enable TLS on the server."
        )
    if "pg_hba.conf" in low:
        if "no encryption" in low or "ssl off" in low:
            return RegisterUnavailableError(
                f"The server at {where} accepts only encrypted connections; choose an encryption setting "
                "that requires it."
            )
        return RegisterUnavailableError(
            f"The server at {where} does not accept user {user!r} for database {db!r} from this computer; "
            "ask your administrator to allow it."
        )
    if "certificate" in low or "ssl error" in low or "ssl syscall" in low:
        return RegisterUnavailableError(
            f"The server at {where} could not be verified over TLS ({reason}); check the CA certificate file."
        )
    if "resolve host" in low or "translate host name" in low or "name or service not known" in low:
        return RegisterUnavailableError(
            f"The server name {profile.host!r} is unknown; check its spelling and your network."
        )
    if "timeout expired" in low or "timed out" in low:
        return RegisterUnavailableError(
            f"The server at {where} did not answer within {CONNECT_TIMEOUT_S} seconds; check the host and "
            "port, and that this computer is on the company network."
        )
    if "connection refused" in low or "could not connect" in low or "unreachable" in low:
        return RegisterUnavailableError(
            f"Cannot reach the server at {where}: nothing answers there. Check the host and port, and "
            "that the server is running."
        )
    return RegisterUnavailableError(f"Cannot connect to the server at {where}: {reason}")


def _reason(text: str) -> str:
    """The server's own reason, without libpq's address prefix and severity word."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), text)
    line = _SERVER_PREFIX.sub("", line)
    return re.sub(r"^(?:FATAL|ERROR):\s+", "", line)


def _scrub(text: str, password: str | None) -> str:
    """No message ever carries the password, plain or URL-quoted."""
    if not password:
        return text
    for form in sorted({password, quote(password, safe=""), quote_plus(password)}, key=len, reverse=True):
        text = text.replace(form, "***")
    return text


# -- keychain ----------------------------------------------------------------------------------------------
def keychain_problem() -> str | None:
    """Why no password can be kept in the system keychain; None when one can."""
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return (
            "No system keychain is available on this computer, so the password cannot be remembered; "
            "it is used for this session only."
        )
    return None


def save_password(profile: ServerProfile, password: str) -> None:
    """Keep the password in the system keychain, or say why it cannot be kept."""
    problem = keychain_problem()
    if problem:
        raise RegisterError(problem)
    try:
        keyring.set_password(KEYRING_SERVICE, profile.keychain_user, password)
    except keyring.errors.KeyringError as exc:
        raise RegisterError(
            f"The system keychain did not store the password ({type(exc).__name__}); "
            "it is used for this session only."
        ) from None


def load_password(profile: ServerProfile) -> str | None:
    """The remembered password, or None (none kept, or no keychain, or a locked one)."""
    if keychain_problem():
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, profile.keychain_user)
    except keyring.errors.KeyringError:
        return None
    return str(found) if found is not None else None


def forget_password(profile: ServerProfile) -> None:
    """Remove the remembered password; nothing happens when none was kept."""
    if keychain_problem():
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, profile.keychain_user)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise RegisterError(
            f"The system keychain did not remove the password ({type(exc).__name__})."
        ) from None


# -- profiles as settings ----------------------------------------------------------------------------------
def profile_to_settings(profile: ServerProfile) -> dict[str, str]:
    """The profile as plain strings for the UI's settings (no password, ever)."""
    return {
        "name": profile.name,
        "host": profile.host,
        "port": str(profile.port),
        "database": profile.database,
        "user": profile.user,
        "sslmode": profile.sslmode,
        "sslrootcert": profile.sslrootcert or "",
    }


def profile_from_settings(values: Mapping[str, object]) -> ServerProfile | None:
    """A profile read back from settings; None when the entry is damaged beyond use."""
    text = {key: str(value or "").strip() for key, value in values.items()}
    port = text.get("port", "")
    sslmode = text.get("sslmode", "prefer")
    if not text.get("host") or not port.isdigit():
        return None
    return ServerProfile(
        name=text.get("name") or text["host"],
        host=text["host"],
        port=int(port),
        database=text.get("database", ""),
        user=text.get("user", ""),
        sslmode=sslmode if sslmode in SSL_MODES else "prefer",
        sslrootcert=text.get("sslrootcert") or None,
    )


def profiles_to_text(profiles: list[ServerProfile]) -> str:
    """The saved connections as one JSON text for a settings value (no passwords in it)."""
    return json.dumps([profile_to_settings(p) for p in profiles], ensure_ascii=False)


def profiles_from_text(text: str) -> list[ServerProfile]:
    """The saved connections back from settings; damaged entries (or a damaged text) are skipped."""
    try:
        entries = json.loads(text) if text else []
    except ValueError:
        return []
    found = (
        (profile_from_settings(e) for e in entries if isinstance(e, dict))
        if isinstance(entries, list)
        else ()
    )
    return [p for p in found if p is not None]
