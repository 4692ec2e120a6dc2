"""A generated list of a few thousand rows through the bulk import path, on both backends."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from calmi_vendors.domain.corporate_number import make_corporate_number
from calmi_vendors.domain.enums import CertificationKind
from calmi_vendors.services import importing, parties, supervision
from calmi_vendors.services.dto import CertificationInput, ContactInput, PartyInput
from calmi_vendors.services.importing import ImportAborted
from calmi_vendors.services.register_view import RegisterRow, load_register_rows
from calmi_vendors.store import history
from calmi_vendors.store.models import (
    Certification,
    ChangeRecord,
    Contact,
    EntrustedParty,
    ImportBatch,
    ImportBatchItem,
    StatusChange,
    party_business_function,
    party_data_category,
)
from calmi_vendors.store.register import Register

TODAY = date(2026, 4, 1)
ROWS = 2000
HEADERS = ("委託先名", "フリガナ", "法人番号", "所在地", "委託業務", "取扱う個人情報", "再委託元", "Pマーク",
           "担当者", "メールアドレス")  # fmt: skip
FUNCTIONS = ("データ入力", "配送", "システム運用", "コールセンター")
COUNTED = (
    sa.inspect(EntrustedParty).local_table,
    sa.inspect(Contact).local_table,
    sa.inspect(Certification).local_table,
    sa.inspect(StatusChange).local_table,
    sa.inspect(ImportBatch).local_table,
    sa.inspect(ImportBatchItem).local_table,
    party_business_function,
    party_data_category,
)
# The register party the list updates (matched by its corporate number).
KNOWN = make_corporate_number("999999999999")


def number(i: int) -> str:
    return make_corporate_number(f"{100_000_000_000 + i:012d}")


def vendor(i: int, *, email: str | None = None, parent: str | None = None) -> list[object]:
    return [
        f"株式会社テスト{i:05d}",
        f"テスト{i:05d}",
        number(i),
        f"東京都千代田区{i}",
        FUNCTIONS[i % len(FUNCTIONS)],
        "氏名・住所" if i % 2 else "氏名・メールアドレス",
        parent,
        "取得" if i % 3 == 0 else None,
        "田中 翔",
        email or f"contact{i:05d}@example.co.jp",
    ]


def write_list(path: Path, rows: Iterator[list[object]]) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("委託先一覧")
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def generated(path: Path, *, same_email_at: int | None = None) -> Path:
    """ROWS vendors; row 5 names as its parent a company that comes later, row 9 one that came earlier."""

    def rows() -> Iterator[list[object]]:
        for i in range(ROWS):
            if i == 5:
                yield vendor(i, parent=f"株式会社テスト{ROWS - 1:05d}")
            elif i == 9:
                yield vendor(i, parent="株式会社テスト00002")
            elif i == same_email_at:
                yield vendor(i, email="contact00003@example.co.jp")
            else:
                yield vendor(i)
        # The register's party, with a new address: one update beside the new parties.
        yield ["既存株式会社", None, KNOWN, "大阪府大阪市", None, None, None, None, None, None]

    return write_list(path, rows())


def counts(register: Register) -> dict[str, int]:
    with register.engine.connect() as conn:
        return {
            str(table.description): conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in COUNTED
        }


def steady(register: Register) -> list[RegisterRow]:
    return [
        dataclasses.replace(r, version=0) for r in load_register_rows(register.unit_of_work(readonly=True))
    ]


def chain_problems(register: Register) -> list[str]:
    with register.engine.connect() as conn:
        return history.verify_chain(conn)


@pytest.fixture
def known(register: Register) -> int:
    """A party already in the register, with a contact and a certification."""
    detail = parties.create_party(
        register.unit_of_work(),
        PartyInput(
            name="既存株式会社",
            corporate_number=KNOWN,
            address="東京都港区",
            business_functions=("billing",),
            contacts=(ContactInput(name="山田 太郎", email="yamada@example.co.jp", is_primary=True),),
            certifications=(CertificationInput(kind=CertificationKind.PRIVACY_MARK),),
        ),
    )
    # Tiers as an import's recompute leaves them, so that "unchanged" compares like with like.
    supervision.recompute_all(register.unit_of_work(), today=TODAY)
    return detail.id


def test_a_list_of_thousands_imports_as_one_batch_and_undoes_exactly(
    register: Register, known: int, tmp_path: Path
) -> None:
    before, rows_before = counts(register), steady(register)
    found = importing.preview_import(register.unit_of_work(), generated(tmp_path / "big.xlsx"), today=TODAY)
    assert (found.counts.new, found.counts.update, found.counts.error) == (ROWS, 1, 0)

    result = importing.apply_import(register.unit_of_work(), found, today=TODAY)

    assert (result.created, result.updated, result.errors) == (ROWS, 1, 0)
    after = counts(register)
    certified = len(range(0, ROWS, 3))
    assert after == {
        **before,
        "entrusted_party": before["entrusted_party"] + ROWS,
        "contact": before["contact"] + ROWS,
        "certification": before["certification"] + certified,
        "status_change": before["status_change"] + ROWS,
        "party_business_function": before["party_business_function"] + ROWS,
        "party_data_category": before["party_data_category"] + ROWS * 3 // 2,
        "import_batch": before["import_batch"] + 1,
        "import_batch_item": before["import_batch_item"] + ROWS + 1,
    }
    assert chain_problems(register) == []
    by_name = {row.name: row for row in steady(register)}
    assert by_name["株式会社テスト00005"].parent_id == by_name[f"株式会社テスト{ROWS - 1:05d}"].id
    assert by_name["株式会社テスト00009"].parent_id == by_name["株式会社テスト00002"].id
    assert parties.get_party(register.unit_of_work(readonly=True), known).address == "大阪府大阪市"
    detail = parties.get_party(register.unit_of_work(readonly=True), by_name["株式会社テスト00003"].id)
    assert (detail.name_kana, detail.corporate_number, detail.business_functions) == (
        "テスト00003", number(3), ("information_desk",)
    )  # fmt: skip
    assert detail.data_categories == ("basic_contact",)
    assert [(c.name, c.email, c.is_primary) for c in detail.contacts] == [
        ("田中 翔", "contact00003@example.co.jp", True)
    ]
    assert [c.kind for c in detail.certifications] == [CertificationKind.PRIVACY_MARK]
    with register.unit_of_work(readonly=True) as uow:
        inserted = dict(
            uow.session.execute(
                sa.select(ChangeRecord.table_name, sa.func.count())
                .where(ChangeRecord.import_batch_id == result.batch_id, ChangeRecord.action == "insert")
                .group_by(ChangeRecord.table_name)
            )
            .tuples()
            .all()
        )
    assert inserted == {
        "entrusted_party": ROWS, "contact": ROWS, "certification": certified, "status_change": ROWS
    }  # fmt: skip

    undone = importing.undo_last_import(register.unit_of_work(), today=TODAY)

    assert len(undone.deleted) == ROWS
    assert undone.restored_parties == ("既存株式会社",)
    kept = {**before, "import_batch": 1, "import_batch_item": ROWS + 1}  # the undone batch stays listed
    assert (counts(register), steady(register)) == (kept, rows_before)
    assert chain_problems(register) == []


def test_a_database_error_mid_file_leaves_the_register_unchanged(
    register: Register, known: int, tmp_path: Path
) -> None:
    # A real constraint the preview knows nothing of: the database refuses row 1500's contact, after
    # the first chunks of parties and their history were written in the same transaction.
    with register.engine.begin() as conn:
        conn.execute(sa.text("CREATE UNIQUE INDEX uq_test_contact_email ON contact (email)"))
    path = generated(tmp_path / "clash.xlsx", same_email_at=1500)
    found = importing.preview_import(register.unit_of_work(), path, today=TODAY)
    assert found.counts.new == ROWS
    with register.engine.connect() as conn:
        history_rows = conn.execute(sa.select(sa.func.count()).select_from(ChangeRecord)).scalar_one()
    before, rows_before = counts(register), steady(register)

    with pytest.raises(ImportAborted, match="nothing was imported"):
        importing.apply_import(register.unit_of_work(), found, today=TODAY)

    assert (counts(register), steady(register)) == (before, rows_before)
    with register.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(ChangeRecord)).scalar_one() == history_rows
    assert chain_problems(register) == []


def test_bulk_history_rows_read_as_the_orm_hook_writes_them(register: Register, tmp_path: Path) -> None:
    """A party typed in and the same party imported leave snapshots with the same fields and texts."""
    typed = parties.create_party(
        register.unit_of_work(),
        PartyInput(
            name="株式会社テスト00003",
            name_kana="テスト00003",
            corporate_number=number(3),
            address="東京都千代田区3",
            business_functions=("information_desk",),
            data_categories=("basic_contact",),
            contacts=(ContactInput(name="田中 翔", email="contact00003@example.co.jp", is_primary=True),),
            certifications=(CertificationInput(kind=CertificationKind.PRIVACY_MARK),),
        ),
    )
    path = write_list(tmp_path / "one.xlsx", iter([vendor(6)]))
    result = importing.apply_import(
        register.unit_of_work(), importing.preview_import(register.unit_of_work(), path, today=TODAY)
    )
    with register.unit_of_work(readonly=True) as uow:
        snapshots = {
            (batch is not None, table): json.loads(text or "{}")
            for batch, table, text in uow.session.execute(
                sa.select(
                    ChangeRecord.import_batch_id, ChangeRecord.table_name, ChangeRecord.new_value
                ).where(
                    ChangeRecord.action == "insert",
                    ChangeRecord.table_name.in_(("entrusted_party", "contact", "certification")),
                )
            ).tuples()
        }
    for table in ("entrusted_party", "contact", "certification"):
        typed_row, imported_row = snapshots[(False, table)], snapshots[(True, table)]
        assert set(typed_row) == set(imported_row), table
        differing = {key for key in typed_row if typed_row[key] != imported_row[key]}
        assert differing <= {"id", "party_id", "name", "name_kana", "corporate_number", "address", "email"}
    assert snapshots[(True, "entrusted_party")]["id"] == str(result.created_ids[0])
    assert snapshots[(False, "entrusted_party")]["id"] == str(typed.id)
