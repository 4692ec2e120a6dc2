"""The register as it stood at a past moment ("what we knew then"), rebuilt from the change history.

The history holds an insert snapshot of every party, then one row per changed field, then a delete
snapshot; replaying those rows up to a moment gives each party's values at that moment.

Limits, by design:
- Only what went through the app is in the history. A row changed behind its back (raw SQL, a
  restored file) is not seen here; `calmi-vendors check` finds such edits through the hash chain.
- Entrusted work and data categories are link-table rows, which the history records only when a
  party's links are edited (a party's insert snapshot has none). Before a party's first link edit
  they are taken from that edit's "before" value, or, if it never had one, from today's links; for
  a party deleted since without any link edit they are unknown (None).
- A party whose history starts with an update rather than its insert (history older than the
  party's insert was lost or pruned) cannot be rebuilt and is left out.
- Open findings are counted from the findings' own history; clause gaps are not rebuilt.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from calmi_vendors.domain.enums import ChangeAction, PartyStatus, RiskTier
from calmi_vendors.domain.lifecycle import OPEN_FINDING_STATUSES
from calmi_vendors.errors import CorruptRegisterError, NotFoundError
from calmi_vendors.services.dto import HistoryEntry
from calmi_vendors.store.models import (
    BusinessFunction,
    ChangeRecord,
    DataCategory,
    party_business_function,
    party_data_category,
)
from calmi_vendors.store.unit_of_work import UnitOfWork

PARTY_TABLE = "entrusted_party"
LINK_FIELDS = ("business_functions", "data_categories")
_OPEN_FINDINGS = frozenset(s.value for s in OPEN_FINDING_STATUSES)
_DECODERS: dict[str, Callable[[str], Any]] = {
    "status": PartyStatus,
    "tier": RiskTier,
    "tier_override": RiskTier,
    "next_audit_due": date.fromisoformat,
    "data_subjects_approx": int,
    "parent_id": int,
    "reentrustment_allowed": lambda text: text == "true",
}


@dataclass(frozen=True, slots=True)
class PartyAsOf:
    """One party's values at the moment asked about; `deleted_at` says it has been deleted since."""

    id: int
    name: str
    name_kana: str | None
    corporate_number: str | None
    status: PartyStatus
    tier: RiskTier | None
    computed_tier: RiskTier | None
    tier_override: RiskTier | None
    tier_override_reason: str | None
    next_audit_due: date | None
    country: str
    processing_country: str | None
    address: str | None
    data_subjects_approx: int | None
    owner_department: str | None
    reentrustment_allowed: bool
    parent_id: int | None
    website: str | None
    notes: str | None
    business_functions: tuple[str, ...] | None
    data_categories: tuple[str, ...] | None
    open_findings: int
    created_at: datetime
    last_changed_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True, slots=True)
class StatusChangeAsOf:
    from_status: PartyStatus | None
    to_status: PartyStatus
    changed_at: datetime
    changed_by: str | None
    reason: str | None
    is_override: bool
    approver: str | None


@dataclass(frozen=True, slots=True)
class PartyStateAsOf:
    """One party at a moment: its values, its parent's name then, its status changes and history to then."""

    moment: datetime
    party: PartyAsOf
    parent_name: str | None
    status_changes: tuple[StatusChangeAsOf, ...]
    history: tuple[HistoryEntry, ...]


@dataclass(slots=True)
class _Replay:
    """Records' field texts after applying history rows in id order."""

    state: dict[int, dict[str, str | None]] = field(default_factory=dict)
    created: dict[int, datetime] = field(default_factory=dict)
    changed: dict[int, datetime] = field(default_factory=dict)
    started: dict[int, int] = field(default_factory=dict)

    def apply(
        self, row_id: int, record_id: int, action: Any, name: str | None, new: str | None, at: datetime
    ) -> None:
        action = ChangeAction(action)
        if action is ChangeAction.INSERT:
            self.state[record_id] = json.loads(new or "{}")
            self.created[record_id] = self.changed[record_id] = at
            self.started[record_id] = row_id
        elif action is ChangeAction.DELETE:
            self.state.pop(record_id, None)
        elif record_id in self.state and name is not None:
            self.state[record_id][name] = new
            self.changed[record_id] = at


def _aware(moment: datetime) -> datetime:
    # A moment without a zone is the user's local time, as typed.
    return moment if moment.tzinfo is not None else moment.astimezone()


def _history_rows(uow: UnitOfWork, *conditions: sa.ColumnElement[bool]) -> Sequence[sa.Row[Any]]:
    c = ChangeRecord.__table__.c
    return uow.session.execute(
        sa.select(c.id, c.record_id, c.action, c.field, c.old_value, c.new_value, c.changed_at, c.changed_by)
        .where(*conditions)
        .order_by(c.id)
    ).all()


