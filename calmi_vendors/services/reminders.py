"""Reminders of what falls due: contracts ending or reaching their notice date, certificates expiring,
audits due and findings due, each at the first offset (30, 7, 0 days before by default) it reaches.

A reminder shows from its largest offset on and stays until the record is dealt with: an item due in
8 to 30 days is a notice, in 1 to 7 days a warning, today due, and past its date overdue. The offsets
are a register setting (key `reminder_offsets`), shared by everyone who uses the register.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from calmi_vendors.domain.enums import AuditStatus, CertificationKind, PartyStatus
from calmi_vendors.domain.lifecycle import LIVE_CONTRACT_STATUSES, OPEN_FINDING_STATUSES, SUPERVISED
from calmi_vendors.errors import ValidationError
from calmi_vendors.store.models import (
    Certification,
    ConsignmentContract,
    EntrustedParty,
    Finding,
    RegisterSetting,
    SupervisionAudit,
)
from calmi_vendors.store.unit_of_work import UnitOfWork

SETTING_KEY = "reminder_offsets"
DEFAULT_OFFSETS: tuple[int, ...] = (30, 7, 0)
MAX_OFFSET = 3650
_OPEN_AUDIT_STATUSES = (AuditStatus.PLANNED, AuditStatus.IN_PROGRESS)


class ReminderKind(StrEnum):
    CONTRACT_EXPIRY = "contract_expiry"
    CONTRACT_NOTICE = "contract_notice"
    CERTIFICATION_EXPIRY = "certification_expiry"
    AUDIT_PLANNED = "audit_planned"
    AUDIT_DUE = "audit_due"
    FINDING_DUE = "finding_due"


class ReminderLevel(StrEnum):
    NOTICE = "notice"
    WARNING = "warning"
    DUE = "due"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class Reminder:
    """One date to act on. `record_id` is the contract, certification, audit or finding (the party for
    AUDIT_DUE, which has no audit planned yet); `offset` is the reminder reached (30, 7, 0 …)."""

    kind: ReminderKind
    party_id: int
    party_name: str
    record_id: int
    title: str
    due_on: date
    days_left: int
    offset: int
    level: ReminderLevel


def check_offsets(offsets: Sequence[int]) -> tuple[int, ...]:
    """The offsets, largest first, once they are whole numbers of days from 0 to 3650."""
    if not offsets:
        raise ValidationError("Give at least one reminder offset (days before the date).", field=SETTING_KEY)
    for offset in offsets:
        if isinstance(offset, bool) or not isinstance(offset, int) or not 0 <= offset <= MAX_OFFSET:
            raise ValidationError(
                f"A reminder offset is a whole number of days from 0 to {MAX_OFFSET}, not {offset!r}.",
                field=SETTING_KEY,
            )
    return tuple(sorted(set(offsets), reverse=True))


def load_offsets(uow: UnitOfWork) -> tuple[int, ...]:
    """The register's reminder offsets, or the default 30, 7 and 0 days when none are set."""
    with uow:
        value = uow.session.scalar(sa.select(RegisterSetting.value).where(RegisterSetting.key == SETTING_KEY))
    if value is None:
        return DEFAULT_OFFSETS
    if not isinstance(value, list):
        raise ValidationError(f"The register setting {SETTING_KEY!r} is not a list of days: {value!r}.")
    return check_offsets(value)


def save_offsets(uow: UnitOfWork, offsets: Sequence[int]) -> tuple[int, ...]:
    checked = check_offsets(offsets)
    with uow:
        row = uow.session.scalar(sa.select(RegisterSetting).where(RegisterSetting.key == SETTING_KEY))
        if row is None:
            uow.session.add(RegisterSetting(key=SETTING_KEY, value=list(checked)))
        else:
            row.value = list(checked)
        uow.commit()
    return checked


def level_of(days_left: int, offsets: Sequence[int]) -> tuple[int, ReminderLevel] | None:
    """(offset reached, level) for a date `days_left` days away; None while no offset is reached."""
    ordered = sorted(set(offsets), reverse=True)
    if not ordered or days_left > ordered[0]:
        return None
    reached = min((o for o in ordered if o >= days_left), default=ordered[-1])
    if days_left < 0:
        return reached, ReminderLevel.OVERDUE
    if days_left == 0:
        return reached, ReminderLevel.DUE
    return reached, ReminderLevel.NOTICE if reached == ordered[0] else ReminderLevel.WARNING


def reminders(uow: UnitOfWork, today: date, offsets: Sequence[int] | None = None) -> list[Reminder]:
    """Everything with a date that reached a reminder offset, soonest first; offsets default to the
    register's setting. One query per kind of record, whatever the size of the register."""
    chosen = check_offsets(offsets) if offsets is not None else load_offsets(uow)
    horizon = today + timedelta(days=chosen[0])
    found: list[tuple[ReminderKind, int, str, int, str, date]] = []
    with uow:
        found += _contracts(uow, today, horizon)
        found += _certifications(uow, horizon)
        found += _audits(uow, horizon)
        found += _findings(uow, horizon)
    result = []
    for kind, party_id, party_name, record_id, title, due_on in found:
        days_left = (due_on - today).days
        reached = level_of(days_left, chosen)
        if reached is not None:
            offset, level = reached
            result.append(
                Reminder(kind, party_id, party_name, record_id, title, due_on, days_left, offset, level)
            )
    result.sort(key=lambda r: (r.due_on, r.kind.value, r.party_name, r.record_id))
    return result


