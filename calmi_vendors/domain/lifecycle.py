"""Lifecycle of an entrusted party: which status moves are allowed, and which need a passed selection."""

from __future__ import annotations

from collections.abc import Mapping

from calmi_vendors.domain.enums import AssessmentResult, ContractStatus, FindingStatus, PartyStatus

S = PartyStatus

ALLOWED_TRANSITIONS: Mapping[PartyStatus, frozenset[PartyStatus]] = {
    S.CANDIDATE: frozenset({S.UNDER_ASSESSMENT, S.TERMINATED}),
    S.UNDER_ASSESSMENT: frozenset({S.CANDIDATE, S.APPROVED, S.TERMINATED}),
    S.APPROVED: frozenset({S.ACTIVE, S.SUSPENDED, S.TERMINATED, S.UNDER_ASSESSMENT}),
    S.ACTIVE: frozenset({S.SUSPENDED, S.TERMINATED, S.UNDER_ASSESSMENT}),
    S.SUSPENDED: frozenset({S.ACTIVE, S.UNDER_ASSESSMENT, S.TERMINATED}),
    # A terminated party comes back only through a new assessment.
    S.TERMINATED: frozenset({S.UNDER_ASSESSMENT}),
}

# Entrusting personal information to a party needs a passed selection assessment first (APPI Art. 25).
NEEDS_PASSED_SELECTION = frozenset({S.APPROVED, S.ACTIVE})

PASSING_RESULTS = frozenset({AssessmentResult.APPROVED, AssessmentResult.APPROVED_WITH_CONDITIONS})

# A finding still needs work until it is closed; a contract binds until it expires or is terminated.
OPEN_FINDING_STATUSES = (FindingStatus.OPEN, FindingStatus.IN_PROGRESS)
LIVE_CONTRACT_STATUSES = (ContractStatus.ACTIVE, ContractStatus.UNDER_NEGOTIATION, ContractStatus.DRAFT)

# Parties the company currently entrusts data to: these are scheduled for audits.
SUPERVISED = frozenset({S.APPROVED, S.ACTIVE, S.SUSPENDED})


def can_move(current: PartyStatus, target: PartyStatus) -> bool:
    return target == current or target in ALLOWED_TRANSITIONS[current]


def transition_error(current: PartyStatus, target: PartyStatus) -> str | None:
    """Why the move is not allowed, in words; None when it is."""
    if can_move(current, target):
        return None
    allowed = ", ".join(sorted(s.value.replace("_", " ") for s in ALLOWED_TRANSITIONS[current]))
    return (
        f"A party that is {current.value.replace('_', ' ')} cannot become "
        f"{target.value.replace('_', ' ')} directly (allowed: {allowed})."
    )