def _replay(rows: Iterable[sa.Row[Any]]) -> _Replay:
    replay = _Replay()
    for r in rows:
        replay.apply(r.id, r.record_id, r.action, r.field, r.new_value, r.changed_at)
    return replay


def _settle_links(uow: UnitOfWork, replay: _Replay, later: Iterable[sa.Row[Any]]) -> dict[int, datetime]:
    """Fill link fields not edited by then from later rows or today's links; return later deletions."""
    deleted: dict[int, datetime] = {}
    ended: set[int] = set()
    for r in later:
        values = replay.state.get(r.record_id)
        if values is None or r.record_id in ended:
            continue
        action = ChangeAction(r.action)
        if action is not ChangeAction.UPDATE:
            ended.add(r.record_id)
            if action is ChangeAction.DELETE:
                deleted[r.record_id] = r.changed_at
        elif r.field in LINK_FIELDS and r.field not in values:
            # The first edit after the moment says, as its "before", what the links were then.
            values[r.field] = r.old_value
    current = [pid for pid in replay.state if pid not in ended]
    for name, keys in _current_links(uow, current).items():
        for pid, linked in keys.items():
            replay.state[pid].setdefault(name, json.dumps(linked, ensure_ascii=False))
    return deleted


def _current_links(uow: UnitOfWork, party_ids: Sequence[int]) -> dict[str, dict[int, list[str]]]:
    links: dict[str, dict[int, list[str]]] = {name: {pid: [] for pid in party_ids} for name in LINK_FIELDS}
    if not party_ids:
        return links
    wanted = set(party_ids)
    only = None if len(wanted) > 500 else sorted(wanted)
    for name, table, lookup, column in (
        ("business_functions", party_business_function, BusinessFunction, "business_function_id"),
        ("data_categories", party_data_category, DataCategory, "data_category_id"),
    ):
        query = sa.select(table.c.party_id, lookup.key).join(lookup, lookup.id == table.c[column])
        if only is not None:
            query = query.where(table.c.party_id.in_(only))
        for pid, key in uow.session.execute(query).tuples():
            if pid in wanted:
                links[name][pid].append(key)
    return links


def _decode(record_id: int, name: str, text: str | None) -> Any:
    if text is None:
        return None
    decoder = _DECODERS.get(name)
    try:
        if name in LINK_FIELDS:
            return tuple(sorted(json.loads(text)))
        return text if decoder is None else decoder(text)
    except (ValueError, TypeError) as exc:
        raise CorruptRegisterError(
            f"The change history of entrusted party #{record_id} holds {text!r} for {name}, "
            "which is not a valid value; run `calmi-vendors check`."
        ) from exc


def _party(
    record_id: int,
    values: dict[str, str | None],
    replay: _Replay,
    open_findings: int,
    deleted: datetime | None,
) -> PartyAsOf:
    def get(name: str) -> Any:
        return _decode(record_id, name, values.get(name))

    computed, override = get("tier"), get("tier_override")
    return PartyAsOf(
        id=record_id,
        name=get("name") or "",
        name_kana=get("name_kana"),
        corporate_number=get("corporate_number"),
        status=get("status") or PartyStatus.CANDIDATE,
        tier=override or computed,
        computed_tier=computed,
        tier_override=override,
        tier_override_reason=get("tier_override_reason"),
        next_audit_due=get("next_audit_due"),
        country=get("country") or "",
        processing_country=get("processing_country"),
        address=get("address"),
        data_subjects_approx=get("data_subjects_approx"),
        owner_department=get("owner_department"),
        reentrustment_allowed=bool(get("reentrustment_allowed")),
        parent_id=get("parent_id"),
        website=get("website"),
        notes=get("notes"),
        business_functions=get("business_functions"),
        data_categories=get("data_categories"),
        open_findings=open_findings,
        created_at=replay.created[record_id],
        last_changed_at=replay.changed[record_id],
        deleted_at=deleted,
    )


def _party_pattern(party_id: int) -> str:
    # Snapshots are sorted JSON of text values: this pattern matches this party's id exactly.
    return f'%"party_id": "{party_id}"%'


def _records_of_party(uow: UnitOfWork, table: str, party_id: int, moment: datetime) -> sa.Select[Any]:
    c = ChangeRecord.__table__.c
    return sa.select(c.record_id).where(
        c.table_name == table,
        c.action == ChangeAction.INSERT,
        c.changed_at <= moment,
        c.new_value.like(_party_pattern(party_id)),
    )


