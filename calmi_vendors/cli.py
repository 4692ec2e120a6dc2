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
from calmi_vendors.cli_assessments import COMMANDS as ASSESSMENT_COMMANDS
from calmi_vendors.cli_assessments import add_parsers as add_assessment_parsers
from calmi_vendors.cli_lists import add_list_parser, run_list
from calmi_vendors.cli_reports import add_report_parser, run_report
from calmi_vendors.cli_server import COMMANDS as SERVER_COMMANDS
from calmi_vendors.cli_server import add_parsers as add_server_parsers
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


def _row_number(text: str) -> int:
    value = _positive(text)
    if value < 1:
        raise argparse.ArgumentTypeError("rows are counted from 1")
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
    shot.add_argument(
        "--view",
        required=True,
        help="dashboard, register, contracts, assessments, audits, reports, settings, party:<id> "
        "or report:<kind>[:<subject>] (e.g. report:dossier:3)",
    )
    shot.add_argument("--out", type=Path, required=True, help="the PNG file to write")
    shot.add_argument("--lang", choices=["en", "ja"], help="language of the window (default: the system's)")
    shot.add_argument("--size", type=_size, default=(1400, 900), help="WIDTHxHEIGHT (default 1400x900)")
    shot.add_argument("--today", type=_date, help="the date the view is drawn for (default: today)")

    add_list_parser(commands)
    add_assessment_parsers(commands)
    add_report_parser(commands)
    add_server_parsers(commands)

    imp = commands.add_parser(
        "import",
        help="import a vendor list (.xlsx, .xlsm, .xls, .xlsb, .ods, .csv, .tsv) as one undoable batch",
    )
    imp.add_argument("file", type=Path, help="the vendor list to import")
    imp.add_argument("--sheet", metavar="NAME", help="the sheet holding the list (default: detected)")
    imp.add_argument(
        "--header-row",
        type=_row_number,
        metavar="N",
        help="the row holding the column headers (default: detected)",
    )
    imp.add_argument("--profile", metavar="NAME", help="apply this saved column mapping")
    imp.add_argument(
        "--source",
        metavar="NAME",
        help="which list this is, to compare with its last import (default: the file name without extension)",
    )
    imp.add_argument("--dry-run", action="store_true", help="classify the rows and report; write nothing")
    imp.add_argument(
        "--skip-errors", action="store_true", help="import the valid rows of a file that has rows with errors"
    )
    imp.add_argument("--json", action="store_true", help="print the report as JSON")

    exp = commands.add_parser("export", help="write the register's parties to .xlsx or .csv")
    exp.add_argument("file", type=Path, help="the .xlsx or .csv file to write")
    exp.add_argument(
        "--encoding",
        choices=["utf-8", "cp932"],
        help="CSV only: UTF-8 with BOM (default) or cp932 (Shift_JIS)",
    )
    exp.add_argument(
        "--lang",
        choices=["en", "ja"],
        default="en",
        help="language of the business function names (default en)",
    )

    undo = commands.add_parser("undo-import", help="undo the most recent import (of one source)")
    undo.add_argument("--source", metavar="NAME", help="undo the most recent import of this source")
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


def _cell_line(error: Any) -> str:
    """One row error as `sheet!cell: value — reason`."""
    from calmi_vendors.spreadsheets.errors import shown_value

    raw = "" if error.value is None else str(error.value).strip()
    if raw and raw in error.reason:
        return f"{error.sheet}!{error.cell}: {error.reason}"  # the reason already quotes the value
    return f"{error.sheet}!{error.cell}: {shown_value(error.value)} — {error.reason}"


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _import_json(preview: Any, result: Any, *, dry_run: bool, refused: bool) -> dict[str, Any]:
    return {
        "file": preview.file_name,
        "source": preview.source_name,
        "format": preview.file_format,
        "encoding": preview.encoding,
        "sheet": preview.sheet,
        "header_row": preview.header_row,
        "profile": preview.profile_name,
        "dry_run": dry_run,
        "refused": refused,
        "applied": result is not None,
        "batch_id": result.batch_id if result is not None else None,
        "counts": preview.counts.as_dict(),
        "result": None
        if result is None
        else {
            key: getattr(result, key)
            for key in ("created", "updated", "unchanged", "kept", "errors", "skipped", "duplicates")
        },
        "errors": [
            {
                "sheet": e.sheet,
                "row": e.row,
                "column": e.column,
                "cell": e.cell,
                "header": e.header,
                "value": _json_value(e.value),
                "reason": e.reason,
                "kind": e.kind,
                "field": e.field,
                "message": _cell_line(e),
            }
            for e in preview.errors
        ],
        "updates": [
            {
                "row": r.row_number,
                "party_id": r.party_id,
                "name": r.name,
                "differences": [
                    {"field": d.field, "current": d.current, "incoming": d.incoming} for d in r.differences
                ],
            }
            for r in preview.rows
            if r.kind == "update" and r.duplicate_of is None
        ],
        "duplicates": [
            {"row": r.row_number, "name": r.name, "duplicate_of": r.duplicate_of}
            for r in preview.rows
            if r.duplicate_of is not None
        ],
        "missing_since_last": [
            {
                "party_id": m.party_id,
                "name": m.name,
                "corporate_number": m.corporate_number,
                "last_row": m.last_row_number,
            }
            for m in preview.missing_since_last
        ],
        "skipped_rows": [{"row": s.row_number, "reason": s.reason} for s in preview.skipped],
        "warnings": list(preview.warnings)
        + [f"row {r.row_number}: {w}" for r in preview.rows for w in r.warnings],
    }


