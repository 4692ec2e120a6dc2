"""Evidence files: copied into the evidence folder under their SHA-256, never referenced in place."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from calmi_vendors.errors import CalmiError, NotFoundError, ValidationError
from calmi_vendors.store.base import Base
from calmi_vendors.store.models import Evidence
from calmi_vendors.store.unit_of_work import UnitOfWork

MAX_EVIDENCE_BYTES = 200 * 1024 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class EvidenceView:
    id: int
    sha256: str
    file_name: str
    media_type: str | None
    size_bytes: int
    record_type: str
    record_id: int
    description: str | None
    added_at: datetime
    added_by: str


def stored_path(evidence_dir: Path, sha256: str) -> Path:
    """Where a file with this digest lives: fanned out by its first two hex digits."""
    return evidence_dir / sha256[:2] / sha256


def _copy_hashing(source: Path, evidence_dir: Path) -> tuple[str, int]:
    """Copy into a temporary file while hashing, then move it under its digest (atomic, no duplicates)."""
    evidence_dir.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        evidence_dir.chmod(0o700)
    digest = hashlib.sha256()
    size = 0
    handle, temp_name = tempfile.mkstemp(dir=evidence_dir, prefix=".incoming-")
    try:
        with source.open("rb") as src, os.fdopen(handle, "wb") as dst:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > MAX_EVIDENCE_BYTES:
                    raise ValidationError(f"{source.name} is larger than {MAX_EVIDENCE_BYTES // 2**20} MB.")
                digest.update(chunk)
                dst.write(chunk)
        sha = digest.hexdigest()
        target = stored_path(evidence_dir, sha)
        target.parent.mkdir(exist_ok=True)
        if target.exists():
            os.unlink(temp_name)
        else:
            os.replace(temp_name, target)
            if os.name == "posix":
                target.chmod(0o600)
        return sha, size
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _record_exists(uow: UnitOfWork, record_type: str, record_id: int) -> bool:
    table = Base.metadata.tables.get(record_type)
    if table is None or record_type in ("evidence", "change_history"):
        return False
    found = uow.session.execute(sa.select(table.c.id).where(table.c.id == record_id)).first()
    return found is not None


def add_evidence(
    uow: UnitOfWork,
    evidence_dir: Path,
    *,
    record_type: str,
    record_id: int,
    source: Path,
    description: str | None = None,
) -> EvidenceView:
    """Attach a copy of `source` to a record (e.g. an audit or a finding)."""
    if not source.is_file():
        raise NotFoundError(f"{source} is not a file.")
    with uow:
        if not _record_exists(uow, record_type, record_id):
            raise NotFoundError(
                f"There is no {record_type.replace('_', ' ')} #{record_id} to attach evidence to."
            )
        try:
            sha, size = _copy_hashing(source, evidence_dir)
        except OSError as exc:
            raise CalmiError(
                f"Cannot copy {source.name} into the evidence folder: {exc.strerror or exc}."
            ) from exc
        row = Evidence(
            sha256=sha,
            file_name=source.name,
            media_type=mimetypes.guess_type(source.name)[0],
            size_bytes=size,
            record_type=record_type,
            record_id=record_id,
            description=(description or "").strip() or None,
            added_by=uow.actor,
        )
        uow.session.add(row)
        uow.commit()
        return _view(row)


def _view(row: Evidence) -> EvidenceView:
    return EvidenceView(
        row.id,
        row.sha256,
        row.file_name,
        row.media_type,
        row.size_bytes,
        row.record_type,
        row.record_id,
        row.description,
        row.added_at,
        row.added_by,
    )


def evidence_of(uow: UnitOfWork, record_type: str, record_id: int) -> list[EvidenceView]:
    with uow:
        rows = uow.session.scalars(
            sa.select(Evidence)
            .where(Evidence.record_type == record_type, Evidence.record_id == record_id)
            .order_by(Evidence.id)
        )
        return [_view(r) for r in rows]


def verify_evidence(uow: UnitOfWork, evidence_dir: Path) -> list[str]:
    """One message per evidence file that is missing or no longer matches its SHA-256."""
    problems: list[str] = []
    with uow:
        rows = uow.session.execute(sa.select(Evidence.id, Evidence.sha256, Evidence.file_name)).all()
    for evidence_id, sha, name in rows:
        path = stored_path(evidence_dir, sha)
        if not path.is_file():
            problems.append(f"evidence #{evidence_id} ({name}): the file is missing from the evidence folder")
            continue
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != sha:
            problems.append(f"evidence #{evidence_id} ({name}): the file was changed on disk")
    return problems


def export_copy(evidence_dir: Path, view: EvidenceView, target: Path) -> Path:
    """Copy a stored file out under its original name (to open it without touching the stored copy)."""
    shutil.copyfile(stored_path(evidence_dir, view.sha256), target)
    return target
