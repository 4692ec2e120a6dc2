"""`calmi-vendors report …` as a user runs it: a real demo register, real PDFs read back with poppler."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_cli import run_cli

AS_OF = "2026-11-25T09:00:00+09:00"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("report-cli") / "register.sqlite3"
    made = run_cli("--db", str(db), "demo", "--parties", "12", "--seed", "3", "--today", "2026-11-25")
    assert made.returncode == 0, made.stderr
    return db


def _parties(db: Path) -> list[dict[str, object]]:
    listed = run_cli("--db", str(db), "list", "parties", "--json")
    assert listed.returncode == 0, listed.stderr
    parties: list[dict[str, object]] = json.loads(listed.stdout)
    return parties


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def test_dossier_by_id_and_by_corporate_number_are_the_same_document(demo_db: Path, tmp_path: Path) -> None:
    party = next(p for p in _parties(demo_db) if p["corporate_number"])
    by_id, by_number = tmp_path / "by-id.pdf", tmp_path / "by-number.pdf"
    first = run_cli(
        "--db", str(demo_db), "report", "dossier", str(party["id"]), "--out", str(by_id),
        "--lang", "ja", "--as-of", AS_OF,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert "pages)" in first.stdout
    second = run_cli(
        "--db", str(demo_db), "report", "dossier", str(party["corporate_number"]), "--out", str(by_number),
        "--lang", "ja", "--as-of", AS_OF,
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    assert by_id.read_bytes() == by_number.read_bytes()
    text = _text(by_id)
    assert str(party["name"]) in text.replace("\n", "")
    assert "2026年11月25日 9:00" in text
    assert "カルミ商事株式会社" in text


def test_english_letter_report_says_so_in_its_metadata(demo_db: Path, tmp_path: Path) -> None:
    party = _parties(demo_db)[0]
    out = tmp_path / "dossier-en.pdf"
    made = run_cli(
        "--db", str(demo_db), "report", "dossier", str(party["id"]), "--out", str(out),
        "--lang", "en", "--paper", "Letter", "--as-of", AS_OF,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792 pts (letter)" in info
    assert f"Title:           Entrusted party dossier: {party['name']}" in info
    author = next(line for line in info.splitlines() if line.startswith("Author:"))
    assert author.split(":", 1)[1].strip()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dossier", "99999"], "no entrusted party #99999"),
        (["dossier", "1234567890123"], "No entrusted party has corporate number 1234567890123"),
        (["dossier", "abc"], "'abc' is not a party number"),
        (["dossier"], "Say which party the dossier report is about"),
        (["portfolio", "7"], "covers the whole register"),
    ],
)
def test_a_wrong_subject_is_one_clear_line_and_writes_nothing(
    demo_db: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "report.pdf"
    result = run_cli("--db", str(demo_db), "report", *args, "--out", str(out))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_missing_output_folder_is_named(demo_db: Path, tmp_path: Path) -> None:
    result = run_cli("--db", str(demo_db), "report", "dossier", "1", "--out", str(tmp_path / "no" / "r.pdf"))
    assert result.returncode == 2
    assert f"The folder {tmp_path / 'no'} does not exist" in result.stderr
