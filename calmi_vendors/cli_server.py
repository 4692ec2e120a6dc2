"""`calmi-vendors setup-server`: the PostgreSQL roles of a shared register, and one user's role."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from typing import Any

from calmi_vendors.errors import CalmiError

ROLE_CHOICES = ("viewer", "editor", "privacy_officer")


def add_parsers(commands: Any) -> None:
    setup = commands.add_parser(
        "setup-server",
        help="create the PostgreSQL roles of a shared register (run as its owner)",
        description=(
            "Creates the group roles calmi_viewer (read and print), calmi_editor (parties, contracts, "
            "contacts, imports) and calmi_privacy_officer (also assessments, audits, findings, approvals) "
            "with their grants; nobody may change or delete the change history. Safe to run again, e.g. "
            "after `migrate`."
        ),
    )
    setup.add_argument("--create-user", metavar="NAME", help="create (or update) this login user")
    setup.add_argument("--role", choices=ROLE_CHOICES, help="the role of --create-user")
    setup.add_argument(
        "--password-prompt",
        action="store_true",
        help="ask for the user's password (hashed before it is sent to the server)",
    )


def _password(args: argparse.Namespace) -> str | None:
    if not args.password_prompt:
        return None
    first = getpass.getpass(f"Password for {args.create_user}: ")
    if not first or first != getpass.getpass("Repeat the password: "):
        raise CalmiError("The passwords were empty or did not match; nothing was changed.")
    return first


def cmd_setup_server(args: argparse.Namespace) -> int:
    # Imported here so that --help answers without loading SQLAlchemy.
    from calmi_vendors.services.opening import open_for_use
    from calmi_vendors.store.server_roles import role_members, setup_server

    if (args.create_user is None) != (args.role is None):
        raise CalmiError("Give both --create-user NAME and --role (viewer, editor or privacy_officer).")
    if args.password_prompt and args.create_user is None:
        raise CalmiError("--password-prompt sets the password of --create-user; name the user.")
    password = _password(args)
    register = open_for_use(args.db)
    try:
        report = setup_server(
            register.engine, create_user=args.create_user, role=args.role, password=password
        )
        members = role_members(register.engine)
    finally:
        register.close()
    print(f"Shared register {report.database}: roles set up on {report.tables} tables.")
    for role in report.roles:
        print(f"  {role}{' (created)' if role in report.created_roles else ''}")
    if report.user is not None:
        done = "created" if report.user_created else "updated"
        print(f"User {report.user} {done} with role {report.user_role}.")
    if members:
        print("Users:")
        for user, role in members.items():
            print(f"  {user}: {role}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"setup-server": cmd_setup_server}
