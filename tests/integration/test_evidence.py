"""Evidence files are copied in under their SHA-256 and verified by check."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from calmi_vendors.errors import NotFoundError
from calmi_vendors.services import evidence, maintenance, parties
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.store.register import Register


def test_a_file_is_copied_in_under_its_digest_and_verified(register: Register, tmp_path: Path) -> None:
    party = parties.create_party(register.unit_of_work(), PartyInput(name="Evidence K.K."))
    source = tmp_path / "監査報告書.pdf"
    source.write_bytes(b"%PDF-1.4 audit report")
    view = evidence.add_evidence(
        register.unit_of_work(),
        register.evidence_dir,
        record_type="entrusted_party",
        record_id=party.id,
        source=source,
        description="On-site audit 2026",
    )
    assert view.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert view.media_type == "application/pdf"
    stored = evidence.stored_path(register.evidence_dir, view.sha256)
    source.write_bytes(b"changed after attaching")  # the register keeps its own copy
    assert stored.read_bytes() == b"%PDF-1.4 audit report"
    assert maintenance.check_register(register).ok
    again = tmp_path / "copy.pdf"
    again.write_bytes(b"%PDF-1.4 audit report")
    evidence.add_evidence(
        register.unit_of_work(),
        register.evidence_dir,
        record_type="entrusted_party",
        record_id=party.id,
        source=again,
    )
    assert len(list(register.evidence_dir.rglob("*/*"))) == 1  # one stored copy per content
    assert [
        e.file_name for e in evidence.evidence_of(register.unit_of_work(), "entrusted_party", party.id)
    ] == [
        "監査報告書.pdf",
        "copy.pdf",
    ]
    stored.write_bytes(b"tampered")
    problems = maintenance.check_register(register).problems
    assert any("changed on disk" in p for p in problems)
    stored.unlink()
    assert any("missing" in p for p in maintenance.check_register(register).problems)


def test_evidence_needs_an_existing_record(register: Register, tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text("x", encoding="utf-8")
    with pytest.raises(NotFoundError, match="no supervision audit #999"):
        evidence.add_evidence(
            register.unit_of_work(),
            register.evidence_dir,
            record_type="supervision_audit",
            record_id=999,
            source=source,
        )
