"""Importing vendor lists on both backends: preview, apply as a batch, re-import, undo, export round trip."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from calmi_vendors.errors import NotFoundError, RuleViolation
from calmi_vendors.services import contracts, importing, parties, reference, supervision
from calmi_vendors.services.contracts import ContractInput
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.export import export_rows
from calmi_vendors.services.importing import ImportAborted, ImportCounts, ImportPreview
from calmi_vendors.services.register_view import RegisterRow, load_register_rows
from calmi_vendors.spreadsheets.errors import SpreadsheetError
from calmi_vendors.store.models import (
    ChangeRecord,
    Contact,
    EntrustedParty,
    ImportBatch,
    ImportBatchItem,
    MappingProfile,
)
from calmi_vendors.store.register import Register

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
JA = SAMPLES / "vendors_ja.xlsx"
TODAY = date(2026, 4, 1)
NOTES = json.loads((SAMPLES / "vendors_ja.notes.json").read_text("utf-8"))
BAD_NUMBERS: list[str] = NOTES["bad_corporate_numbers"]
SUBCONTRACTORS: list[tuple[str, str]] = [(child, parent) for child, parent in NOTES["subcontractors"]]
# A valid corporate number (check digit 2) taken from the Japanese sample's first row.
NUMBER = "2308627149709"
COUNTED = (EntrustedParty, Contact, ChangeRecord, ImportBatch, ImportBatchItem, MappingProfile)


def table_counts(register: Register) -> dict[str, int]:
    with register.engine.connect() as conn:
        return {
            model.__tablename__: conn.execute(sa.select(sa.func.count()).select_from(model)).scalar_one()
            for model in COUNTED
        }


def steady(register: Register) -> list[RegisterRow]:
    """The register as its view shows it, without versions (a restore is a new version, by design)."""
    return [
        dataclasses.replace(r, version=0) for r in load_register_rows(register.unit_of_work(readonly=True))
    ]


def preview(register: Register, path: Path = JA, **kwargs: object) -> ImportPreview:
    return importing.preview_import(register.unit_of_work(), path, today=TODAY, **kwargs)  # type: ignore[arg-type]


@dataclasses.dataclass(frozen=True)
class Known:
    id: int
    parent_id: int | None


def party_ids(register: Register) -> dict[str, Known]:
    """Every party by name: its id and its parent's."""
    with register.unit_of_work(readonly=True) as uow:
        rows = uow.session.execute(
            sa.select(EntrustedParty.name, EntrustedParty.id, EntrustedParty.parent_id)
        )
        return {name: Known(pid, parent) for name, pid, parent in rows.tuples()}


