"""Error values and result-less formulas in .xlsx sheets, which calamine returns as empty cells."""

from __future__ import annotations

import posixpath
import re
import zipfile
from typing import IO, Any

import defusedxml.ElementTree as SafeET

from calmi_vendors.spreadsheets.cells import CellError, UnevaluatedFormula

Marker = CellError | UnevaluatedFormula
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
_MAX_PART_BYTES = 16 * 1024 * 1024
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read_xml(archive: zipfile.ZipFile, member: str) -> Any:
    """A small package part parsed with entity expansion and DTDs refused; None if absent or too large."""
    try:
        info = archive.getinfo(member)
    except KeyError:
        return None
    if info.file_size > _MAX_PART_BYTES:
        return None
    return SafeET.fromstring(archive.read(info), forbid_dtd=True)


def relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target path inside the archive) for one part of a package."""
    folder, base = posixpath.split(part)
    root = _read_xml(archive, posixpath.join(folder, "_rels", base + ".rels"))
    found: dict[str, tuple[str, str]] = {}
    for rel in [] if root is None else list(root):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        absolute = target.startswith("/")
        path = target.lstrip("/") if absolute else posixpath.normpath(posixpath.join(folder, target))
        found[rel.get("Id", "")] = (rel.get("Type", ""), path)
    return found


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet part (e.g. xl/worksheets/sheet1.xml) of an .xlsx/.xlsm package."""
    workbook = "xl/workbook.xml"
    for kind, target in relationships(archive, "").values():
        if kind.endswith(_OFFICE_DOCUMENT):
            workbook = target
    root = _read_xml(archive, workbook)
    if root is None:
        return {}
    rels = relationships(archive, workbook)
    parts: dict[str, str] = {}
    for element in root.iter():
        if _local(element.tag) == "sheet":
            rel = rels.get(element.get(f"{_REL_NS}id", ""))
            if rel is not None:
                parts[element.get("name", "")] = rel[1]
    return parts


def _position(ref: str | None, fallback: tuple[int, int]) -> tuple[int, int]:
    match = _REF.match(ref or "")
    if match is None:
        return fallback
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - ord("A") + 1
    return int(match.group(2)) - 1, column - 1


def read_markers(source: IO[bytes]) -> dict[tuple[int, int], Marker]:
    """(row, column) → marker for every error cell and every formula saved without a result."""
    markers: dict[tuple[int, int], Marker] = {}
    row_index = -1
    column_index = -1
    parents: list[Any] = []
    for event, element in SafeET.iterparse(source, events=("start", "end"), forbid_dtd=True):
        name = _local(element.tag)
        if event == "start":
            parents.append(element)
            if name == "row":
                reference = element.get("r")
                row_index = int(reference) - 1 if reference and reference.isdigit() else row_index + 1
                column_index = -1
            continue
        parents.pop()
        if name == "c":
            row_index, column_index = _position(element.get("r"), (row_index, column_index + 1))
            marker = _marker(element)
            if marker is not None:
                markers[row_index, column_index] = marker
        if name in ("c", "row") and parents:
            # Drop finished cells and rows so a large sheet is walked in bounded memory.
            element.clear()
            parents[-1].remove(element)
    return markers


def _marker(cell: Any) -> Marker | None:
    value = formula = None
    has_value = False
    for child in cell:
        local = _local(child.tag)
        if local == "v":
            value, has_value = child.text, True
        elif local == "f":
            formula = child.text or ""
    kind = cell.get("t")
    if kind == "e":
        return CellError((value or "#VALUE!").strip())
    # Excel saves a formula whose result is empty text as t="str" with an empty <v>: that is a result.
    evaluated = bool(value) or (has_value and kind == "str")
    if formula is not None and not evaluated:
        # A shared formula's followers carry no text of their own; say so rather than show nothing.
        return UnevaluatedFormula(formula or "(shared formula)")
    return None
