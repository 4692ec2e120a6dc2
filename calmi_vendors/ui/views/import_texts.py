"""What the import dialog says about a preview: the summary, the columns used, the rows left out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from calmi_vendors.services.importing import ImportPreview
from calmi_vendors.ui.labels import field_label, problem_text


def summary_html(preview: ImportPreview) -> str:
    counts = preview.counts
    return (
        QCoreApplication.translate(
            "ImportDialog",
            "<b>%1</b>, sheet “%2”, header on row %3: %4 new, %5 to update, %6 unchanged, "
            "%7 with errors, %8 duplicates; %9 parties of the last import of this list are missing.",
        )
        .replace("%1", html(preview.file_name))
        .replace("%2", html(preview.sheet))
        .replace("%3", str(preview.header_row))
        .replace("%4", str(counts.new))
        .replace("%5", str(counts.update))
        .replace("%6", str(counts.unchanged))
        .replace("%7", str(counts.error))
        .replace("%8", str(counts.duplicate))
        .replace("%9", str(counts.missing_since_last))
    )


def mapping_html(preview: ImportPreview) -> str:
    """Which column became which field (as Excel names the columns), which were ignored, and warnings."""
    used = ", ".join(
        f"{column_letter(column)} {html(preview.headers[column])} → {html(field_label(field))}"
        for column, field in preview.mapping.items()
        if column < len(preview.headers)
    )
    ignored = [h for c, h in enumerate(preview.headers) if c not in preview.mapping and h]
    lines = [QCoreApplication.translate("ImportDialog", "Columns used: %1").replace("%1", used)]
    if ignored:
        lines.append(
            QCoreApplication.translate("ImportDialog", "Columns not used: %1").replace(
                "%1", html(", ".join(ignored))
            )
        )
    lines.extend(html(w) for w in preview.warnings)
    return "<br>".join(lines)


def left_out_lines(preview: ImportPreview) -> list[str]:
    """One line per row with errors: its number, name and every cell's reason."""
    lines = []
    for row in preview.rows:
        if row.errors:
            reasons = "; ".join(
                f"{e.column} ({e.header}): {problem_text(e.kind, e.reason)}" for e in row.errors
            )
            lines.append(
                QCoreApplication.translate("ImportDialog", "Row %1 %2 — %3")
                .replace("%1", str(row.row_number))
                .replace("%2", row.name or "")
                .replace("%3", reasons)
            )
    return lines


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column `index` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
