"""`calmi-vendors questionnaire export|import …` and `calmi-vendors reminders`: aligned tables or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from calmi_vendors.__about__ import __app_id__
from calmi_vendors.cli_lists import print_table

EXIT_OK = 0
EXIT_ERROR = 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def _id(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an assessment number (1, 2, …)")
    return int(text)


def add_parsers(commands: Any) -> None:
    """Add the `questionnaire` and `reminders` sub-commands to the main parser's sub-parsers."""
    questionnaire = commands.add_parser(
        "questionnaire", help="send an assessment's questionnaire as .xlsx and import the answers back"
    )
    actions = questionnaire.add_subparsers(dest="questionnaire_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the questionnaire for the party to fill in")
    export.add_argument("assessment_id", type=_id, help="the assessment's number")
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="the .xlsx file to write")
    export.add_argument(
        "--lang", choices=["ja", "en"], default="ja", help="language of the file (default ja)"
    )
    export.add_argument("--due", type=_date, metavar="DATE", help="the date the party should answer by")
    export.add_argument("--today", type=_date, help="the issue date printed on the cover (default today)")
    answers = actions.add_parser(
        "import", help="import a filled-in questionnaire: every answer is checked; all are stored, or none"
    )
    answers.add_argument("assessment_id", type=_id, help="the assessment's number")
    answers.add_argument("file", type=Path, help="the returned questionnaire (.xlsx, .ods …)")
    answers.add_argument("--json", action="store_true", help="print the report as JSON")

    reminders = commands.add_parser(
        "reminders", help="contracts, certificates, audits and findings whose date is near or past"
    )
    reminders.add_argument("--json", action="store_true", help="print a JSON array of objects")
    reminders.add_argument("--today", type=_date, help="the date days are counted from (default today)")


def _open(args: argparse.Namespace) -> Any:
    from calmi_vendors.services.opening import open_for_use

    return open_for_use(args.db, create=False)


def cmd_questionnaire(args: argparse.Namespace) -> int:
    if args.questionnaire_action == "export":
        return _export(args)
    return _import(args)


def _export(args: argparse.Namespace) -> int:
    from calmi_vendors.services.assessment_exchange import export_questionnaire

    register = _open(args)
    try:
        done = export_questionnaire(
            register.unit_of_work(readonly=True),
            args.assessment_id,
            args.out,
            args.lang,
            due_on=args.due,
            today=args.today,
        )
    finally:
        register.close()
    print(
        f"Questionnaire of assessment #{done.assessment_id} written to {done.path} ({done.language}, "
        f"{done.questions} questions, {done.answered} already answered)"
    )
    return EXIT_OK


def _cell_line(error: Any) -> str:
    return f"{error.sheet}!{error.cell}: {error.reason}"


def import_report_json(report: Any) -> dict[str, Any]:
    """The import report with stable keys."""
    return {
        "assessment_id": report.assessment_id,
        "file": report.file_name,
        "applied": report.applied,
        "changed": list(report.changed),
        "unchanged": report.unchanged,
        "kept": list(report.kept),
        "unanswered": list(report.unanswered),
        "score": report.score,
        "max_score": report.max_score,
        "result": report.result.value if report.result else None,
        "failed_must_pass": list(report.failed_must_pass),
        "warnings": list(report.warnings),
        "errors": [
            {
                "sheet": e.sheet,
                "row": e.row,
                "column": e.column,
                "cell": e.cell,
                "header": e.header,
                "question": e.field,
                "kind": e.kind,
                "reason": e.reason,
                "message": e.message,
            }
            for e in report.errors
        ],
    }


def _import(args: argparse.Namespace) -> int:
    from calmi_vendors.services.assessment_exchange import import_answers

    register = _open(args)
    try:
        report = import_answers(register.unit_of_work(), args.assessment_id, args.file.absolute())
    finally:
        register.close()
    if args.json:
        print(json.dumps(import_report_json(report), ensure_ascii=False, indent=2))
    elif report.applied:
        print(
            f"Imported {report.file_name} into assessment #{report.assessment_id}: "
            f"{len(report.changed)} answer(s) changed, {report.unchanged} unchanged"
        )
        if report.kept:
            print(
                f"  kept the register's answer for {len(report.kept)} question(s) changed in the app since "
                f"the export: {', '.join(report.kept)}"
            )
        share = (
            f" ({report.score / report.max_score:.0%})"
            if report.max_score and report.score is not None
            else ""
        )
        result = report.result.value if report.result else "-"
        print(f"  score so far: {report.score:g} of {report.max_score:g}{share}; if completed now: {result}")
        if report.failed_must_pass:
            print(f"  must-pass (必須) questions not met: {', '.join(report.failed_must_pass)}")
        if report.unanswered:
            print(f"  unanswered: {len(report.unanswered)} question(s)")
        for warning in report.warnings:
            print(f"  {warning}")
    if report.applied:
        return EXIT_OK
    for error in report.errors[:100]:
        print(f"{__app_id__}: error: {_cell_line(error)}", file=sys.stderr)
    if len(report.errors) > 100:
        print(f"{__app_id__}: error: … and {len(report.errors) - 100} more errors", file=sys.stderr)
    print(
        f"{__app_id__}: error: {report.file_name} was not imported: {len(report.errors)} problem(s); "
        "no answer was changed. Correct the file and import it again.",
        file=sys.stderr,
    )
    return EXIT_ERROR


def reminder_rows(reminders: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": f"{r.kind.value}:{r.record_id}",
            "kind": r.kind.value,
            "level": r.level.value,
            "due_on": r.due_on.isoformat(),
            "days_left": r.days_left,
            "offset": r.offset,
            "party_id": r.party_id,
            "party_name": r.party_name,
            "record_id": r.record_id,
            "title": r.title,
        }
        for r in reminders
    ]


def cmd_reminders(args: argparse.Namespace) -> int:
    from calmi_vendors.services.reminders import reminders

    register = _open(args)
    try:
        found = reminders(register.unit_of_work(readonly=True), args.today or date.today())
    finally:
        register.close()
    rows = reminder_rows(found)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print_table(rows, ["due_on", "days_left", "level", "kind", "party_name", "record_id", "title"])
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "questionnaire": cmd_questionnaire,
    "reminders": cmd_reminders,
}
