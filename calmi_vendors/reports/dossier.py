"""The party dossier: everything the register holds about one entrusted party, as a regulator asks for it."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

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
from calmi_vendors.domain.lifecycle import OPEN_FINDING_STATUSES
from calmi_vendors.domain.seed import BUSINESS_FUNCTIONS, DATA_CATEGORIES
from calmi_vendors.domain.tiering import describe_tier
from calmi_vendors.reports.document import (
    ACCENT,
    GRID,
    Cell,
    ReportDocument,
    ReportOptions,
    data_table,
    esc,
    kv_table,
    rich,
)
from calmi_vendors.reports.labels import (
    ENUM_LABELS,
    Language,
    enum_label,
    format_date,
    format_datetime,
    table_label,
    text,
    yes_no,
)
from calmi_vendors.services.dto import (
    AssessmentView,
    AuditView,
    ContractView,
    FindingView,
    HistoryEntry,
    PartyDetail,
    PartyRef,
)

DEFAULT_HISTORY_ROWS = 60
_EXPIRING_DAYS = 90
_VALUE_LIMIT = 160
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


class EvidenceRow(NamedTuple):
    """One evidence file: (file name, sha256, added_at, description)."""

    file_name: str
    sha256: str
    added_at: datetime
    description: str | None


def _seed_functions() -> dict[str, tuple[str, str]]:
    return {f.key: (f.name_en, f.name_ja) for f in BUSINESS_FUNCTIONS}


def _seed_categories() -> dict[str, tuple[str, str]]:
    return {c.key: (c.name_en, c.name_ja) for c in DATA_CATEGORIES}


def _seed_special_care() -> frozenset[str]:
    return frozenset(c.key for c in DATA_CATEGORIES if c.special_care)


@dataclass(frozen=True, slots=True, kw_only=True)
class DossierData:
    """What the services gather for one party's dossier; the report reads nothing else."""

    party: PartyDetail
    parents: tuple[PartyRef, ...] = ()
    """The re-entrustment chain above the party, nearest first (direct parent, its parent, … the top)."""
    children: tuple[PartyRef, ...] = ()
    contracts: tuple[ContractView, ...] = ()
    assessments: tuple[AssessmentView, ...] = ()
    audits: tuple[AuditView, ...] = ()
    evidence: tuple[EvidenceRow | tuple[str, str, datetime, str | None], ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    history_total: int | None = None
    """How many changes the register holds in all, when `history` is only the latest of them."""
    function_names: Mapping[str, tuple[str, str]] = field(default_factory=_seed_functions)
    """Business function key → (English, Japanese) name, as edited in the register."""
    category_names: Mapping[str, tuple[str, str]] = field(default_factory=_seed_categories)
    """Data category key → (English, Japanese) name."""
    special_care_categories: frozenset[str] = field(default_factory=_seed_special_care)
    requirement_titles: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Clause requirement key → (English, Japanese) title, for findings tied to a clause."""


# Which vocabulary a changed field's stored value belongs to, for the change history.
_HISTORY_ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("entrusted_party", "status"): PartyStatus,
    ("entrusted_party", "tier"): RiskTier,
    ("entrusted_party", "tier_override"): RiskTier,
    ("status_change", "from_status"): PartyStatus,
    ("status_change", "to_status"): PartyStatus,
    ("consignment_contract", "status"): ContractStatus,
    ("clause_coverage", "coverage"): Coverage,
    ("finding", "severity"): Severity,
    ("finding", "status"): FindingStatus,
    ("supervision_audit", "method"): AuditMethod,
    ("supervision_audit", "status"): AuditStatus,
    ("supervision_audit", "conclusion"): AuditConclusion,
    ("assessment", "kind"): AssessmentKind,
    ("assessment", "status"): AssessmentStatus,
    ("assessment", "result"): AssessmentResult,
    ("certification", "kind"): CertificationKind,
}
_FIELD_TEXT = {
    "name": "f_name",
    "name_kana": "f_name_kana",
    "corporate_number": "f_corporate_number",
    "country": "f_country",
    "address": "f_address",
    "processing_country": "f_processing_country",
    "data_subjects_approx": "f_data_subjects",
    "status": "f_status",
    "tier": "f_tier",
    "tier_reason": "f_tier_reason",
    "tier_override": "f_tier_override",
    "parent_id": "f_parent",
    "reentrustment_allowed": "f_reentrustment",
    "owner_department": "f_owner_department",
    "website": "f_website",
    "notes": "f_notes",
    "next_audit_due": "f_next_audit",
    "business_functions": "functions",
    "data_categories": "categories",
}


def _pick(pair: tuple[str, str] | None, language: Language, fallback: str) -> str:
    if pair is None:
        return fallback
    return pair[1] if language == "ja" else pair[0]


def _clip(value: str, limit: int = _VALUE_LIMIT) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


class _Dossier:
    """Builds the story of one dossier."""

    def __init__(self, data: DossierData, doc: ReportDocument, history_rows: int) -> None:
        self.data = data
        self.doc = doc
        self.lang: Language = doc.language
        self.st = doc.styles
        self.width = doc.content_width
        self.today: date = doc.options.as_of.date()
        self.history_rows = history_rows

    # -- small helpers

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def day(self, value: date | None) -> str:
        return format_date(value, self.lang)

    def when(self, value: datetime | None) -> str:
        return format_datetime(value, self.lang)

    def label(self, value: StrEnum | None) -> str:
        return enum_label(value, self.lang)

    def sep(self) -> str:
        return "、" if self.lang == "ja" else ", "

    def kv(self, rows: Sequence[tuple[str, Cell]], key_share: float = 0.3) -> Flowable:
        kept = [(k, v) for k, v in rows if v not in (None, "")]
        return kv_table(kept, styles=self.st, width=self.width, key_share=key_share)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        align: Sequence[Any] | None = None,
        empty: str | None = None,
    ) -> list[Flowable]:
        return data_table(header, rows, widths, styles=self.st, width=self.width, align=align, empty=empty)

    def note(self, value: str) -> Paragraph:
        return rich(esc(value), self.st.muted)

    def party_name_cell(self, ref: PartyRef, suffix: str = "") -> Paragraph:
        extra = f"<font color='#5A6572'>{esc(suffix)}</font>" if suffix else ""
        return rich(esc(ref.name) + extra, self.st.td)

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        return code.upper()

    # -- the story

    def story(self) -> list[Flowable]:
        party = self.data.party
        facts: list[tuple[str, str]] = []
        if party.corporate_number:
            facts.append((self.t("f_corporate_number"), party.corporate_number))
        facts.append((self.t("f_status"), self.label(party.status)))
        if party.tier:
            facts.append((self.t("f_tier"), self.label(party.tier)))
        story = self.doc.title_page(
            kicker=self.t("dossier_title"), name=party.name, facts=facts, intro=self.t("dossier_intro")
        )
        story += self.doc.contents()
        story += self.profile()
        story += self.functions()
        story += self.contacts()
        story += self.certifications()
        story += self.chain()
        story += self.contracts()
        story += self.assessments()
        story += self.audits()
        story += self.evidence()
        story += self.history()
        return story

    def profile(self) -> list[Flowable]:
        p = self.data.party
        tier: str = ""
        if p.tier:
            tier = self.label(p.tier)
            reason = describe_tier(p.computed_tier, p.tier_reason, self.lang) if p.computed_tier else ""
            if p.tier_override_reason and p.computed_tier and p.computed_tier != p.tier:
                reason = self.t(
                    "tier_override_text",
                    computed=self.label(p.computed_tier),
                    tier=self.label(p.tier),
                    reason=p.tier_override_reason,
                )
            if reason:
                tier = f"{tier}\n{reason}"
        next_audit = self.day(p.next_audit_due)
        if p.next_audit_due and p.next_audit_due < self.today:
            next_audit = (
                f"{next_audit}（{self.t('fi_overdue')}）"
                if self.lang == "ja"
                else (f"{next_audit} ({self.t('fi_overdue')})")
            )
        subjects = (
            self.t("subjects_count", n=p.data_subjects_approx) if p.data_subjects_approx is not None else ""
        )
        rows: list[tuple[str, Cell]] = [
            (self.t("f_name"), p.name),
            (self.t("f_name_kana"), p.name_kana),
            (self.t("f_corporate_number"), p.corporate_number),
            (self.t("f_register_id"), f"#{p.id}"),
            (self.t("f_status"), self.label(p.status)),
            (self.t("f_tier"), tier),
            (self.t("f_country"), self.country(p.country)),
            (self.t("f_address"), p.address),
            (self.t("f_processing_country"), self.country(p.processing_country)),
            (self.t("f_data_subjects"), subjects),
            (self.t("f_parent"), p.parent_name),
            (self.t("f_reentrustment"), self.t("allowed" if p.reentrustment_allowed else "not_allowed")),
            (self.t("f_owner_department"), p.owner_department),
            (self.t("f_website"), p.website),
            (self.t("f_next_audit"), next_audit),
            (self.t("f_special_care"), self.t("special_care_yes" if p.special_care else "special_care_no")),
            (self.t("f_created"), self.when(p.created_at)),
            (self.t("f_updated"), self.when(p.updated_at)),
            (self.t("f_notes"), p.notes),
        ]
        return [*self.doc.heading(self.t("sec_profile")), self.kv(rows)]

    def functions(self) -> list[Flowable]:
        p = self.data.party
        names = [_pick(self.data.function_names.get(k), self.lang, k) for k in p.business_functions]
        categories: list[str] = []
        for key in p.data_categories:
            name = _pick(self.data.category_names.get(key), self.lang, key)
            if key in self.data.special_care_categories:
                mark = self.t("special_care_mark")
                name = f"{name}（{mark}）" if self.lang == "ja" else f"{name} ({mark})"
            categories.append(name)
        none = self.t("none_recorded")
        rows: list[tuple[str, Cell]] = [
            (self.t("functions"), "\n".join(names) or none),
            (self.t("categories"), "\n".join(categories) or none),
            (self.t("f_special_care"), self.t("special_care_yes" if p.special_care else "special_care_no")),
        ]
        return [*self.doc.heading(self.t("sec_functions")), self.kv(rows)]

    def contacts(self) -> list[Flowable]:
        rows: list[list[Cell]] = [
            [c.name, c.role, c.department, c.email, c.phone, self.t("c_primary") if c.is_primary else ""]
            for c in self.data.party.contacts
        ]
        header = [self.t(k) for k in ("c_name", "c_role", "c_department", "c_email", "c_phone", "c_primary")]
        return [
            *self.doc.heading(self.t("sec_contacts")),
            *self.table(header, rows, [15, 17, 16, 25, 17, 10], empty=self.t("no_contacts")),
        ]

    def certification_state(self, expires: date | None) -> str:
        if expires is None:
            return self.t("cert_no_expiry")
        if expires < self.today:
            return self.t("cert_expired", day=self.day(expires))
        left = (expires - self.today).days
        if left <= _EXPIRING_DAYS:
            return self.t("cert_expiring", days=left)
        return self.t("cert_valid")

    def certifications(self) -> list[Flowable]:
        rows: list[list[Cell]] = []
        for c in self.data.party.certifications:
            kind = self.label(c.kind)
            if c.name:
                kind = f"{kind}\n{c.name}"
            rows.append(
                [
                    kind,
                    c.number,
                    c.issuer,
                    self.day(c.issued_on),
                    self.day(c.expires_on),
                    self.certification_state(c.expires_on),
                ]
            )
        header = [
            self.t(k)
            for k in ("cert_kind", "cert_number", "cert_issuer", "cert_issued", "cert_expires", "cert_state")
        ]
        return [
            *self.doc.heading(self.t("sec_certifications")),
            *self.table(header, rows, [22, 15, 13, 15, 15, 20], empty=self.t("no_certifications")),
        ]

    def chain(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.t("sec_chain"))]
        p = self.data.party
        top_down = list(reversed(self.data.parents))
        if not top_down and not self.data.children:
            out.append(rich(esc(self.t("chain_none")), self.st.body))
            return out
        rows: list[list[Cell]] = []
        for level, ref in enumerate([*top_down, PartyRef(p.id, p.name)], start=1):
            relation = self.t("chain_top") if level == 1 else self.t("chain_parent")
            suffix = f"（{self.t('chain_self')}）" if self.lang == "ja" else f" ({self.t('chain_self')})"
            name = self.party_name_cell(ref, suffix if ref.id == p.id else "")
            rows.append([self.t("chain_level_n", n=level), name, relation])
        own_level = len(top_down) + 1
        for ref in self.data.children:
            rows.append(
                [self.t("chain_level_n", n=own_level + 1), self.party_name_cell(ref), self.t("chain_child")]
            )
        header = [self.t("chain_level"), self.t("chain_party"), self.t("chain_relation")]
        emphasis = [own_level - 1]
        out += data_table(header, rows, [10, 55, 35], styles=self.st, width=self.width, emphasis=emphasis)
        out.append(
            rich(
                esc(
                    f"{self.t('f_reentrustment')}: "
                    f"{self.t('allowed' if p.reentrustment_allowed else 'not_allowed')}"
                ),
                self.st.muted,
            )
        )
        return out

    def contract_facts(self, c: ContractView) -> Flowable:
        renewal = ""
        if c.auto_renewal:
            renewal = (
                self.t("renewal_yes", n=c.renewal_term_months)
                if c.renewal_term_months
                else self.t("renewal_yes_plain")
            )
        else:
            renewal = self.t("no")
        rows: list[tuple[str, Cell]] = [
            (self.t("k_reference"), c.reference_number),
            (self.t("k_contract_status"), self.label(c.status)),
            (self.t("k_signed"), self.day(c.signed_on)),
            (self.t("k_effective"), self.day(c.effective_on)),
            (self.t("k_expires"), self.day(c.expires_on)),
            (self.t("k_renewal"), renewal),
            (self.t("k_notice"), self.t("days_n", n=c.notice_period_days) if c.notice_period_days else ""),
            (self.t("k_retention"), self.day(c.retention_until)),
            (
                self.t("k_contract_reentrustment"),
                self.t("allowed" if c.reentrustment_allowed else "not_allowed"),
            ),
            (
                self.t("k_incident"),
                self.t("hours_n", n=c.incident_notice_hours) if c.incident_notice_hours else "",
            ),
            (self.t("k_contract_notes"), c.notes),
        ]
        return self.kv(rows)

    def contracts(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.t("sec_contracts"))]
        if not self.data.contracts:
            out.append(rich(esc(self.t("no_contracts")), self.st.body))
            return out
        header = [self.t(k) for k in ("cov_no", "cov_requirement", "cov_coverage", "cov_article", "cov_note")]
        for c in self.data.contracts:
            heading = self.doc.heading(self.t("contract_heading", title=c.title), 1)
            out.append(KeepTogether([*heading, self.contract_facts(c)]))
            if not c.coverage:
                out.append(self.note(self.t("cov_none")))
                continue
            counts = {kind: sum(1 for row in c.coverage if row.coverage is kind) for kind in Coverage}
            parts = self.sep().join(f"{self.label(kind)} {n}" for kind, n in counts.items())
            out.append(rich(esc(self.t("cov_summary", parts=parts)), self.st.body))
            rows: list[list[Cell]] = [
                [
                    str(i),
                    row.title_ja if self.lang == "ja" else row.title_en,
                    self.coverage_cell(row.coverage),
                    row.article,
                    row.note,
                ]
                for i, row in enumerate(c.coverage, start=1)
            ]
            aligns = ["RIGHT", "LEFT", "LEFT", "LEFT", "LEFT"]
            out += self.table(header, rows, [5, 35, 15, 13, 32], align=aligns)
        return out

    def coverage_cell(self, value: Coverage) -> Cell:
        colour = {Coverage.MISSING: "#9B1C1C", Coverage.PARTIAL: "#8A5A00"}.get(value)
        if colour is None:
            return self.label(value)
        return rich(f"<font color='{colour}'>{esc(self.label(value))}</font>", self.st.td)

    def score_text(self, score: float | None, maximum: float | None) -> str:
        if score is None or not maximum:
            return ""
        return self.t("score_text", score=round(score, 1), max=round(maximum, 1), pct=score / maximum)

    def assessments(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.t("sec_assessments"))]
        items = self.data.assessments
        if not items:
            out.append(rich(esc(self.t("no_assessments")), self.st.body))
            return out
        header = [
            self.t(k) for k in ("a_kind", "a_status", "a_started", "a_completed", "a_assessor", "a_score")
        ]
        header.append(self.t("a_result"))
        rows: list[list[Cell]] = [
            [
                self.label(a.kind),
                self.label(a.status),
                self.day(a.started_on),
                self.day(a.completed_on),
                a.assessor,
                self.score_text(a.score, a.max_score),
                self.label(a.result),
            ]
            for a in items
        ]
        out += self.table(header, rows, [14, 11, 15, 15, 12, 18, 15])
        for a in items:
            if not a.category_scores and not a.conditions and not a.failed_must_pass:
                continue
            anchor = a.completed_on or a.started_on
            heading = self.doc.heading(self.t("a_heading", kind=self.label(a.kind), day=self.day(anchor)), 1)
            facts: list[tuple[str, Cell]] = [
                (self.t("a_result"), self.label(a.result)),
                (self.t("a_score"), self.score_text(a.score, a.max_score)),
                (self.t("a_approver"), a.approver),
                (self.t("a_conditions"), a.conditions),
            ]
            if a.failed_must_pass:
                facts.append((self.t("a_must_pass"), self.t("yes")))
            out.append(KeepTogether([*heading, self.kv(facts)]))
            if a.category_scores:
                out.append(rich(esc(self.t("scores_by_category")), self.st.h3))
                cat_rows: list[list[Cell]] = []
                for c in a.category_scores:
                    ratio = c.score / c.max_score if c.max_score else 0.0
                    cat_rows.append(
                        [
                            c.title_ja if self.lang == "ja" else c.title_en,
                            f"{c.score:g} / {c.max_score:g}",
                            f"{ratio:.0%}",
                            ScoreBar(ratio),
                        ]
                    )
                header2 = [self.t("a_category"), self.t("a_points"), self.t("a_ratio"), ""]
                out += self.table(
                    header2, cat_rows, [38, 16, 10, 36], align=["LEFT", "RIGHT", "RIGHT", "LEFT"]
                )
        return out

    def finding_cell(self, f: FindingView) -> Paragraph:
        parts = [esc(f.title)]
        if f.description:
            parts.append(f"<font size='7.5' color='#5A6572'>{esc(f.description)}</font>")
        if f.requirement_key:
            title = _pick(self.data.requirement_titles.get(f.requirement_key), self.lang, "")
            if not title:
                title = self.requirement_title(f.requirement_key)
            parts.append(
                f"<font size='7.5' color='#5A6572'>{esc(self.t('fi_requirement', title=title))}</font>"
            )
        return rich("<br/>".join(parts), self.st.td)

    def requirement_title(self, key: str) -> str:
        for c in self.data.contracts:
            for row in c.coverage:
                if row.requirement_key == key:
                    return row.title_ja if self.lang == "ja" else row.title_en
        return key

    def due_text(self, f: FindingView) -> str:
        lines = [self.day(f.due_on)] if f.due_on else []
        if f.due_on and f.due_on < self.today and f.status in OPEN_FINDING_STATUSES:
            lines.append(f"（{self.t('fi_overdue')}）" if self.lang == "ja" else f"({self.t('fi_overdue')})")
        return "\n".join(lines)

    def status_text(self, f: FindingView) -> str:
        lines = [self.label(f.status)]
        if f.status is FindingStatus.VERIFIED and f.verified_on:
            lines.append(self.day(f.verified_on))
            if f.verified_by:
                lines.append(f"（{f.verified_by}）" if self.lang == "ja" else f"({f.verified_by})")
        elif f.closed_on:
            lines.append(self.day(f.closed_on))
        return "\n".join(lines)

    def audits(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.t("sec_audits"))]
        if not self.data.audits:
            out.append(rich(esc(self.t("no_audits")), self.st.body))
            return out
        header = [
            self.t(k)
            for k in ("fi_no", "fi_title", "fi_severity", "fi_status", "fi_due", "fi_owner", "fi_action")
        ]
        for a in self.data.audits:
            anchor = a.performed_on or a.planned_on
            title = a.title or self.t("au_untitled", method=self.label(a.method), day=self.day(anchor))
            heading = self.doc.heading(self.t("au_heading", title=title), 1)
            facts: list[tuple[str, Cell]] = [
                (self.t("au_method"), self.label(a.method)),
                (self.t("au_status"), self.label(a.status)),
                (self.t("au_planned"), self.day(a.planned_on)),
                (self.t("au_performed"), self.day(a.performed_on)),
                (self.t("au_auditor"), a.auditor),
                (self.t("au_participants"), a.participants),
                (self.t("au_scope"), a.scope),
                (self.t("au_conclusion"), self.label(a.conclusion)),
                (self.t("au_conclusion_notes"), a.conclusion_notes),
            ]
            out.append(KeepTogether([*heading, self.kv(facts)]))
            if not a.findings:
                out.append(self.note(self.t("no_findings")))
                continue
            still_open = sum(1 for f in a.findings if f.status in OPEN_FINDING_STATUSES)
            out.append(rich(esc(self.t("fi_summary", total=len(a.findings), open=still_open)), self.st.body))
            rows: list[list[Cell]] = [
                [
                    str(i),
                    self.finding_cell(f),
                    self.label(f.severity),
                    self.status_text(f),
                    self.due_text(f),
                    f.owner,
                    f.corrective_action,
                ]
                for i, f in enumerate(a.findings, start=1)
            ]
            out += self.table(
                header,
                rows,
                [5, 26, 11, 15, 14, 11, 18],
                align=["RIGHT", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT", "LEFT"],
            )
        return out

    def evidence(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.t("sec_evidence"))]
        items = [EvidenceRow(*item) for item in self.data.evidence]
        if not items:
            out.append(rich(esc(self.t("no_evidence")), self.st.body))
            return out
        out.append(self.note(self.t("ev_intro")))
        rows: list[list[Cell]] = [
            [e.file_name, self.digest_cell(e.sha256), self.when(e.added_at), e.description] for e in items
        ]
        header = [self.t(k) for k in ("ev_file", "ev_sha", "ev_added", "ev_description")]
        out += self.table(header, rows, [22, 33, 18, 27])
        return out

    def digest_cell(self, digest: str) -> Paragraph:
        parts = (digest[:32], digest[32:]) if len(digest) == 64 else (digest,)
        return rich("<br/>".join(esc(part) for part in parts), self.st.mono)

    def history_value(self, entry: HistoryEntry, value: str | None) -> str:
        if value is None or value == "":
            return self.t("no_value")
        kind = _HISTORY_ENUMS.get((entry.table_name, entry.field or ""))
        if kind is not None and value in ENUM_LABELS.get(kind, {}):
            return self.label(kind(value))
        if entry.field == "tier_reason":
            # The stored reason is coded; word its factors (the tier itself has its own history row).
            worded = describe_tier(RiskTier.LOW, value, self.lang)
            colon = "：" if self.lang == "ja" else ": "
            factors = worded.split(colon, 1)[1] if value.startswith("{") and colon in worded else worded
            return _clip(factors, 400)
        if entry.field == "data_subjects_approx" and value.isdigit():
            return f"{int(value):,}"
        if value in ("true", "false"):
            return yes_no(value == "true", self.lang)
        if _ISO_DATE.match(value):
            try:
                return self.day(date.fromisoformat(value))
            except ValueError:
                return value
        if _ISO_DATETIME.match(value):
            try:
                return self.when(datetime.fromisoformat(value))
            except ValueError:
                return value
        if entry.field in ("business_functions", "data_categories") and value.startswith("["):
            return self.key_list(entry.field, value)
        return _clip(value)

    def key_list(self, field_name: str, value: str) -> str:
        try:
            keys = json.loads(value)
        except ValueError:
            return _clip(value)
        names = self.data.function_names if field_name == "business_functions" else self.data.category_names
        return _clip(self.sep().join(_pick(names.get(str(k)), self.lang, str(k)) for k in keys))

    def history_change(self, entry: HistoryEntry) -> str:
        if entry.field is None:
            # A created or deleted record: its snapshot is long; name it instead.
            snapshot = entry.new_value if entry.action is ChangeAction.INSERT else entry.old_value
            try:
                values = json.loads(snapshot or "")
            except ValueError:
                return ""
            if isinstance(values, dict):
                for key in ("name", "title", "file_name"):
                    if values.get(key):
                        return _clip(str(values[key]))
            return ""
        old = self.history_value(entry, entry.old_value)
        new = self.history_value(entry, entry.new_value)
        return f"{old} → {new}"

    def history(self) -> list[Flowable]:
        out: list[Flowable] = [*self.doc.heading(self.t("sec_history"))]
        entries = sorted(self.data.history, key=lambda e: (e.changed_at, e.id), reverse=True)
        if not entries:
            out.append(rich(esc(self.t("no_history")), self.st.body))
            return out
        shown = entries[: self.history_rows]
        total = max(self.data.history_total or 0, len(entries))
        out.append(self.note(self.t("h_excerpt", shown=len(shown), total=total)))
        rows: list[list[Cell]] = []
        for e in shown:
            record = f"{table_label(e.table_name, self.lang)} #{e.record_id}"
            field_key = _FIELD_TEXT.get(e.field or "")
            field_label = self.t(field_key) if field_key else (e.field or "").replace("_", " ")
            rows.append(
                [
                    self.when(e.changed_at),
                    e.changed_by,
                    self.label(e.action),
                    record,
                    field_label,
                    self.history_change(e),
                ]
            )
        header = [self.t(k) for k in ("h_when", "h_who", "h_action", "h_record", "h_field", "h_change")]
        out += self.table(header, rows, [18, 10, 10, 12, 14, 36])
        return out


class ScoreBar(Flowable):
    """A horizontal bar showing a ratio (0..1), drawn as vector graphics in a table cell."""

    def __init__(self, ratio: float, height: float = 2.6 * mm) -> None:
        super().__init__()
        self.ratio = max(0.0, min(1.0, ratio))
        self.bar_height = height
        self._avail = 40 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Fills the cell's width."""
        self._avail = availWidth
        return availWidth, self.bar_height + 2

    def draw(self) -> None:
        """Draw the track and the filled part."""
        canv = self.canv
        canv.saveState()
        canv.setFillColor(colors.white)
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.5)
        canv.rect(0, 1, self._avail, self.bar_height, stroke=1, fill=1)
        if self.ratio > 0:
            canv.setFillColor(ACCENT)
            canv.rect(0, 1, self._avail * self.ratio, self.bar_height, stroke=0, fill=1)
        canv.restoreState()


def build_party_dossier(
    data: DossierData,
    options: ReportOptions,
    out: Path | BinaryIO,
    *,
    history_rows: int = DEFAULT_HISTORY_ROWS,
) -> int:
    """Write the party dossier of `data` as a PDF to `out`; the number of pages."""
    title = text("dossier_title", options.language)
    when = format_datetime(options.as_of, options.language)
    sep = "：" if options.language == "ja" else ": "
    doc = ReportDocument(
        out,
        options,
        title=f"{title}{sep}{data.party.name}",
        subject=text("dossier_subject", options.language, when=when),
        header_title=f"{title}{sep}{data.party.name}",
        keywords=[title, data.party.corporate_number or f"#{data.party.id}"],
    )
    story = _Dossier(data, doc, history_rows).story()
    return doc.build_report(story)
