"""Entrusted parties: create, edit (with conflict detection), look up, list, move through the lifecycle."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from calmi_vendors.domain.chain import creates_cycle
from calmi_vendors.domain.corporate_number import InvalidCorporateNumber, validate_corporate_number
from calmi_vendors.domain.enums import AssessmentKind, AssessmentStatus, PartyStatus, RiskTier
from calmi_vendors.domain.lifecycle import NEEDS_PASSED_SELECTION, PASSING_RESULTS, transition_error
from calmi_vendors.domain.text import clean_text, match_key
from calmi_vendors.domain.values import MAX_COUNT, InvalidValue, validate_email
from calmi_vendors.errors import ConcurrentEditError, NotFoundError, RuleViolation, ValidationError
from calmi_vendors.services.dto import (
    CertificationView,
    ContactView,
    PartyDetail,
    PartyInput,
    PartyRef,
    PartySummary,
)
from calmi_vendors.store.models import (
    Assessment,
    BusinessFunction,
    Certification,
    Contact,
    DataCategory,
    EntrustedParty,
    StatusChange,
)
from calmi_vendors.store.unit_of_work import UnitOfWork

MAX_NAME = 300
MAX_TEXT = 20_000


def _text(
    value: str | None, field: str, *, limit: int, required: bool = False, multiline: bool = False
) -> str | None:
    if value is None or not value.strip():
        if required:
            raise ValidationError(f"{field.replace('_', ' ').capitalize()} is required.", field=field)
        return None
    if any(ord(ch) < 32 and not (multiline and ch in "\n\t\r") for ch in value) or "\x7f" in value:
        raise ValidationError(
            f"{field.replace('_', ' ').capitalize()} contains control characters.", field=field
        )
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        # Lone surrogates cannot be stored as UTF-8: a pasted half of an emoji, say.
        label = field.replace("_", " ").capitalize()
        raise ValidationError(f"{label} contains characters that are not valid text.", field=field)
    cleaned = value.strip() if multiline else clean_text(value)
    if len(cleaned) > limit:
        raise ValidationError(
            f"{field.replace('_', ' ').capitalize()} is {len(cleaned)} characters long; at most {limit} fit.",
            field=field,
        )
    return cleaned


def _country(value: str | None, field: str, *, required: bool) -> str | None:
    if value is None or not value.strip():
        if required:
            raise ValidationError("Country is required.", field=field)
        return None
    code = value.strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise ValidationError(f"{value!r} is not a two-letter country code (e.g. JP, US).", field=field)
    return code


_Lookup = TypeVar("_Lookup", BusinessFunction, DataCategory)


def _keys_to_rows(uow: UnitOfWork, model: type[_Lookup], keys: Sequence[str], field: str) -> list[_Lookup]:
    if not keys:
        return []
    rows = {row.key: row for row in uow.session.scalars(sa.select(model).where(model.key.in_(set(keys))))}
    unknown = [k for k in keys if k not in rows]
    if unknown:
        raise ValidationError(f"Unknown {field.replace('_', ' ')}: {', '.join(unknown)}.", field=field)
    return [rows[k] for k in dict.fromkeys(keys)]


def _apply(uow: UnitOfWork, party: EntrustedParty, data: PartyInput) -> None:
    name = _text(data.name, "name", limit=MAX_NAME, required=True)
    assert name is not None
    party.name = name
    party.name_key = match_key(name) or name
    party.name_kana = _text(data.name_kana, "name_kana", limit=MAX_NAME)
    if data.corporate_number and data.corporate_number.strip():
        try:
            number = validate_corporate_number(data.corporate_number)
        except InvalidCorporateNumber as exc:
            raise ValidationError(f"Corporate number: {exc}", field="corporate_number") from exc
        clash = uow.session.scalar(
            sa.select(EntrustedParty.name).where(
                EntrustedParty.corporate_number == number, EntrustedParty.id != (party.id or -1)
            )
        )
        if clash is not None:
            raise ValidationError(
                f"Corporate number {number} is already registered for {clash}.", field="corporate_number"
            )
        party.corporate_number = number
    else:
        party.corporate_number = None
    party.country = _country(data.country, "country", required=True) or "JP"
    party.processing_country = _country(data.processing_country, "processing_country", required=False)
    party.address = _text(data.address, "address", limit=2000, multiline=True)
    if data.data_subjects_approx is not None and data.data_subjects_approx < 0:
        raise ValidationError("The number of data subjects cannot be negative.", field="data_subjects_approx")
    if data.data_subjects_approx is not None and data.data_subjects_approx > MAX_COUNT:
        raise ValidationError(
            f"The number of data subjects is above {MAX_COUNT:,}; enter an estimate.",
            field="data_subjects_approx",
        )
    party.data_subjects_approx = data.data_subjects_approx
    party.owner_department = _text(data.owner_department, "owner_department", limit=200)
    party.website = _text(data.website, "website", limit=500)
    party.notes = _text(data.notes, "notes", limit=MAX_TEXT, multiline=True)
    party.reentrustment_allowed = data.reentrustment_allowed
    _set_parent(uow, party, data.parent_id)
    party.business_functions = _keys_to_rows(
        uow, BusinessFunction, data.business_functions, "business_functions"
    )
    party.data_categories = _keys_to_rows(uow, DataCategory, data.data_categories, "data_categories")
    _apply_contacts(party, data)
    party.certifications = [
        Certification(
            kind=c.kind,
            number=_text(c.number, "certification_number", limit=100),
            name=_text(c.name, "certification_name", limit=200),
            issuer=_text(c.issuer, "certification_issuer", limit=200),
            issued_on=c.issued_on,
            expires_on=c.expires_on,
        )
        for c in data.certifications
    ]


def _apply_contacts(party: EntrustedParty, data: PartyInput) -> None:
    contacts = []
    for c in data.contacts:
        email = None
        if c.email and c.email.strip():
            try:
                email = validate_email(c.email)
            except InvalidValue as exc:
                raise ValidationError(f"Contact {c.name}: {exc}", field="email") from exc
        contact_name = _text(c.name, "contact_name", limit=200, required=True)
        assert contact_name is not None
        contacts.append(
            Contact(
                name=contact_name,
                role=_text(c.role, "contact_role", limit=200),
                department=_text(c.department, "contact_department", limit=200),
                email=email,
                phone=_text(c.phone, "phone", limit=50),
                is_primary=c.is_primary,
            )
        )
    party.contacts = contacts


def _set_parent(uow: UnitOfWork, party: EntrustedParty, parent_id: int | None) -> None:
    if parent_id is not None and uow.session.get(EntrustedParty, parent_id) is None:
        raise ValidationError(f"The parent party #{parent_id} does not exist.", field="parent_id")

    def parent_of(pid: int) -> int | None:
        return uow.session.scalar(sa.select(EntrustedParty.parent_id).where(EntrustedParty.id == pid))

    if parent_id is not None and (parent_id == party.id or creates_cycle(party.id, parent_id, parent_of)):
        raise ValidationError(
            "That parent would make the re-entrustment chain a loop: a party cannot re-entrust "
            "work to itself or to one of the parties above it.",
            field="parent_id",
        )
    party.parent_id = parent_id


def _load(uow: UnitOfWork, party_id: int) -> EntrustedParty:
    party = uow.session.get(
        EntrustedParty,
        party_id,
        options=[
            selectinload(EntrustedParty.business_functions),
            selectinload(EntrustedParty.data_categories),
            selectinload(EntrustedParty.contacts),
            selectinload(EntrustedParty.certifications),
        ],
    )
    if party is None:
        raise NotFoundError(f"There is no entrusted party #{party_id}.")
    return party


def to_detail(party: EntrustedParty) -> PartyDetail:
    return PartyDetail(
        id=party.id,
        version=party.version,
        name=party.name,
        name_kana=party.name_kana,
        corporate_number=party.corporate_number,
        country=party.country,
        address=party.address,
        processing_country=party.processing_country,
        data_subjects_approx=party.data_subjects_approx,
        status=party.status,
        tier=party.effective_tier,
        computed_tier=party.tier,
        tier_reason=party.tier_reason,
        tier_override_reason=party.tier_override_reason,
        parent_id=party.parent_id,
        parent_name=party.parent.name if party.parent else None,
        reentrustment_allowed=party.reentrustment_allowed,
        owner_department=party.owner_department,
        website=party.website,
        notes=party.notes,
        next_audit_due=party.next_audit_due,
        business_functions=tuple(f.key for f in party.business_functions),
        data_categories=tuple(c.key for c in party.data_categories),
        special_care=any(c.special_care for c in party.data_categories),
        contacts=tuple(
            ContactView(c.id, c.name, c.role, c.department, c.email, c.phone, c.is_primary)
            for c in party.contacts
        ),
        certifications=tuple(
            CertificationView(c.id, c.kind, c.number, c.name, c.issuer, c.issued_on, c.expires_on)
            for c in party.certifications
        ),
        created_at=party.created_at,
        updated_at=party.updated_at,
    )


def create_party(
    uow: UnitOfWork, data: PartyInput, *, status: PartyStatus = PartyStatus.CANDIDATE
) -> PartyDetail:
    with uow:
        party = EntrustedParty(status=status)
        _apply(uow, party, data)
        uow.session.add(party)
        uow.session.flush()
        uow.session.add(
            StatusChange(party_id=party.id, to_status=status, changed_by=uow.actor, reason="Registered")
        )
        uow.commit()
        return to_detail(_load(uow, party.id))


def get_party(uow: UnitOfWork, party_id: int) -> PartyDetail:
    with uow:
        return to_detail(_load(uow, party_id))


def _conflict(party_id: int, current: int) -> ConcurrentEditError:
    return ConcurrentEditError(
        f"Entrusted party #{party_id} was changed by someone else since you opened it "
        f"(now version {current}). Reload it to see their changes, then save again.",
        record_type="entrusted_party",
        record_id=party_id,
        current_version=current,
    )


def update_party(uow: UnitOfWork, party_id: int, data: PartyInput, *, expected_version: int) -> PartyDetail:
    """Save edits made on version `expected_version`; a newer version in the store refuses the save."""
    with uow:
        party = _load(uow, party_id)
        if party.version != expected_version:
            raise _conflict(party_id, party.version)
        _apply(uow, party, data)
        try:
            uow.commit()
        except StaleDataError as exc:
            uow.rollback()
            current = uow.session.scalar(
                sa.select(EntrustedParty.version).where(EntrustedParty.id == party_id)
            )
            raise _conflict(party_id, current or 0) from exc
        return to_detail(_load(uow, party_id))


def change_status(
    uow: UnitOfWork,
    party_id: int,
    target: PartyStatus,
    *,
    reason: str,
    expected_version: int | None = None,
    override_approver: str | None = None,
) -> PartyDetail:
    """Move a party through its lifecycle, recording who, when and why.

    Approving or activating needs a passed selection assessment; without one, only an explicit
    override naming its approver (recorded with the reason) lets the move through.
    """
    reason_text = _text(reason, "reason", limit=2000, required=True, multiline=True)
    approver = _text(override_approver, "override_approver", limit=200)
    with uow:
        party = _load(uow, party_id)
        if expected_version is not None and party.version != expected_version:
            raise _conflict(party_id, party.version)
        problem = transition_error(party.status, target)
        if problem:
            raise ValidationError(problem, field="status")
        needs_selection = target in NEEDS_PASSED_SELECTION and party.status != target
        override = needs_selection and not _has_passed_selection(uow, party_id)
        if override and approver is None:
            raise RuleViolation(
                f"{party.name} has no completed selection assessment with a passing result, so it cannot "
                f"become {target.value.replace('_', ' ')}. Complete the assessment, or record an override "
                "with its reason and approver."
            )
        if party.status != target:
            uow.session.add(
                StatusChange(
                    party_id=party.id,
                    from_status=party.status,
                    to_status=target,
                    changed_by=uow.actor,
                    reason=reason_text,
                    is_override=override,
                    approver=approver if override else None,
                )
            )
            party.status = target
        uow.commit()
        return to_detail(_load(uow, party_id))


def _has_passed_selection(uow: UnitOfWork, party_id: int) -> bool:
    found = uow.session.scalar(
        sa.select(Assessment.id)
        .where(
            Assessment.party_id == party_id,
            Assessment.kind == AssessmentKind.SELECTION,
            Assessment.status == AssessmentStatus.COMPLETED,
            Assessment.result.in_(PASSING_RESULTS),
        )
        .limit(1)
    )
    return found is not None


def list_parties(uow: UnitOfWork) -> list[PartySummary]:
    """Every party as a register row, in id order (the views sort and filter in memory)."""
    with uow:
        parties = uow.session.scalars(
            sa.select(EntrustedParty)
            .options(
                selectinload(EntrustedParty.business_functions), selectinload(EntrustedParty.data_categories)
            )
            .order_by(EntrustedParty.id)
        ).all()
        return [
            PartySummary(
                id=p.id,
                name=p.name,
                name_kana=p.name_kana,
                corporate_number=p.corporate_number,
                country=p.country,
                processing_country=p.processing_country,
                status=p.status,
                tier=p.effective_tier,
                parent_id=p.parent_id,
                owner_department=p.owner_department,
                next_audit_due=p.next_audit_due,
                business_functions=tuple(f.key for f in p.business_functions),
                special_care=any(c.special_care for c in p.data_categories),
                updated_at=p.updated_at,
                version=p.version,
            )
            for p in parties
        ]


def children_of(uow: UnitOfWork, party_id: int) -> list[PartyRef]:
    """The parties this party re-entrusts work to, by name."""
    with uow:
        rows = uow.session.execute(
            sa.select(EntrustedParty.id, EntrustedParty.name)
            .where(EntrustedParty.parent_id == party_id)
            .order_by(EntrustedParty.name)
        ).all()
        return [PartyRef(r.id, r.name) for r in rows]


def find_by_corporate_number(uow: UnitOfWork, corporate_number: str) -> int | None:
    """The id of the party with this 13-digit corporate number, if the register holds one."""
    with uow:
        return uow.session.scalar(
            sa.select(EntrustedParty.id).where(EntrustedParty.corporate_number == corporate_number).limit(1)
        )


def override_tier(
    uow: UnitOfWork,
    party_id: int,
    tier: RiskTier | None,
    *,
    reason: str | None,
    expected_version: int,
) -> PartyDetail:
    """Set (or with None, lift) a manual risk tier; setting one needs a reason, kept with it."""
    reason_text = _text(reason, "tier_override_reason", limit=2000, multiline=True)
    if tier is not None and not reason_text:
        raise ValidationError("Say why the computed tier is overridden.", field="tier_override_reason")
    with uow:
        party = _load(uow, party_id)
        if party.version != expected_version:
            raise _conflict(party_id, party.version)
        party.tier_override = tier
        party.tier_override_reason = reason_text if tier is not None else None
        uow.commit()
        return to_detail(_load(uow, party_id))
