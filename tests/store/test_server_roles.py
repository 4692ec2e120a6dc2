"""Roles of a shared register, enforced by the real PostgreSQL server's grants (skipped without one)."""

from __future__ import annotations

import argparse
import getpass
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from calmi_vendors.domain.enums import AuditConclusion, AuditMethod, ChangeAction, Severity
from calmi_vendors.errors import CalmiError, PermissionDeniedError, RegisterError
from calmi_vendors.services import audits, maintenance, parties
from calmi_vendors.services.audits import FindingInput
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store import history
from calmi_vendors.store.models import ChangeRecord
from calmi_vendors.store.register import Register
from calmi_vendors.store.server_roles import (
    EDITOR_TABLES,
    GROUP_ROLES,
    HISTORY_TABLE,
    install_permission_messages,
    role_members,
    setup_server,
)

PG_URL_ENV = "CALMI_TEST_PG_URL"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not os.environ.get(PG_URL_ENV), reason="needs CALMI_TEST_PG_URL"),
]
OpenAs = Callable[[str], Register]


def _admin_engine() -> sa.Engine:
    url = sa.make_url(os.environ[PG_URL_ENV]).set(database="postgres")
    return sa.create_engine(url, isolation_level="AUTOCOMMIT")


@pytest.fixture
def users() -> Iterator[dict[str, str]]:
    """One login user per role, named uniquely (roles are cluster-wide), dropped afterwards."""
    tag = uuid.uuid4().hex[:8]
    names = {role: f"h6_{role}_{tag}" for role in GROUP_ROLES}
    yield names
    admin = _admin_engine()
    with admin.connect() as conn:
        for name in names.values():
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')
    admin.dispose()


@pytest.fixture
def shared(pg_url: str, users: dict[str, str]) -> Iterator[tuple[str, Register]]:
    """A set-up shared register with one party and one planned audit, opened by its owner."""
    owner = open_for_use(pg_url)
    for role, name in users.items():
        setup_server(owner.engine, create_user=name, role=role)
    yield pg_url, owner
    owner.close()


@pytest.fixture
def open_as(shared: tuple[str, Register]) -> Iterator[OpenAs]:
    opened: list[Register] = []

    def opener(user: str) -> Register:
        url = sa.make_url(shared[0]).set(username=user).render_as_string(hide_password=False)
        register = open_for_use(url)
        # Until the store installs it on every PostgreSQL engine, the tests do.
        install_permission_messages(register.engine)
        opened.append(register)
        return register

    yield opener
    for register in opened:
        register.close()


def _party(register: Register, name: str = "株式会社さくら情報サービス") -> int:
    return parties.create_party(register.unit_of_work(), PartyInput(name=name)).id


def _audit(register: Register, party_id: int) -> int:
    return audits.plan_audit(
        register.unit_of_work(), party_id, method=AuditMethod.REMOTE, planned_on=date(2026, 5, 1)
    ).id


def _finding() -> FindingInput:
    return FindingInput(title="アクセスログの保管期間が不足", severity=Severity.MAJOR)


def test_grants_give_each_role_exactly_its_share(shared: tuple[str, Register]) -> None:
    _url, owner = shared
    with owner.engine.connect() as conn:
        tables = sorted(sa.inspect(conn).get_table_names())

        def may(role: str, privilege: str, table: str) -> bool:
            return bool(
                conn.execute(
                    sa.text("SELECT has_table_privilege(:r, :t, :p)"),
                    {"r": GROUP_ROLES[role], "t": table, "p": privilege},
                ).scalar_one()
            )

        for table in tables:
            assert all(may(role, "SELECT", table) for role in GROUP_ROLES), table
            assert not may("viewer", "INSERT", table), table
            for privilege in ("UPDATE", "DELETE", "TRUNCATE"):
                assert not may("privacy_officer", privilege, HISTORY_TABLE)
                assert not may("editor", privilege, HISTORY_TABLE)
            if table in EDITOR_TABLES:
                assert may("editor", "UPDATE", table), table
                assert may("privacy_officer", "UPDATE", table), table
            elif table not in (HISTORY_TABLE, "alembic_version"):
                assert not may("editor", "INSERT", table), table
                assert may("privacy_officer", "DELETE", table), table
        assert may("editor", "INSERT", HISTORY_TABLE)
        assert may("privacy_officer", "INSERT", HISTORY_TABLE)
        assert not may("privacy_officer", "INSERT", "alembic_version")


def test_setup_is_repeatable_and_a_new_role_replaces_the_old(
    shared: tuple[str, Register], users: dict[str, str]
) -> None:
    _url, owner = shared
    again = setup_server(owner.engine, create_user=users["viewer"], role="editor")
    assert again.created_roles == ()
    assert again.user_created is False
    members = role_members(owner.engine)
    assert members[users["viewer"]] == "editor"
    assert members[users["editor"]] == "editor"
    assert members[users["privacy_officer"]] == "privacy_officer"


def test_viewer_reads_but_a_write_is_refused_with_a_clear_message(
    shared: tuple[str, Register], users: dict[str, str], open_as: OpenAs
) -> None:
    _url, owner = shared
    party_id = _party(owner)
    viewer = open_as(users["viewer"])
    assert viewer.actor == users["viewer"]
    assert (
        parties.get_party(viewer.unit_of_work(readonly=True), party_id).name == "株式会社さくら情報サービス"
    )
    with pytest.raises(PermissionDeniedError) as refused:
        parties.create_party(viewer.unit_of_work(), PartyInput(name="北斗ロジスティクス"))
    message = str(refused.value)
    assert isinstance(refused.value, CalmiError)
    assert users["viewer"] in message
    assert "entrusted parties" in message
    assert "permission denied for table entrusted_party" in message
    assert [p.id for p in parties.list_parties(owner.unit_of_work(readonly=True))] == [party_id]


