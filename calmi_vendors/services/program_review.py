"""The yearly review of the supervision program: metrics from the register, conclusions and actions.

Fiscal years are Japanese ones: fiscal year N (N年度) runs from 1 April N to 31 March N+1 and is named by
the calendar year in which it starts (2025年度 = 1 Apr 2025 – 31 Mar 2026).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from calmi_vendors.domain.enums import (
    ActionStatus,
    AssessmentKind,
    AssessmentResult,
    AssessmentStatus,
    AuditMethod,
    AuditStatus,
    PartyStatus,
    RiskTier,
    Severity,
)
from calmi_vendors.domain.lifecycle import OPEN_FINDING_STATUSES, SUPERVISED
from calmi_vendors.errors import NotFoundError, ValidationError
from calmi_vendors.services import portfolio
from calmi_vendors.store.models import (
    Assessment,
    EntrustedParty,
    Finding,
    ProgramReview,
    ProgramReviewAction,
    ReentrustmentApproval,
    SupervisionAudit,
)
from calmi_vendors.store.unit_of_work import UnitOfWork


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP
"""Leave this field as it is (the default of every field of `update_review` and `update_action`)."""


# ---------------------------------------------------------------- metrics


def fiscal_year_period(fiscal_year: int) -> tuple[date, date]:
    """First and last day of Japanese fiscal year `fiscal_year` (1 April – 31 March)."""
    return date(fiscal_year, 4, 1), date(fiscal_year + 1, 3, 31)


def fiscal_year_of(day: date) -> int:
    """The Japanese fiscal year `day` falls in (January–March belong to the year before)."""
    return day.year if day.month >= 4 else day.year - 1


@dataclass(frozen=True, slots=True)
class SeverityCounts:
    """Findings of one severity: raised and closed in the year, open and overdue on the as-of date."""

    severity: Severity
    raised: int
    closed: int
    open: int
    overdue: int


@dataclass(frozen=True, slots=True)
class MonthAudits:
    """Audits performed, and audits planned, in one month of the fiscal year."""

    month: date
    done: int
    planned: int


@dataclass(frozen=True, slots=True)
class ProgramMetrics:
    """The register's figures for one fiscal year, as of one day.

    Audits *due* in the year are the audits completed in it plus the audits still owed: supervised
    parties whose next audit fell due by the year's end (overdue ones carried over from earlier years
    included). Next-due dates are the stored ones, which `supervision.recompute_all` keeps current.
    Open and overdue findings are counted as of `as_of`, across all years.
    """

    fiscal_year: int
    period_start: date
    period_end: date
    as_of: date
    parties_total: int
    parties_by_tier: tuple[tuple[RiskTier | None, int], ...]
    parties_by_status: tuple[tuple[PartyStatus, int], ...]
    supervised: int
    audits_due: int
    audits_done: int
    parties_audited: int
    audits_outstanding: int
    audits_overdue: int
    audits_planned: int
    audits_by_method: tuple[tuple[AuditMethod, int], ...]
    audits_by_month: tuple[MonthAudits, ...]
    findings: tuple[SeverityCounts, ...]
    clause_gaps: int
    contracts_with_gaps: int
    parties_with_gaps: int
    assessments_done: int
    selection_assessments: int
    periodic_assessments: int
    assessments_rejected: int
    reentrustees: int
    reentrustees_approved: int

    def total(self, field: str) -> int:
        """The sum over severities of one `SeverityCounts` field ('raised', 'closed', 'open', 'overdue')."""
        return sum(int(getattr(row, field)) for row in self.findings)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO text, vocabulary values as their stored text)."""
        return {"schema": 1, **{k: _plain(v) for k, v in asdict(self).items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProgramMetrics:
        """The metrics stored by `to_json`."""
        day = date.fromisoformat
        return cls(
            **{k: data[k] for k in _INT_FIELDS},
            period_start=day(data["period_start"]),
            period_end=day(data["period_end"]),
            as_of=day(data["as_of"]),
            parties_by_tier=tuple((RiskTier(k) if k else None, n) for k, n in data["parties_by_tier"]),
            parties_by_status=tuple((PartyStatus(k), n) for k, n in data["parties_by_status"]),
            audits_by_method=tuple((AuditMethod(k), n) for k, n in data["audits_by_method"]),
            audits_by_month=tuple(
                MonthAudits(day(m["month"]), m["done"], m["planned"]) for m in data["audits_by_month"]
            ),
            findings=tuple(
                SeverityCounts(Severity(f["severity"]), f["raised"], f["closed"], f["open"], f["overdue"])
                for f in data["findings"]
            ),
        )


_INT_FIELDS = tuple(
    f.name
    for f in fields(ProgramMetrics)
    if f.type == "int"  # postponed annotations: the types are their source text
)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _months(start: date) -> list[date]:
    return [
        date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1) for i in range(12)
    ]


def program_metrics(uow: UnitOfWork, fiscal_year: int, today: date) -> ProgramMetrics:
    """The register's figures for `fiscal_year` as of `today` (set-based queries; fine for 10,000 parties)."""
    _check_year(fiscal_year)
    start, end = fiscal_year_period(fiscal_year)
    gaps = portfolio.list_gaps(uow)  # the portfolio's own gap rule, not a copy of it
    with uow:
        s = uow.session
        tier = sa.func.coalesce(EntrustedParty.tier_override, EntrustedParty.tier)
        parties = s.execute(
            sa.select(EntrustedParty.id, EntrustedParty.status, tier, EntrustedParty.parent_id,
                      EntrustedParty.next_audit_due)
        ).tuples().all()  # fmt: skip
        tiers = Counter(RiskTier(t) if t else None for _, _, t, _, _ in parties)
        statuses = Counter(st for _, st, _, _, _ in parties)
        supervised = [(pid, due) for pid, st, _, _, due in parties if st in SUPERVISED]
        outstanding = [due for _, due in supervised if due is not None and due <= end]
        reentrustees = {pid for pid, _, _, parent, _ in parties if parent is not None}
        approved = set(s.scalars(sa.select(ReentrustmentApproval.party_id))) & reentrustees
        audits = s.execute(
            sa.select(SupervisionAudit.party_id, SupervisionAudit.status, SupervisionAudit.method,
                      SupervisionAudit.planned_on, SupervisionAudit.performed_on)
            .where(sa.or_(SupervisionAudit.performed_on.between(start, end),
                          SupervisionAudit.planned_on.between(start, end)))
        ).tuples().all()  # fmt: skip
        done = [
            (pid, method, performed)
            for pid, status, method, _, performed in audits
            if status is AuditStatus.COMPLETED and performed is not None and start <= performed <= end
        ]
        planned = [
            when
            for _, status, _, when, _ in audits
            if status is not AuditStatus.CANCELLED and when is not None and start <= when <= end
        ]
        done_months = Counter(date(d.year, d.month, 1) for _, _, d in done)
        planned_months = Counter(date(d.year, d.month, 1) for d in planned)
        by_method = Counter(method for _, method, _ in done)
        severity_rows = _finding_counts(s, start, end, today)
        assessed = s.execute(
            sa.select(Assessment.kind, Assessment.result, sa.func.count())
            .where(Assessment.status == AssessmentStatus.COMPLETED,
                   Assessment.completed_on.between(start, end))
            .group_by(Assessment.kind, Assessment.result)
        ).tuples().all()  # fmt: skip
    return ProgramMetrics(
        fiscal_year=fiscal_year,
        period_start=start,
        period_end=end,
        as_of=today,
        parties_total=len(parties),
        parties_by_tier=tuple((t, tiers.get(t, 0)) for t in (*RiskTier, None)),
        parties_by_status=tuple((st, statuses.get(st, 0)) for st in PartyStatus),
        supervised=len(supervised),
        audits_due=len(done) + len(outstanding),
        audits_done=len(done),
        parties_audited=len({pid for pid, _, _ in done}),
        audits_outstanding=len(outstanding),
        audits_overdue=sum(1 for due in outstanding if due < today),
        audits_planned=len(planned),
        audits_by_method=tuple((m, by_method.get(m, 0)) for m in AuditMethod),
        audits_by_month=tuple(
            MonthAudits(m, done_months.get(m, 0), planned_months.get(m, 0)) for m in _months(start)
        ),
        findings=severity_rows,
        clause_gaps=len(gaps),
        contracts_with_gaps=len({g.contract_id for g in gaps}),
        parties_with_gaps=len({g.party_id for g in gaps}),
        assessments_done=sum(n for _, _, n in assessed),
        selection_assessments=sum(n for kind, _, n in assessed if kind is AssessmentKind.SELECTION),
        periodic_assessments=sum(n for kind, _, n in assessed if kind is AssessmentKind.PERIODIC),
        assessments_rejected=sum(n for _, result, n in assessed if result is AssessmentResult.REJECTED),
        reentrustees=len(reentrustees),
        reentrustees_approved=len(approved),
    )


def _finding_counts(s: Session, start: date, end: date, today: date) -> tuple[SeverityCounts, ...]:
    """Per severity: raised by audits performed in the year, closed in it, open and overdue on `today`."""
    raised = dict(
        s.execute(
            sa.select(Finding.severity, sa.func.count())
            .join(SupervisionAudit, SupervisionAudit.id == Finding.audit_id)
            .where(SupervisionAudit.performed_on.between(start, end))
            .group_by(Finding.severity)
        ).tuples().all()
    )  # fmt: skip
    closed = dict(
        s.execute(
            sa.select(Finding.severity, sa.func.count())
            .where(Finding.closed_on.between(start, end))
            .group_by(Finding.severity)
        ).tuples().all()
    )  # fmt: skip
    late = sa.case((Finding.due_on < today, 1), else_=0)
    still_open = {
        severity: (int(n), int(overdue or 0))
        for severity, n, overdue in s.execute(
            sa.select(Finding.severity, sa.func.count(), sa.func.sum(late))
            .where(Finding.status.in_(OPEN_FINDING_STATUSES))
            .group_by(Finding.severity)
        ).tuples()
    }
    return tuple(
        SeverityCounts(sev, int(raised.get(sev, 0)), int(closed.get(sev, 0)), *still_open.get(sev, (0, 0)))
        for sev in Severity
    )


@dataclass(frozen=True, slots=True)
class ReviewActionView:
    """One action the review decided: what, who, by when, and how far it got."""

    id: int
    review_id: int
    description: str
    owner: str | None
    due_on: date | None
    status: ActionStatus


@dataclass(frozen=True, slots=True)
class ProgramReviewView:
    """One fiscal year's program review with the metrics as they were when they were taken."""

    id: int
    fiscal_year: int
    review_date: date | None
    reviewer: str | None
    metrics: ProgramMetrics | None
    findings: str | None
    conclusions: str | None
    approved_by: str | None
    actions: tuple[ReviewActionView, ...]
    created_at: datetime
    updated_at: datetime


def _action_view(a: ProgramReviewAction) -> ReviewActionView:
    return ReviewActionView(a.id, a.review_id, a.description, a.owner, a.due_on, a.status)


def _view(r: ProgramReview) -> ProgramReviewView:
    return ProgramReviewView(
        id=r.id,
        fiscal_year=r.fiscal_year,
        review_date=r.review_date,
        reviewer=r.reviewer,
        metrics=ProgramMetrics.from_json(r.metrics) if r.metrics else None,
        findings=r.findings,
        conclusions=r.conclusions,
        approved_by=r.approved_by,
        actions=tuple(_action_view(a) for a in r.actions),
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def _clean(value: str | None) -> str | None:
    return (value or "").strip() or None


def _check_year(fiscal_year: int) -> None:
    if not 1990 <= fiscal_year <= 2200:
        raise ValidationError(
            f"{fiscal_year} is not a fiscal year the register can review (give the year it starts in, "
            "e.g. 2025 for April 2025 – March 2026).",
            field="fiscal_year",
        )


def _check_review_date(fiscal_year: int, review_date: date) -> None:
    start, _ = fiscal_year_period(fiscal_year)
    if review_date < start:
        raise ValidationError(
            f"The review of fiscal year {fiscal_year} cannot be dated {review_date.isoformat()}, before the "
            f"year starts ({start.isoformat()}).",
            field="review_date",
        )


def _load(uow: UnitOfWork, fiscal_year: int) -> ProgramReview:
    review = uow.session.scalar(
        sa.select(ProgramReview)
        .where(ProgramReview.fiscal_year == fiscal_year)
        .options(selectinload(ProgramReview.actions))
    )
    if review is None:
        raise NotFoundError(f"There is no program review of fiscal year {fiscal_year}.")
    return review


def _exists(uow: UnitOfWork, fiscal_year: int) -> bool:
    return (
        uow.session.scalar(sa.select(ProgramReview.id).where(ProgramReview.fiscal_year == fiscal_year))
        is not None
    )


def _duplicate(fiscal_year: int) -> ValidationError:
    return ValidationError(
        f"Fiscal year {fiscal_year} already has a program review; open it and update it instead.",
        field="fiscal_year",
    )


def start_review(uow: UnitOfWork, fiscal_year: int, review_date: date, reviewer: str) -> ProgramReviewView:
    """Open the review of `fiscal_year`, with a snapshot of the metrics as of `review_date`."""
    _check_year(fiscal_year)
    _check_review_date(fiscal_year, review_date)
    reviewer_name = _clean(reviewer)
    if reviewer_name is None:
        raise ValidationError("A program review needs the name of its reviewer.", field="reviewer")
    with uow:
        if _exists(uow, fiscal_year):
            raise _duplicate(fiscal_year)
    # Metrics take their own short reads; the write below re-checks the year under the write lock.
    metrics = program_metrics(uow, fiscal_year, review_date)
    with uow:
        if _exists(uow, fiscal_year):
            raise _duplicate(fiscal_year)
        review = ProgramReview(
            fiscal_year=fiscal_year,
            review_date=review_date,
            reviewer=reviewer_name,
            metrics=metrics.to_json(),
        )
        uow.session.add(review)
        try:
            uow.commit()
        except sa.exc.IntegrityError as exc:  # another user started the same year a moment ago
            raise _duplicate(fiscal_year) from exc
        return _view(_load(uow, fiscal_year))


def refresh_metrics(uow: UnitOfWork, fiscal_year: int, today: date) -> ProgramReviewView:
    """Take the metrics again as of `today`; refused once the review is approved (its print must stay)."""
    with uow:
        review = _load(uow, fiscal_year)
        if review.approved_by:
            raise ValidationError(
                f"The review of fiscal year {fiscal_year} is approved by {review.approved_by}; its metrics "
                "stay as they were approved.",
                field="metrics",
            )
    metrics = program_metrics(uow, fiscal_year, today)
    with uow:
        review = _load(uow, fiscal_year)
        review.metrics = metrics.to_json()
        uow.commit()
        return _view(review)


def update_review(
    uow: UnitOfWork,
    fiscal_year: int,
    *,
    review_date: date | _Keep = KEEP,
    reviewer: str | _Keep | None = KEEP,
    findings: str | _Keep | None = KEEP,
    conclusions: str | _Keep | None = KEEP,
    approved_by: str | _Keep | None = KEEP,
) -> ProgramReviewView:
    """Change the fields given (the others keep their value); the change history records each one."""
    with uow:
        review = _load(uow, fiscal_year)
        if not isinstance(review_date, _Keep):
            _check_review_date(fiscal_year, review_date)
            review.review_date = review_date
        if not isinstance(reviewer, _Keep):
            name = _clean(reviewer)
            if name is None:
                raise ValidationError("A program review needs the name of its reviewer.", field="reviewer")
            review.reviewer = name
        if not isinstance(findings, _Keep):
            review.findings = _clean(findings)
        if not isinstance(conclusions, _Keep):
            review.conclusions = _clean(conclusions)
        if not isinstance(approved_by, _Keep):
            review.approved_by = _clean(approved_by)
        uow.commit()
        return _view(review)


def _description(value: str) -> str:
    text = _clean(value)
    if text is None:
        raise ValidationError("An action needs a description of what is to be done.", field="description")
    return text


def add_action(
    uow: UnitOfWork,
    fiscal_year: int,
    *,
    description: str,
    owner: str | None = None,
    due_on: date | None = None,
) -> ReviewActionView:
    """Add an action decided by the review of `fiscal_year` (status: open)."""
    with uow:
        review = _load(uow, fiscal_year)
        action = ProgramReviewAction(
            description=_description(description),
            owner=_clean(owner),
            due_on=due_on,
            status=ActionStatus.OPEN,
        )
        review.actions.append(action)
        uow.commit()
        return _action_view(action)


def update_action(
    uow: UnitOfWork,
    action_id: int,
    *,
    description: str | _Keep = KEEP,
    owner: str | _Keep | None = KEEP,
    due_on: date | _Keep | None = KEEP,
    status: ActionStatus | _Keep = KEEP,
) -> ReviewActionView:
    """Change the fields given of one review action."""
    with uow:
        action = uow.session.get(ProgramReviewAction, action_id)
        if action is None:
            raise NotFoundError(f"There is no program review action #{action_id}.")
        if not isinstance(description, _Keep):
            action.description = _description(description)
        if not isinstance(owner, _Keep):
            action.owner = _clean(owner)
        if not isinstance(due_on, _Keep):
            action.due_on = due_on
        if not isinstance(status, _Keep):
            action.status = ActionStatus(status)
        uow.commit()
        return _action_view(action)


def get_review(uow: UnitOfWork, fiscal_year: int) -> ProgramReviewView:
    """The review of `fiscal_year`; NotFoundError when there is none."""
    with uow:
        return _view(_load(uow, fiscal_year))


def list_reviews(uow: UnitOfWork) -> list[ProgramReviewView]:
    """Every program review, the latest fiscal year first."""
    with uow:
        rows = uow.session.scalars(
            sa.select(ProgramReview)
            .options(selectinload(ProgramReview.actions))
            .order_by(ProgramReview.fiscal_year.desc())
        ).all()
        return [_view(r) for r in rows]