_Found = list[tuple[ReminderKind, int, str, int, str, date]]


def _contracts(uow: UnitOfWork, today: date, horizon: date) -> _Found:
    # The notice date is the expiry less the notice period; bounding the expiry by the longest notice
    # period keeps the filter in SQL on both backends without date arithmetic on columns.
    live = ConsignmentContract.status.in_(LIVE_CONTRACT_STATUSES)
    longest = uow.session.scalar(sa.select(sa.func.max(ConsignmentContract.notice_period_days)).where(live))
    rows = uow.session.execute(
        sa.select(
            ConsignmentContract.id,
            ConsignmentContract.title,
            ConsignmentContract.expires_on,
            ConsignmentContract.notice_period_days,
            EntrustedParty.id,
            EntrustedParty.name,
        )
        .join(EntrustedParty, EntrustedParty.id == ConsignmentContract.party_id)
        .where(live, ConsignmentContract.expires_on <= horizon + timedelta(days=max(longest or 0, 0)))
    ).tuples()
    found: _Found = []
    for contract_id, title, expires_on, notice_days, party_id, party_name in rows:
        if expires_on is None:
            continue
        if expires_on <= horizon:
            found.append((ReminderKind.CONTRACT_EXPIRY, party_id, party_name, contract_id, title, expires_on))
        # Once the contract has ended its notice date no longer matters: the expiry reminder remains.
        if notice_days and expires_on >= today:
            notice_on = expires_on - timedelta(days=notice_days)
            if notice_on <= horizon:
                found.append(
                    (ReminderKind.CONTRACT_NOTICE, party_id, party_name, contract_id, title, notice_on)
                )
    return found


def _certifications(uow: UnitOfWork, horizon: date) -> _Found:
    newer = aliased(Certification)
    # A certificate renewed under the same kind (and name, for "other") is no longer a reminder.
    renewed = (
        sa.select(newer.id)
        .where(
            newer.party_id == Certification.party_id,
            newer.kind == Certification.kind,
            newer.id != Certification.id,
            sa.or_(newer.expires_on.is_(None), newer.expires_on > Certification.expires_on),
            sa.or_(Certification.kind != CertificationKind.OTHER, newer.name == Certification.name),
        )
        .exists()
    )
    rows = uow.session.execute(
        sa.select(
            Certification.id,
            Certification.kind,
            Certification.name,
            Certification.expires_on,
            EntrustedParty.id,
            EntrustedParty.name,
        )
        .join(EntrustedParty, EntrustedParty.id == Certification.party_id)
        .where(
            Certification.expires_on <= horizon,
            EntrustedParty.status != PartyStatus.TERMINATED,
            ~renewed,
        )
    ).tuples()
    return [
        (ReminderKind.CERTIFICATION_EXPIRY, party_id, party_name, cert_id, name or kind.value, expires_on)
        for cert_id, kind, name, expires_on, party_id, party_name in rows
        if expires_on is not None
    ]


def _audits(uow: UnitOfWork, horizon: date) -> _Found:
    open_audit = SupervisionAudit.status.in_(_OPEN_AUDIT_STATUSES)
    planned = uow.session.execute(
        sa.select(
            SupervisionAudit.id,
            SupervisionAudit.title,
            SupervisionAudit.method,
            SupervisionAudit.planned_on,
            EntrustedParty.id,
            EntrustedParty.name,
        )
        .join(EntrustedParty, EntrustedParty.id == SupervisionAudit.party_id)
        .where(
            open_audit,
            SupervisionAudit.planned_on <= horizon,
            EntrustedParty.status != PartyStatus.TERMINATED,
        )
    ).tuples()
    found: _Found = [
        (ReminderKind.AUDIT_PLANNED, party_id, party_name, audit_id, title or method.value, planned_on)
        for audit_id, title, method, planned_on, party_id, party_name in planned
        if planned_on is not None
    ]
    # A party due for its audit with none planned yet: the schedule's own reminder.
    has_planned = sa.select(SupervisionAudit.id).where(
        SupervisionAudit.party_id == EntrustedParty.id, open_audit
    )
    unplanned = uow.session.execute(
        sa.select(EntrustedParty.id, EntrustedParty.name, EntrustedParty.next_audit_due).where(
            EntrustedParty.status.in_(SUPERVISED),
            EntrustedParty.next_audit_due <= horizon,
            ~has_planned.exists(),
        )
    ).tuples()
    found += [
        (ReminderKind.AUDIT_DUE, party_id, name, party_id, "next audit", due_on)
        for party_id, name, due_on in unplanned
        if due_on is not None
    ]
    return found


def _findings(uow: UnitOfWork, horizon: date) -> _Found:
    rows = uow.session.execute(
        sa.select(Finding.id, Finding.title, Finding.due_on, EntrustedParty.id, EntrustedParty.name)
        .join(EntrustedParty, EntrustedParty.id == Finding.party_id)
        .where(Finding.status.in_(OPEN_FINDING_STATUSES), Finding.due_on <= horizon)
    ).tuples()
    return [
        (ReminderKind.FINDING_DUE, party_id, party_name, finding_id, title, due_on)
        for finding_id, title, due_on, party_id, party_name in rows
        if due_on is not None
    ]
