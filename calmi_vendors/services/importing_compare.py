"""The register as an import sees it (loaded once, not per row) and the field-by-field comparison of a row."""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from calmi_vendors.domain.enums import CertificationKind, PartyStatus
from calmi_vendors.domain.text import clean_text, match_key
from calmi_vendors.services.dto import CertificationInput, ContactInput, PartyInput
from calmi_vendors.services.importing_types import FieldDifference
from calmi_vendors.store.models import (
    BusinessFunction,
    Certification,
    Contact,
    DataCategory,
    EntrustedParty,
    party_business_function,
    party_data_category,
)

# Ids per IN (…) list: far below SQLite's and PostgreSQL's bound-parameter limits.
CHUNK = 1000

CertKey = tuple[CertificationKind, str | None]
T = TypeVar("T")


def chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# match_key costs ~50 µs and a preview and its apply ask for each row's key several times.
@functools.lru_cache(maxsize=250_000)
def name_key(name: str) -> str:
    """The party's name_key column as parties._apply computes it."""
    return match_key(name) or name


def exact_key(name: str) -> str:
    return unicodedata.normalize("NFKC", clean_text(name)).casefold()


def cert_key(kind: CertificationKind, name: str | None) -> CertKey:
    """Certifications compare by kind; "other" ones by their name too."""
    return (kind, exact_key(name) if kind is CertificationKind.OTHER and name else None)


def same_company(
    number: str | None, country: str | None, other_number: str | None, other_country: str | None
) -> bool:
    """Can two parties with matching names be one company? Not with different numbers or countries.

    Groups register subsidiaries under one name in several countries (Atlas Inc., Atlas K.K. …).
    """
    if number and other_number and number != other_number:
        return False
    return not (country and other_country and country != other_country)


@dataclass(slots=True)
class KnownParty:
    """The scalar columns of one register party."""

    id: int
    version: int
    name: str
    name_key: str
    name_kana: str | None
    corporate_number: str | None
    country: str
    address: str | None
    processing_country: str | None
    data_subjects_approx: int | None
    reentrustment_allowed: bool
    parent_id: int | None
    owner_department: str | None
    website: str | None
    notes: str | None
    status: PartyStatus
    # Filled only for the parties a file's rows match.
    functions: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    contact: tuple[str, str | None, str | None] | None = None
    certifications: tuple[tuple[CertKey, date | None], ...] = ()


