"""Which clause requirements apply to a party's consignment contract, and what counts as a gap."""

from __future__ import annotations

from calmi_vendors.domain.enums import Applicability, Coverage

GAP_COVERAGE = frozenset({Coverage.MISSING, Coverage.PARTIAL})
# The company's jurisdiction: handling data anywhere else is a provision to a third party abroad (APPI 28).
HOME_COUNTRY = "JP"


def is_cross_border(country: str | None, processing_country: str | None, *, home: str = HOME_COUNTRY) -> bool:
    """Data leaves the home country when it is processed (or, if unknown, the party sits) elsewhere."""
    where = processing_country or country
    return bool(where) and where != home


def requirement_applies(
    applicability: Applicability, *, cross_border: bool, reentrustment_allowed: bool, special_care: bool
) -> bool:
    """Cross-border clauses only where data is handled abroad; the others by the party's profile."""
    if applicability is Applicability.CROSS_BORDER:
        return cross_border
    if applicability is Applicability.REENTRUSTMENT:
        return reentrustment_allowed
    if applicability is Applicability.SPECIAL_CARE:
        return special_care
    return True


def is_gap(coverage: Coverage, *, applies: bool, strict: bool = False) -> bool:
    """Missing or partial where the requirement applies.

    `strict`: the requirement is one of the stricter security items and the party handles
    special-care data (itself or through its chain) — it cannot be waived as not applicable.
    """
    if not applies:
        return False
    return coverage in GAP_COVERAGE or (strict and coverage is Coverage.NOT_APPLICABLE)
