"""Store and service rules on both backends: validation, chains, history, concurrency."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from calmi_vendors.domain.corporate_number import make_corporate_number
from calmi_vendors.domain.enums import CertificationKind, ChangeAction, PartyStatus
from calmi_vendors.errors import ConcurrentEditError, ValidationError
from calmi_vendors.services import maintenance, parties
from calmi_vendors.services.dto import CertificationInput, ContactInput, PartyInput
from calmi_vendors.store.models import ChangeRecord, EntrustedParty
from calmi_vendors.store.register import Register


def _party(name: str, **kwargs: object) -> PartyInput:
    return PartyInput(name=name, **kwargs)  # type: ignore[arg-type]


def test_a_full_party_reads_back_as_written(register: Register) -> None:
    number = make_corporate_number("000012050002")
    data = PartyInput(
        name="株式会社さくら情報サービス",
        name_kana="サクラジョウホウサービス",
        corporate_number=number,
        country="JP",
        address="東京都千代田区丸の内1-1-1",
        processing_country="SG",
        data_subjects_approx=120_000,
        business_functions=("billing",),
        data_categories=("medical_history",),
        reentrustment_allowed=True,
        owner_department="購買部",
        website="https://sakura.example.jp",
        notes="年次監査は4月\n二行目",
        contacts=(
            ContactInput(
                "山田 太郎", "部長", "情報システム部", "taro@sakura.example.jp", "03-1234-5678", True
            ),
        ),
        certifications=(
            CertificationInput(
                CertificationKind.PRIVACY_MARK,
                "10820123",
                None,
                "JIPDEC",
                date(2024, 4, 1),
                date(2026, 3, 31),
            ),
        ),
    )
    created = parties.create_party(register.unit_of_work(), data)
    again = parties.get_party(register.unit_of_work(readonly=True), created.id)
    assert again.as_input() == data
    assert again.special_care is True
    assert again.status is PartyStatus.CANDIDATE


def test_a_bad_corporate_number_is_refused_and_nothing_is_stored(register: Register) -> None:
    good = make_corporate_number("123456789012")
    wrong = str((int(good[0]) + 1) % 10) + good[1:]
    with pytest.raises(ValidationError, match="check digit") as info:
        parties.create_party(register.unit_of_work(), _party("Bad Number K.K.", corporate_number=wrong))
    assert info.value.field == "corporate_number"
    assert parties.list_parties(register.unit_of_work(readonly=True)) == []


def test_a_duplicate_corporate_number_names_the_existing_party(register: Register) -> None:
    number = make_corporate_number("555555555555")
    parties.create_party(register.unit_of_work(), _party("First K.K.", corporate_number=number))
    with pytest.raises(ValidationError, match=r"First K\.K\."):
        parties.create_party(register.unit_of_work(), _party("Second K.K.", corporate_number=number))


def test_a_chain_of_any_depth_is_kept_but_a_cycle_is_refused(register: Register) -> None:
    uow = register.unit_of_work
    top = parties.create_party(uow(), _party("Top Co., Ltd.", reentrustment_allowed=True))
    middle = parties.create_party(uow(), _party("Middle Co., Ltd.", parent_id=top.id))
    bottom = parties.create_party(uow(), _party("Bottom Co., Ltd.", parent_id=middle.id))
    assert parties.get_party(uow(), bottom.id).parent_name == "Middle Co., Ltd."
    top_now = parties.get_party(uow(), top.id)
    edit = PartyInput(**{**_fields(top_now.as_input()), "parent_id": bottom.id})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="loop"):
        parties.update_party(uow(), top.id, edit, expected_version=top_now.version)
    self_edit = PartyInput(**{**_fields(top_now.as_input()), "parent_id": top.id})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="loop"):
        parties.update_party(uow(), top.id, self_edit, expected_version=top_now.version)
    assert parties.get_party(uow(), top.id).parent_id is None


def _fields(data: PartyInput) -> dict[str, object]:
    return {name: getattr(data, name) for name in data.__dataclass_fields__}


def test_every_change_is_in_the_history_with_who_and_what(register: Register) -> None:
    uow = register.unit_of_work
    party = parties.create_party(uow(), _party("History K.K.", owner_department="総務部"))
    edit = PartyInput(**{**_fields(party.as_input()), "owner_department": "購買部"})  # type: ignore[arg-type]
    parties.update_party(uow(), party.id, edit, expected_version=party.version)
    parties.change_status(uow(), party.id, PartyStatus.UNDER_ASSESSMENT, reason="Questionnaire sent")
    entries = maintenance.history_of(uow(readonly=True), "entrusted_party", party.id)
    by_field = {(e.action, e.field): e for e in entries}
    assert (ChangeAction.INSERT, None) in by_field
    dept = by_field[(ChangeAction.UPDATE, "owner_department")]
    assert (dept.old_value, dept.new_value) == ("総務部", "購買部")
    status = by_field[(ChangeAction.UPDATE, "status")]
    assert (status.old_value, status.new_value) == ("candidate", "under_assessment")
    assert all(e.changed_by == register.actor for e in entries)


def test_the_history_chain_reveals_an_edit_behind_the_apps_back(register: Register) -> None:
    uow = register.unit_of_work
    parties.create_party(uow(), _party("Tamper K.K."))
    parties.create_party(uow(), _party("Tamper Two K.K."))
    assert maintenance.check_register(register).ok
    with register.engine.begin() as conn:
        target = conn.execute(sa.select(sa.func.max(ChangeRecord.id))).scalar_one()
        conn.execute(
            sa.update(ChangeRecord)
            .where(ChangeRecord.id == target - 1)
            .values(new_value='{"name": "forged"}')
        )
    report = maintenance.check_register(register)
    assert not report.ok
    assert any("changed outside the app" in p for p in report.problems)


def test_a_stale_save_is_refused_not_merged(register: Register) -> None:
    uow = register.unit_of_work
    party = parties.create_party(uow(), _party("Concurrent K.K.", notes="original"))
    first = PartyInput(**{**_fields(party.as_input()), "notes": "first user's edit"})  # type: ignore[arg-type]
    second = PartyInput(**{**_fields(party.as_input()), "notes": "second user's edit"})  # type: ignore[arg-type]
    saved = parties.update_party(uow(), party.id, first, expected_version=party.version)
    with pytest.raises(ConcurrentEditError) as info:
        parties.update_party(uow(), party.id, second, expected_version=party.version)
    assert info.value.current_version == saved.version
    assert parties.get_party(uow(), party.id).notes == "first user's edit"


def test_status_moves_follow_the_lifecycle(register: Register) -> None:
    uow = register.unit_of_work
    party = parties.create_party(uow(), _party("Lifecycle K.K."))
    with pytest.raises(ValidationError, match="cannot become active"):
        parties.change_status(uow(), party.id, PartyStatus.ACTIVE, reason="skip the assessment")
    moved = parties.change_status(uow(), party.id, PartyStatus.UNDER_ASSESSMENT, reason="sent questionnaire")
    assert moved.status is PartyStatus.UNDER_ASSESSMENT
    with register.engine.connect() as conn:
        assert conn.execute(sa.select(EntrustedParty.status)).scalar_one() == "under_assessment"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "   ", "Name is required"),
        ("name", "x" * 301, "at most 300"),
        ("name", "Bell\x07 K.K.", "control characters"),
        ("country", "Japan", "two-letter country code"),
        ("data_subjects_approx", -5, "cannot be negative"),
        ("business_functions", ("teleportation",), "Unknown business functions: teleportation"),
    ],
)
def test_bad_party_input_gets_a_clear_message(
    register: Register, field: str, value: object, message: str
) -> None:
    data = PartyInput(**{**_fields(_party("Valid Name K.K.")), field: value})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=message):
        parties.create_party(register.unit_of_work(), data)


def test_a_bad_contact_email_is_refused(register: Register) -> None:
    data = _party("Mail K.K.", contacts=(ContactInput("Sato", email="sato@@example"),))
    with pytest.raises(ValidationError, match="e-mail"):
        parties.create_party(register.unit_of_work(), data)


def test_names_with_emoji_rtl_and_sql_metacharacters_are_stored_as_written(register: Register) -> None:
    name = "Robert'); DROP TABLE entrusted_party;-- 🚚 شركة"
    party = parties.create_party(register.unit_of_work(), _party(name))
    assert parties.get_party(register.unit_of_work(), party.id).name == name


def test_approval_needs_a_passed_selection_or_a_recorded_override(register: Register) -> None:
    from calmi_vendors.errors import RuleViolation
    from calmi_vendors.store.models import StatusChange

    uow = register.unit_of_work
    party = parties.create_party(uow(), _party("Gate K.K."))
    parties.change_status(uow(), party.id, PartyStatus.UNDER_ASSESSMENT, reason="questionnaire sent")
    with pytest.raises(RuleViolation, match="no completed selection assessment"):
        parties.change_status(uow(), party.id, PartyStatus.APPROVED, reason="urgent")
    moved = parties.change_status(
        uow(), party.id, PartyStatus.APPROVED, reason="urgent go-live", override_approver="CPO Tanaka"
    )
    assert moved.status is PartyStatus.APPROVED
    with register.engine.connect() as conn:
        row = conn.execute(
            sa.select(StatusChange.is_override, StatusChange.approver, StatusChange.reason)
            .where(StatusChange.party_id == party.id)
            .order_by(StatusChange.id.desc())
            .limit(1)
        ).one()
    assert tuple(row) == (True, "CPO Tanaka", "urgent go-live")
