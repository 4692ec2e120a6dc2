"""The demo generator: deterministic, realistic, complete, and careful with a register that has data."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from calmi_vendors.domain.enums import (
    AssessmentKind,
    AssessmentResult,
    AssessmentStatus,
    AuditStatus,
    Coverage,
    FindingStatus,
    PartyStatus,
)
from calmi_vendors.errors import ValidationError
from calmi_vendors.services import assessments, audits, contracts, parties
from calmi_vendors.services.demo import DemoReport, generate_demo
from calmi_vendors.services.dto import AssessmentView, AuditView, ContractView, PartyDetail
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.register import Register

TODAY = date(2026, 4, 1)


@pytest.fixture
def fresh_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], Register]]:
    """Opens as many fresh registers in tmp_path as a test needs; closes them afterwards."""
    monkeypatch.setenv("CALMI_VENDORS_DATA_DIR", str(tmp_path))
    opened: list[Register] = []

    def open_one(name: str = "r") -> Register:
        reg = open_for_use(str(tmp_path / f"{name}.sqlite3"))
        opened.append(reg)
        return reg

    yield open_one
    for reg in opened:
        reg.close()


@dataclasses.dataclass(frozen=True)
class Demo:
    """A 60-party demo register, read back through the services."""

    report: DemoReport
    parties: list[PartyDetail]
    contracts: dict[int, list[ContractView]]
    audits: dict[int, list[AuditView]]
    assessments: dict[int, list[AssessmentView]]


@pytest.fixture(scope="module")
def demo60(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("demo60")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CALMI_VENDORS_DATA_DIR", str(folder))
        reg = open_for_use(str(folder / "r.sqlite3"))
        try:
            uow = reg.unit_of_work()
            report = generate_demo(uow, parties=60, seed=11, today=TODAY)
            ids = [p.id for p in parties.list_parties(uow)]
            yield Demo(
                report=report,
                parties=[parties.get_party(uow, i) for i in ids],
                contracts={i: contracts.contracts_of(uow, i) for i in ids},
                audits={i: audits.audits_of(uow, i) for i in ids},
                assessments={i: assessments.assessments_of(uow, i) for i in ids},
            )
        finally:
            reg.close()


def _comparable(reg: Register) -> list[dict[str, Any]]:
    # updated_at is the clock; next_audit_due of a never-audited party counts from the (clock-stamped)
    # approval in the status history, so it too may move if the two runs straddle midnight.
    rows = [dataclasses.asdict(p) for p in parties.list_parties(reg.unit_of_work())]
    for row in rows:
        del row["updated_at"], row["next_audit_due"]
    return rows


def _valid_corporate_number(number: str) -> bool:
    if len(number) != 13 or not number.isdigit():
        return False
    body = number[1:]
    total = sum(int(d) * (1 if n % 2 else 2) for n, d in enumerate(reversed(body), start=1))
    return int(number[0]) == 9 - total % 9


def test_the_same_seed_and_day_give_the_same_register(fresh_register: Callable[[str], Register]) -> None:
    first, second = fresh_register("a"), fresh_register("b")
    report_a = generate_demo(first.unit_of_work(), parties=30, seed=5, today=TODAY)
    report_b = generate_demo(second.unit_of_work(), parties=30, seed=5, today=TODAY)
    assert report_a.counts == report_b.counts
    assert _comparable(first) == _comparable(second)
    ids = [p.id for p in parties.list_parties(first.unit_of_work())]
    for pid in ids[:10]:
        assert [dataclasses.replace(c, id=0) for c in contracts.contracts_of(first.unit_of_work(), pid)] == [
            dataclasses.replace(c, id=0) for c in contracts.contracts_of(second.unit_of_work(), pid)
        ]


def test_another_seed_gives_another_register(fresh_register: Callable[[str], Register]) -> None:
    first, second = fresh_register("a"), fresh_register("b")
    generate_demo(first.unit_of_work(), parties=20, seed=5, today=TODAY)
    generate_demo(second.unit_of_work(), parties=20, seed=6, today=TODAY)
    assert [p.name for p in parties.list_parties(first.unit_of_work())] != [
        p.name for p in parties.list_parties(second.unit_of_work())
    ]


def test_a_register_with_parties_is_refused_unless_appending(
    fresh_register: Callable[[str], Register],
) -> None:
    reg = fresh_register("r")
    uow = reg.unit_of_work()
    generate_demo(uow, parties=4, seed=1, today=TODAY)
    with pytest.raises(ValidationError, match="already has 4"):
        generate_demo(uow, parties=3, seed=2, today=TODAY)
    assert len(parties.list_parties(uow)) == 4
    report = generate_demo(uow, parties=3, seed=1, today=TODAY, append=True)
    assert report.counts["parties"] == 3
    names = [p.name for p in parties.list_parties(uow)]
    assert len(names) == len(set(names)) == 7


def test_the_report_counts_what_is_in_the_register(demo60: Demo) -> None:
    counts = demo60.report.counts
    assert counts["parties"] == len(demo60.parties) == 60
    assert counts["contracts"] == sum(len(c) for c in demo60.contracts.values())
    assert counts["audits_completed"] == sum(
        a.status is AuditStatus.COMPLETED for rows in demo60.audits.values() for a in rows
    )
    assert counts["assessments"] == sum(len(a) for a in demo60.assessments.values())


def test_sixty_parties_have_every_kind_of_record(demo60: Demo) -> None:
    by_id = {p.id: p for p in demo60.parties}
    statuses = {p.status for p in demo60.parties}
    assert statuses == set(PartyStatus)

    children = [p for p in demo60.parties if p.parent_id is not None]
    assert len(children) >= 3
    assert all(
        by_id[c.parent_id].reentrustment_allowed and c.parent_id < c.id for c in children if c.parent_id
    )

    def depth(p: PartyDetail) -> int:
        return 0 if p.parent_id is None else 1 + depth(by_id[p.parent_id])

    assert max(depth(p) for p in demo60.parties) >= 2

    assert any(p.special_care for p in demo60.parties)
    assert any(p.processing_country and p.processing_country != p.country for p in demo60.parties)
    assert any(p.country != "JP" for p in demo60.parties)
    soon = [
        c
        for p in demo60.parties
        for c in p.certifications
        if c.expires_on and TODAY <= c.expires_on <= TODAY + timedelta(days=90)
    ]
    assert soon

    coverage = [cv.coverage for rows in demo60.contracts.values() for c in rows for cv in c.coverage]
    assert {Coverage.MISSING, Coverage.PARTIAL, Coverage.NOT_APPLICABLE} <= set(coverage)

    all_audits = [a for rows in demo60.audits.values() for a in rows]
    findings = [f for a in all_audits for f in a.findings]
    assert any(f.status is FindingStatus.OPEN for f in findings)
    assert any(f.status is FindingStatus.VERIFIED for f in findings)
    assert all(f.verified_by != f.owner for f in findings if f.status is FindingStatus.VERIFIED)
    assert any(f.status is FindingStatus.OPEN and f.due_on and f.due_on < TODAY for f in findings)
    assert any(a.status is AuditStatus.PLANNED and a.planned_on and a.planned_on < TODAY for a in all_audits)
    assert any(a.status is AuditStatus.PLANNED and a.planned_on and a.planned_on > TODAY for a in all_audits)


def test_every_supervised_party_passed_its_selection(demo60: Demo) -> None:
    passed = {AssessmentResult.APPROVED, AssessmentResult.APPROVED_WITH_CONDITIONS}
    for p in demo60.parties:
        selections = [a for a in demo60.assessments[p.id] if a.kind is AssessmentKind.SELECTION]
        if p.status in (PartyStatus.APPROVED, PartyStatus.ACTIVE, PartyStatus.SUSPENDED):
            assert any(a.status is AssessmentStatus.COMPLETED and a.result in passed for a in selections), (
                p.name
            )
            assert len(demo60.contracts[p.id]) >= 1
        if p.status is PartyStatus.UNDER_ASSESSMENT:
            assert [a.status for a in selections] == [AssessmentStatus.IN_REVIEW]
        if p.status is PartyStatus.CANDIDATE:
            assert not selections
            assert not demo60.contracts[p.id]
    rejected = [
        a for rows in demo60.assessments.values() for a in rows if a.result is AssessmentResult.REJECTED
    ]
    assert rejected


def test_corporate_numbers_are_valid_and_unique(demo60: Demo) -> None:
    numbers = [p.corporate_number for p in demo60.parties if p.corporate_number]
    assert numbers
    assert all(_valid_corporate_number(n) for n in numbers)
    assert len(numbers) == len(set(numbers))
    assert all(p.corporate_number for p in demo60.parties if p.country == "JP")
    names = [p.name for p in demo60.parties]
    assert len(names) == len(set(names))
