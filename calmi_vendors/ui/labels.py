"""Words the user sees for each stored value: translated, never raw enum names or ISO timestamps."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLocale


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation under `context` without translating it yet."""
    return text


def enum_label(value: StrEnum | None) -> str:
    """The translated label of any stored vocabulary value ('' for none)."""
    if value is None:
        return ""
    labels = {
        "candidate": QCoreApplication.translate("Labels", "Candidate"),
        "under_assessment": QCoreApplication.translate("Labels", "Under assessment"),
        "approved": QCoreApplication.translate("Labels", "Approved"),
        "active": QCoreApplication.translate("Labels", "Active"),
        "suspended": QCoreApplication.translate("Labels", "Suspended"),
        "terminated": QCoreApplication.translate("Labels", "Terminated"),
        "high": QCoreApplication.translate("Labels", "High"),
        "medium": QCoreApplication.translate("Labels", "Medium"),
        "low": QCoreApplication.translate("Labels", "Low"),
        "present": QCoreApplication.translate("Labels", "Present"),
        "partial": QCoreApplication.translate("Labels", "Partial"),
        "missing": QCoreApplication.translate("Labels", "Missing"),
        "not_applicable": QCoreApplication.translate("Labels", "Not applicable"),
        "critical": QCoreApplication.translate("Labels", "Critical"),
        "major": QCoreApplication.translate("Labels", "Major"),
        "minor": QCoreApplication.translate("Labels", "Minor"),
        "observation": QCoreApplication.translate("Labels", "Observation"),
        "open": QCoreApplication.translate("Labels", "Open"),
        "in_progress": QCoreApplication.translate("Labels", "In progress"),
        "closed": QCoreApplication.translate("Labels", "Closed"),
        "verified": QCoreApplication.translate("Labels", "Verified"),
        "on_site": QCoreApplication.translate("Labels", "On-site"),
        "remote": QCoreApplication.translate("Labels", "Remote"),
        "document_review": QCoreApplication.translate("Labels", "Document review"),
        "self_assessment": QCoreApplication.translate("Labels", "Self-assessment"),
        "planned": QCoreApplication.translate("Labels", "Planned"),
        "completed": QCoreApplication.translate("Labels", "Completed"),
        "cancelled": QCoreApplication.translate("Labels", "Cancelled"),
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "under_negotiation": QCoreApplication.translate("Labels", "Under negotiation"),
        "expired": QCoreApplication.translate("Labels", "Expired"),
        "selection": QCoreApplication.translate("Labels", "Selection"),
        "periodic": QCoreApplication.translate("Labels", "Periodic"),
        "approved_with_conditions": QCoreApplication.translate("Labels", "Approved with conditions"),
        "rejected": QCoreApplication.translate("Labels", "Rejected"),
        "sent_to_party": QCoreApplication.translate("Labels", "Sent to party"),
        "in_review": QCoreApplication.translate("Labels", "In review"),
        "satisfactory": QCoreApplication.translate("Labels", "Satisfactory"),
        "satisfactory_with_findings": QCoreApplication.translate("Labels", "Satisfactory with findings"),
        "unsatisfactory": QCoreApplication.translate("Labels", "Unsatisfactory"),
        "contract_expiry": QCoreApplication.translate("Labels", "Contract expires"),
        "contract_notice": QCoreApplication.translate("Labels", "Notice date of a contract"),
        "certification_expiry": QCoreApplication.translate("Labels", "Certification expires"),
        "audit_planned": QCoreApplication.translate("Labels", "Planned audit"),
        "audit_due": QCoreApplication.translate("Labels", "Audit due, none planned"),
        "finding_due": QCoreApplication.translate("Labels", "Finding due"),
        "notice": QCoreApplication.translate("Labels", "Upcoming"),
        "warning": QCoreApplication.translate("Labels", "Soon"),
        "due": QCoreApplication.translate("Labels", "Due today"),
        "overdue": QCoreApplication.translate("Labels", "Overdue"),
    }
    if type(value).__name__ == "ContractStatus" and value.value == "active":
        # A contract is in force; a party is active — one word in English, two in Japanese.
        return QCoreApplication.translate("Labels", "In force")
    return labels.get(value.value, value.value.replace("_", " ").capitalize())


