"""Make a report: one entry point for the CLI and the GUI, writing the PDF atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from calmi_vendors.errors import ValidationError
from calmi_vendors.services.register_settings import load_logo, load_settings
from calmi_vendors.store.register import Register


class ReportKind(StrEnum):
    DOSSIER = "dossier"
    AUDIT = "audit"
    PORTFOLIO = "portfolio"
    GAPS = "gaps"
    PROGRAM = "program"


# What the one subject of each report is: a party id, an audit id, a fiscal year, or nothing.
SUBJECT_OF: dict[ReportKind, str | None] = {
    ReportKind.DOSSIER: "party",
    ReportKind.AUDIT: "audit",
    ReportKind.PORTFOLIO: None,
    ReportKind.GAPS: None,
    ReportKind.PROGRAM: "fiscal_year",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportRequest:
    """Which report, about what, in which language and on which paper, with its data as of when."""

    kind: ReportKind
    subject: int | None = None
    language: str = "ja"
    page_size: str | None = None
    """None: the register's default paper."""
    as_of: datetime | None = None
    """The time printed as the data's as-of; None: now. Fixing it makes the output byte-identical."""
    prepared_by: str | None = None
    """Printed in the approval block and the PDF's author; None: the signed-in user."""


@dataclass(frozen=True, slots=True)
class ReportResult:
    path: Path
    pages: int


Progress = Callable[[int, int, str], None]
"""progress(done, total, stage): stage "gather" (total 0: unknown), then "build", then "done".

It may raise to cancel: the build stops and the partial file is removed.
"""


def _as_of(request: ReportRequest) -> datetime:
    moment = request.as_of or datetime.now()
    # A time given without a zone is local time; one given with a zone keeps it (as the user wrote it).
    return moment if moment.tzinfo is not None else moment.astimezone()


def make_report(
    register: Register, request: ReportRequest, out: Path, *, progress: Progress | None = None
) -> ReportResult:
    """Gather the data and write the PDF to `out`; the file appears whole or not at all."""
    from calmi_vendors.reports.document import ReportOptions

    need = SUBJECT_OF[request.kind]
    if need is not None and request.subject is None:
        raise ValidationError(
            f"The {request.kind.value} report needs a {need.replace('_', ' ')}.", field=need
        )
    settings = load_settings(register.unit_of_work(readonly=True))
    logo = load_logo(register.unit_of_work(readonly=True))
    step = progress or (lambda done, total, message: None)
    out = out.expanduser().resolve()
    if not out.parent.is_dir():
        raise ValidationError(f"The folder {out.parent} does not exist.", field="out")
    step(0, 0, "gather")
    with tempfile.TemporaryDirectory(prefix="calmi-report-") as scratch:
        logo_path: Path | None = None
        if logo is not None:
            logo_path = Path(scratch) / "logo"
            logo_path.write_bytes(logo)
        options = ReportOptions(
            language="ja" if request.language == "ja" else "en",
            company_name=settings.company_name,
            as_of=_as_of(request),
            page_size="Letter" if (request.page_size or settings.report_page_size) == "Letter" else "A4",
            logo_path=logo_path,
            prepared_by=request.prepared_by or register.actor,
            progress=lambda done, total: step(done, total, "build"),
        )
        build = _builder(register, request, options.as_of.date())
        fd, partial_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".pdf.part", dir=out.parent)
        os.close(fd)
        partial = Path(partial_name)
        try:
            pages = build(options, partial)
            os.replace(partial, out)
        finally:
            partial.unlink(missing_ok=True)
    step(1, 1, "done")
    return ReportResult(out, pages)


Builder = Callable[..., int]


def _builder(register: Register, request: ReportRequest, today: date) -> Callable[..., int]:
    """Read the report's data now, and return the function that draws it."""
    subject = request.subject
    if request.kind is ReportKind.DOSSIER:
        from calmi_vendors.reports.dossier import build_party_dossier
        from calmi_vendors.services.report_dossier import dossier_data

        assert subject is not None
        dossier = dossier_data(register, subject)
        return lambda options, path: build_party_dossier(dossier, options, path)
    if request.kind is ReportKind.AUDIT:
        from calmi_vendors.reports.audit_report import build_audit_report
        from calmi_vendors.services.audit_report import audit_report_data

        assert subject is not None
        audit = audit_report_data(register.unit_of_work(readonly=True), subject)
        return lambda options, path: build_audit_report(audit, options, path)
    if request.kind is ReportKind.PROGRAM:
        from calmi_vendors.reports.program_report import build_program_report
        from calmi_vendors.services.program_review import get_review

        assert subject is not None
        review = get_review(register.unit_of_work(readonly=True), subject)
        return lambda options, path: build_program_report(review, options, path)
    if request.kind is ReportKind.PORTFOLIO:
        from calmi_vendors.reports.portfolio_report import build_portfolio_report
        from calmi_vendors.services.portfolio_report import portfolio_report_data

        portfolio = portfolio_report_data(register.unit_of_work(readonly=True), today)
        return lambda options, path: build_portfolio_report(portfolio, options, path)
    from calmi_vendors.reports.gap_report import build_gap_report
    from calmi_vendors.services.portfolio_report import gap_report_data

    gaps = gap_report_data(register.unit_of_work(readonly=True), today)
    return lambda options, path: build_gap_report(gaps, options, path)
