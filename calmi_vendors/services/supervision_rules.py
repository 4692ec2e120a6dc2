"""The register's supervision rules: tier points and thresholds, and the audit cadence per tier."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from calmi_vendors.domain.cadence import DEFAULT_CADENCE, Cadence
from calmi_vendors.domain.enums import AuditMethod, RiskTier
from calmi_vendors.domain.tiering import TierRule
from calmi_vendors.errors import ValidationError
from calmi_vendors.store.models import RegisterSetting
from calmi_vendors.store.unit_of_work import UnitOfWork

TIER_RULE_KEY = "tier_rule"
CADENCE_KEY = "audit_cadence"
MAX_POINTS = 20
MAX_MONTHS = 120


@dataclass(frozen=True, slots=True)
class SupervisionRules:
    tier_rule: TierRule = field(default_factory=TierRule)
    cadence: Mapping[RiskTier, Cadence] = field(default_factory=lambda: dict(DEFAULT_CADENCE))


def rules_in(session: Session) -> SupervisionRules:
    """The rules stored in the register (defaults for anything not stored or no longer understood)."""
    rows = session.execute(
        sa.select(RegisterSetting.key, RegisterSetting.value).where(
            RegisterSetting.key.in_((TIER_RULE_KEY, CADENCE_KEY))
        )
    ).all()
    stored = {key: value for key, value in rows}
    return SupervisionRules(_tier_rule(stored.get(TIER_RULE_KEY)), _cadence(stored.get(CADENCE_KEY)))


def load_rules(uow: UnitOfWork) -> SupervisionRules:
    with uow:
        return rules_in(uow.session)


def _tier_rule(value: Any) -> TierRule:
    if not isinstance(value, dict):
        return TierRule()
    known = {f.name: f.type for f in fields(TierRule)}
    kept: dict[str, Any] = {}
    for name, raw in value.items():
        if name in known and isinstance(raw, int | float) and not isinstance(raw, bool):
            kept[name] = float(raw) if name == "weak_assessment_below" else int(raw)
    return TierRule(**kept)


def _cadence(value: Any) -> dict[RiskTier, Cadence]:
    cadence = dict(DEFAULT_CADENCE)
    if isinstance(value, dict):
        for tier in RiskTier:
            entry = value.get(tier.value)
            if not isinstance(entry, dict):
                continue
            try:
                cadence[tier] = Cadence(int(entry["months"]), AuditMethod(entry["method"]))
            except (KeyError, TypeError, ValueError):
                continue
    return cadence


def validate_rules(rules: SupervisionRules) -> None:
    """Raise ValidationError naming the first setting that makes no sense."""
    rule = rules.tier_rule
    for f in fields(TierRule):
        value = getattr(rule, f.name)
        if f.name.endswith("_from") or f.name.endswith("_below"):
            continue
        if not 0 <= value <= MAX_POINTS:
            raise ValidationError(f"Points for {f.name} must be from 0 to {MAX_POINTS}.", field=f.name)
    if not 1 <= rule.medium_from < rule.high_from:
        raise ValidationError(
            "The points for a medium tier must be at least 1 and below those for a high tier.",
            field="medium_from",
        )
    if not 0 < rule.medium_volume_from < rule.large_volume_from:
        raise ValidationError(
            "A medium volume must start above 0 and below a large volume.", field="medium_volume_from"
        )
    if not 0 < rule.weak_assessment_below <= 1:
        raise ValidationError(
            "A weak assessment score is a share between 0 and 100 %.", field="weak_assessment_below"
        )
    if rule.deep_chain_from < 1:
        raise ValidationError("A deep chain starts at level 1 or below.", field="deep_chain_from")
    for tier in RiskTier:
        months = rules.cadence[tier].months
        if not 1 <= months <= MAX_MONTHS:
            raise ValidationError(
                f"The audit interval for tier {tier.value} must be from 1 to {MAX_MONTHS} months.",
                field=f"cadence_{tier.value}",
            )
    if not (
        rules.cadence[RiskTier.HIGH].months
        <= rules.cadence[RiskTier.MEDIUM].months
        <= rules.cadence[RiskTier.LOW].months
    ):
        raise ValidationError(
            "A higher tier is audited at least as often as a lower one.", field="cadence_high"
        )


def save_rules(uow: UnitOfWork, rules: SupervisionRules) -> SupervisionRules:
    """Store the rules (the change history records the old and new values); recompute tiers after."""
    validate_rules(rules)
    values = {
        TIER_RULE_KEY: asdict(rules.tier_rule),
        CADENCE_KEY: {
            t.value: {"months": c.months, "method": c.method.value} for t, c in rules.cadence.items()
        },
    }
    with uow:
        for key, value in values.items():
            row = uow.session.scalar(sa.select(RegisterSetting).where(RegisterSetting.key == key))
            if row is None:
                uow.session.add(RegisterSetting(key=key, value=value))
            elif row.value != value:
                row.value = value
        uow.commit()
    return rules