def write_list(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def edited_ja(
    tmp_path: Path,
    cells: dict[str, str],
    *,
    delete_row: int | None = None,
    append: Sequence[object] | None = None,
) -> Path:
    """A copy of the Japanese sample with cells changed (same file name, so the same source)."""
    book = openpyxl.load_workbook(JA)
    sheet = book.active
    assert sheet is not None
    for ref, value in cells.items():
        sheet[ref] = value
    if delete_row is not None:
        sheet.delete_rows(delete_row)
    if append is not None:
        sheet.append(list(append))
    target = tmp_path / "edited" / JA.name
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target


def test_the_japanese_list_previews_its_known_errors_without_writing(register: Register) -> None:
    before = table_counts(register)
    found = preview(register)
    assert table_counts(register) == before
    assert (found.sheet, found.header_row, found.source_name) == ("委託先一覧", 3, "vendors_ja")
    assert found.counts == ImportCounts(
        new=54, update=0, unchanged=0, error=7, duplicate=1, missing_since_last=0
    )
    kinds = {row.name: {e.kind for e in row.errors} for row in found.error_rows}
    assert set(kinds) == {
        *BAD_NUMBERS,
        *NOTES["bad_dates"],
        "大和情報サービス合同会社",  # 令和元年2月14日: before the era began
        "東都マーケティング株式会社",  # its parent is a row with a bad corporate number
    }
    for name in BAD_NUMBERS:
        assert kinds[name] == {"bad_check_digit"}
    assert kinds["ホシノ印刷株式会社"] == {"invalid_email", "impossible_date"}
    assert kinds["大和情報サービス合同会社"] == {"impossible_date"}
    assert kinds["東都マーケティング株式会社"] == {"parent_has_errors"}
    assert all(e.sheet == "委託先一覧" and e.cell[0].isalpha() for e in found.errors)
    [duplicate] = [row for row in found.rows if row.duplicate_of is not None]
    assert duplicate.name == NOTES["duplicates"][0]
    assert found.row(duplicate.duplicate_of or 0).name == duplicate.name


def test_applying_creates_parties_links_parents_and_records_one_batch(register: Register) -> None:
    found = preview(register)
    result = importing.apply_import(register.unit_of_work(), found, today=TODAY)
    assert (result.created, result.updated, result.errors, result.duplicates) == (54, 0, 7, 1)
    by_name = party_ids(register)
    assert len(by_name) == 54
    for child, parent in SUBCONTRACTORS:
        if child == "東都マーケティング株式会社":
            assert child not in by_name  # refused with its parent row
            continue
        assert by_name[child].parent_id == by_name[parent].id, child
    with register.unit_of_work(readonly=True) as uow:
        [batch] = uow.session.scalars(sa.select(ImportBatch)).all()
        assert batch.id == result.batch_id
        assert (batch.source_name, batch.file_name, batch.sheet, batch.header_row) == (
            "vendors_ja", "vendors_ja.xlsx", "委託先一覧", 3
        )  # fmt: skip
        assert batch.file_sha256 == hashlib.sha256(JA.read_bytes()).hexdigest()
        assert batch.imported_by == register.actor
        assert (batch.created_count, batch.updated_count, batch.error_count) == (54, 0, 7)
        outcomes = Counter(uow.session.scalars(sa.select(ImportBatchItem.outcome)))
        assert outcomes == {"created": 54, "error": 7, "duplicate": 1}
        inserted = set(
            uow.session.scalars(
                sa.select(ChangeRecord.record_id).where(
                    ChangeRecord.import_batch_id == batch.id,
                    ChangeRecord.table_name == "entrusted_party",
                    ChangeRecord.action == "insert",
                )
            )
        )
        assert inserted == set(result.created_ids)
    assert all(row.tier is not None for row in steady(register))  # recomputed after the commit


def test_the_same_list_again_is_unchanged_and_changes_nothing(register: Register) -> None:
    importing.apply_import(register.unit_of_work(), preview(register), today=TODAY)
    again = preview(register)
    assert again.counts == ImportCounts(
        new=0, update=0, unchanged=54, error=7, duplicate=1, missing_since_last=0
    )
    assert all(row.matched_by == "corporate_number" for row in again.rows if row.kind == "unchanged")
    result = importing.apply_import(register.unit_of_work(), again, today=TODAY)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 54)
    with register.unit_of_work(readonly=True) as uow:
        party_changes = uow.session.scalar(
            sa.select(sa.func.count()).where(
                ChangeRecord.import_batch_id == result.batch_id, ChangeRecord.table_name != "import_batch"
            )
        )
    assert party_changes == 0


def test_an_edited_list_shows_differences_missing_parties_and_undo_restores_the_register(
    register: Register, tmp_path: Path
) -> None:
    uow = register.unit_of_work
    importing.apply_import(uow(), preview(register), today=TODAY)
    baseline, baseline_counts = steady(register), table_counts(register)
    edited = edited_ja(
        tmp_path,
        {"C5": "東京都千代田区", "D5": "マーケティング、コールセンター", "P5": "new001@example.co.jp"},
        delete_row=13,  # さくら野情報サービス合同会社
        append=[
            "株式会社新規テスト",
            None,
            "東京都",
            "データ入力",
            None,
            None,
            None,
            None,
            "有限会社富士印刷",
        ],
    )
    found = preview(register, edited)
    assert found.counts == ImportCounts(
        new=1, update=1, unchanged=52, error=7, duplicate=1, missing_since_last=1
    )
    [update] = [row for row in found.rows if row.kind == "update" and row.duplicate_of is None]
    assert update.name == "(株)さくら野ソリューションズ"
    diffs = {d.field: (d.current, d.incoming) for d in update.differences}
    assert diffs["address"] == ("宮城県", "東京都千代田区")
    assert diffs["business_functions"] == ("marketing", "marketing, information_desk")
    assert diffs["contact"] == (
        "鈴木 花子 <contact001@example.co.jp> 03-9822-7609",
        "鈴木 花子 <new001@example.co.jp> 03-9822-7609",
    )
    assert [m.name for m in found.missing_since_last] == ["さくら野情報サービス合同会社"]
    [new] = [row for row in found.rows if row.kind == "new" and row.duplicate_of is None]
    assert new.parent_id == party_ids(register)["有限会社富士印刷"].id

    accepted = {(update.row_number, "address"), (update.row_number, "contact")}
    result = importing.apply_import(uow(), found, accept_updates=accepted, today=TODAY)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 52)
    detail = parties.get_party(uow(readonly=True), update.party_id or 0)
    assert detail.address == "東京都千代田区"
    assert detail.business_functions == ("marketing",)  # declined
    assert detail.contacts[0].email == "new001@example.co.jp"
    assert party_ids(register)["株式会社新規テスト"].parent_id == party_ids(register)["有限会社富士印刷"].id
    assert "さくら野情報サービス合同会社" in party_ids(register)  # missing from the list, never deleted
    with uow(readonly=True) as u:
        fields = set(
            u.session.scalars(
                sa.select(ChangeRecord.field).where(
                    ChangeRecord.import_batch_id == result.batch_id, ChangeRecord.action == "update"
                )
            )
        )
    assert {"address", "email"} <= fields

    undone = importing.undo_last_import(uow(), today=TODAY)
    assert undone.batch_id == result.batch_id
    assert undone.deleted == ("株式会社新規テスト",)
    assert undone.restored_parties == ("(株)さくら野ソリューションズ",)
    assert steady(register) == baseline
    assert parties.get_party(uow(readonly=True), update.party_id or 0).contacts[0].email == (
        "contact001@example.co.jp"
    )
    assert table_counts(register)["entrusted_party"] == baseline_counts["entrusted_party"]
    # The list's last import is the first one again: the deleted row is still missing from the edited copy.
    assert preview(register, edited).last_batch_id != result.batch_id

    importing.undo_last_import(uow(), "vendors_ja", today=TODAY)
    assert steady(register) == []
    with pytest.raises(NotFoundError, match="no import"):
        importing.undo_last_import(uow(), today=TODAY)