@dataclass(slots=True)
class RegisterSnapshot:
    """Every party's keys and fields, indexed for matching; read in a handful of queries."""

    by_id: dict[int, KnownParty]
    by_number: dict[str, KnownParty]
    by_key: dict[str, list[KnownParty]]
    function_keys: frozenset[str]
    category_keys: frozenset[str]
    max_party_id: int
    detailed: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, session: Session) -> RegisterSnapshot:
        p = EntrustedParty.__table__.c
        by_id: dict[int, KnownParty] = {}
        by_number: dict[str, KnownParty] = {}
        by_key: dict[str, list[KnownParty]] = defaultdict(list)
        # Keys are computed from the names, not read from name_key: a register written before match_key
        # last changed still matches the way a new one does.
        for r in session.execute(
            sa.select(
                p.id, p.version, p.name, p.name_kana, p.corporate_number, p.country, p.address,
                p.processing_country, p.data_subjects_approx, p.reentrustment_allowed, p.parent_id,
                p.owner_department, p.website, p.notes, p.status,
            ).order_by(p.id)
        ):  # fmt: skip
            known = KnownParty(
                r.id, r.version, r.name, name_key(r.name), r.name_kana, r.corporate_number, r.country,
                r.address,
                r.processing_country, r.data_subjects_approx, bool(r.reentrustment_allowed), r.parent_id,
                r.owner_department, r.website, r.notes, PartyStatus(r.status),
            )  # fmt: skip
            by_id[known.id] = known
            if known.corporate_number:
                by_number[known.corporate_number] = known
            by_key[known.name_key].append(known)
        return cls(
            by_id=by_id,
            by_number=by_number,
            by_key=dict(by_key),
            function_keys=frozenset(session.scalars(sa.select(BusinessFunction.key))),
            category_keys=frozenset(session.scalars(sa.select(DataCategory.key))),
            max_party_id=max(by_id, default=0),
        )

    def find(
        self, name: str | None, number: str | None, country: str | None = None
    ) -> tuple[KnownParty | None, str | None, str | None]:
        """(party, matched_by, problem): by corporate number first, else by the normalised name."""
        if number and number in self.by_number:
            return self.by_number[number], "corporate_number", None
        if not name:
            return None, None, None
        found = self.named(name, number, country)
        if len(found) == 1:
            return found[0], "name", None
        if not found:
            return None, None, None
        shown = ", ".join(f"{p.name} (#{p.id})" for p in found[:5])
        problem = (
            f"matches several parties in the register ({shown}); give the corporate number to say which one"
        )
        return None, None, problem

    def named(self, name: str, number: str | None = None, country: str | None = None) -> list[KnownParty]:
        """Parties whose name matches; a different corporate number or country means another company."""
        found = [
            p
            for p in self.by_key.get(name_key(name), ())
            if same_company(p.corporate_number, p.country, number, country)
        ]
        if len(found) > 1:
            exact = [p for p in found if exact_key(p.name) == exact_key(name)]
            if exact:
                return exact
        return found

    def load_details(self, session: Session, ids: Iterable[int]) -> None:
        """Business functions, data categories, primary contact and certifications of these parties."""
        wanted = sorted(set(ids) - self.detailed)
        functions: dict[int, list[str]] = defaultdict(list)
        categories: dict[int, list[str]] = defaultdict(list)
        contacts: dict[int, tuple[str, str | None, str | None]] = {}
        certifications: dict[int, list[tuple[CertKey, date | None]]] = defaultdict(list)
        pbf, pdc = party_business_function.c, party_data_category.c
        for part in chunks(wanted):
            for pid, key in session.execute(
                sa.select(pbf.party_id, BusinessFunction.key)
                .join(BusinessFunction, BusinessFunction.id == pbf.business_function_id)
                .where(pbf.party_id.in_(part))
                .order_by(BusinessFunction.sort_order)
            ).tuples():
                functions[pid].append(key)
            for pid, key in session.execute(
                sa.select(pdc.party_id, DataCategory.key)
                .join(DataCategory, DataCategory.id == pdc.data_category_id)
                .where(pdc.party_id.in_(part))
                .order_by(DataCategory.sort_order)
            ).tuples():
                categories[pid].append(key)
            # The primary contact, else the first one: that is the one a list's contact columns describe.
            for c in session.execute(
                sa.select(Contact.party_id, Contact.name, Contact.email, Contact.phone)
                .where(Contact.party_id.in_(part))
                .order_by(Contact.party_id, Contact.is_primary.desc(), Contact.id)
            ):
                contacts.setdefault(c.party_id, (c.name, c.email, c.phone))
            for pid, kind, cert_name, expires in session.execute(
                sa.select(
                    Certification.party_id, Certification.kind, Certification.name, Certification.expires_on
                )
                .where(Certification.party_id.in_(part))
                .order_by(Certification.id)
            ).tuples():
                certifications[pid].append((cert_key(CertificationKind(kind), cert_name), expires))
        for pid in wanted:
            known = self.by_id[pid]
            known.functions = tuple(functions.get(pid, ()))
            known.categories = tuple(categories.get(pid, ()))
            known.contact = contacts.get(pid)
            known.certifications = tuple(certifications.get(pid, ()))
            self.detailed.add(pid)


def shown(value: object) -> str | None:
    """A value as a preview shows it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value) or None
    return str(value)


def contact_given(contact: ContactInput) -> tuple[str | None, str | None, str | None]:
    """(name, email, phone) a list's row really gives: a contact named after its address has no name."""
    name = clean_text(contact.name) if contact.name not in (contact.email, contact.phone) else None
    phone = clean_text(contact.phone) if contact.phone else None
    return name or None, contact.email, phone or None


def merged_contact(
    current: tuple[str, str | None, str | None] | None, incoming: ContactInput
) -> tuple[str, str | None, str | None]:
    """The primary contact after applying what the row gives over what the register has."""
    name, email, phone = contact_given(incoming)
    base = current or (incoming.name, None, None)
    return (name or base[0], email or base[1], phone or base[2])


