"""Risk tier of a party: a documented points rule over what it handles and how supervision is going.

Each factor adds points; the total picks the tier. Every factor that counted is kept as a sentence so
the register can say *why* a party is high risk. The weights live in `TierRule` so a company can tune them.
"""

from __future__ import annotations

import json
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


_PHRASES: dict[str, tuple[str, str]] = {
    "special_care": ("handles special-care personal information", "要配慮個人情報を取り扱う"),
    "volume": ("about {value:,} data subjects", "本人の数 約{value:,}人"),
    "cross_border": ("data is handled outside Japan", "国外でデータを取り扱う"),
    "deep_chain": ("re-entrusted {value} levels down the chain", "再委託の{value}次先"),
    "no_assessment": ("no completed assessment", "完了した評価がない"),
    "weak_assessment": ("last assessment scored {value:.0%}", "直近の評価が{value:.0%}"),
    "serious_findings": (
        "{value} open critical or major finding(s)",
        "重大・重要な未対応の指摘事項 {value}件",
    ),
    "overdue_findings": ("{value} finding(s) past their due date", "期限超過の指摘事項 {value}件"),
    "clause_gaps": (
        "{value} required contract clause(s) missing or partial",
        "契約の必要条項の不足 {value}件",
    ),
}
_TIER_WORDS = {RiskTier.HIGH: ("High", "高"), RiskTier.MEDIUM: ("Medium", "中"), RiskTier.LOW: ("Low", "低")}


@dataclass(frozen=True, slots=True)
class TierDecision:
    """The tier and the factors that made it, kept as codes so each language can word them."""

    tier: RiskTier
    points: int
    factors: tuple[tuple[str, float, int], ...] = field(default_factory=tuple)

    def to_json(self) -> str:
        return json.dumps({"points": self.points, "factors": [list(f) for f in self.factors]})

    def explain(self, language: str = "en") -> str:
        return describe_tier(self.tier, self.to_json(), language)


def describe_tier(tier: RiskTier | None, reason: str | None, language: str = "en") -> str:
    """The stored reason of a tier in words, in English or Japanese."""
    if tier is None:
        return ""
    ja = language == "ja"
    word = _TIER_WORDS[tier][1 if ja else 0]
    try:
        data = json.loads(reason or "")
        points, factors = int(data["points"]), data["factors"]
    except (ValueError, KeyError, TypeError):
        return reason or word
    if not factors:
        return (
            f"リスク{word}：該当するリスク要因はありません。"
            if ja
            else f"{word} risk: no risk factor applies."
        )
    parts = []
    for code, value, weight in factors:
        phrase = _PHRASES.get(code, (code, code))[1 if ja else 0]
        number = int(value) if float(value).is_integer() and code != "weak_assessment" else float(value)
        parts.append(
            f"{phrase.format(value=number)} (+{weight})"
            if not ja
            else f"{phrase.format(value=number)}（+{weight}）"
        )
    if ja:
        return f"リスク{word}（{points}点）：" + "、".join(parts) + "。"
    return f"{word} risk ({points} points): " + "; ".join(parts) + "."


def decide_tier(facts: TierFacts, rule: TierRule | None = None) -> TierDecision:
    rule = rule or TierRule()
    factors: list[tuple[str, float, int]] = []

    def add(weight: int, code: str, value: float = 0) -> None:
        if weight:
            factors.append((code, value, weight))

    if facts.special_care:
        add(rule.special_care, "special_care")
    subjects = facts.data_subjects or 0
    if subjects >= rule.large_volume_from:
        add(rule.large_volume, "volume", subjects)
    elif subjects >= rule.medium_volume_from:
        add(rule.medium_volume, "volume", subjects)
    if facts.cross_border:
        add(rule.cross_border, "cross_border")
    if facts.chain_depth >= rule.deep_chain_from:
        add(rule.deep_chain, "deep_chain", facts.chain_depth)
    if facts.assessment_ratio is None:
        add(rule.no_assessment, "no_assessment")
    elif facts.assessment_ratio < rule.weak_assessment_below:
        add(rule.weak_assessment, "weak_assessment", facts.assessment_ratio)
    if facts.serious_open_findings:
        add(rule.serious_open_finding, "serious_findings", facts.serious_open_findings)
    if facts.overdue_findings:
        add(rule.overdue_finding, "overdue_findings", facts.overdue_findings)
    if facts.clause_gaps:
        add(rule.clause_gaps, "clause_gaps", facts.clause_gaps)
    points = sum(weight for _code, _value, weight in factors)
    if points >= rule.high_from:
        tier = RiskTier.HIGH
    elif points >= rule.medium_from:
        tier = RiskTier.MEDIUM
    else:
        tier = RiskTier.LOW
    return TierDecision(tier, points, tuple(factors))
