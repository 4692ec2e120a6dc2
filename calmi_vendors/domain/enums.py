"""The closed vocabularies of the register, stored by their lowercase values."""

from __future__ import annotations

from enum import StrEnum


class PartyStatus(StrEnum):
    """Lifecycle of an entrusted party, in the order it normally moves."""

    CANDIDATE = "candidate"
    UNDER_ASSESSMENT = "under_assessment"
    APPROVED = "approved"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"


class RiskTier(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ContractStatus(StrEnum):
    DRAFT = "draft"
    UNDER_NEGOTIATION = "under_negotiation"
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class Coverage(StrEnum):
    """How far a consignment contract stipulates one clause requirement."""

    PRESENT = "present"
    PARTIAL = "partial"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"


class Applicability(StrEnum):
    """When a clause requirement applies to a party's contract."""

    ALWAYS = "always"
    CROSS_BORDER = "cross_border"
    REENTRUSTMENT = "reentrustment"
    SPECIAL_CARE = "special_care"


class QuestionnaireCategory(StrEnum):
    """Security-control categories of the PPC guidelines, plus the entrustment-specific ones."""

    BASIC_POLICY = "basic_policy"
    INTERNAL_RULES = "internal_rules"
    ORGANISATIONAL = "organisational"
    HUMAN = "human"
    PHYSICAL = "physical"
    TECHNICAL = "technical"
    EXTERNAL_ENVIRONMENT = "external_environment"
    REENTRUSTMENT = "reentrustment"
    CERTIFICATIONS = "certifications"


class AnswerType(StrEnum):
    YES_NO_PARTIAL = "yes_no_partial"
    CHOICE = "choice"
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"


class AssessmentKind(StrEnum):
    SELECTION = "selection"
    PERIODIC = "periodic"


class AssessmentStatus(StrEnum):
    DRAFT = "draft"
    SENT_TO_PARTY = "sent_to_party"
    IN_REVIEW = "in_review"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class AssessmentResult(StrEnum):
    APPROVED = "approved"
    APPROVED_WITH_CONDITIONS = "approved_with_conditions"
    REJECTED = "rejected"


class AuditMethod(StrEnum):
    ON_SITE = "on_site"
    REMOTE = "remote"
    DOCUMENT_REVIEW = "document_review"
    SELF_ASSESSMENT = "self_assessment"


class AuditStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class AuditConclusion(StrEnum):
    SATISFACTORY = "satisfactory"
    SATISFACTORY_WITH_FINDINGS = "satisfactory_with_findings"
    UNSATISFACTORY = "unsatisfactory"


class Severity(StrEnum):
    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    OBSERVATION = "observation"


class FindingStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"
    VERIFIED = "verified"


class CertificationKind(StrEnum):
    PRIVACY_MARK = "privacy_mark"
    ISO_27001 = "iso_27001"
    ISO_27701 = "iso_27701"
    ISO_27017 = "iso_27017"
    SOC2 = "soc2"
    OTHER = "other"


class ChangeAction(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class ActionStatus(StrEnum):
    """Status of an action decided in a compliance program review."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"
