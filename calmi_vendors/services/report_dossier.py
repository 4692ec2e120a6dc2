"""Gather what the party dossier prints, from the register: the party and everything tied to it."""

from __future__ import annotations

import sqlalchemy as sa

from calmi_vendors.reports.dossier import DEFAULT_HISTORY_ROWS, DossierData, EvidenceRow
from calmi_vendors.services import assessments, audits, contracts, maintenance, parties
from calmi_vendors.services.dto import PartyRef
from calmi_vendors.store.models import BusinessFunction as FunctionRow
from calmi_vendors.store.models import (
    ChangeRecord,
    ClauseRequirement,
    DataCategory,
    EntrustedParty,
    Evidence,
    SupervisionAudit,
)
from calmi_vendors.store.register import Register

_CHAIN_LIMIT = 50  # deeper than any real chain; stops a damaged register from looping


def dossier_data(
    register: Register, party_id: int, *, history_rows: int = DEFAULT_HISTORY_ROWS
) -> DossierData:
    """Everything the dossier of `party_id` shows, read from the register; NotFoundError if it is gone."""
    party = parties.get_party(register.unit_of_work(readonly=True), party_id)
    uow = register.unit_of_work(readonly=True)
    with uow:
        session = uow.session
        chain: list[PartyRef] = []
        parent_id = party.parent_id
        seen = {party.id}
        while parent_id is not None and parent_id not in seen and len(chain) < _CHAIN_LIMIT:
            row = session.execute(
                sa.select(EntrustedParty.id, EntrustedParty.name, EntrustedParty.parent_id).where(
                    EntrustedParty.id == parent_id
                )
            ).one_or_none()
            if row is None:
                break
            seen.add(row.id)
            chain.append(PartyRef(row.id, row.name))
            parent_id = row.parent_id
        audit_ids = _audit_ids(session, party_id)
        files = session.execute(
            sa.select(Evidence.file_name, Evidence.sha256, Evidence.added_at, Evidence.description)
            .where(
                sa.or_(
                    sa.and_(Evidence.record_type == "entrusted_party", Evidence.record_id == party_id),
                    sa.and_(Evidence.record_type == "supervision_audit", Evidence.record_id.in_(audit_ids)),
                )
            )
            .order_by(Evidence.added_at, Evidence.id)
        ).all()
        history_total = session.scalar(
            sa.select(sa.func.count())
            .select_from(ChangeRecord)
            .where(ChangeRecord.table_name == "entrusted_party", ChangeRecord.record_id == party_id)
        )
        functions = {
            key: (en, ja)
            for key, en, ja in session.execute(
                sa.select(FunctionRow.key, FunctionRow.name_en, FunctionRow.name_ja)
            ).tuples()
        }
        categories = session.execute(
            sa.select(DataCategory.key, DataCategory.name_en, DataCategory.name_ja, DataCategory.special_care)
        ).all()
        requirements = {
            key: (en, ja)
            for key, en, ja in session.execute(
                sa.select(ClauseRequirement.key, ClauseRequirement.title_en, ClauseRequirement.title_ja)
            ).tuples()
        }
    return DossierData(
        party=party,
        parents=tuple(chain),
        children=tuple(parties.children_of(register.unit_of_work(readonly=True), party_id)),
        contracts=tuple(contracts.contracts_of(register.unit_of_work(readonly=True), party_id)),
        assessments=tuple(assessments.assessments_of(register.unit_of_work(readonly=True), party_id)),
        audits=tuple(audits.audits_of(register.unit_of_work(readonly=True), party_id)),
        evidence=tuple(EvidenceRow(f.file_name, f.sha256, f.added_at, f.description) for f in files),
        history=tuple(
            maintenance.history_of(
                register.unit_of_work(readonly=True), "entrusted_party", party_id, limit=history_rows
            )
        ),
        history_total=int(history_total or 0),
        function_names=functions,
        category_names={c.key: (c.name_en, c.name_ja) for c in categories},
        special_care_categories=frozenset(c.key for c in categories if c.special_care),
        requirement_titles=requirements,
    )


def _audit_ids(session: sa.orm.Session, party_id: int) -> list[int]:
    """The ids of the party's supervision audits (their evidence belongs in the dossier too)."""
    return list(session.scalars(sa.select(SupervisionAudit.id).where(SupervisionAudit.party_id == party_id)))