def shown_contact(contact: tuple[str, str | None, str | None] | None) -> str | None:
    if contact is None:
        return None
    name, email, phone = contact
    return " ".join(part for part in (name, f"<{email}>" if email else None, phone) if part)


def certs_after(
    current: Sequence[tuple[CertKey, date | None]], incoming: Sequence[CertificationInput]
) -> list[tuple[CertKey, date | None]]:
    """Certifications after the row's are merged in: same kind updated, new kinds added, none removed."""
    result = list(current)
    for cert in incoming:
        key = cert_key(cert.kind, cert.name)
        same = [i for i, (k, _) in enumerate(result) if k == key]
        if not same:
            result.append((key, cert.expires_on))
        elif cert.expires_on is not None and all(result[i][1] != cert.expires_on for i in same):
            result[same[-1]] = (key, cert.expires_on)
    return result


def shown_certs(certs: Sequence[tuple[CertKey, date | None]]) -> str | None:
    parts = []
    for (kind, name), expires in certs:
        label = name if kind is CertificationKind.OTHER and name else kind.value
        parts.append(f"{label} ({expires.isoformat()})" if expires else label)
    return "; ".join(parts) or None


@dataclass(frozen=True, slots=True)
class Incoming:
    """What one valid row says, normalised as the parties service stores it; None where it says nothing."""

    data: PartyInput
    country_given: bool
    reentrustment_given: bool
    parent_name: str | None


def differences(
    current: KnownParty,
    incoming: Incoming,
    *,
    matched_by: str | None,
    parent: tuple[int | None, str | None] | None,
    names: dict[int, KnownParty],
) -> list[FieldDifference]:
    """Fields the row would change; a blank cell or a missing column never clears a value."""
    data = incoming.data
    found: list[FieldDifference] = []

    def compare(field_name: str, old: object, new: object) -> None:
        if new is not None and new != old:
            found.append(FieldDifference(field_name, shown(old), shown(new)))

    name = clean_text(data.name)
    # Matched by name, the name is the same company however its form is written: never an update.
    if matched_by == "corporate_number" and name_key(name) != current.name_key:
        found.append(FieldDifference("name", current.name, name))
    compare("name_kana", current.name_kana, _line(data.name_kana))
    compare("corporate_number", current.corporate_number, data.corporate_number or None)
    if incoming.country_given:
        compare("country", current.country, data.country.strip().upper())
    compare("address", current.address, _block(data.address))
    compare("processing_country", current.processing_country, _upper(data.processing_country))
    compare("data_subjects_approx", current.data_subjects_approx, data.data_subjects_approx)
    if data.business_functions and set(data.business_functions) != set(current.functions):
        found.append(
            FieldDifference("business_functions", shown(current.functions), shown(data.business_functions))
        )
    if data.data_categories and set(data.data_categories) != set(current.categories):
        found.append(
            FieldDifference("data_categories", shown(current.categories), shown(data.data_categories))
        )
    if incoming.reentrustment_given:
        compare("reentrustment_allowed", current.reentrustment_allowed, data.reentrustment_allowed)
    if parent is not None and parent[0] != current.parent_id:
        old_parent = names.get(current.parent_id) if current.parent_id is not None else None
        found.append(
            FieldDifference(
                "parent", old_parent.name if old_parent else None, parent[1] or incoming.parent_name
            )
        )
    compare("owner_department", current.owner_department, _line(data.owner_department))
    compare("website", current.website, _line(data.website))
    compare("notes", current.notes, _block(data.notes))
    if data.contacts:
        after = merged_contact(current.contact, data.contacts[0])
        if after != current.contact:
            found.append(FieldDifference("contact", shown_contact(current.contact), shown_contact(after)))
    if data.certifications:
        after_certs = certs_after(current.certifications, data.certifications)
        if after_certs != list(current.certifications):
            found.append(
                FieldDifference(
                    "certifications", shown_certs(current.certifications), shown_certs(after_certs)
                )
            )
    return found


def _line(value: str | None) -> str | None:
    return clean_text(value) or None if value else None


def _block(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _upper(value: str | None) -> str | None:
    return value.strip().upper() or None if value else None
