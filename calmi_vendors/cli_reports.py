"""`calmi-vendors report …`: the PDF reports, the same ones the GUI's Reports view makes."""

from __future__ import annotations

import argparse
import locale
from datetime import datetime
from pathlib import Path
from typing import Any

from calmi_vendors.errors import ValidationError

KINDS = ("dossier", "audit", "portfolio", "gaps", "program")


def _as_of(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date or time: {value!r}") from exc
    return moment


def default_language() -> str:
    """Japanese on a Japanese system, English elsewhere (as the GUI chooses)."""
    name = locale.getlocale()[0] or ""
    return "ja" if name.lower().startswith("ja") else "en"


def add_report_parser(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="write a PDF report",
        description=(
            "dossier PARTY (id or corporate number) | audit AUDIT_ID | portfolio | gaps | "
            "program FISCAL_YEAR (e.g. 2026 for April 2026 – March 2027)"
        ),
    )
    report.add_argument("kind", choices=KINDS)
    report.add_argument("subject", nargs="?", help="the party, audit or fiscal year the report is about")
    report.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    report.add_argument("--lang", choices=["ja", "en"], help="report language (default: the system's)")
    report.add_argument("--paper", choices=["A4", "Letter"], help="paper size (default: the register's)")
    report.add_argument(
        "--as-of",
        type=_as_of,
        help="the data's as-of time printed on the report (default: now); fixed → identical bytes",
    )


def _subject(register: Any, kind: str, raw: str | None) -> int | None:
    from calmi_vendors.services.reporting import SUBJECT_OF, ReportKind

    need = SUBJECT_OF[ReportKind(kind)]
    if need is None:
        if raw is not None:
            raise ValidationError(
                f"The {kind} report covers the whole register; drop {raw!r}.", field="subject"
            )
        return None
    if raw is None:
        raise ValidationError(
            f"Say which {need.replace('_', ' ')} the {kind} report is about.", field="subject"
        )
    text = raw.strip()
    if need == "party" and len(text) == 13 and text.isdigit():
        from calmi_vendors.services.parties import find_by_corporate_number

        found = find_by_corporate_number(register.unit_of_work(readonly=True), text)
        if found is None:
            raise ValidationError(f"No entrusted party has corporate number {text}.", field="subject")
        return found
    try:
        return int(text)
    except ValueError:
        raise ValidationError(f"{raw!r} is not a {need.replace('_', ' ')} number.", field="subject") from None


def run_report(args: argparse.Namespace, register: Any) -> int:
    from calmi_vendors.services.reporting import ReportKind, ReportRequest, make_report

    request = ReportRequest(
        kind=ReportKind(args.kind),
        subject=_subject(register, args.kind, args.subject),
        language=args.lang or default_language(),
        page_size=args.paper,
        as_of=args.as_of,
    )
    result = make_report(register, request, args.out)
    print(f"Report written to {result.path} ({result.pages} pages)")
    return 0
