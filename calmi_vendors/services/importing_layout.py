"""Where a vendor list's data sits: the sheet, the header row and the column mapping (or a saved profile)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from calmi_vendors.domain.text import clean_text
from calmi_vendors.errors import NotFoundError, ValidationError
from calmi_vendors.services.importing_types import ProfileView
from calmi_vendors.spreadsheets.cells import SheetData, Workbook, is_blank
from calmi_vendors.spreadsheets.errors import SpreadsheetError
from calmi_vendors.spreadsheets.headers import (
    FIELD_SYNONYMS,
    MULTI_COLUMN_FIELDS,
    detect_header_row,
    find_data_sheet,
    header_texts,
    headers_signature,
    map_headers,
)
from calmi_vendors.store.models import MappingProfile
from calmi_vendors.store.unit_of_work import UnitOfWork

# As many rows as header detection looks at: a saved profile's header row is searched as far.
SCAN_ROWS = 30
MAX_PROFILE_NAME = 200


@dataclass(frozen=True, slots=True)
class Layout:
    """The chosen sheet, its header row (0-based index) and which column feeds which field."""

    sheet: SheetData
    row_index: int
    mapping: dict[int, str]
    headers: tuple[str, ...]
    profile: ProfileView | None
    warnings: tuple[str, ...] = ()


def _view(profile: MappingProfile) -> ProfileView:
    data = profile.mapping or {}
    columns = data.get("columns") or {}
    return ProfileView(
        id=profile.id,
        name=profile.name,
        headers_signature=profile.headers_signature,
        headers=tuple(str(h) for h in data.get("headers") or ()),
        mapping={int(column): str(target) for column, target in columns.items()},
        keep_unmapped_as_notes=bool(data.get("keep_unmapped_as_notes", False)),
    )


def load_profiles(session: Session) -> list[ProfileView]:
    """Every saved profile, the most recently saved first (it wins when two share a signature)."""
    rows = session.scalars(
        sa.select(MappingProfile).order_by(MappingProfile.updated_at.desc(), MappingProfile.id.desc())
    )
    return [_view(row) for row in rows]


def list_profiles(uow: UnitOfWork) -> list[ProfileView]:
    """The saved mapping profiles, most recent first."""
    with uow:
        return load_profiles(uow.session)


def save_profile(
    uow: UnitOfWork,
    name: str,
    headers: Sequence[str],
    mapping: Mapping[int, str],
    *,
    keep_unmapped_as_notes: bool = False,
) -> ProfileView:
    """Save (or replace) the named mapping for files whose header row reads `headers`."""
    title = clean_text(name or "")
    if not title:
        raise ValidationError("A mapping profile needs a name.", field="name")
    if len(title) > MAX_PROFILE_NAME:
        raise ValidationError(f"A profile name has at most {MAX_PROFILE_NAME} characters.", field="name")
    columns = _checked_mapping(headers, mapping)
    signature = headers_signature(headers)
    data = ProfileView(0, title, signature, tuple(headers), columns, keep_unmapped_as_notes).as_json()
    with uow:
        profile = uow.session.scalar(sa.select(MappingProfile).where(MappingProfile.name == title))
        if profile is None:
            profile = MappingProfile(name=title, headers_signature=signature, mapping=data)
            uow.session.add(profile)
        else:
            profile.headers_signature = signature
            profile.mapping = data
        uow.session.flush()
        view = _view(profile)
        uow.commit()
        return view


def _checked_mapping(headers: Sequence[str], mapping: Mapping[int, str]) -> dict[int, str]:
    columns: dict[int, str] = {}
    used: dict[str, int] = {}
    for column, target in sorted(mapping.items()):
        if target not in FIELD_SYNONYMS:
            raise ValidationError(f"{target!r} is not a field a column can be mapped to.", field="mapping")
        if column < 0 or column >= max(len(headers), 1):
            raise ValidationError(f"Column {column + 1} is outside the header row.", field="mapping")
        if target in used and target not in MULTI_COLUMN_FIELDS:
            raise ValidationError(
                f"Columns {used[target] + 1} and {column + 1} are both mapped to {target}; "
                "only one column can feed it.",
                field="mapping",
            )
        used[target] = column
        columns[column] = target
    if "name" not in used:
        raise ValidationError("A mapping needs a column for the vendor's name.", field="mapping")
    return columns


def choose_layout(
    session: Session,
    workbook: Workbook,
    *,
    sheet: str | None = None,
    header_row: int | None = None,
    profile: str | None = None,
) -> Layout:
    """The sheet, header row and mapping to read: as given, from a saved profile, or detected."""
    sheets = [_sheet_named(workbook, sheet)] if sheet is not None else list(workbook.sheets)
    profiles = load_profiles(session)
    named: ProfileView | None = None
    if profile is not None:
        named = next((p for p in profiles if p.name == clean_text(profile)), None)
        if named is None:
            known = ", ".join(repr(p.name) for p in profiles) or "none saved yet"
            raise NotFoundError(f"There is no mapping profile named {profile!r} (profiles: {known}).")
        profiles = [named]
    if header_row is not None:
        chosen = sheets[0] if sheet is not None or len(sheets) == 1 else _data_sheet(workbook)
        return _at_row(workbook, chosen, header_row - 1, profiles, named)
    for candidate in sheets:
        for index, row in enumerate(candidate.rows[:SCAN_ROWS]):
            if all(is_blank(cell) for cell in row):
                continue
            signature = headers_signature(row)
            found = next((p for p in profiles if p.headers_signature == signature), None)
            if found is not None:
                return _checked(workbook, Layout(candidate, index, found.mapping, header_texts(row), found))
    if named is not None:
        raise SpreadsheetError(
            f"{workbook.path_name}: no row has the headers the profile {named.name!r} was saved for "
            f"({', '.join(h for h in named.headers if h)}). Give the header row to apply it anyway.",
            file_name=workbook.path_name,
        )
    if sheet is None:
        data_sheet, guess = find_data_sheet(workbook)
        return Layout(data_sheet, guess.row_index, dict(guess.mapping), guess.headers, None)
    detected = detect_header_row(sheets[0])
    if detected is None:
        raise SpreadsheetError(
            f"{workbook.path_name}, sheet {sheet!r}: no row among the first {SCAN_ROWS} has recognisable "
            "vendor columns (委託先名 / Vendor name, 法人番号, 委託業務 …); give the header row.",
            file_name=workbook.path_name,
            sheet=sheet,
        )
    layout = Layout(sheets[0], detected.row_index, dict(detected.mapping), detected.headers, None)
    return _checked(workbook, layout)


def _sheet_named(workbook: Workbook, name: str) -> SheetData:
    for candidate in workbook.sheets:
        if candidate.name == name:
            return candidate
    for candidate in workbook.sheets:
        # People type sheet names without their stray spaces or in another case.
        if clean_text(candidate.name).casefold() == clean_text(name).casefold():
            return candidate
    names = ", ".join(repr(s.name) for s in workbook.sheets)
    raise SpreadsheetError(
        f"{workbook.path_name} has no sheet named {name!r}; its sheets are {names}.",
        file_name=workbook.path_name,
    )


def _data_sheet(workbook: Workbook) -> SheetData:
    """The sheet detection would pick, else the first one that holds anything."""
    try:
        return find_data_sheet(workbook)[0]
    except SpreadsheetError:
        filled = [s for s in workbook.sheets if s.rows]
        if not filled:
            raise
        return filled[0]


def _at_row(
    workbook: Workbook,
    sheet: SheetData,
    index: int,
    profiles: list[ProfileView],
    named: ProfileView | None,
) -> Layout:
    if not 0 <= index < len(sheet.rows):
        raise SpreadsheetError(
            f"{workbook.path_name}, sheet {sheet.name!r} has {len(sheet.rows)} rows; "
            f"there is no header row {index + 1}.",
            file_name=workbook.path_name,
            sheet=sheet.name,
        )
    row = sheet.rows[index]
    signature = headers_signature(row)
    found = next((p for p in profiles if p.headers_signature == signature), None)
    warnings: tuple[str, ...] = ()
    if found is None and named is not None:
        found = named
        warnings = (
            f"Row {index + 1} does not read like the headers the profile {named.name!r} was saved for; "
            "its columns are applied by position.",
        )
    mapping = found.mapping if found is not None else map_headers(row)[0]
    return _checked(workbook, Layout(sheet, index, dict(mapping), header_texts(row), found, warnings))


def _checked(workbook: Workbook, layout: Layout) -> Layout:
    """Refuse a layout without a name column or without any row under its headers."""
    name = workbook.path_name
    where = f"{name}, sheet {layout.sheet.name!r}, row {layout.row_index + 1}"
    if "name" not in layout.mapping.values():
        shown = ", ".join(h for h in layout.headers if h) or "nothing"
        raise SpreadsheetError(
            f"{where} has no column for the vendor's name (it reads: {shown}). "
            "Add or rename a column 委託先名 / Vendor name, or choose another header row.",
            file_name=name,
            sheet=layout.sheet.name,
        )
    below = layout.sheet.rows[layout.row_index + 1 :]
    if all(all(is_blank(cell) for cell in row) for row in below):
        raise SpreadsheetError(
            f"{where} holds the column headers but there are no vendor rows below them.",
            file_name=name,
            sheet=layout.sheet.name,
        )
    return layout