def test_editor_keeps_parties_but_cannot_record_findings(
    shared: tuple[str, Register], users: dict[str, str], open_as: OpenAs
) -> None:
    _url, owner = shared
    editor = open_as(users["editor"])
    party_id = _party(editor, "Northwind Data Services")
    audit_id = _audit(owner, party_id)
    with pytest.raises(PermissionDeniedError, match=r"supervision audits|audit findings"):
        audits.record_audit(
            editor.unit_of_work(),
            audit_id,
            performed_on=date(2026, 5, 2),
            conclusion=AuditConclusion.SATISFACTORY_WITH_FINDINGS,
            findings=(_finding(),),
        )
    with pytest.raises(PermissionDeniedError, match="audit findings"), editor.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO finding (audit_id, party_id, title, severity, status, version, "
                "created_at, updated_at) VALUES (:a, :p, 'x', 'major', 'open', 1, now(), now())"
            ),
            {"a": audit_id, "p": party_id},
        )
    authors = {
        e.changed_by
        for e in maintenance.history_of(owner.unit_of_work(readonly=True), "entrusted_party", party_id)
    }
    assert authors == {users["editor"]}


def test_privacy_officer_records_findings_in_their_own_name(
    shared: tuple[str, Register], users: dict[str, str], open_as: OpenAs
) -> None:
    _url, owner = shared
    party_id = _party(owner)
    audit_id = _audit(owner, party_id)
    officer = open_as(users["privacy_officer"])
    view = audits.record_audit(
        officer.unit_of_work(),
        audit_id,
        performed_on=date(2026, 5, 2),
        conclusion=AuditConclusion.SATISFACTORY_WITH_FINDINGS,
        findings=(_finding(),),
    )
    assert [f.title for f in view.findings] == ["アクセスログの保管期間が不足"]
    with owner.engine.connect() as conn:
        authors = conn.execute(
            sa.select(ChangeRecord.changed_by).where(
                ChangeRecord.table_name == "finding", ChangeRecord.action == ChangeAction.INSERT
            )
        ).scalars()
        assert set(authors) == {users["privacy_officer"]}
    report = maintenance.check_register(owner)
    assert report.problems == ()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE change_history SET new_value = 'rewritten'",
        "DELETE FROM change_history",
        "TRUNCATE change_history",
    ],
)
def test_nobody_rewrites_the_history(
    shared: tuple[str, Register], users: dict[str, str], open_as: OpenAs, statement: str
) -> None:
    _url, owner = shared
    _party(owner)
    for role in ("viewer", "editor", "privacy_officer"):
        register = open_as(users[role])
        with (
            pytest.raises(PermissionDeniedError, match="the change history"),
            register.engine.begin() as conn,
        ):
            conn.exec_driver_sql(statement)
    assert maintenance.check_register(owner).problems == ()


def test_a_history_row_in_someone_elses_name_is_refused(
    shared: tuple[str, Register], users: dict[str, str], open_as: OpenAs
) -> None:
    _url, owner = shared
    party_id = _party(owner)
    editor = open_as(users["editor"])
    forged = history.PendingChange(ChangeAction.UPDATE, "entrusted_party", party_id, "name", "a", "b")
    with pytest.raises(PermissionDeniedError, match="must name their author"), editor.engine.begin() as conn:
        history.write_changes(conn, [forged], actor=users["privacy_officer"])


def test_only_an_administrator_sets_up_roles(
    shared: tuple[str, Register], users: dict[str, str], open_as: OpenAs, sqlite_register: Register
) -> None:
    officer = open_as(users["privacy_officer"])
    with pytest.raises(PermissionDeniedError, match="may not create roles"):
        setup_server(officer.engine)
    with pytest.raises(RegisterError, match="SQLite"):
        setup_server(sqlite_register.engine)
    with pytest.raises(CalmiError, match="--role"):
        setup_server(shared[1].engine, create_user="someone")
    with pytest.raises(CalmiError, match="cannot be a user name"):
        setup_server(shared[1].engine, create_user='x"; DROP TABLE finding; --', role="viewer")


def test_setup_server_command_creates_a_user_with_a_hashed_password(
    pg_url: str, users: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from calmi_vendors import cli_server

    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    cli_server.add_parsers(parser.add_subparsers(dest="command"))
    monkeypatch.setattr(getpass, "getpass", lambda _prompt: "s3cret-パス")
    args = parser.parse_args(
        [
            "--db",
            pg_url,
            "setup-server",
            "--create-user",
            users["viewer"],
            "--role",
            "viewer",
            "--password-prompt",
        ]
    )
    assert cli_server.COMMANDS[args.command](args) == 0
    out = capsys.readouterr().out
    assert f"User {users['viewer']} created with role viewer." in out
    assert "calmi_privacy_officer" in out
    with sa.create_engine(pg_url).connect() as conn:
        stored = conn.execute(
            sa.text("SELECT rolpassword FROM pg_authid WHERE rolname = :u"), {"u": users["viewer"]}
        ).scalar_one()
    assert stored.startswith("SCRAM-SHA-256$")
    assert "s3cret" not in stored


def test_setup_server_command_needs_both_user_and_role(tmp_path: Path) -> None:
    from calmi_vendors import cli_server

    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    cli_server.add_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--db", str(tmp_path / "r.sqlite3"), "setup-server", "--role", "editor"])
    with pytest.raises(CalmiError, match="--create-user"):
        cli_server.cmd_setup_server(args)