def test_undo_refuses_while_a_created_party_is_in_use(register: Register) -> None:
    uow = register.unit_of_work
    result = importing.apply_import(uow(), preview(register), today=TODAY)
    contracts.create_contract(uow(), result.created_ids[0], ContractInput(title="業務委託契約"))
    before, rows = table_counts(register), steady(register)
    with pytest.raises(RuleViolation, match=r"株式会社みなとビジネスサポート has consignment contracts"):
        importing.undo_last_import(uow(), today=TODAY)
    assert (table_counts(register), steady(register)) == (before, rows)


REFUSED = (
    "empty.xlsx",
    "header_only.xlsx",
    "not_a_workbook.xlsx",
    "truncated.xlsx",
    "unrelated_columns.xlsx",
)


def test_the_bad_samples_are_all_covered() -> None:
    assert {p.name for p in (SAMPLES / "bad").iterdir()} == {*REFUSED, "formula_injection.xlsx"}


@pytest.mark.parametrize("name", REFUSED)
def test_a_refused_file_leaves_the_register_unchanged(register: Register, name: str) -> None:
    importing.apply_import(register.unit_of_work(), preview(register), today=TODAY)
    before, rows = table_counts(register), steady(register)
    with pytest.raises(SpreadsheetError, match=name):  # the message names the file
        preview(register, SAMPLES / "bad" / name)
    assert (table_counts(register), steady(register)) == (before, rows)


def test_formulas_are_never_run_and_leave_nothing_to_import(register: Register) -> None:
    importing.apply_import(register.unit_of_work(), preview(register), today=TODAY)
    before, rows = table_counts(register), steady(register)
    found = preview(register, SAMPLES / "bad" / "formula_injection.xlsx")
    assert found.counts == ImportCounts(
        new=0, update=0, unchanged=0, error=3, duplicate=0, missing_since_last=0
    )
    assert {"formula_without_value"} <= {e.kind for e in found.errors}
    with pytest.raises(ImportAborted, match="Nothing to import"):
        importing.apply_import(register.unit_of_work(), found, today=TODAY)
    assert (table_counts(register), steady(register)) == (before, rows)


def test_a_row_the_service_refuses_aborts_the_whole_import(register: Register, tmp_path: Path) -> None:
    path = write_list(
        tmp_path / "long.xlsx",
        [
            ("委託先名", "委託業務"),
            ("株式会社一番", "データ入力"),
            ("株式会社" + "長" * 400, "配送"),
            ("株式会社三番", "配送"),
        ],
    )
    found = preview(register, path)
    assert found.counts.new == 3
    before = table_counts(register)
    with pytest.raises(ImportAborted, match=r"Sheet 'Sheet', row 3 .*at most 300.*Nothing was imported"):
        importing.apply_import(register.unit_of_work(), found, today=TODAY)
    assert table_counts(register) == before


def test_cancel_rolls_back_everything(register: Register) -> None:
    found = preview(register)
    before = table_counts(register)
    answers = iter([False, True])  # cancelled at the last moment, after every row was written
    result = importing.apply_import(
        register.unit_of_work(), found, cancelled=lambda: next(answers), today=TODAY
    )
    assert result.cancelled
    assert result.batch_id is None
    assert table_counts(register) == before
    progress: list[tuple[int, int]] = []
    done = importing.apply_import(
        register.unit_of_work(), found, progress=lambda d, t, _m: progress.append((d, t)), today=TODAY
    )
    assert done.created == 54
    assert progress[-1] == (62, 62)


