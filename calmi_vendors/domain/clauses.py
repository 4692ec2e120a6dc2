"""Which clause requirements apply to a party's consignment contract, and what counts as a gap."""

from __future__ import annotations

from calmi_vendors.domain.enums import Applicability, Coverage

GAP_COVERAGE = frozenset({Coverage.MISSING, Coverage.PARTIAL})


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


def is_gap(coverage: Coverage, *, applies: bool) -> bool:
    return applies and coverage in GAP_COVERAGE
