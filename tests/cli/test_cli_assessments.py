"""`questionnaire export|import` and `reminders` as the command line runs them: output, JSON, exit codes."""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from calmi_vendors.cli_assessments import COMMANDS, add_parsers
from calmi_vendors.domain.enums import AssessmentKind, ContractStatus
from calmi_vendors.services import assessments, contracts, parties
from calmi_vendors.services.contracts import ContractInput
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.opening import open_for_use

TODAY = date(2026, 4, 1)


def run(*argv: str) -> int:
    """Parse and run like `calmi-vendors` does once cli.py adds these commands."""
    parser = argparse.ArgumentParser(prog="calmi-vendors")
    parser.add_argument("--db")
    add_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return COMMANDS[args.command](args)


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, int]:
    """A register file with one party, one draft assessment and a contract ending in 7 days."""
    location = str(tmp_path / "register.sqlite3")
    register = open_for_use(location)
    try:
        uow = register.unit_of_work
        party = parties.create_party(uow(), PartyInput(name="株式会社カルミ印刷"))
        aid = assessments.start_assessment(uow(), party.id, AssessmentKind.PERIODIC, started_on=TODAY).id
        contracts.create_contract(
            uow(),
            party.id,
            ContractInput(
                title="印刷業務委託契約", status=ContractStatus.ACTIVE, expires_on=TODAY + timedelta(7)
            ),
        )
    finally:
        register.close()
    return location, aid


def _answer(source: Path, target: Path, values: dict[int, object]) -> None:
    book = openpyxl.load_workbook(source)
    for row, value in values.items():
        book["回答"].cell(row, 9).value = value
    book.save(target)


def test_export_then_import_prints_what_happened(
    db: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location, aid = db
    out = tmp_path / "質問票.xlsx"
    assert (
        run("--db", location, "questionnaire", "export", str(aid), "--out", str(out), "--due", "2026-04-30")
        == 0
    )
    assert f"Questionnaire of assessment #{aid} written to {out} (ja, " in capsys.readouterr().out
    _answer(out, tmp_path / "filled.xlsx", {2: "はい", 3: "一部"})
    assert run("--db", location, "questionnaire", "import", str(aid), str(tmp_path / "filled.xlsx")) == 0
    printed = capsys.readouterr().out
    assert f"Imported filled.xlsx into assessment #{aid}: 2 answer(s) changed" in printed
    assert "score so far:" in printed
    # A new export carries the stored answers; the party changes one and adds one.
    assert run("--db", location, "questionnaire", "export", str(aid), "--out", str(out)) == 0
    capsys.readouterr()
    _answer(out, tmp_path / "more.xlsx", {3: "はい", 4: "Yes"})
    assert (
        run("--db", location, "questionnaire", "import", str(aid), str(tmp_path / "more.xlsx"), "--json") == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["applied"] is True
    assert report["changed"] == ["bp_management_approval", "bp_staff_awareness"]
    assert report["unchanged"] == 35  # the other 35 questions, answered or not, are as they were
    assert len(report["unanswered"]) == 34
    assert report["result"] == "rejected"  # most questions are still unanswered
    assert set(report) >= {"assessment_id", "file", "errors", "score", "max_score", "unanswered"}


def test_a_rejected_file_exits_2_and_names_each_cell(
    db: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location, aid = db
    out = tmp_path / "q.xlsx"
    run("--db", location, "questionnaire", "export", str(aid), "--out", str(out))
    capsys.readouterr()
    _answer(out, tmp_path / "bad.xlsx", {2: "たぶん", 3: "はい"})
    assert run("--db", location, "questionnaire", "import", str(aid), str(tmp_path / "bad.xlsx")) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("calmi-vendors: error: 回答!I2: 'たぶん' is not an allowed answer")
    assert err[-1] == (
        "calmi-vendors: error: bad.xlsx was not imported: 1 problem(s); no answer was changed. "
        "Correct the file and import it again."
    )
    assert (
        run("--db", location, "questionnaire", "import", str(aid), str(tmp_path / "bad.xlsx"), "--json") == 2
    )
    (error,) = json.loads(capsys.readouterr().out)["errors"]
    assert (error["sheet"], error["cell"], error["question"], error["kind"]) == (
        "回答",
        "I2",
        "bp_policy_established",
        "not_allowed",
    )


def test_reminders_as_json_and_as_a_table(db: tuple[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    location, _aid = db
    assert run("--db", location, "reminders", "--json", "--today", TODAY.isoformat()) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["kind"] == "contract_expiry"
    assert row["id"] == f"contract_expiry:{row['record_id']}"
    assert (row["due_on"], row["days_left"], row["offset"], row["level"]) == ("2026-04-08", 7, 7, "warning")
    assert (row["party_name"], row["title"]) == ("株式会社カルミ印刷", "印刷業務委託契約")
    assert run("--db", location, "reminders", "--today", "2026-03-01") == 0
    assert capsys.readouterr().out.strip() == "DUE_ON  DAYS_LEFT  LEVEL  KIND  PARTY_NAME  RECORD_ID  TITLE"
    assert run("--db", location, "reminders", "--today", "2026-04-10") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[:4] == ["2026-04-08", "-2", "overdue", "contract_expiry"]


def test_bad_arguments_are_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run("questionnaire", "export", "abc", "--out", "x.xlsx")
    assert caught.value.code == 2
    assert "'abc' is not an assessment number" in capsys.readouterr().err
