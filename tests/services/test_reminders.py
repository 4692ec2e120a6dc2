"""Reminders: each record shows from its largest offset on, at the level of the offset it reached."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calmi_vendors.domain.enums import (
    AuditConclusion,
    AuditMethod,
    CertificationKind,
    ContractStatus,
    PartyStatus,
    Severity,
)
from calmi_vendors.errors import ValidationError
from calmi_vendors.services import audits, contracts, parties, supervision
from calmi_vendors.services.audits import FindingInput
from calmi_vendors.services.contracts import ContractInput
from calmi_vendors.services.dto import CertificationInput, PartyInput
from calmi_vendors.services.reminders import (
    ReminderKind,
    ReminderLevel,
    level_of,
    load_offsets,
    reminders,
    save_offsets,
)
from calmi_vendors.store.register import Register

TODAY = date(2026, 4, 1)
N, W, D, LATE = ReminderLevel.NOTICE, ReminderLevel.WARNING, ReminderLevel.DUE, ReminderLevel.OVERDUE
WINDOWS = {31: None, 30: (30, N), 8: (30, N), 7: (7, W), 1: (7, W), 0: (0, D), -1: (0, LATE)}


@pytest.mark.parametrize(("days", "expected"), WINDOWS.items())
def test_level_of_each_window(days: int, expected: tuple[int, ReminderLevel] | None) -> None:
    assert level_of(days, (30, 7, 0)) == expected


def _party(register: Register, name: str, **more: object) -> int:
    return parties.create_party(register.unit_of_work(), PartyInput(name=name, **more)).id  # type: ignore[arg-type]


def _contract(register: Register, party_id: int, days: int, **more: object) -> int:
    data = ContractInput(
        title=f"業務委託契約 {days:+d}",
        status=more.pop("status", ContractStatus.ACTIVE),  # type: ignore[arg-type]
        expires_on=TODAY + timedelta(days=days),
        **more,  # type: ignore[arg-type]
    )
    return contracts.create_contract(register.unit_of_work(), party_id, data).id


def test_contract_expiry_at_31_30_8_7_1_0_and_minus_1_days(register: Register) -> None:
    party = _party(register, "株式会社期限")
    ids = {days: _contract(register, party, days) for days in WINDOWS}
    _contract(register, party, -1, status=ContractStatus.EXPIRED)  # ended and recorded so: nothing to do
    found = reminders(register.unit_of_work(readonly=True), TODAY)
    got = {r.record_id: (r.offset, r.level) for r in found}
    assert {days: got.get(ids[days]) for days in WINDOWS} == WINDOWS
    assert {r.kind for r in found} == {ReminderKind.CONTRACT_EXPIRY}
    assert [r.days_left for r in found] == [-1, 0, 1, 7, 8, 30]  # soonest first
    first = found[0]
    assert (first.party_id, first.party_name, first.due_on) == (
        party,
        "株式会社期限",
        TODAY - timedelta(days=1),
    )


def test_notice_date_is_the_expiry_less_the_notice_period(register: Register) -> None:
    party = _party(register, "Notice Ltd.")
    renewing = _contract(register, party, 40, notice_period_days=33, auto_renewal=True)  # notice in 7 days
    ended = _contract(register, party, -5, notice_period_days=30)
    found = {(r.kind, r.record_id): r for r in reminders(register.unit_of_work(readonly=True), TODAY)}
    notice = found[ReminderKind.CONTRACT_NOTICE, renewing]
    assert (notice.due_on, notice.days_left, notice.level) == (TODAY + timedelta(days=7), 7, W)
    assert (ReminderKind.CONTRACT_EXPIRY, renewing) not in found  # 40 days away
    assert found[ReminderKind.CONTRACT_EXPIRY, ended].level is LATE
    assert (ReminderKind.CONTRACT_NOTICE, ended) not in found  # moot once the contract has ended


def test_certificates_audits_and_findings(register: Register) -> None:
    uow = register.unit_of_work
    pmark = CertificationInput(CertificationKind.PRIVACY_MARK, expires_on=TODAY + timedelta(days=7))
    old_isms = CertificationInput(CertificationKind.ISO_27001, expires_on=TODAY - timedelta(days=10))
    new_isms = CertificationInput(CertificationKind.ISO_27001, expires_on=TODAY + timedelta(days=700))
    party = _party(register, "認証株式会社", certifications=(pmark, old_isms, new_isms))
    gone = _party(register, "終了株式会社", certifications=(pmark,))
    parties.change_status(uow(), gone, PartyStatus.TERMINATED, reason="契約終了")
    planned = audits.plan_audit(
        uow(), party, method=AuditMethod.ON_SITE, planned_on=TODAY + timedelta(days=1)
    )
    done = audits.plan_audit(uow(), party, method=AuditMethod.REMOTE, planned_on=TODAY - timedelta(days=30))
    recorded = audits.record_audit(
        uow(),
        done.id,
        performed_on=TODAY - timedelta(days=30),
        conclusion=AuditConclusion.SATISFACTORY_WITH_FINDINGS,
        findings=(
            FindingInput(
                "ログ保存期間が短い", Severity.MAJOR, owner="佐藤", due_on=TODAY - timedelta(days=1)
            ),
            FindingInput("入館記録の不備", Severity.MINOR, owner="佐藤", due_on=TODAY),
        ),
    )
    late, closed = recorded.findings
    audits.close_finding(uow(), closed.id, closed_on=TODAY - timedelta(days=2), evidence="入館簿を改訂")

    found = reminders(uow(readonly=True), TODAY)

    assert [(r.kind, r.party_name, r.days_left, r.level) for r in found] == [
        (ReminderKind.FINDING_DUE, "認証株式会社", -1, LATE),
        (ReminderKind.AUDIT_PLANNED, "認証株式会社", 1, W),
        (ReminderKind.CERTIFICATION_EXPIRY, "認証株式会社", 7, W),
    ]
    assert [r.record_id for r in found][:2] == [late.id, planned.id]
    assert found[2].title == "privacy_mark"


def test_a_party_due_for_audit_with_none_planned(register: Register) -> None:
    uow = register.unit_of_work
    party = _party(register, "監査予定なし株式会社")
    parties.change_status(uow(), party, PartyStatus.UNDER_ASSESSMENT, reason="選定開始")
    parties.change_status(uow(), party, PartyStatus.APPROVED, reason="緊急委託", override_approver="部長")
    supervision.recompute_all(uow(), today=TODAY)
    due = parties.get_party(uow(readonly=True), party).next_audit_due
    assert due is not None
    today = due - timedelta(days=7)
    (reminder,) = reminders(uow(readonly=True), today)
    assert (reminder.kind, reminder.record_id, reminder.due_on, reminder.level) == (
        ReminderKind.AUDIT_DUE,
        party,
        due,
        W,
    )
    audit = audits.plan_audit(uow(), party, method=AuditMethod.ON_SITE, planned_on=due + timedelta(days=3))
    assert [(r.kind, r.record_id) for r in reminders(uow(readonly=True), today)] == [
        (ReminderKind.AUDIT_PLANNED, audit.id)
    ]


def test_offsets_are_a_register_setting(register: Register) -> None:
    uow = register.unit_of_work
    assert load_offsets(uow(readonly=True)) == (30, 7, 0)
    party = _party(register, "Offsets K.K.")
    far, near = _contract(register, party, 45), _contract(register, party, 10)
    assert [(r.record_id, r.level) for r in reminders(uow(readonly=True), TODAY)] == [(near, N)]
    assert save_offsets(uow(), [14, 60]) == (60, 14)
    assert load_offsets(uow(readonly=True)) == (60, 14)
    got = {r.record_id: (r.offset, r.level) for r in reminders(uow(readonly=True), TODAY)}
    assert got == {near: (14, W), far: (60, N)}
    # Explicit offsets win over the setting.
    assert [r.record_id for r in reminders(uow(readonly=True), TODAY, offsets=(10,))] == [near]
    for bad in ([], [-1], [5000], [7.5]):
        with pytest.raises(ValidationError, match="reminder offset"):
            save_offsets(uow(), bad)  # type: ignore[arg-type]
    assert load_offsets(uow(readonly=True)) == (60, 14)