def _print_import(preview: Any, result: Any, *, dry_run: bool, refused: bool) -> None:
    where = f"{preview.file_name} (sheet {preview.sheet!r}, header row {preview.header_row}"
    where += f", profile {preview.profile_name!r}" if preview.profile_name else ""
    where += f", source {preview.source_name!r})"
    if result is not None:
        print(f"Imported {where} as import #{result.batch_id}:")
    elif refused:
        print(f"Not imported: {where}:")
    else:
        print(f"Dry run of {where}; nothing was written:")
    counts = preview.counts
    for label, value in (
        ("new", counts.new),
        ("updated", counts.update),
        ("unchanged", counts.unchanged),
        ("errors", counts.error),
        ("duplicates", counts.duplicate),
        ("missing since last import", counts.missing_since_last),
    ):
        print(f"  {label}: {value}")
    errors = preview.errors
    if errors and not refused:
        print(f"Errors ({len(errors)} in {counts.error} rows; those rows are left out):")
        for error in errors[:20]:
            print(f"  {_cell_line(error)}")
        if len(errors) > 20:
            print(f"  … and {len(errors) - 20} more")
    updates = [r for r in preview.rows if r.kind == "update" and r.duplicate_of is None]
    if updates:
        print("Updates:")
        for row in updates[:20]:
            for d in row.differences:
                print(f"  row {row.row_number} {row.name}: {d.field}: {d.current!r} → {d.incoming!r}")
        if len(updates) > 20:
            print(f"  … and {len(updates) - 20} more rows")
    for row in preview.rows:
        if row.duplicate_of is not None and row.kind != "error":
            print(f"Duplicate: row {row.row_number} ({row.name}) repeats row {row.duplicate_of}; left out.")
    if preview.missing_since_last:
        print("No longer on this list since its last import (nothing was deleted; contract ended? moved?):")
        for m in preview.missing_since_last:
            print(f"  {m.name} (#{m.party_id})")


def cmd_import(args: argparse.Namespace) -> int:
    from calmi_vendors.services import importing

    register = _open(args)
    try:
        preview = importing.preview_import(
            register.unit_of_work(),
            args.file.absolute(),
            sheet=args.sheet,
            header_row=args.header_row,
            profile=args.profile,
            source_name=args.source,
        )
        refused = bool(preview.error_rows) and not args.skip_errors
        result = None
        if not args.dry_run and not refused:
            result = importing.apply_import(register.unit_of_work(), preview)
    finally:
        register.close()
    if args.json:
        report = _import_json(preview, result, dry_run=args.dry_run, refused=refused)
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_import(preview, result, dry_run=args.dry_run, refused=refused)
    if not refused:
        return EXIT_OK
    errors = preview.errors
    for error in errors[:100]:
        print(f"{__app_id__}: error: {_cell_line(error)}", file=sys.stderr)
    if len(errors) > 100:
        print(f"{__app_id__}: error: … and {len(errors) - 100} more errors", file=sys.stderr)
    bad = len(preview.error_rows)
    good = preview.counts.new + preview.counts.update
    print(
        f"{__app_id__}: error: {preview.file_name} was not imported: {bad} row(s) have errors. Correct them, "
        f"or run again with --skip-errors to import the other rows ({good} new or updated).",
        file=sys.stderr,
    )
    return EXIT_ERROR


def cmd_export(args: argparse.Namespace) -> int:
    from calmi_vendors.services import reference
    from calmi_vendors.services.export import export_rows
    from calmi_vendors.services.register_view import load_register_rows

    suffix = args.file.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise CalmiError(f"Export to .xlsx or .csv, not {suffix or 'a file without extension'}.")
    if args.encoding and suffix != ".csv":
        raise CalmiError("--encoding applies to CSV files; an .xlsx file needs none.")
    register = _open(args, migrate=False)
    try:
        rows = load_register_rows(register.unit_of_work(readonly=True))
        functions = reference.business_functions(register.unit_of_work(readonly=True))
    finally:
        register.close()
    names = {f.key: f.name(args.lang) for f in functions}
    encoding = "cp932" if args.encoding == "cp932" else "utf-8-sig"
    count = export_rows(rows, args.file, function_names=names, encoding=encoding)
    print(f"Exported {count} part{'y' if count == 1 else 'ies'} to {args.file}")
    return EXIT_OK


def cmd_undo_import(args: argparse.Namespace) -> int:
    from calmi_vendors.services.importing import undo_last_import

    register = _open(args, migrate=False)
    try:
        result = undo_last_import(register.unit_of_work(), args.source)
    finally:
        register.close()
    print(
        f"Undid import #{result.batch_id} of {result.file_name} (source {result.source_name!r}): "
        f"removed {len(result.deleted)} part{'y' if len(result.deleted) == 1 else 'ies'} it created, "
        f"restored {result.restored_fields} field(s) on {len(result.restored_parties)} part"
        f"{'y' if len(result.restored_parties) == 1 else 'ies'}."
    )
    return EXIT_OK


def cmd_screenshot(args: argparse.Namespace) -> int:
    from calmi_vendors.ui.screenshot import take_screenshot

    out = take_screenshot(args.db, args.view, args.out, language=args.lang, size=args.size, today=args.today)
    print(f"Screenshot written to {out}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    register = _open(args, migrate=False)
    try:
        return run_report(args, register)
    finally:
        register.close()


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
    "import": cmd_import,
    "export": cmd_export,
    "undo-import": cmd_undo_import,
    "report": cmd_report,
    **ASSESSMENT_COMMANDS,
    **SERVER_COMMANDS,
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
