"""`calmi-vendors list parties --as-of …` as a user runs it, on a register whose history times are known."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_cli import run_cli

from calmi_vendors.domain.enums import PartyStatus, RiskTier
from calmi_vendors.services import parties
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.opening import open_for_use

KEYS = {
    "id", "name", "corporate_number", "status", "tier", "next_audit_due", "country", "parent_id",
    "open_findings", "clause_gaps",
}  # fmt: skip


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Registered 1 Apr 2025 09:00 JST, under assessment and high tier from 1 May, renamed 1 Jun."""
    now = {"value": datetime(2025, 4, 1, tzinfo=UTC)}
    monkeypatch.setattr("calmi_vendors.store.history.utcnow", lambda: now["value"])
    path = tmp_path / "register.sqlite3"
    register = open_for_use(str(path))
    try:
        uow = register.unit_of_work
        party = parties.create_party(uow(), PartyInput(name="株式会社旧名", corporate_number="2021001052596"))
        now["value"] = datetime(2025, 5, 1, tzinfo=UTC)
        moved = parties.change_status(uow(), party.id, PartyStatus.UNDER_ASSESSMENT, reason="選定評価")
        changed = parties.override_tier(
            uow(), party.id, RiskTier.HIGH, reason="大量の顧客データ", expected_version=moved.version
        )
        now["value"] = datetime(2025, 6, 1, tzinfo=UTC)
        renamed = PartyInput(name="株式会社新名", corporate_number=changed.corporate_number)
        parties.update_party(uow(), party.id, renamed, expected_version=changed.version)
    finally:
        register.close()
    return path


def listing(db: Path, *args: str) -> list[dict[str, object]]:
    result = run_cli("--db", str(db), "list", "parties", "--json", *args)
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_as_of_lists_the_parties_as_they_were_with_the_same_keys(db: Path) -> None:
    today = listing(db)
    april = listing(db, "--as-of", "2025-04-15T09:00+09:00")
    may = listing(db, "--as-of", "2025-05-15")

    assert set(today[0]) == set(april[0]) == KEYS
    assert [(r["name"], r["status"], r["tier"]) for r in april] == [("株式会社旧名", "candidate", None)]
    assert [(r["name"], r["status"], r["tier"]) for r in may] == [
        ("株式会社旧名", "under_assessment", "high")
    ]
    assert april[0]["corporate_number"] == "2021001052596"
    assert april[0]["clause_gaps"] is None
    assert listing(db, "--as-of", "2025-03-31") == []
    assert listing(db, "--as-of", "2025-07-01")[0]["name"] == "株式会社新名"
    assert listing(db, "--as-of", "2025-05-15", "--status", "candidate") == []


def test_as_of_table_says_which_moment_it_shows(db: Path) -> None:
    result = run_cli("--db", str(db), "list", "parties", "--as-of", "2025-04-15T09:00+09:00")

    assert result.returncode == 0, result.stderr
    first, header, row = result.stdout.splitlines()
    assert first == "The register as of 2025-04-15 09:00+09:00, from the change history:"
    assert header.split() == ["ID", "NAME", "CORPORATE_NUMBER", "STATUS", "TIER", "NEXT_AUDIT_DUE"]
    assert "株式会社旧名" in row


def test_a_bad_as_of_is_a_one_line_error(db: Path) -> None:
    bad = run_cli("--db", str(db), "list", "parties", "--as-of", "last tuesday")
    assert bad.returncode != 0
    assert "is not a date or time" in bad.stderr
    assert "Traceback" not in bad.stderr
    audits = run_cli("--db", str(db), "list", "audits", "--as-of", "2025-04-15")
    assert audits.returncode == 2
    assert audits.stderr.strip().splitlines() == [audits.stderr.strip()]
    assert "--as-of applies to `list parties` only" in audits.stderr
