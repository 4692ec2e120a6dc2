"""Roles of a shared PostgreSQL register, enforced by the server's grants rather than by hidden buttons."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, ExceptionContext

from calmi_vendors.errors import CalmiError, PermissionDeniedError, RegisterError

# The group roles users are made members of; the keys are what `--role` accepts.
GROUP_ROLES: Mapping[str, str] = {
    "viewer": "calmi_viewer",
    "editor": "calmi_editor",
    "privacy_officer": "calmi_privacy_officer",
}
HISTORY_TABLE = "change_history"
# Procurement's records: the parties, their contacts and contracts, and the imports that bring them in.
EDITOR_TABLES = frozenset(
    {
        "entrusted_party",
        "party_business_function",
        "party_data_category",
        "contact",
        "certification",
        "status_change",
        "consignment_contract",
        "clause_coverage",
        "import_batch",
        "import_batch_item",
        "mapping_profile",
        "evidence",
    }
)
# Nobody writes these through the app: the schema revision belongs to migrations, history is append-only.
_OWNER_ONLY = frozenset({"alembic_version", HISTORY_TABLE})
_PERMISSION_DENIED = "42501"
_DENIED_OBJECT = re.compile(r"permission denied for (?:table|relation|sequence) (\w+)")
_USER_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")
# Words for the tables a refused user is most likely to have tried; others are named as they are.
_TABLE_WORDS: Mapping[str, str] = {
    "entrusted_party": "entrusted parties",
    "contact": "contacts",
    "certification": "certifications",
    "status_change": "party statuses",
    "consignment_contract": "consignment contracts",
    "clause_coverage": "contract clauses",
    "import_batch": "imports",
    "assessment": "assessments",
    "assessment_answer": "assessment answers",
    "supervision_audit": "supervision audits",
    "finding": "audit findings",
    "reentrustment_approval": "re-entrustment approvals",
    "foreign_regime_check": "foreign regime checks",
    "program_review": "program reviews",
    "register_setting": "register settings",
    "clause_requirement": "the clause requirement library",
    HISTORY_TABLE: "the change history",
}

# Each history row must name the database user who wrote it, so attribution cannot be forged.
# Concatenation, not RAISE's percent placeholders: the driver would take those for its own.
_AUTHOR_FUNCTION = """
CREATE OR REPLACE FUNCTION calmi_history_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.changed_by IS DISTINCT FROM current_user::text THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'change history rows must name their author '
            || current_user || ', not ' || coalesce(NEW.changed_by, 'nobody');
    END IF;
    RETURN NEW;
