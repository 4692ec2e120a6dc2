"""Export of exactly the register rows a view shows, to .xlsx or CSV."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from calmi_vendors.services.register_view import RegisterRow
from calmi_vendors.spreadsheets.writer import write_table

COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "Name"),
    ("name_kana", "Reading"),
    ("corporate_number", "Corporate number"),
    ("status", "Status"),
    ("tier", "Risk tier"),
    ("next_audit_due", "Next audit due"),
    ("business_functions", "Business functions"),
    ("country", "Country"),
    ("processing_country", "Processing country"),
    ("owner_department", "Owner department"),
    ("contract_expires_on", "Contract expiry"),
    ("certificate_expires_on", "Certificate expiry"),
    ("open_findings", "Open findings"),
    ("notes", "Notes"),
)


def row_values(row: RegisterRow, function_names: Mapping[str, str]) -> list[Any]:
    values: list[Any] = []
    for key, _title in COLUMNS:
        value = getattr(row, key)
        if key == "business_functions":
            value = "; ".join(function_names.get(k, k) for k in value)
        elif key in ("status", "tier"):
            value = value.value if value is not None else None
        values.append(value)
    return values


def export_rows(
    rows: Sequence[RegisterRow],
    target: Path,
    *,
    function_names: Mapping[str, str],
    encoding: str = "utf-8-sig",
    progress: Callable[[int, int, str], None] | None = None,
) -> int:
    """Write the rows to `target` (.xlsx or .csv); returns how many were written."""
    return write_table(
        target,
        [title for _key, title in COLUMNS],
        [row_values(r, function_names) for r in rows],
        sheet_name="Entrusted parties",
        encoding=encoding,
        progress=progress,
    )
