"""Query times of a full register at 10,000 and 100,000 parties, on SQLite and PostgreSQL (issue 7, item 9).

Run: `/work/venv/bin/python bench/load_bench.py [--sizes 10000 100000] [--pg postgresql+psycopg://…]
[--no-sqlite]`. Per party the register holds 3 clause coverage rows (15 per contract), 0.5 audits,
0.1 findings and 2 change-history rows: 100,000 parties bring 300,000 clause rows, 50,000 audits and
200,000 history rows. Rows go in through bulk Core inserts. Each query is timed best-of-3 and printed
per size, with its growth from the smallest size to the largest; a plain driver query over the same
rows (measured in the same run) is the baseline: paged views should grow close to 1x, full loads at
most as the data does.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

TODAY = date(2026, 6, 1)
CHUNK = 10_000
HISTORY_PER_PARTY = 2
AUDITS_PER_PARTY = 0.5
FINDINGS_PER_PARTY = 0.1
CONTRACT_SHARE = 0.2  # 15 clause rows each: 3 clause rows per party

Timer = Callable[[], object]


def best_of(runs: int, func: Timer) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times)


def _insert(
    conn: sa.Connection, table: sa.Table, rows: Iterator[dict[str, Any]] | list[dict[str, Any]]
) -> int:
    batch: list[dict[str, Any]] = []
    count = 0
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            conn.execute(sa.insert(table), batch)
            count += len(batch)
            batch = []
    if batch:
        conn.execute(sa.insert(table), batch)
        count += len(batch)
    return count


def fill(engine: sa.Engine, parties: int, seed: int = 9) -> dict[str, int]:
    """Bulk rows through Core: a benchmark's data, not a test fixture (the services are too slow for it)."""
    from calmi_vendors.domain.corporate_number import make_corporate_number
    from calmi_vendors.domain.enums import ChangeAction
    from calmi_vendors.store import history
    from calmi_vendors.store.base import Base

    t = Base.metadata.tables
    rng = random.Random(seed)
    now = datetime(2026, 1, 1, tzinfo=UTC)
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
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        first = int(
            conn.execute(sa.select(sa.func.coalesce(sa.func.max(t["entrusted_party"].c.id), 0))).scalar_one()
        )
        requirement_ids = list(conn.execute(sa.select(t["clause_requirement"].c.id)).scalars())
        function_ids = list(conn.execute(sa.select(t["business_function"].c.id)).scalars())

        def party_rows() -> Iterator[dict[str, Any]]:
            for i in range(parties):
                name = f"{rng.choice(prefixes)}{rng.choice(words)} {i:06d}"
                yield {
                    "id": first + 1 + i,
                    "name": name,
                    "name_key": name.lower(),
                    "corporate_number": make_corporate_number(f"{100_000_000_000 + i:012d}"),
                    "country": "JP",
                    "processing_country": rng.choice([None, None, None, "SG", "US"]),
                    "status": rng.choice(statuses),
                    "tier": rng.choice(["high", "medium", "low"]),
                    "next_audit_due": TODAY + timedelta(days=rng.randrange(-200, 700)),
                    "reentrustment_allowed": rng.random() < 0.2,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }

        ids = range(first + 1, first + 1 + parties)
        counts["parties"] = _insert(conn, t["entrusted_party"], party_rows())
        _insert(
            conn,
            t["party_business_function"],
            ({"party_id": pid, "business_function_id": function_ids[pid % len(function_ids)]} for pid in ids),
        )
        contracts = int(parties * CONTRACT_SHARE)
        contract_parties = rng.sample(list(ids), contracts)
        first_contract = int(
            conn.execute(
                sa.select(sa.func.coalesce(sa.func.max(t["consignment_contract"].c.id), 0))
            ).scalar_one()
        )
        counts["contracts"] = _insert(
            conn,
            t["consignment_contract"],
            (
                {
                    "id": first_contract + 1 + n,
                    "party_id": pid,
                    "title": "業務委託契約書",
                    "status": rng.choice(["active", "active", "draft", "expired"]),
                    "expires_on": TODAY + timedelta(days=rng.randrange(-100, 900)),
                    "auto_renewal": False,
                    "reentrustment_allowed": False,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for n, pid in enumerate(contract_parties)
            ),
        )
        counts["clause rows"] = _insert(
            conn,
            t["clause_coverage"],
            (
                {
                    "contract_id": first_contract + 1 + n,
                    "requirement_id": rid,
                    "coverage": rng.choice(["present", "present", "present", "partial", "missing"]),
                }
                for n in range(contracts)
                for rid in requirement_ids
            ),
        )
        audits = int(parties * AUDITS_PER_PARTY)
        first_audit = int(
            conn.execute(
                sa.select(sa.func.coalesce(sa.func.max(t["supervision_audit"].c.id), 0))
            ).scalar_one()
        )
        audit_party = [rng.choice(ids) for _ in range(audits)]

        def audit_rows() -> Iterator[dict[str, Any]]:
            for n, pid in enumerate(audit_party):
                done = rng.random() < 0.7
                day = TODAY + timedelta(days=rng.randrange(-500, 200))
                yield {
                    "id": first_audit + 1 + n,
                    "party_id": pid,
                    "method": rng.choice(["on_site", "remote", "document_review"]),
                    "status": "completed" if done else "planned",
                    "planned_on": day,
                    "performed_on": day if done else None,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }

        counts["audits"] = _insert(conn, t["supervision_audit"], audit_rows())
        counts["findings"] = _insert(
            conn,
            t["finding"],
            (
                {
                    "audit_id": first_audit + 1 + n,
                    "party_id": audit_party[n],
                    "title": "アクセスログの保管期間が不足",
                    "severity": rng.choice(["critical", "major", "minor", "observation"]),
                    "status": rng.choice(["open", "in_progress", "closed", "verified"]),
                    "due_on": TODAY + timedelta(days=rng.randrange(-60, 120)),
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for n in rng.sample(range(audits), int(parties * FINDINGS_PER_PARTY))
            ),
        )
        changes = [
            history.PendingChange(ChangeAction.UPDATE, "entrusted_party", pid, "notes", None, f"note {k}")
            for pid in ids
            for k in range(HISTORY_PER_PARTY)
        ]
        for start in range(0, len(changes), CHUNK):
            # write_changes extends the real hash chain, so `check` would pass on this register.
            history.write_changes(conn, changes[start : start + CHUNK], actor="bench")
        counts["history rows"] = len(changes)
    return counts


@contextmanager
def sqlite_location(folder: Path, parties: int) -> Iterator[str]:
    yield str(folder / f"load-{parties}.sqlite3")


@contextmanager
def pg_location(base_url: str, parties: int) -> Iterator[str]:
    url = sa.make_url(base_url)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    name = f"calmi_load_{parties}_{uuid.uuid4().hex[:6]}"
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def measure(location: str, parties: int) -> tuple[dict[str, int], dict[str, float], float]:
    """Fill a new register at `location` and time the queries; returns counts, times and fill seconds."""
    from calmi_vendors.services import parties as party_service
    from calmi_vendors.services import portfolio
    from calmi_vendors.services.dashboard import build_dashboard
    from calmi_vendors.services.opening import open_for_use
    from calmi_vendors.services.register_view import load_register_rows

    register = open_for_use(location)
    started = time.perf_counter()
    counts = fill(register.engine, parties)
    filled = time.perf_counter() - started
    if register.is_sqlite:
        with register.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    else:
        with register.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    uow = register.unit_of_work
    middle = parties // 2
    rows = load_register_rows(uow(readonly=True))
    with register.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None

        def driver(sql: str) -> Timer:
            def run() -> object:
                cursor = raw.cursor()
                cursor.execute(sql)
                return cursor.fetchall()

            return run

        timers: dict[str, Timer] = {
            "baseline: 100 names by name (driver)": driver(
                "SELECT id, name, status, tier FROM entrusted_party ORDER BY name LIMIT 100"
            ),
            "baseline: every party row (driver)": driver(
                "SELECT id, name, status, tier, next_audit_due FROM entrusted_party"
            ),
        }
        times = {label: best_of(3, func) for label, func in timers.items()}
    service_timers: dict[str, Timer] = {
        "register: first page (100 by name)": lambda: load_register_rows(
            uow(readonly=True), first_by_name=100
        ),
        "register: every row": lambda: load_register_rows(uow(readonly=True)),
        "dashboard (from loaded rows)": lambda: build_dashboard(uow(readonly=True), rows, today=TODAY),
        "dashboard incl. loading rows": lambda: build_dashboard(
            uow(readonly=True), load_register_rows(uow(readonly=True)), today=TODAY
        ),
        "open one party": lambda: party_service.get_party(uow(readonly=True), middle),
        "list clause gaps": lambda: portfolio.list_gaps(uow(readonly=True)),
        "list open findings": lambda: portfolio.list_findings(uow(readonly=True), open_only=True),
        "list audits due in 30 days": lambda: portfolio.list_audits(
            uow(readonly=True), due_within=30, today=TODAY
        ),
    }
    for label, func in service_timers.items():
        times[label] = best_of(3, func)
    register.close()
    return counts, times, filled


def report(backend: str, sizes: Sequence[int], results: dict[int, dict[str, float]]) -> None:
    small, large = sizes[0], sizes[-1]
    data_growth = large / small
    print(
        f"\n{backend}: query times (best of 3), growth {small:,} → {large:,} parties (data ×{data_growth:g})"
    )
    header = f"{'query':<40}" + "".join(f"{f'{n:,}':>12}" for n in sizes) + f"{'growth':>10}"
    print(header)
    print("-" * len(header))
    for label in results[small]:
        cells = "".join(f"{results[n][label] * 1000:10.1f}ms" for n in sizes)
        growth = results[large][label] / results[small][label] if results[small][label] else float("inf")
        print(f"{label:<40}{cells}{growth:9.1f}x")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="numbers of parties")
    parser.add_argument(
        "--pg", metavar="URL", help="also run on this PostgreSQL server (a database is created)"
    )
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite runs")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    backends: list[tuple[str, Callable[[int], Any]]] = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CALMI_VENDORS_DATA_DIR"] = str(Path(folder) / "userdata")
        if not args.no_sqlite:
            backends.append(("SQLite", lambda n: sqlite_location(Path(folder), n)))
        if args.pg:
            backends.append(("PostgreSQL", lambda n: pg_location(args.pg, n)))
        for backend, location_for in backends:
            results: dict[int, dict[str, float]] = {}
            for size in sizes:
                with location_for(size) as location:
                    counts, times, filled = measure(location, size)
                listed = ", ".join(f"{v:,} {k}" for k, v in counts.items())
                print(f"{backend} {size:,}: filled in {filled:.1f} s ({listed})", flush=True)
                results[size] = times
            report(backend, sizes, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
