"""Facts a party inherits from the re-entrustment chain above it."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from calmi_vendors.store.models import DataCategory, EntrustedParty, party_data_category

_DEPTH_LIMIT = 50  # deeper than any real chain; a damaged register cannot loop


def special_care_party_ids(session: Session) -> set[int]:
    """Parties that handle special-care data, themselves or through a party above them in the chain.

    A re-entrustee handles the data its parent hands on, so it inherits the strictest requirements
    of the chain: the clauses and the tier points that special-care data calls for.
    """
    direct = set(
        session.scalars(
            sa.select(party_data_category.c.party_id)
            .join(DataCategory, DataCategory.id == party_data_category.c.data_category_id)
            .where(DataCategory.special_care)
        )
    )
    parent_of = dict(session.execute(sa.select(EntrustedParty.id, EntrustedParty.parent_id)).tuples().all())
    found: set[int] = set()
    for party_id in parent_of:
        current: int | None = party_id
        for _ in range(_DEPTH_LIMIT):
            if current is None:
                break
            if current in direct:
                found.add(party_id)
                break
            current = parent_of.get(current)
    return found
