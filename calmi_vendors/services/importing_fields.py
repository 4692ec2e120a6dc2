"""One accepted update written onto a party, validated as the parties service validates its input."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from calmi_vendors.domain.corporate_number import validate_corporate_number
from calmi_vendors.domain.values import validate_email
from calmi_vendors.errors import ValidationError
from calmi_vendors.services import parties
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.importing_compare import cert_key, contact_given, name_key
from calmi_vendors.store.models import BusinessFunction, Certification, Contact, DataCategory, EntrustedParty

_LINE_LIMITS = {"name_kana": parties.MAX_NAME, "owner_department": 200, "website": 500}
_BLOCK_LIMITS = {"address": 2000, "notes": parties.MAX_TEXT}


@dataclass(slots=True)
class Lookups:
    """Business functions and data categories by key, read once per import."""

    functions: dict[str, BusinessFunction] = field(default_factory=dict)
    categories: dict[str, DataCategory] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> Lookups:
        return cls(
            {r.key: r for r in session.scalars(sa.select(BusinessFunction))},
            {r.key: r for r in session.scalars(sa.select(DataCategory))},
        )


def set_field(party: EntrustedParty, data: PartyInput, name: str, lookups: Lookups) -> None:
    """Write one field of `data` onto `party` (the parent is linked by the caller)."""
    if name == "name":
        text = parties._text(data.name, "name", limit=parties.MAX_NAME, required=True) or ""
        party.name, party.name_key = text, name_key(text)
    elif name in _LINE_LIMITS:
        setattr(party, name, parties._text(getattr(data, name), name, limit=_LINE_LIMITS[name]))
    elif name in _BLOCK_LIMITS:
        block = parties._text(getattr(data, name), name, limit=_BLOCK_LIMITS[name], multiline=True)
        setattr(party, name, block)
    elif name == "corporate_number":
        party.corporate_number = validate_corporate_number(data.corporate_number or "")
    elif name == "country":
        party.country = parties._country(data.country, "country", required=True) or "JP"
    elif name == "processing_country":
        party.processing_country = parties._country(
            data.processing_country, "processing_country", required=False
        )
    elif name == "data_subjects_approx":
        if data.data_subjects_approx is not None and data.data_subjects_approx < 0:
            raise ValidationError("The number of data subjects cannot be negative.")
        party.data_subjects_approx = data.data_subjects_approx
    elif name == "business_functions":
        party.business_functions = _rows(lookups.functions, data.business_functions, "business function")
    elif name == "data_categories":
        party.data_categories = _rows(lookups.categories, data.data_categories, "data category")
    elif name == "reentrustment_allowed":
        party.reentrustment_allowed = data.reentrustment_allowed
    elif name == "contact":
        _set_contact(party, data)
    elif name == "certifications":
        _set_certifications(party, data)
    else:
        raise ValueError(f"{name!r} is not a field an import updates")


def _set_contact(party: EntrustedParty, data: PartyInput) -> None:
    given_name, email, phone = contact_given(data.contacts[0])
    email = validate_email(email) if email else None
    phone = parties._text(phone, "phone", limit=50)
    given_name = parties._text(given_name, "contact_name", limit=200)
    primary = next((c for c in party.contacts if c.is_primary), None) or (
        party.contacts[0] if party.contacts else None
    )
    if primary is None:
        name = given_name or email or phone or ""
        party.contacts.append(Contact(name=name, email=email, phone=phone, is_primary=True))
        return
    # Only what the row gives changes; the rest of the contact stays as the register has it.
    if given_name:
        primary.name = given_name
    if email:
        primary.email = email
    if phone:
        primary.phone = phone


def _set_certifications(party: EntrustedParty, data: PartyInput) -> None:
    """Same kind: the expiry is updated; a new kind is added; a certification is never removed."""
    for cert in data.certifications:
        key = cert_key(cert.kind, cert.name)
        same = [c for c in party.certifications if cert_key(c.kind, c.name) == key]
        if not same:
            party.certifications.append(
                Certification(
                    kind=cert.kind,
                    number=parties._text(cert.number, "certification_number", limit=100),
                    name=parties._text(cert.name, "certification_name", limit=200),
                    issuer=parties._text(cert.issuer, "certification_issuer", limit=200),
                    issued_on=cert.issued_on,
                    expires_on=cert.expires_on,
                )
            )
        elif cert.expires_on is not None and all(c.expires_on != cert.expires_on for c in same):
            same[-1].expires_on = cert.expires_on


def _rows(table: dict[str, Any], keys: tuple[str, ...], what: str) -> list[Any]:
    unknown = [key for key in keys if key not in table]
    if unknown:
        raise ValidationError(f"Unknown {what}: {', '.join(unknown)}.")
    return [table[key] for key in dict.fromkeys(keys)]
