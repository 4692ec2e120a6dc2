"""Every mapped table of the register, importable from one place."""

from calmi_vendors.store.models.audit import Finding, SupervisionAudit
from calmi_vendors.store.models.contract import ClauseCoverage, ClauseRequirement, ConsignmentContract
from calmi_vendors.store.models.party import (
    BusinessFunction,
    Certification,
    Contact,
    DataCategory,
    EntrustedParty,
    ForeignRegimeCheck,
    ReentrustmentApproval,
    StatusChange,
    party_business_function,
    party_data_category,
)
from calmi_vendors.store.models.questionnaire import (
    Assessment,
    AssessmentAnswer,
    AssessmentCategoryScore,
    Question,
    QuestionnaireSection,
    QuestionnaireTemplate,
)
from calmi_vendors.store.models.records import (
    ChangeRecord,
    Evidence,
    ImportBatch,
    ImportBatchItem,
    MappingProfile,
    ProgramReview,
    ProgramReviewAction,
    RegisterSetting,
)

__all__ = [
    "Assessment",
    "AssessmentAnswer",
    "AssessmentCategoryScore",
    "BusinessFunction",
    "Certification",
    "ChangeRecord",
    "ClauseCoverage",
    "ClauseRequirement",
    "ConsignmentContract",
    "Contact",
    "DataCategory",
    "EntrustedParty",
    "Evidence",
    "Finding",
    "ForeignRegimeCheck",
    "ImportBatch",
    "ImportBatchItem",
    "MappingProfile",
    "ProgramReview",
    "ProgramReviewAction",
    "Question",
    "QuestionnaireSection",
    "QuestionnaireTemplate",
    "ReentrustmentApproval",
    "RegisterSetting",
    "StatusChange",
    "SupervisionAudit",
    "party_business_function",
    "party_data_category",
]
