"""`calmi-vendors`: with no sub-command it opens the main window; with one it runs that job."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from calmi_vendors.__about__ import __app_id__, __version__
from calmi_vendors.cli_lists import add_list_parser, run_list
from calmi_vendors.errors import CalmiError

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_ERROR = 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from exc
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (
        200 <= int(width) <= 8000 and 200 <= int(height) <= 8000
    ):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1400x900")
    return int(width), int(height)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=__app_id__,
        description="Calmi Vendors: the register of entrusted parties and their supervision.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="LOCATION",
        help="register file path or database URL (sqlite:///…, postgresql+psycopg://…); "
        "default: $CALMI_VENDORS_DB, else register.sqlite3 in the per-user data folder",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", help="open the main window (the default)")

    demo = commands.add_parser("demo", help="fill the register with realistic demo data")
    demo.add_argument("--parties", type=_positive, default=200, help="how many parties (default 200)")
    demo.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")
    demo.add_argument("--today", type=_date, help="the date the demo data is built around (default: today)")
    demo.add_argument("--append", action="store_true", help="add to a register that already has parties")

    check = commands.add_parser("check", help="integrity and schema report; exit 1 when problems are found")
    check.add_argument("--json", action="store_true", help="print the report as JSON")

    backup = commands.add_parser("backup", help="write a consistent copy of the register (safe while in use)")
    backup.add_argument("out", type=Path, help="the backup file to write")

    restore = commands.add_parser("restore", help="replace the register with a validated backup")
    restore.add_argument("source", type=Path, help="the backup file to restore")

    commands.add_parser("migrate", help="upgrade the register's schema (a backup is taken first)")

    shot = commands.add_parser("screenshot", help="render a view offscreen into a PNG")
    shot.add_argument("--view", required=True, help="dashboard, register or party:<id>")
    shot.add_argument("--out", type=Path, required=True, help="the PNG file to write")
    shot.add_argument("--lang", choices=["en", "ja"], help="language of the window (default: the system's)")
    shot.add_argument("--size", type=_size, default=(1400, 900), help="WIDTHxHEIGHT (default 1400x900)")
    shot.add_argument("--today", type=_date, help="the date the view is drawn for (default: today)")

    add_list_parser(commands)
    return parser


def _open(args: argparse.Namespace, *, migrate: bool = True) -> Any:
    """Open the register; only commands that may change it create or migrate one."""
    # Imported here so that --help and --version answer without loading SQLAlchemy.
    from calmi_vendors.services.opening import open_for_use

    return open_for_use(args.db, migrate=migrate, create=migrate)


def cmd_demo(args: argparse.Namespace) -> int:
    from calmi_vendors.services.demo import generate_demo

    register = _open(args)
    try:
        report = generate_demo(
            register.unit_of_work(),
            parties=args.parties,
            seed=args.seed,
            today=args.today or date.today(),
            append=args.append,
        )
    finally:
        register.close()
    print(f"Demo register at {register.location.display()}:")
    for name, count in report.counts.items():
        print(f"  {name.replace('_', ' ')}: {count}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from calmi_vendors.services.maintenance import check_register

    register = _open(args, migrate=False)
    try:
        report = check_register(register)
    finally:
        register.close()
    if args.json:
        print(
            json.dumps(
                {
                    "location": report.location,
                    "backend": report.backend,
                    "schema_revision": report.schema_revision,
                    "ok": report.ok,
                    "counts": report.counts,
                    "problems": list(report.problems),
                    "warnings": list(report.warnings),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"Register: {report.location} ({report.backend}, schema {report.schema_revision})")
        for name, count in report.counts.items():
            print(f"  {name.replace('_', ' ')}: {count}")
        for warning in report.warnings:
            print(f"warning: {warning}")
        for problem in report.problems:
            print(f"problem: {problem}")
        print("OK: no problems found." if report.ok else f"{len(report.problems)} problem(s) found.")
    return EXIT_OK if report.ok else EXIT_PROBLEMS


def cmd_backup(args: argparse.Namespace) -> int:
    from calmi_vendors.services.maintenance import backup_register

    register = _open(args, migrate=False)
    try:
        written = backup_register(register, args.out)
    finally:
        register.close()
    print(f"Backup written to {written}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from calmi_vendors.services.maintenance import restore_register, validate_backup

    validate_backup(args.source)
    register = _open(args, migrate=False)
    try:
        safety = restore_register(register, args.source)
    finally:
        register.close()
    print(f"Restored {register.location.display()} from {args.source}; the previous content is in {safety}")
    return EXIT_OK


def cmd_migrate(args: argparse.Namespace) -> int:
    register = _open(args)
    try:
        if register.created:
            where = register.location.display()
            print(f"Created a new register at {where} (schema {register.schema_revision}).")
        elif register.migrated_from is None:
            print(f"{register.location.display()} is up to date (schema {register.schema_revision}).")
        else:
            print(
                f"{register.location.display()} upgraded from schema {register.migrated_from} "
                f"to {register.schema_revision}."
            )
            if register.backup_made:
                print(f"Backup taken first: {register.backup_made}")
    finally:
        register.close()
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    register = _open(args)
    try:
        run_list(register, args)
    finally:
        register.close()
    return EXIT_OK


def cmd_screenshot(args: argparse.Namespace) -> int:
    from calmi_vendors.ui.screenshot import take_screenshot

    out = take_screenshot(args.db, args.view, args.out, language=args.lang, size=args.size, today=args.today)
    print(f"Screenshot written to {out}")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from calmi_vendors.app import run_gui

    return run_gui(args.db)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": cmd_gui,
    "demo": cmd_demo,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "migrate": cmd_migrate,
    "list": cmd_list,
    "screenshot": cmd_screenshot,
}


def _report_crash(exc: BaseException) -> Path | None:
    try:
        from calmi_vendors.settings import data_dir

        logs = data_dir() / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        path = logs / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        return path
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = COMMANDS[args.command or "gui"]
    try:
        return handler(args)
    except CalmiError as exc:
        print(f"{__app_id__}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`calmi-vendors list … | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"{__app_id__}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        log = _report_crash(exc)
        where = f"; details in {log}" if log else ""
        print(f"{__app_id__}: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return 3
