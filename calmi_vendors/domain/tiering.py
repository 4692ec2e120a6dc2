"""Risk tier of a party: a documented points rule over what it handles and how supervision is going.

Each factor adds points; the total picks the tier. Every factor that counted is kept as a sentence so
the register can say *why* a party is high risk. The weights live in `TierRule` so a company can tune them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from calmi_vendors.domain.enums import RiskTier


@dataclass(frozen=True, slots=True)
class TierFacts:
    """What is known of a party that bears on its risk."""

    special_care: bool
    data_subjects: int | None
    cross_border: bool
    chain_depth: int
    assessment_ratio: float | None
    open_findings: int
    overdue_findings: int
    serious_open_findings: int
    clause_gaps: int


@dataclass(frozen=True, slots=True)
class TierRule:
    special_care: int = 3
    large_volume: int = 2
    large_volume_from: int = 100_000
    medium_volume: int = 1
    medium_volume_from: int = 10_000
    cross_border: int = 2
    deep_chain: int = 1
    deep_chain_from: int = 2
    weak_assessment: int = 2
    weak_assessment_below: float = 0.85
    no_assessment: int = 1
    serious_open_finding: int = 2
    overdue_finding: int = 1
    clause_gaps: int = 1
    high_from: int = 5
    medium_from: int = 2


@dataclass(frozen=True, slots=True)
class TierDecision:
    tier: RiskTier
    points: int
    reasons: tuple[str, ...] = field(default_factory=tuple)

    def explain(self) -> str:
        if not self.reasons:
            return f"{self.tier.value.capitalize()}: no risk factor applies."
        return f"{self.tier.value.capitalize()} ({self.points} points): " + "; ".join(self.reasons) + "."


def decide_tier(facts: TierFacts, rule: TierRule | None = None) -> TierDecision:
    rule = rule or TierRule()
    reasons: list[str] = []
    points = 0

    def add(weight: int, reason: str) -> None:
        nonlocal points
        if weight:
            points += weight
            reasons.append(f"{reason} (+{weight})")

    if facts.special_care:
        add(rule.special_care, "handles special-care personal information")
    subjects = facts.data_subjects or 0
    if subjects >= rule.large_volume_from:
        add(rule.large_volume, f"about {subjects:,} data subjects")
    elif subjects >= rule.medium_volume_from:
        add(rule.medium_volume, f"about {subjects:,} data subjects")
    if facts.cross_border:
        add(rule.cross_border, "data is handled outside the home country")
    if facts.chain_depth >= rule.deep_chain_from:
        add(rule.deep_chain, f"re-entrusted {facts.chain_depth} levels down the chain")
    if facts.assessment_ratio is None:
        add(rule.no_assessment, "no completed assessment")
    elif facts.assessment_ratio < rule.weak_assessment_below:
        add(rule.weak_assessment, f"last assessment scored {facts.assessment_ratio:.0%}")
    if facts.serious_open_findings:
        add(rule.serious_open_finding, f"{facts.serious_open_findings} open critical or major finding(s)")
    if facts.overdue_findings:
        add(rule.overdue_finding, f"{facts.overdue_findings} finding(s) past their due date")
    if facts.clause_gaps:
        add(rule.clause_gaps, f"{facts.clause_gaps} required contract clause(s) missing or partial")
    if points >= rule.high_from:
        tier = RiskTier.HIGH
    elif points >= rule.medium_from:
        tier = RiskTier.MEDIUM
    else:
        tier = RiskTier.LOW
    return TierDecision(tier, points, tuple(reasons))
