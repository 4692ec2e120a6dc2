"""Frozen dataclasses the services return: no ORM object ever leaves a unit of work."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from calmi_vendors.domain.enums import (
    AssessmentKind,
    AssessmentResult,
    AssessmentStatus,
    AuditConclusion,
    AuditMethod,
    AuditStatus,
    CertificationKind,
    ChangeAction,
    ContractStatus,
    Coverage,
    FindingStatus,
    PartyStatus,
    RiskTier,
    Severity,
)


@dataclass(frozen=True, slots=True)
class ContactInput:
    name: str
    role: str | None = None
    department: str | None = None
    email: str | None = None
    phone: str | None = None
    is_primary: bool = False


@dataclass(frozen=True, slots=True)
class CertificationInput:
    kind: CertificationKind
    number: str | None = None
    name: str | None = None
    issuer: str | None = None
    issued_on: date | None = None
    expires_on: date | None = None


@dataclass(frozen=True, slots=True)
class PartyInput:
    """What a user (or an import row) says about a party; validated by the service."""

    name: str
    name_kana: str | None = None
    corporate_number: str | None = None
    country: str = "JP"
    address: str | None = None
    processing_country: str | None = None
    data_subjects_approx: int | None = None
    business_functions: tuple[str, ...] = ()
    data_categories: tuple[str, ...] = ()
    parent_id: int | None = None
    reentrustment_allowed: bool = False
    owner_department: str | None = None
    website: str | None = None
    notes: str | None = None
    contacts: tuple[ContactInput, ...] = ()
    certifications: tuple[CertificationInput, ...] = ()


@dataclass(frozen=True, slots=True)
class CertificationView:
    id: int
    kind: CertificationKind
    number: str | None
    name: str | None
    issuer: str | None
    issued_on: date | None
    expires_on: date | None


@dataclass(frozen=True, slots=True)
class ContactView:
    id: int
    name: str
    role: str | None
    department: str | None
    email: str | None
    phone: str | None
    is_primary: bool


@dataclass(frozen=True, slots=True)
class PartySummary:
    """One row of the register."""

    id: int
    name: str
    name_kana: str | None
    corporate_number: str | None
    country: str
    processing_country: str | None
    status: PartyStatus
    tier: RiskTier | None
    parent_id: int | None
    owner_department: str | None
    next_audit_due: date | None
    business_functions: tuple[str, ...]
    special_care: bool
    updated_at: datetime
    version: int


@dataclass(frozen=True, slots=True)
class PartyDetail:
    id: int
    version: int
    name: str
    name_kana: str | None
    corporate_number: str | None
    country: str
    address: str | None
    processing_country: str | None
    data_subjects_approx: int | None
    status: PartyStatus
    tier: RiskTier | None
    computed_tier: RiskTier | None
    tier_reason: str | None
    tier_override_reason: str | None
    parent_id: int | None
    parent_name: str | None
    reentrustment_allowed: bool
    owner_department: str | None
    website: str | None
    notes: str | None
    next_audit_due: date | None
    business_functions: tuple[str, ...]
    data_categories: tuple[str, ...]
    special_care: bool
    contacts: tuple[ContactView, ...]
    certifications: tuple[CertificationView, ...]
    created_at: datetime
    updated_at: datetime

    def as_input(self) -> PartyInput:
        """The editable fields, for a form or a re-save."""
        return PartyInput(
            name=self.name,
            name_kana=self.name_kana,
            corporate_number=self.corporate_number,
            country=self.country,
            address=self.address,
            processing_country=self.processing_country,
            data_subjects_approx=self.data_subjects_approx,
            business_functions=self.business_functions,
            data_categories=self.data_categories,
            parent_id=self.parent_id,
            reentrustment_allowed=self.reentrustment_allowed,
            owner_department=self.owner_department,
            website=self.website,
            notes=self.notes,
            contacts=tuple(
                ContactInput(c.name, c.role, c.department, c.email, c.phone, c.is_primary)
                for c in self.contacts
            ),
            certifications=tuple(
                CertificationInput(c.kind, c.number, c.name, c.issuer, c.issued_on, c.expires_on)
                for c in self.certifications
            ),
        )


@dataclass(frozen=True, slots=True)
class CoverageView:
    requirement_key: str
    title_en: str
    title_ja: str
    coverage: Coverage
    article: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class ContractView:
    id: int
    version: int
    party_id: int
    title: str
    reference_number: str | None
    status: ContractStatus
    signed_on: date | None
    effective_on: date | None
    expires_on: date | None
    auto_renewal: bool
    renewal_term_months: int | None
    notice_period_days: int | None
    retention_until: date | None
    reentrustment_allowed: bool
    incident_notice_hours: int | None
    notes: str | None
    coverage: tuple[CoverageView, ...] = ()


@dataclass(frozen=True, slots=True)
class FindingView:
    id: int
    version: int
    audit_id: int
    party_id: int
    title: str
    description: str | None
    severity: Severity
    requirement_key: str | None
    corrective_action: str | None
    owner: str | None
    due_on: date | None
    status: FindingStatus
    closed_on: date | None
    verified_on: date | None
    verified_by: str | None


@dataclass(frozen=True, slots=True)
class AuditView:
    id: int
    version: int
    party_id: int
    party_name: str
    title: str | None
    method: AuditMethod
    status: AuditStatus
    planned_on: date | None
    performed_on: date | None
    auditor: str | None
    participants: str | None
    scope: str | None
    conclusion: AuditConclusion | None
    conclusion_notes: str | None
    findings: tuple[FindingView, ...] = ()


@dataclass(frozen=True, slots=True)
class CategoryScoreView:
    category: str
    title_en: str
    title_ja: str
    score: float
    max_score: float


@dataclass(frozen=True, slots=True)
class AssessmentView:
    id: int
    version: int
    party_id: int
    template_key: str
    template_version: int
    kind: AssessmentKind
    status: AssessmentStatus
    started_on: date | None
    completed_on: date | None
    assessor: str | None
    approver: str | None
    score: float | None
    max_score: float | None
    result: AssessmentResult | None
    failed_must_pass: bool
    conditions: str | None
    category_scores: tuple[CategoryScoreView, ...] = ()


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    changed_at: datetime
    changed_by: str
    action: ChangeAction
    table_name: str
    record_id: int
    field: str | None
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What `check` found: empty `problems` means the register is sound."""

    location: str
    backend: str
    schema_revision: str
    counts: dict[str, int]
    problems: tuple[str, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class PartyRef:
    """A party named in passing (chains, pick lists)."""

    id: int
    name: str