def _open_findings(uow: UnitOfWork, moment: datetime, party_id: int | None = None) -> dict[int, int]:
    c = ChangeRecord.__table__.c
    conditions = [c.table_name == "finding", c.changed_at <= moment]
    if party_id is not None:
        # Only that party's findings: those whose insert snapshot names it.
        conditions.append(c.record_id.in_(_records_of_party(uow, "finding", party_id, moment)))
    replay = _replay(_history_rows(uow, *conditions))
    counts: dict[int, int] = {}
    for values in replay.state.values():
        if values.get("status") in _OPEN_FINDINGS and values.get("party_id"):
            pid = int(values["party_id"] or 0)
            if party_id is None or pid == party_id:
                counts[pid] = counts.get(pid, 0) + 1
    return counts


def parties_as_of(uow: UnitOfWork, moment: datetime) -> list[PartyAsOf]:
    """Every party that existed at `moment`, with its values then, in id order (one pass over the history)."""
    moment = _aware(moment)
    c = ChangeRecord.__table__.c
    with uow:
        replay = _replay(_history_rows(uow, c.table_name == PARTY_TABLE, c.changed_at <= moment))
        later = _history_rows(
            uow,
            c.table_name == PARTY_TABLE,
            c.changed_at > moment,
            sa.or_(c.action != ChangeAction.UPDATE, c.field.in_(LINK_FIELDS)),
        )
        deleted = _settle_links(uow, replay, later)
        findings = _open_findings(uow, moment)
        return [
            _party(pid, replay.state[pid], replay, findings.get(pid, 0), deleted.get(pid))
            for pid in sorted(replay.state)
        ]


def _one(uow: UnitOfWork, party_id: int, moment: datetime) -> tuple[PartyAsOf | None, _Replay, list[Any]]:
    c = ChangeRecord.__table__.c
    rows = _history_rows(uow, c.table_name == PARTY_TABLE, c.record_id == party_id)
    then = [r for r in rows if r.changed_at <= moment]
    replay = _replay(then)
    if party_id not in replay.state:
        return None, replay, then
    later = [r for r in rows if r.changed_at > moment]
    deleted = _settle_links(uow, replay, later)
    findings = _open_findings(uow, moment, party_id)
    party = _party(party_id, replay.state[party_id], replay, findings.get(party_id, 0), deleted.get(party_id))
    return party, replay, then


def _status_changes(uow: UnitOfWork, party_id: int, moment: datetime) -> tuple[StatusChangeAsOf, ...]:
    c = ChangeRecord.__table__.c
    rows = _history_rows(
        uow,
        c.table_name == "status_change",
        c.action == ChangeAction.INSERT,
        c.changed_at <= moment,
        c.new_value.like(_party_pattern(party_id)),
    )
    changes = []
    for r in rows:
        values = json.loads(r.new_value or "{}")
        if values.get("party_id") != str(party_id):
            continue
        when = values.get("changed_at")
        changes.append(
            StatusChangeAsOf(
                from_status=PartyStatus(values["from_status"]) if values.get("from_status") else None,
                to_status=PartyStatus(values["to_status"]),
                changed_at=datetime.fromisoformat(when) if when else r.changed_at,
                changed_by=values.get("changed_by"),
                reason=values.get("reason"),
                is_override=values.get("is_override") == "true",
                approver=values.get("approver"),
            )
        )
    return tuple(changes)


def party_as_of(uow: UnitOfWork, party_id: int, moment: datetime) -> PartyStateAsOf:
    """One party at `moment`: its values, status changes and change history up to then (newest first)."""
    moment = _aware(moment)
    with uow:
        party, replay, then = _one(uow, party_id, moment)
        if party is None:
            raise NotFoundError(
                f"Entrusted party #{party_id} was not in the register at "
                f"{moment.isoformat(timespec='minutes')}."
            )
        parent_name = None
        if party.parent_id is not None:
            parent, _, _ = _one(uow, party.parent_id, moment)
            parent_name = parent.name if parent is not None else None
        start = replay.started[party_id]
        history = tuple(
            HistoryEntry(
                id=r.id,
                changed_at=r.changed_at,
                changed_by=r.changed_by,
                action=ChangeAction(r.action),
                table_name=PARTY_TABLE,
                record_id=party_id,
                field=r.field,
                old_value=r.old_value,
                new_value=r.new_value,
            )
            for r in reversed(then)
            if r.id >= start
        )
        return PartyStateAsOf(
            moment=moment,
            party=party,
            parent_name=parent_name,
            status_changes=_status_changes(uow, party_id, moment),
            history=history,
        )
