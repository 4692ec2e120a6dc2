"""What the portfolio supervision report and the clause gap report print, read in a few set-based queries."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from calmi_vendors.domain.clauses import is_cross_border, is_gap, requirement_applies
from calmi_vendors.domain.enums import (
    Applicability,
    AuditStatus,
    ContractStatus,
    Coverage,
    PartyStatus,
    RiskTier,
    Severity,
)
from calmi_vendors.domain.lifecycle import LIVE_CONTRACT_STATUSES, OPEN_FINDING_STATUSES
from calmi_vendors.services.chain_facts import special_care_party_ids
from calmi_vendors.services.portfolio import GapLine
from calmi_vendors.services.register_view import load_register_rows
from calmi_vendors.store.models import (
    ClauseCoverage,
    ClauseRequirement,
    ConsignmentContract,
    EntrustedParty,
    Finding,
    SupervisionAudit,
)
from calmi_vendors.store.unit_of_work import UnitOfWork

MONTHS_BACK = 11
"""The audit chart starts this many months before the current month …"""
MONTHS_AHEAD = 12
"""… and ends this many months after it."""
TIER_ORDER: tuple[RiskTier | None, ...] = (RiskTier.HIGH, RiskTier.MEDIUM, RiskTier.LOW, None)


# ---------------------------------------------------------------- portfolio


@dataclass(frozen=True, slots=True)
class PortfolioParty:
    """One line of the portfolio report's party table."""

    id: int
    name: str
    corporate_number: str | None
    tier: RiskTier | None
    status: PartyStatus
    last_audit: date | None
    next_audit_due: date | None
    overdue: bool
    open_findings: int
    clause_gaps: int


@dataclass(frozen=True, slots=True)
class AuditMonth:
    """Audits completed in a month, and parties whose next audit falls due in it (past: still outstanding)."""

    month: date
    done: int
    due: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PortfolioReportData:
    """Everything the portfolio supervision report prints; the report reads nothing else."""

    today: date
    parties: tuple[PortfolioParty, ...]
    """Highest tier first, then by name."""
    by_tier: tuple[tuple[RiskTier | None, int], ...]
    by_status: tuple[tuple[PartyStatus, int], ...]
    audits_by_month: tuple[AuditMonth, ...]
    audits_overdue: int
    open_findings_by_severity: tuple[tuple[Severity, int], ...]
    overdue_findings: int
    parties_with_gaps: int


