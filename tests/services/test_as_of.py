"""The register "as of" a past moment, rebuilt from the change history, on both backends."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from calmi_vendors.domain.enums import AuditConclusion, AuditMethod, PartyStatus, RiskTier, Severity
from calmi_vendors.errors import NotFoundError
from calmi_vendors.services import audits, importing, parties
from calmi_vendors.services.as_of import PartyAsOf, parties_as_of, party_as_of
from calmi_vendors.services.audits import FindingInput
from calmi_vendors.services.demo import generate_demo
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.register_view import RegisterRow, load_register_rows
from calmi_vendors.store.register import Register

TODAY = date(2025, 9, 1)


def at(month: int, day: int = 1) -> datetime:
    return datetime(2025, month, day, tzinfo=UTC)


@dataclass
class Clock:
    """Stands in for the history's clock: each change is stamped at a time the test chose."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class Story:
    kept: int
    imported: int


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fixed = Clock(at(1))
    monkeypatch.setattr("calmi_vendors.store.history.utcnow", fixed)
    return fixed


def tell_story(register: Register, clock: Clock, tmp_path: Path) -> Story:
    """Apr: registered; May: assessed, tier overridden; Jun: renamed; Jul: a list imported; Aug: undone."""
    uow = register.unit_of_work
    clock.now = at(4)
    kept = parties.create_party(
        uow(),
        PartyInput(
            name="株式会社旧名",
            corporate_number=None,
            business_functions=("billing",),
            data_categories=("basic_contact",),
            owner_department="総務部",
        ),
    )
    clock.now = at(5)
    moved = parties.change_status(uow(), kept.id, PartyStatus.UNDER_ASSESSMENT, reason="選定評価を開始")
    clock.now = at(5, 2)
    parties.override_tier(
        uow(), kept.id, RiskTier.HIGH, reason="大量の顧客データ", expected_version=moved.version
    )
    clock.now = at(6)
    current = parties.get_party(uow(), kept.id)
    parties.update_party(uow(), kept.id, _renamed(current.as_input()), expected_version=current.version)
    clock.now = at(6, 10)
    audit = audits.plan_audit(uow(), kept.id, method=AuditMethod.REMOTE, planned_on=date(2025, 6, 10))
    recorded = audits.record_audit(
        uow(),
        audit.id,
        performed_on=date(2025, 6, 10),
        conclusion=AuditConclusion.SATISFACTORY_WITH_FINDINGS,
        findings=(
            FindingInput("ログ保存期間が短い", Severity.MAJOR, owner="佐藤", due_on=date(2025, 7, 31)),
        ),
    )
    clock.now = at(6, 20)
    audits.close_finding(uow(), recorded.findings[0].id, closed_on=date(2025, 6, 20), evidence="設定を変更")
    clock.now = at(7)
    listing = tmp_path / "委託先一覧.csv"
    listing.write_text("委託先名,委託業務\n株式会社インポート,配送\n", encoding="utf-8")
    preview = importing.preview_import(uow(), listing, today=TODAY)
    result = importing.apply_import(uow(), preview, today=TODAY)
    assert result.created == 1
    imported = next(p.id for p in parties.list_parties(uow(readonly=True)) if p.name == "株式会社インポート")
    clock.now = at(8)
    importing.undo_last_import(uow(), today=TODAY)
    clock.now = at(9)
    return Story(kept.id, imported)


def _renamed(data: PartyInput) -> PartyInput:
    return replace(data, name="株式会社新名", business_functions=("billing", "delivery"))


def names(register: Register, moment: datetime) -> list[str]:
    return [p.name for p in parties_as_of(register.unit_of_work(readonly=True), moment)]


def test_each_moment_shows_what_the_register_held_then(
    register: Register, clock: Clock, tmp_path: Path
) -> None:
    story = tell_story(register, clock, tmp_path)
    uow = register.unit_of_work

    assert names(register, at(3)) == []
    (april,) = parties_as_of(uow(readonly=True), at(4, 15))
    assert (april.id, april.name, april.status, april.tier, april.owner_department) == (
        story.kept,
        "株式会社旧名",
        PartyStatus.CANDIDATE,
        None,
        "総務部",
    )
    assert april.business_functions == ("billing",)
    assert april.data_categories == ("basic_contact",)
    assert (april.created_at, april.deleted_at) == (at(4), None)

    (may,) = parties_as_of(uow(readonly=True), at(5, 15))
    assert (may.name, may.status, may.tier, may.tier_override) == (
        "株式会社旧名",
        PartyStatus.UNDER_ASSESSMENT,
        RiskTier.HIGH,
        RiskTier.HIGH,
    )

    (june,) = parties_as_of(uow(readonly=True), at(6, 15))
    assert june.name == "株式会社新名"
    assert june.business_functions == ("billing", "delivery")
    assert june.open_findings == 1
    (late_june,) = parties_as_of(uow(readonly=True), at(6, 25))
    assert late_june.open_findings == 0

    july = {p.id: p for p in parties_as_of(uow(readonly=True), at(7, 15))}
    assert set(july) == {story.kept, story.imported}
    gone = july[story.imported]
    assert (gone.name, gone.deleted_at) == ("株式会社インポート", at(8))
    # Its links were never edited and the party is gone: unknown, not guessed.
    assert gone.business_functions is None

    assert names(register, at(8, 15)) == ["株式会社新名"]
    assert names(register, datetime.now(UTC)) == [parties.get_party(uow(), story.kept).name]


