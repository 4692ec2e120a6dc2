"""The command line as a user runs it: real processes, exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "calmi_vendors", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        check=False,
    )


def test_version_and_help_work_without_a_register() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert "calmi-vendors" in result.stdout
    assert "demo" in run_cli("--help").stdout


def test_migrate_check_backup_and_restore_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    migrate = run_cli("--db", str(db), "migrate")
    assert migrate.returncode == 0, migrate.stderr
    assert "Created a new register" in migrate.stdout
    assert "up to date" in run_cli("--db", str(db), "migrate").stdout
    check = run_cli("--db", str(db), "check", "--json")
    assert check.returncode == 0, check.stderr
    report = json.loads(check.stdout)
    assert report["ok"] is True
    assert report["problems"] == []
    backup = run_cli("--db", str(db), "backup", str(tmp_path / "copy.sqlite3"))
    assert backup.returncode == 0, backup.stderr
    restore = run_cli("--db", str(db), "restore", str(tmp_path / "copy.sqlite3"))
    assert restore.returncode == 0, restore.stderr
    assert "previous content" in restore.stdout


def test_the_register_location_comes_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "from-env.sqlite3"
    result = run_cli("migrate", env={"CALMI_VENDORS_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just text\n", "not a SQLite database"),
        (b"", "run `calmi-vendors migrate`"),
    ],
)
def test_user_errors_are_one_line_without_traceback(
    tmp_path: Path, content: bytes, message: str | None
) -> None:
    db = tmp_path / "thing.sqlite3"
    db.write_bytes(content)
    result = run_cli("--db", str(db), "check")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]


def test_check_does_not_create_a_register_where_there_is_none(tmp_path: Path) -> None:
    db = tmp_path / "typo.sqlite3"
    result = run_cli("--db", str(db), "check")
    assert result.returncode == 2
    assert "There is no register" in result.stderr
    assert not db.exists()


def test_restore_of_a_missing_file_says_so(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    result = run_cli("--db", str(db), "restore", str(tmp_path / "nope.sqlite3"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_argument_is_reported_by_the_parser(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path / "r.sqlite3"), "demo", "--parties", "-3")
    assert result.returncode == 2
    assert "must not be negative" in result.stderr


def test_demo_then_list_as_json(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    demo = run_cli("--db", str(db), "demo", "--parties", "25", "--seed", "3", "--today", "2026-04-01")
    assert demo.returncode == 0, demo.stderr
    listed = run_cli("--db", str(db), "list", "parties", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 25
    assert {"id", "name", "corporate_number", "status", "tier", "next_audit_due"} <= set(rows[0])
    assert {r["tier"] for r in rows} <= {"high", "medium", "low", None}
    table = run_cli("--db", str(db), "list", "parties")
    assert table.stdout.splitlines()[0].startswith("ID")
    again = run_cli("--db", str(db), "demo", "--parties", "5")
    assert again.returncode == 2
    assert "already" in again.stderr


def test_list_audits_gaps_and_findings_as_json_with_stable_keys(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    assert (
        run_cli("--db", str(db), "demo", "--parties", "30", "--seed", "5", "--today", "2026-04-01").returncode
        == 0
    )
    due = run_cli(
        "--db", str(db), "list", "audits", "--due", "--within", "60", "--today", "2026-04-01", "--json"
    )
    assert due.returncode == 0, due.stderr
    audits = json.loads(due.stdout)
    assert all(a["status"] == "planned" and a["planned_on"] <= "2026-05-31" for a in audits)
    assert {"id", "party_id", "party_name", "method", "planned_on", "overdue"} <= set(audits[0])
    gaps = json.loads(run_cli("--db", str(db), "list", "gaps", "--json").stdout)
    assert gaps
    assert {g["coverage"] for g in gaps} <= {"missing", "partial"}
    findings = json.loads(run_cli("--db", str(db), "list", "findings", "--open", "--json").stdout)
    assert {f["status"] for f in findings} <= {"open", "in_progress"}
    high = json.loads(run_cli("--db", str(db), "list", "parties", "--tier", "high", "--json").stdout)
    assert {p["tier"] for p in high} == {"high"}