def test_skipping_the_parent_row_of_a_new_sub_contractor_is_refused(register: Register) -> None:
    found = preview(register)
    child = next(row for row in found.rows if row.name == "(株)若葉コールセンター")
    assert child.parent_row is not None
    assert found.row(child.parent_row).name == "有限会社富士印刷"
    with pytest.raises(ImportAborted, match=rf"Skip row\(s\) {child.row_number} too"):
        importing.apply_import(register.unit_of_work(), found, skip_rows={child.parent_row}, today=TODAY)
    result = importing.apply_import(
        register.unit_of_work(), found, skip_rows={child.parent_row, child.row_number}, today=TODAY
    )
    assert (result.created, result.skipped) == (52, 2)


def test_names_match_across_company_forms_and_parents_link_to_the_register(
    register: Register, tmp_path: Path
) -> None:
    uow = register.unit_of_work
    parent = parties.create_party(uow(), PartyInput(name="株式会社親会社"))
    path = write_list(
        tmp_path / "parents.xlsx",
        [
            ("委託先名", "法人番号", "再委託元"),
            ("(株)親会社", NUMBER, None),
            ("子会社合同会社", None, "株式会社親会社"),
            ("孫会社合同会社", None, "存在しない株式会社"),
        ],
    )
    found = preview(register, path)
    first, second, third = found.rows
    assert (first.kind, first.matched_by, first.party_id) == ("update", "name", parent.id)
    assert [(d.field, d.current, d.incoming) for d in first.differences] == [
        ("corporate_number", None, NUMBER)
    ]
    assert (second.kind, second.parent_id) == ("new", parent.id)
    assert third.kind == "error"
    assert [e.kind for e in third.errors] == ["unknown_parent"]
    assert third.errors[0].cell == "C4"
    importing.apply_import(uow(), found, today=TODAY)
    detail = parties.get_party(uow(readonly=True), parent.id)
    assert (detail.name, detail.corporate_number) == ("株式会社親会社", NUMBER)  # stored as first written
    assert party_ids(register)["子会社合同会社"].parent_id == parent.id


def test_a_saved_profile_is_applied_to_a_file_with_the_same_headers(
    register: Register, tmp_path: Path
) -> None:
    rows = [("列1", "列2", "列3"), ("株式会社プロファイル", NUMBER, "データ入力")]
    path = write_list(tmp_path / "odd.xlsx", rows)
    with pytest.raises(SpreadsheetError, match="no sheet has recognisable vendor columns"):
        preview(register, path)
    saved = importing.save_profile(
        register.unit_of_work(),
        "部署Aの一覧",
        rows[0],
        {0: "name", 1: "corporate_number", 2: "business_functions"},
    )
    found = preview(register, write_list(tmp_path / "odd-again.xlsx", rows))
    assert found.profile_name == saved.name
    assert found.counts.new == 1
    assert found.rows[0].party is not None
    assert found.rows[0].party.business_functions == ("data_entry",)
    result = importing.apply_import(register.unit_of_work(), found, today=TODAY)
    with register.unit_of_work(readonly=True) as uow:
        assert uow.session.get(ImportBatch, result.batch_id).profile_name == "部署Aの一覧"  # type: ignore[union-attr]
    with pytest.raises(NotFoundError, match="no mapping profile named 'other'"):
        preview(register, path, profile="other")


@pytest.mark.parametrize(
    ("suffix", "encoding", "language"),
    [(".xlsx", "utf-8-sig", "en"), (".csv", "cp932", "ja"), (".csv", "utf-8-sig", "en")],
)
def test_an_export_reimports_as_unchanged(
    register: Register, tmp_path: Path, suffix: str, encoding: str, language: str
) -> None:
    uow = register.unit_of_work
    for sample in ("vendors_ja.xlsx", "vendors_en.xlsx", "vendors_cp932.csv"):
        importing.apply_import(uow(), preview(register, SAMPLES / sample), today=TODAY)
    supervision.recompute_all(uow(), today=TODAY)
    rows = load_register_rows(uow(readonly=True))
    names = {f.key: f.name(language) for f in reference.business_functions(uow(readonly=True))}
    target = tmp_path / f"export{suffix}"
    assert export_rows(rows, target, function_names=names, encoding=encoding) == 119
    found = preview(register, target)
    assert found.counts == ImportCounts(
        new=0, update=0, unchanged=119, error=0, duplicate=0, missing_since_last=0
    )
    # What an export carries back in; its other columns (tier, audit, expiry dates, findings) are derived.
    assert set(found.mapping.values()) == {
        "name", "name_kana", "corporate_number", "status", "business_functions", "country",
        "processing_country", "owner_department", "contract_expires_on", "certification_expires_on", "notes",
    }  # fmt: skip