def test_a_moment_exactly_at_a_change_includes_it(register: Register, clock: Clock, tmp_path: Path) -> None:
    story = tell_story(register, clock, tmp_path)
    (first,) = parties_as_of(register.unit_of_work(readonly=True), at(4))
    assert first.id == story.kept
    assert [p.status for p in parties_as_of(register.unit_of_work(readonly=True), at(5))] == [
        PartyStatus.UNDER_ASSESSMENT
    ]


def test_one_party_then_with_its_status_changes_and_history(
    register: Register, clock: Clock, tmp_path: Path
) -> None:
    story = tell_story(register, clock, tmp_path)
    uow = register.unit_of_work

    state = party_as_of(uow(readonly=True), story.kept, at(5, 15))

    assert state.party.name == "株式会社旧名"
    assert [(s.from_status, s.to_status, s.reason) for s in state.status_changes] == [
        (None, PartyStatus.CANDIDATE, "Registered"),
        (PartyStatus.CANDIDATE, PartyStatus.UNDER_ASSESSMENT, "選定評価を開始"),
    ]
    assert all(e.changed_at <= at(5, 15) for e in state.history)
    assert state.history[-1].action.value == "insert"
    assert {e.field for e in state.history} >= {"status", "tier_override"}
    assert "name" not in {e.field for e in state.history}

    early = party_as_of(uow(readonly=True), story.kept, at(4, 15))
    assert [s.to_status for s in early.status_changes] == [PartyStatus.CANDIDATE]

    then = party_as_of(uow(readonly=True), story.imported, at(7, 15))
    assert then.party.deleted_at == at(8)
    with pytest.raises(NotFoundError, match=f"#{story.imported} was not in the register"):
        party_as_of(uow(readonly=True), story.imported, at(8, 15))
    with pytest.raises(NotFoundError):
        party_as_of(uow(readonly=True), story.kept, at(3))


def test_parent_name_is_the_parents_name_then(register: Register, clock: Clock) -> None:
    uow = register.unit_of_work
    clock.now = at(4)
    parent = parties.create_party(uow(), PartyInput(name="親会社旧名", reentrustment_allowed=True))
    child = parties.create_party(uow(), PartyInput(name="再委託先", parent_id=parent.id))
    clock.now = at(6)
    parties.update_party(uow(), parent.id, _renamed(parent.as_input()), expected_version=parent.version)

    state = party_as_of(uow(readonly=True), child.id, at(5))

    assert (state.party.parent_id, state.parent_name) == (parent.id, "親会社旧名")
    assert party_as_of(uow(readonly=True), child.id, at(7)).parent_name == "株式会社新名"
    (kept_parent, _) = parties_as_of(uow(readonly=True), at(5))
    assert kept_parent.reentrustment_allowed is True


def test_a_moment_without_a_zone_is_local_time(register: Register, clock: Clock) -> None:
    clock.now = at(4)
    parties.create_party(register.unit_of_work(), PartyInput(name="株式会社時刻"))
    local_after = at(4, 2).astimezone().replace(tzinfo=None)
    assert names(register, local_after) == ["株式会社時刻"]


def test_as_of_now_matches_the_live_register_on_demo_data(register: Register) -> None:
    """Everything the demo wrote (imports, audits, tier recomputes, status moves) replays to today's rows."""
    generate_demo(register.unit_of_work(), parties=25, seed=5, today=TODAY)

    then = parties_as_of(register.unit_of_work(readonly=True), datetime.now(UTC))
    live = load_register_rows(register.unit_of_work(readonly=True))

    def fields(row: PartyAsOf | RegisterRow) -> tuple[object, ...]:
        functions = tuple(sorted(row.business_functions or ()))
        return (row.id, row.name, row.corporate_number, row.status, row.tier, row.next_audit_due,
                row.country, row.processing_country, row.parent_id, row.owner_department, functions,
                row.open_findings)  # fmt: skip

    assert len(live) == 25
    assert [fields(p) for p in then] == [fields(r) for r in live]
    assert any(p.open_findings for p in then)
    assert all(p.deleted_at is None for p in then)
