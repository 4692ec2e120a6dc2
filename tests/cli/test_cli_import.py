"""`import`, `export` and `undo-import` as a user runs them: real processes, exit codes, messages."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
JA = SAMPLES / "vendors_ja.xlsx"
APP = "calmi-vendors"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calmi_vendors", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
        check=False,
    )


def listed(db: Path) -> list[dict[str, object]]:
    result = run_cli("--db", str(db), "list", "parties", "--json")
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_a_dry_run_reports_as_json_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    dry = run_cli("--db", str(db), "import", str(JA), "--dry-run", "--skip-errors", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["counts"] == {
        "new": 54, "update": 0, "unchanged": 0, "error": 7, "duplicate": 1, "missing_since_last": 0
    }  # fmt: skip
    assert (report["applied"], report["dry_run"], report["batch_id"]) == (False, True, None)
    assert (report["sheet"], report["header_row"], report["source"]) == ("委託先一覧", 3, "vendors_ja")
    assert len(report["errors"]) == 8  # row 65 has two
    first = report["errors"][0]
    assert (first["cell"], first["kind"], first["value"]) == ("B9", "bad_check_digit", "9978262868459")
    assert first["message"].startswith("委託先一覧!B9: bad check digit")
    assert report["duplicates"] == [{"row": 64, "name": "有限会社富士印刷", "duplicate_of": 6}]
    # Without --skip-errors a dry run says what the import would say: refused.
    refused = run_cli("--db", str(db), "import", str(JA), "--dry-run", "--json")
    assert refused.returncode == 2
    assert json.loads(refused.stdout)["refused"] is True
    assert listed(db) == []


def test_a_list_with_errors_is_refused_with_one_line_per_error(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    result = run_cli("--db", str(db), "import", str(JA))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 9  # 8 errors, then what to do
    assert all(line.startswith(f"{APP}: error: ") for line in lines)
    assert f"{APP}: error: 委託先一覧!B9: bad check digit: 9978262868459" in lines[0]
    assert any("委託先一覧!P65: 'not-an-email' is not a valid e-mail address" in line for line in lines)
    assert "--skip-errors" in lines[-1]
    assert "new: 54" in result.stdout
    assert listed(db) == []


def test_import_export_reimport_and_undo(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    imported = run_cli("--db", str(db), "import", str(JA), "--skip-errors")
    assert imported.returncode == 0, imported.stderr
    assert "as import #1" in imported.stdout
    assert "  new: 54" in imported.stdout
    assert "委託先一覧!J65: impossible date: 2025/02/30 is not a calendar date" in imported.stdout
    assert len(listed(db)) == 54

    xlsx = tmp_path / "out" / "parties.xlsx"
    xlsx.parent.mkdir()
    exported = run_cli("--db", str(db), "export", str(xlsx))
    assert exported.returncode == 0, exported.stderr
    assert "Exported 54 parties" in exported.stdout
    sheet = openpyxl.load_workbook(xlsx, read_only=True)["Entrusted parties"]
    header = next(sheet.iter_rows(max_row=1, values_only=True))
    assert header[:3] == ("Name", "Reading", "Corporate number")

    sjis = tmp_path / "out" / "parties.csv"
    exported = run_cli("--db", str(db), "export", str(sjis), "--encoding", "cp932", "--lang", "ja")
    assert exported.returncode == 0, exported.stderr
    with sjis.open(encoding="cp932", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 55
    assert "株式会社みなとビジネスサポート" in {row[0] for row in rows}
    assert "システム運用・保守" in {row[6] for row in rows}

    for export in (xlsx, sjis):
        again = run_cli("--db", str(db), "import", str(export), "--dry-run", "--json")
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["counts"]["unchanged"] == 54

    wrong = run_cli("--db", str(db), "export", str(xlsx), "--encoding", "cp932")
    assert wrong.returncode == 2
    assert "--encoding applies to CSV" in wrong.stderr

    undone = run_cli("--db", str(db), "undo-import", "--source", "vendors_ja")
    assert undone.returncode == 0, undone.stderr
    assert "Undid import #1 of vendors_ja.xlsx" in undone.stdout
    assert "removed 54 parties" in undone.stdout
    assert listed(db) == []
    nothing = run_cli("--db", str(db), "undo-import")
    assert nothing.returncode == 2
    assert nothing.stderr.strip() == f"{APP}: error: There is no import to undo."


def test_a_file_that_is_not_a_list_is_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "register.sqlite3"
    result = run_cli("--db", str(db), "import", str(SAMPLES / "bad" / "not_a_workbook.xlsx"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{APP}: error: not_a_workbook.xlsx is not an Excel workbook")
    assert result.stdout == ""
