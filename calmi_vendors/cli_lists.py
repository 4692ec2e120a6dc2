"""`calmi-vendors list …`: parties, audits, gaps and findings as aligned tables or JSON with stable keys."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from unicodedata import east_asian_width

from calmi_vendors.errors import ValidationError
from calmi_vendors.store.register import Register

WHAT = ("parties", "audits", "gaps", "findings")
PARTY_COLUMNS = ["id", "name", "corporate_number", "status", "tier", "next_audit_due"]


def _moment(text: str) -> datetime:
    """An ISO date or date and time; without a zone it is local time, a date alone its 00:00."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date or time (e.g. 2025-04-01T09:00)") from exc
    # Kept in the zone the user gave, so the listing names the moment as they wrote it.
    return moment if moment.tzinfo is not None else moment.astimezone()


def add_list_parser(commands: Any) -> None:
    listing = commands.add_parser("list", help="list records (use --json for other tools)")
    listing.add_argument("what", choices=WHAT)
    listing.add_argument("--json", action="store_true", help="print a JSON array of objects")
    listing.add_argument("--tier", choices=["high", "medium", "low"], help="parties: only this risk tier")
    listing.add_argument("--status", help="parties: only this lifecycle status (e.g. active)")
    listing.add_argument("--due", action="store_true", help="audits: only planned audits that are due")
    listing.add_argument(
        "--within", type=int, default=0, metavar="DAYS", help="audits with --due: due within DAYS"
    )
    listing.add_argument("--open", action="store_true", help="findings: only open ones")
    listing.add_argument(
        "--today", type=date.fromisoformat, help="the date 'due' is counted from (default today)"
    )
    listing.add_argument(
        "--as-of",
        type=_moment,
        metavar="DATETIME",
        help="parties: the register as it stood then, rebuilt from the change history "
        "(e.g. 2025-04-01T09:00+09:00; local time without a zone; clause gaps are not rebuilt)",
    )


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def rows_for(register: Register, args: argparse.Namespace) -> tuple[list[dict[str, Any]], list[str]]:
    """The records asked for, as dicts with stable keys, and the columns a table shows."""
    from calmi_vendors.services import portfolio
    from calmi_vendors.services.register_view import load_register_rows

    uow = register.unit_of_work
    today = args.today or date.today()
    as_of: datetime | None = getattr(args, "as_of", None)
    if as_of is not None and args.what != "parties":
        raise ValidationError("--as-of applies to `list parties` only.", field="as_of")
    if as_of is not None:
        return _parties_as_of(register, args, as_of), PARTY_COLUMNS
    if args.what == "parties":
        statuses = {args.status} if args.status else None
        rows = [
            {
                "id": r.id,
                "name": r.name,
                "corporate_number": r.corporate_number,
                "status": r.status.value,
                "tier": r.tier.value if r.tier else None,
                "next_audit_due": _plain(r.next_audit_due),
                "country": r.country,
                "parent_id": r.parent_id,
                "open_findings": r.open_findings,
                "clause_gaps": r.clause_gaps,
            }
            for r in load_register_rows(uow(readonly=True))
            if (args.tier is None or (r.tier and r.tier.value == args.tier))
            and (statuses is None or r.status.value in statuses)
        ]
        return rows, PARTY_COLUMNS
    if args.what == "audits":
        audits = portfolio.list_audits(
            uow(readonly=True), due_within=args.within if args.due else None, today=today
        )
        rows = [
            {
                "id": a.id,
                "party_id": a.party_id,
                "party_name": a.party_name,
                "method": a.method.value,
                "status": a.status.value,
                "planned_on": _plain(a.planned_on),
                "performed_on": _plain(a.performed_on),
                "auditor": a.auditor,
                "overdue": bool(a.status.value == "planned" and a.planned_on and a.planned_on < today),
            }
            for a in audits
        ]
        return rows, ["id", "party_name", "method", "status", "planned_on", "overdue"]
    if args.what == "gaps":
        rows = [
            {
                "id": n + 1,
                "contract_id": g.contract_id,
                "party_id": g.party_id,
                "party_name": g.party_name,
                "requirement": g.requirement_key,
                "title": g.title_en,
                "coverage": g.coverage.value,
            }
            for n, g in enumerate(portfolio.list_gaps(uow(readonly=True)))
        ]
        return rows, ["contract_id", "party_name", "requirement", "coverage"]
    rows = [
        {
            "id": f.id,
            "party_id": f.party_id,
            "party_name": f.party_name,
            "audit_id": f.audit_id,
            "title": f.title,
            "severity": f.severity.value,
            "status": f.status.value,
            "owner": f.owner,
            "due_on": _plain(f.due_on),
        }
        for f in portfolio.list_findings(uow(readonly=True), open_only=args.open)
    ]
    return rows, ["id", "party_name", "severity", "status", "due_on", "title"]


def _parties_as_of(register: Register, args: argparse.Namespace, moment: datetime) -> list[dict[str, Any]]:
    """The parties as they stood at `moment`, with the keys of the present-day listing."""
    from calmi_vendors.services.as_of import parties_as_of

    return [
        {
            "id": p.id,
            "name": p.name,
            "corporate_number": p.corporate_number,
            "status": p.status.value,
            "tier": p.tier.value if p.tier else None,
            "next_audit_due": _plain(p.next_audit_due),
            "country": p.country,
            "parent_id": p.parent_id,
            "open_findings": p.open_findings,
            # Clause coverage is not rebuilt from the history: unknown, not zero.
            "clause_gaps": None,
        }
        for p in parties_as_of(register.unit_of_work(readonly=True), moment)
        if (args.tier is None or (p.tier and p.tier.value == args.tier))
        and (args.status is None or p.status.value == args.status)
    ]


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """An aligned plain-text table (East Asian wide characters count double)."""

    def width(text: str) -> int:
        return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)

    cells = [["" if r.get(c) is None else str(r[c]) for c in columns] for r in rows]
    widths = [max([width(c), *(width(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    print("  ".join(c.upper() + " " * (w - width(c)) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(v + " " * (w - width(v)) for v, w in zip(row, widths, strict=True)).rstrip())


def run_list(register: Register, args: argparse.Namespace) -> None:
    rows, columns = rows_for(register, args)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if getattr(args, "as_of", None) is not None:
        moment = args.as_of.isoformat(sep=" ", timespec="minutes")
        print(f"The register as of {moment}, from the change history:")
    print_table(rows, columns)
