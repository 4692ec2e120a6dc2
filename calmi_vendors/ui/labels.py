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
    }
    return labels.get(value.value, value.value.replace("_", " ").capitalize())


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