def _month_start(day: date, shift: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + shift
    return date(index // 12, index % 12 + 1, 1)


def _tier_rank(tier: RiskTier | None) -> int:
    return TIER_ORDER.index(tier)


def portfolio_report_data(uow: UnitOfWork, today: date) -> PortfolioReportData:
    """Every party with its supervision state, and the summary counts, as of `today`."""
    # The register's own row loader defines tier (override first), open findings and clause gaps.
    rows = load_register_rows(uow)
    first = _month_start(today, -MONTHS_BACK)
    end = _month_start(today, MONTHS_AHEAD + 1)
    with uow:
        session = uow.session
        last_audit: dict[int, date | None] = dict(
            session.execute(
                sa.select(SupervisionAudit.party_id, sa.func.max(SupervisionAudit.performed_on))
                .where(SupervisionAudit.status == AuditStatus.COMPLETED)
                .group_by(SupervisionAudit.party_id)
            )
            .tuples()
            .all()
        )
        done = Counter(
            _month_start(day)
            for day in session.scalars(
                sa.select(SupervisionAudit.performed_on).where(
                    SupervisionAudit.status == AuditStatus.COMPLETED,
                    SupervisionAudit.performed_on >= first,
                    SupervisionAudit.performed_on < end,
                )
            )
            if day is not None
        )
        severities: Counter[Severity] = Counter()
        overdue_findings = 0
        for severity, due_on in session.execute(
            sa.select(Finding.severity, Finding.due_on).where(Finding.status.in_(OPEN_FINDING_STATUSES))
        ).tuples():
            severities[Severity(severity)] += 1
            if due_on is not None and due_on < today:
                overdue_findings += 1
    parties = sorted(
        (
            PortfolioParty(
                id=r.id,
                name=r.name,
                corporate_number=r.corporate_number,
                tier=r.tier,
                status=r.status,
                last_audit=last_audit.get(r.id),
                next_audit_due=r.next_audit_due,
                overdue=r.next_audit_due is not None and r.next_audit_due < today,
                open_findings=r.open_findings,
                clause_gaps=r.clause_gaps,
            )
            for r in rows
        ),
        # Sorted here, not in SQL: the order must not depend on the database's collation.
        key=lambda p: (_tier_rank(p.tier), p.name, p.id),
    )
    due = Counter(_month_start(p.next_audit_due) for p in parties if p.next_audit_due is not None)
    months = tuple(
        AuditMonth(month, done.get(month, 0), due.get(month, 0))
        for month in (_month_start(today, shift) for shift in range(-MONTHS_BACK, MONTHS_AHEAD + 1))
    )
    tiers = Counter(p.tier for p in parties)
    statuses = Counter(p.status for p in parties)
    return PortfolioReportData(
        today=today,
        parties=tuple(parties),
        by_tier=tuple((tier, tiers.get(tier, 0)) for tier in TIER_ORDER),
        by_status=tuple((status, statuses.get(status, 0)) for status in PartyStatus),
        audits_by_month=months,
        audits_overdue=sum(1 for p in parties if p.overdue),
        open_findings_by_severity=tuple((s, severities.get(s, 0)) for s in Severity),
        overdue_findings=overdue_findings,
        parties_with_gaps=sum(1 for p in parties if p.clause_gaps),
    )


# ---------------------------------------------------------------- clause gaps


@dataclass(frozen=True, slots=True)
class RequirementColumn:
    """One clause requirement as a column of the matrix; `code` is its short heading (C01, C02, …)."""

    key: str
    code: str
    title_en: str
    title_ja: str
    applicability: Applicability


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One contract's coverage of one requirement: None when no coverage is recorded."""

    coverage: Coverage | None
    applies: bool
    strict: bool = False
    """A stricter item for a party handling special-care data: not applicable is no answer."""

    @property
    def gap(self) -> bool:
        return self.coverage is not None and is_gap(self.coverage, applies=self.applies, strict=self.strict)


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One live contract: its party, and one cell per requirement column."""

    contract_id: int
    contract_title: str
    reference_number: str | None
    status: ContractStatus
    party_id: int
    party_name: str
    cells: tuple[MatrixCell, ...]

    @property
    def gaps(self) -> int:
        return sum(1 for cell in self.cells if cell.gap)


@dataclass(frozen=True, slots=True, kw_only=True)
class GapReportData:
    """Everything the clause gap report prints: the contract × requirement matrix and the gaps to fix."""

    today: date
    requirements: tuple[RequirementColumn, ...]
    rows: tuple[MatrixRow, ...]
    """Live contracts, by party name, then contract."""
    gaps: tuple[GapLine, ...]
    """Required clauses that a live contract lacks or covers in part, by party, contract and requirement."""

    @property
    def parties_with_gaps(self) -> int:
        return len({g.party_id for g in self.gaps})

    @property
    def contracts_with_gaps(self) -> int:
        return len({g.contract_id for g in self.gaps})


def gap_report_data(uow: UnitOfWork, today: date) -> GapReportData:
    """The coverage matrix of every live contract against the active requirements, and its gaps."""
    with uow:
        session = uow.session
        requirements = session.execute(
            sa.select(
                ClauseRequirement.id,
                ClauseRequirement.key,
                ClauseRequirement.title_en,
                ClauseRequirement.title_ja,
                ClauseRequirement.applicability,
                ClauseRequirement.strict_for_special_care,
            )
            .where(ClauseRequirement.active)
            .order_by(ClauseRequirement.sort_order, ClauseRequirement.id)
        ).all()
        special = special_care_party_ids(session)
        contracts = session.execute(
            sa.select(
                ConsignmentContract.id,
                ConsignmentContract.title,
                ConsignmentContract.reference_number,
                ConsignmentContract.status,
                EntrustedParty.id.label("party_id"),
                EntrustedParty.name,
                EntrustedParty.country,
                EntrustedParty.processing_country,
                EntrustedParty.reentrustment_allowed,
            )
            .join(EntrustedParty, EntrustedParty.id == ConsignmentContract.party_id)
            .where(ConsignmentContract.status.in_(LIVE_CONTRACT_STATUSES))
        ).all()
        recorded: dict[tuple[int, int], Coverage] = {
            (contract_id, requirement_id): Coverage(coverage)
            for contract_id, requirement_id, coverage in session.execute(
                sa.select(ClauseCoverage.contract_id, ClauseCoverage.requirement_id, ClauseCoverage.coverage)
                .join(ConsignmentContract, ConsignmentContract.id == ClauseCoverage.contract_id)
                .where(ConsignmentContract.status.in_(LIVE_CONTRACT_STATUSES))
            ).tuples()
        }
    columns = tuple(
        RequirementColumn(r.key, f"C{n:02d}", r.title_en, r.title_ja, Applicability(r.applicability))
        for n, r in enumerate(requirements, start=1)
    )
    rows: list[MatrixRow] = []
    for c in contracts:
        cross_border = is_cross_border(c.country, c.processing_country)
        cells = tuple(
            MatrixCell(
                recorded.get((c.id, r.id)),
                # The domain's rule, the same one the register's gap counts and the gap list use.
                requirement_applies(
                    Applicability(r.applicability),
                    cross_border=cross_border,
                    reentrustment_allowed=c.reentrustment_allowed,
                    special_care=c.party_id in special,
                ),
                c.party_id in special and r.strict_for_special_care,
            )
            for r in requirements
        )
        rows.append(
            MatrixRow(c.id, c.title, c.reference_number, ContractStatus(c.status), c.party_id, c.name, cells)
        )
    rows.sort(key=lambda row: (row.party_name, row.party_id, row.contract_id))
    # The gap list read off the matrix: the same rule as `portfolio.list_gaps`, without reading it twice.
    gaps = tuple(
        GapLine(
            row.contract_id,
            row.party_id,
            row.party_name,
            row.contract_title,
            column.key,
            column.title_en,
            column.title_ja,
            cell.coverage,
        )
        for row in rows
        for column, cell in zip(columns, row.cells, strict=True)
        if cell.gap and cell.coverage is not None
    )
    return GapReportData(today=today, requirements=columns, rows=tuple(rows), gaps=gaps)
