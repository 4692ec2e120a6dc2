"""Portfolio supervision report for N parties, against a bare reportlab LongTable of the same rows.

Run: `/work/venv/bin/python bench/report_bench.py [--parties 10000] [--gaps]`. Both PDFs are built in the
same run with the same font (the shipped IPAexGothic) on the same paper; the target of issue 6 is a
report at most 1.5× the baseline's time. `--gaps` also times the clause gap report (no baseline).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

TODAY = date(2026, 4, 1)
STAMP = "2026-01-01 00:00:00.000000"


def fill(path: Path, parties: int) -> None:
    """Bulk rows through the driver (a benchmark's data, not a test fixture): parties, audits, findings,
    contracts and their clause coverage."""
    from calmi_vendors.services.opening import open_for_use

    open_for_use(str(path)).close()
    rng = random.Random(6)
    prefixes = [
        "さくら",
        "北斗",
        "双葉",
        "青空",
        "日の出",
        "みなと",
        "Acme",
        "Northwind",
        "Bluebird",
        "Harbor",
    ]
    words = ["情報サービス", "ロジスティクス", "コールセンター", "Data Services", "Billing", "Cloud"]
    statuses = ["candidate", "under_assessment", "approved", "active", "active", "active", "suspended"]
    rows = []
    for i in range(parties):
        name = f"{rng.choice(prefixes)}{rng.choice(words)} {i:06d}"
        next_due = TODAY + timedelta(days=rng.randrange(-120, 700))
        rows.append(
            (name, name.lower(), f"{rng.randrange(10**12, 10**13)}", "JP", rng.choice(statuses),
             rng.choice(["high", "medium", "low"]), next_due.isoformat(), STAMP, STAMP)
        )  # fmt: skip
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO entrusted_party (name, name_key, corporate_number, country, status, tier,"
        " next_audit_due, created_at, updated_at, reentrustment_allowed, version)"
        " VALUES (?,?,?,?,?,?,?,?,?,0,1)",
        rows,
    )
    audits = [
        (pid, (TODAY - timedelta(days=rng.randrange(1, 700))).isoformat())
        for pid in range(1, parties + 1)
        if pid % 3 == 0
    ]
    conn.executemany(
        "INSERT INTO supervision_audit (party_id, method, status, performed_on, version, created_at,"
        " updated_at) VALUES (?, 'remote', 'completed', ?, 1, ?, ?)",
        [(pid, day, STAMP, STAMP) for pid, day in audits],
    )
    severities = ["critical", "major", "minor", "observation"]
    findings = []
    for audit_id, (pid, _) in enumerate(audits, start=1):
        for n in range(rng.randrange(0, 4) if pid % 2 else 0):
            due = (TODAY + timedelta(days=rng.randrange(-60, 120))).isoformat()
            findings.append((audit_id, pid, f"指摘 {pid}-{n}", rng.choice(severities), due, STAMP, STAMP))
    conn.executemany(
        "INSERT INTO finding (audit_id, party_id, title, severity, status, due_on, version, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, 'open', ?, 1, ?, ?)",
        findings,
    )
    contract_parties = [pid for pid in range(1, parties + 1) if pid % 3 == 1]
    conn.executemany(
        "INSERT INTO consignment_contract (party_id, title, status, auto_renewal, reentrustment_allowed,"
        " version, created_at, updated_at) VALUES (?, ?, 'active', 0, 0, 1, ?, ?)",
        [(pid, f"業務委託契約書 {pid}", STAMP, STAMP) for pid in contract_parties],
    )
    conn.execute(
        "INSERT INTO clause_coverage (contract_id, requirement_id, coverage)"
        " SELECT c.id, r.id, CASE (c.id + r.id) % 7 WHEN 0 THEN 'missing' WHEN 1 THEN 'partial'"
        " ELSE 'present' END FROM consignment_contract c CROSS JOIN clause_requirement r"
    )
    conn.commit()
    conn.close()


def baseline(rows: list[list[Any]], widths: list[float], pagesize: tuple[float, float]) -> tuple[float, int]:
    """A bare LongTable of the same rows: same font and size, fixed widths, repeated header, no styling."""
    from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

    from calmi_vendors.reports.document import register_fonts

    font = register_fonts()
    out = io.BytesIO()
    started = time.perf_counter()
    doc = SimpleDocTemplate(out, pagesize=pagesize, invariant=1)
    style = TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8)])
    doc.build([LongTable(rows, colWidths=widths, repeatRows=1, style=style)])
    return time.perf_counter() - started, doc.page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parties", type=int, default=10_000)
    parser.add_argument("--gaps", action="store_true", help="also time the clause gap report")
    args = parser.parse_args()
    from reportlab.lib.pagesizes import A4, landscape

    from calmi_vendors.reports.document import ReportDocument, ReportOptions
    from calmi_vendors.reports.portfolio_report import _Portfolio, build_portfolio_report, say
    from calmi_vendors.services.opening import open_for_use
    from calmi_vendors.services.portfolio_report import gap_report_data, portfolio_report_data

    with tempfile.TemporaryDirectory() as folder:
        os.environ["CALMI_VENDORS_DATA_DIR"] = folder
        path = Path(folder) / "bench.sqlite3"
        started = time.perf_counter()
        fill(path, args.parties)
        print(f"filled {args.parties:,} parties in {time.perf_counter() - started:.1f} s")
        register = open_for_use(str(path))
        started = time.perf_counter()
        data = portfolio_report_data(register.unit_of_work(readonly=True), TODAY)
        gathered = time.perf_counter() - started
        as_of = datetime(2026, 4, 1, 9, 0, tzinfo=timezone(timedelta(hours=9)))
        options = ReportOptions(language="ja", company_name="カルミ株式会社", as_of=as_of)
        # The baseline gets exactly the strings and column widths the report's party table prints.
        scratch = ReportDocument(io.BytesIO(), options, title="x", subject="x")
        story = _Portfolio(data, scratch)
        widths = story.column_widths(scratch.landscape_width)
        keys = ("h_name", "h_number", "h_tier", "h_status", "h_last", "h_next", "h_overdue", "h_findings")
        header = [say(k, "ja") for k in (*keys, "h_gaps")]
        overdue = say("overdue", "ja")
        rows: list[list[Any]] = [list(header)]
        rows += [story.row(p, overdue) for p in data.parties]
        base_seconds, base_pages = baseline(rows, widths, landscape(A4))
        out = io.BytesIO()
        started = time.perf_counter()
        pages = build_portfolio_report(data, options, out)
        report_seconds = time.perf_counter() - started
        base_seconds_2, _ = baseline(rows, widths, landscape(A4))  # again, after: fair to a warm process
        gap_line = ""
        if args.gaps:
            from calmi_vendors.reports.gap_report import build_gap_report

            started = time.perf_counter()
            gaps = gap_report_data(register.unit_of_work(readonly=True), TODAY)
            gap_data = time.perf_counter() - started
            started = time.perf_counter()
            gap_pages = build_gap_report(gaps, options, io.BytesIO())
            gap_line = (
                f"clause gap report: {len(gaps.rows):,} contracts, {len(gaps.gaps):,} gaps: data "
                f"{gap_data:.2f} s, build {time.perf_counter() - started:.1f} s, {gap_pages} pages"
            )
        register.close()
    base = min(base_seconds, base_seconds_2)
    ratio = report_seconds / base
    print(f"portfolio data for {len(data.parties):,} parties gathered in {gathered:.2f} s")
    print(f"baseline bare LongTable      {base:7.2f} s  {base_pages:4d} pages (runs: {base_seconds:.2f}, "
          f"{base_seconds_2:.2f})")  # fmt: skip
    size = len(out.getvalue())
    print(f"portfolio report (full)      {report_seconds:7.2f} s  {pages:4d} pages, {size:,} bytes")
    print(f"ratio {ratio:.2f}x ({'meets' if ratio <= 1.5 else 'MISSES'} ≤1.5x)")
    if gap_line:
        print(gap_line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