END
$$
"""


@dataclass(frozen=True, slots=True)
class SetupReport:
    """What `setup-server` did: the database, its group roles and, if asked, the user it set up."""

    database: str
    roles: tuple[str, ...]
    created_roles: tuple[str, ...]
    tables: int
    user: str | None = None
    user_role: str | None = None
    user_created: bool = False


def quote(conn: sa.Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _require_admin(conn: sa.Connection) -> None:
    if conn.dialect.name != "postgresql":
        raise RegisterError(
            "setup-server prepares a shared PostgreSQL register; a SQLite register is protected by its "
            "file permissions (readable by its owner only)."
        )
    may = conn.execute(
        sa.text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar_one()
    if not may:
        user = conn.execute(sa.text("SELECT current_user")).scalar_one()
        raise PermissionDeniedError(
            f"The database user {user!r} may not create roles; run setup-server as the register's "
            "owner with the CREATEROLE right (or as a superuser)."
        )


def _role_exists(conn: sa.Connection, name: str) -> bool:
    found = conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    return found is not None


def _register_tables(conn: sa.Connection) -> list[str]:
    tables = sorted(sa.inspect(conn).get_table_names())
    if "alembic_version" not in tables or HISTORY_TABLE not in tables:
        raise RegisterError("This database holds no Calmi Vendors register yet; open or migrate it first.")
    return tables


def _grant_tables(conn: sa.Connection, tables: list[str]) -> None:
    viewer, editor, officer = (quote(conn, GROUP_ROLES[k]) for k in ("viewer", "editor", "privacy_officer"))
    everyone = f"{viewer}, {editor}, {officer}"
    for table in tables:
        name = quote(conn, table)
        # Start from nothing each run, so a table moved between groups loses its old grants.
        conn.exec_driver_sql(f"REVOKE ALL ON TABLE {name} FROM PUBLIC, {everyone}")
        conn.exec_driver_sql(f"GRANT SELECT ON TABLE {name} TO {everyone}")
        if table == HISTORY_TABLE:
            conn.exec_driver_sql(f"GRANT INSERT ON TABLE {name} TO {editor}, {officer}")
        elif table not in _OWNER_ONLY:
            writers = f"{editor}, {officer}" if table in EDITOR_TABLES else officer
            conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON TABLE {name} TO {writers}")
    schema = quote(conn, str(conn.execute(sa.text("SELECT current_schema()")).scalar_one()))
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {everyone}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {editor}, {officer}")
    # Tables a later migration adds are at least readable; re-running setup-server grants their writes.
    conn.exec_driver_sql(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {everyone}")
    database = quote(conn, str(conn.execute(sa.text("SELECT current_database()")).scalar_one()))
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {database} TO {everyone}")
    history = quote(conn, HISTORY_TABLE)
    conn.exec_driver_sql(_AUTHOR_FUNCTION)
    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS calmi_history_author ON {history}")
    conn.exec_driver_sql(
        f"CREATE TRIGGER calmi_history_author BEFORE INSERT ON {history} "
        "FOR EACH ROW EXECUTE FUNCTION calmi_history_author()"
    )


_MEMBERSHIP = sa.text(
    "SELECT g.rolname, m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
    "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname IN :groups"
).bindparams(sa.bindparam("groups", expanding=True))


def _direct_groups(conn: sa.Connection, user: str) -> set[str]:
    rows = conn.execute(_MEMBERSHIP, {"groups": list(GROUP_ROLES.values())}).tuples()
    return {group for group, member in rows if member == user}


def _setup_user(conn: sa.Connection, user: str, role: str, password: str | None) -> bool:
    """Create the login (if new) and make it a member of exactly one group role; True if created."""
    if not _USER_NAME.match(user) or user.lower().startswith("pg_") or user in GROUP_ROLES.values():
        raise CalmiError(
            f"{user!r} cannot be a user name: use letters, digits, '_', '.', '-' or '@' "
            "(at most 63, starting with a letter), not a calmi_ group name."
        )
    name = quote(conn, user)
    created = not _role_exists(conn, user)
    if created:
        conn.exec_driver_sql(f"CREATE ROLE {name} LOGIN")
    if password is not None:
        # libpq hashes on this side: the statement (and any server log of it) never holds the password.
        raw: Any = conn.connection.dbapi_connection
        verifier = raw.pgconn.encrypt_password(password.encode(), user.encode(), b"scram-sha-256")
        conn.exec_driver_sql(f"ALTER ROLE {name} PASSWORD '{verifier.decode('ascii')}'")
    # One role per user: a change of role takes the old membership away.
    for group in _direct_groups(conn, user) - {GROUP_ROLES[role]}:
        conn.exec_driver_sql(f"REVOKE {quote(conn, group)} FROM {name}")
    conn.exec_driver_sql(f"GRANT {quote(conn, GROUP_ROLES[role])} TO {name}")
    return created


def setup_server(
    engine: Engine, *, create_user: str | None = None, role: str | None = None, password: str | None = None
) -> SetupReport:
    """Create the group roles and their grants on a migrated register; optionally set up one user."""
    if (create_user is None) != (role is None):
        raise CalmiError("Give both --create-user NAME and --role (viewer, editor or privacy_officer).")
    if role is not None and role not in GROUP_ROLES:
        raise CalmiError(f"Unknown role {role!r}: choose viewer, editor or privacy_officer.")
    created: list[str] = []
    with engine.begin() as conn:
        _require_admin(conn)
        tables = _register_tables(conn)
        for group in GROUP_ROLES.values():
            if not _role_exists(conn, group):
                conn.exec_driver_sql(f"CREATE ROLE {quote(conn, group)} NOLOGIN")
                created.append(group)
        _grant_tables(conn, tables)
        user_created = False
        if create_user is not None and role is not None:
            user_created = _setup_user(conn, create_user, role, password)
        database = str(conn.execute(sa.text("SELECT current_database()")).scalar_one())
    return SetupReport(
        database=database,
        roles=tuple(GROUP_ROLES.values()),
        created_roles=tuple(created),
        tables=len(tables),
        user=create_user,
        user_role=role,
        user_created=user_created,
    )


def role_members(engine: Engine) -> dict[str, str]:
    """Login users of the group roles: user name → role key (viewer, editor, privacy_officer)."""
    keys = {group: key for key, group in GROUP_ROLES.items()}
    with engine.connect() as conn:
        rows = conn.execute(_MEMBERSHIP, {"groups": list(GROUP_ROLES.values())}).tuples().all()
    return dict(sorted((str(member), keys[str(group)]) for group, member in rows))


def permission_message(database_message: str, *, user: str | None, reading: bool) -> str:
    """A sentence the refused user can act on, from PostgreSQL's 'permission denied for table …'."""
    found = _DENIED_OBJECT.search(database_message)
    table = found.group(1) if found else None
    what = _TABLE_WORDS.get(table or "", table.replace("_", " ") if table else "this part of the register")
    who = f"The database user {user!r}" if user else "Your database user"
    verb = "read" if reading else "change"
    return (
        f"{who} may not {verb} {what}: the PostgreSQL server refused it ({database_message}). "
        "Your role on this register does not allow it; ask the register's administrator for another role."
    )


def _translate_permission_error(context: ExceptionContext) -> None:
    orig = context.original_exception
    if getattr(orig, "sqlstate", None) != _PERMISSION_DENIED:
        return
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else "permission denied"
    user: str | None = None
    raw = context.connection.connection.dbapi_connection if context.connection is not None else None
    info = getattr(raw, "info", None)
    if info is not None:
        user = getattr(info, "user", None)
    statement = (context.statement or "").lstrip().upper()
    raise PermissionDeniedError(
        permission_message(text, user=user, reading=statement.startswith("SELECT"))
    ) from context.sqlalchemy_exception


def install_permission_messages(engine: Engine) -> None:
    """Turn the server's 'permission denied' into a PermissionDeniedError the user can read."""
    if not event.contains(engine, "handle_error", _translate_permission_error):
        event.listen(engine, "handle_error", _translate_permission_error)