def field_label(key: str) -> str:
    """The translated name of a party field, as the import and the history show it."""
    labels = {
        "name": QCoreApplication.translate("Labels", "Name"),
        "name_kana": QCoreApplication.translate("Labels", "Name (kana)"),
        "corporate_number": QCoreApplication.translate("Labels", "Corporate number"),
        "country": QCoreApplication.translate("Labels", "Country"),
        "address": QCoreApplication.translate("Labels", "Address"),
        "processing_country": QCoreApplication.translate("Labels", "Country where data is processed"),
        "data_subjects_approx": QCoreApplication.translate("Labels", "Data subjects (approx.)"),
        "business_functions": QCoreApplication.translate("Labels", "Entrusted work"),
        "data_categories": QCoreApplication.translate("Labels", "Data categories"),
        "special_care": QCoreApplication.translate("Labels", "Special-care data"),
        "reentrustment_allowed": QCoreApplication.translate("Labels", "Re-entrustment allowed"),
        "parent": QCoreApplication.translate("Labels", "Entrusted by (parent)"),
        "parent_name": QCoreApplication.translate("Labels", "Entrusted by (parent)"),
        "owner_department": QCoreApplication.translate("Labels", "Owner department"),
        "contact": QCoreApplication.translate("Labels", "Contact"),
        "contact_name": QCoreApplication.translate("Labels", "Contact name"),
        "contact_email": QCoreApplication.translate("Labels", "Contact e-mail"),
        "contact_phone": QCoreApplication.translate("Labels", "Contact phone"),
        "certifications": QCoreApplication.translate("Labels", "Certifications"),
        "certification": QCoreApplication.translate("Labels", "Certification"),
        "certification_expires_on": QCoreApplication.translate("Labels", "Certification expires"),
        "contract_signed_on": QCoreApplication.translate("Labels", "Contract signed"),
        "contract_effective_on": QCoreApplication.translate("Labels", "Contract effective"),
        "contract_expires_on": QCoreApplication.translate("Labels", "Contract expires"),
        "website": QCoreApplication.translate("Labels", "Website"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "notes": QCoreApplication.translate("Labels", "Notes"),
    }
    return labels.get(key, key.replace("_", " ").capitalize())


def problem_text(kind: str, reason: str) -> str:
    """Why a cell cannot be imported, in the UI language; the importer's own words where none is known."""
    if not is_japanese():
        return reason
    texts = {
        "bad_check_digit": QCoreApplication.translate(
            "Labels", "The corporate number's check digit is wrong"
        ),
        "bad_corporate_number": QCoreApplication.translate("Labels", "Not a 13-digit corporate number"),
        "bad_date": QCoreApplication.translate("Labels", "Not a date"),
        "not_a_date": QCoreApplication.translate("Labels", "Not a date"),
        "impossible_date": QCoreApplication.translate("Labels", "This date does not exist"),
        "bad_number": QCoreApplication.translate("Labels", "Not a number"),
        "not_a_number": QCoreApplication.translate("Labels", "Not a number"),
        "bad_yes_no": QCoreApplication.translate("Labels", "Not yes or no"),
        "invalid_email": QCoreApplication.translate("Labels", "Not an e-mail address"),
        "not_allowed": QCoreApplication.translate("Labels", "Not one of the allowed values"),
    }
    known = texts.get(kind)
    # The importer's reason quotes the value and the detail; keep it after the translated gist.
    return f"{known}（{reason}）" if known else reason


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: date | None) -> str:
    """A date as people write it in the UI language (2026/04/01 in Japanese, 1 Apr 2026 in English)."""
    if day is None:
        return ""
    if is_japanese():
        return f"{day.year}/{day.month:02d}/{day.day:02d}"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def is_japanese() -> bool:
    return QLocale().language() == QLocale.Language.Japanese
