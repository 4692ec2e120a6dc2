"""Hostile input through the party services and the register search, on both backends (hypothesis).

Every input either gives a ValidationError naming its field, or is stored and read back exactly as
written after the documented cleaning (single-line text: `clean_text`; multi-line: ends trimmed;
corporate numbers: normalised digits; e-mails: NFKC, ends trimmed). Search finds literal text only.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from calmi_vendors.domain.corporate_number import make_corporate_number, validate_corporate_number
from calmi_vendors.domain.enums import CertificationKind, ChangeAction
from calmi_vendors.domain.text import clean_text
from calmi_vendors.errors import ValidationError
from calmi_vendors.services import parties
from calmi_vendors.services.dto import CertificationInput, ContactInput, PartyInput
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.services.register_view import RegisterFilter, load_register_rows, row_matches
from calmi_vendors.store.models import ChangeRecord
from calmi_vendors.store.register import Register

PG_URL_ENV = "CALMI_TEST_PG_URL"
T = TypeVar("T")
TODAY = date(2026, 4, 1)
FEW = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Single-line fields and their limits, as the party form documents them.
LINE_FIELDS = {"name": 300, "name_kana": 300, "owner_department": 200, "website": 500}
MULTILINE_FIELDS = {"address": 2000, "notes": 20_000}

# Everything but lone surrogates (refused by their own test below).
any_char = st.characters(exclude_categories=["Cs"])
awkward = st.sampled_from(
    [
        "\x00",
        "\t",
        "\n",
        "\r",
        "\x1b",
        "\x7f",
        "\x85",
        "\x9f",
        "\u200b",
        "\ufeff",
        "\u3000",
        " ",
        "\u202e",  # right-to-left override
        "شركة",
        "חברה",
        "👍",
        "👨‍👩‍👧",
        "株式会社",
        "ｶﾌﾞｼｷ",
        "%",
        "_",
        "'",
        "\\",
        ";--",
    ]
)
hostile_text = st.one_of(
    st.none(),
    st.text(any_char, max_size=40),
    st.lists(st.one_of(awkward, st.text(any_char, max_size=3)), max_size=12).map("".join),
    st.builds(lambda piece, n: piece * n, st.sampled_from(["a", "長", "👍", " "]), st.integers(190, 520)),
)


def _open_module_register(kind: str, folder: Path, request: pytest.FixtureRequest) -> Iterator[Register]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CALMI_VENDORS_DATA_DIR", str(folder / "userdata"))
        if kind == "sqlite":
            register = open_for_use(str(folder / "register.sqlite3"))
            yield register
            register.close()
            return
        if not os.environ.get(PG_URL_ENV):
            pytest.skip("PostgreSQL tests need CALMI_TEST_PG_URL")
        template = request.getfixturevalue("pg_template")
        url = sa.make_url(os.environ[PG_URL_ENV])
        name = f"calmi_p_{os.getpid()}_{folder.name[-12:]}".replace("-", "_").lower()
        admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        register = open_for_use(url.set(database=name).render_as_string(hide_password=False))
        yield register
        register.close()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def shared_register(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Register]:
    """One register per backend for the whole module: examples add parties to it, never remove any."""
    yield from _open_module_register(str(request.param), tmp_path_factory.mktemp("props"), request)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def search_register(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Register]:
    """A register holding only the parties the search property creates."""
    yield from _open_module_register(str(request.param), tmp_path_factory.mktemp("search"), request)


def expected_text(value: str | None, *, limit: int, multiline: bool, required: bool = False) -> str | None:
    """The documented rule: None when blank; refused (ValueError) when it has controls or is too long."""
    if value is None or not value.strip():
        if required:
            raise ValueError("required")
        return None
    if any(ord(ch) < 32 and not (multiline and ch in "\n\t\r") for ch in value) or "\x7f" in value:
        raise ValueError("control characters")
    cleaned = value.strip() if multiline else clean_text(value)
    if len(cleaned) > limit:
        raise ValueError("too long")
    return cleaned


def outcome(values: dict[str, str | None]) -> dict[str, str | None] | str:
    """Each field's stored value, or the first field (in the service's order) that must be refused."""
    stored: dict[str, str | None] = {}
    for field in ("name", "name_kana", "address", "owner_department", "website", "notes"):
        multiline = field in MULTILINE_FIELDS
        limit = MULTILINE_FIELDS[field] if multiline else LINE_FIELDS[field]
        try:
            stored[field] = expected_text(
                values[field], limit=limit, multiline=multiline, required=field == "name"
            )
        except ValueError:
            return field
    return stored


def attempt(action: Callable[[], T]) -> tuple[T | None, ValidationError | None]:
    """The action's result, or the ValidationError it raised (anything else propagates)."""
    try:
        return action(), None
    except ValidationError as exc:
        return None, exc


def _refused_field(exc: ValidationError) -> str | None:
    assert exc.field is not None, str(exc)
    assert exc.field.replace("_", " ").capitalize() in str(exc), str(exc)
    return exc.field


@FEW
@given(
    name=hostile_text,
    name_kana=hostile_text,
    address=hostile_text,
    owner_department=hostile_text,
    website=hostile_text,
    notes=hostile_text,
)
def test_party_text_is_refused_by_field_or_stored_as_written(
    shared_register: Register, **values: str | None
) -> None:
    data = PartyInput(
        name=values["name"] or "",
        name_kana=values["name_kana"],
        address=values["address"],
        owner_department=values["owner_department"],
        website=values["website"],
        notes=values["notes"],
    )
    expected = outcome({**values, "name": values["name"] or ""})
    created, refused = attempt(lambda: parties.create_party(shared_register.unit_of_work(), data))
    if refused is not None:
        assert _refused_field(refused) == expected
        return
    assert created is not None
    assert isinstance(expected, dict), f"{expected} should have been refused"
    again = parties.get_party(shared_register.unit_of_work(readonly=True), created.id)
    for field, value in expected.items():
        assert getattr(again, field) == value, field
    [row] = load_register_rows(shared_register.unit_of_work(readonly=True), party_ids=[created.id])
    assert (row.name, row.name_kana, row.notes) == (again.name, again.name_kana, again.notes)


@FEW
@given(first=hostile_text, second=hostile_text, notes=hostile_text)
def test_an_update_is_refused_whole_or_saved_with_its_history(
    shared_register: Register, first: str | None, second: str | None, notes: str | None
) -> None:
    assume(isinstance(outcome({**dict.fromkeys(LINE_FIELDS | MULTILINE_FIELDS), "name": first or ""}), dict))
    created = parties.create_party(shared_register.unit_of_work(), PartyInput(name=first or ""))
    edit = PartyInput(name=second or "", notes=notes)
    expected = outcome(
        {**dict.fromkeys(LINE_FIELDS | MULTILINE_FIELDS), "name": second or "", "notes": notes}
    )
    _saved, refused = attempt(
        lambda: parties.update_party(
            shared_register.unit_of_work(), created.id, edit, expected_version=created.version
        )
    )
    if refused is not None:
        assert _refused_field(refused) == expected
        unchanged = parties.get_party(shared_register.unit_of_work(readonly=True), created.id)
        assert (unchanged.name, unchanged.version) == (created.name, created.version)
        return
    assert isinstance(expected, dict)
    again = parties.get_party(shared_register.unit_of_work(readonly=True), created.id)
    assert (again.name, again.notes) == (expected["name"], expected["notes"])
    with shared_register.engine.connect() as conn:
        logged = dict(
            conn.execute(
                sa.select(ChangeRecord.field, ChangeRecord.new_value).where(
                    ChangeRecord.table_name == "entrusted_party",
                    ChangeRecord.record_id == created.id,
                    ChangeRecord.action == ChangeAction.UPDATE,
                )
            )
            .tuples()
            .all()
        )
    if again.name != created.name:
        assert logged["name"] == again.name
    if again.notes is not None:
        assert logged["notes"] == again.notes
    assert again.version == created.version + (1 if logged else 0)


_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
valid_numbers = st.integers(10**11, 10**12 - 1).map(lambda n: make_corporate_number(str(n)))
written_numbers = st.one_of(
    valid_numbers,
    valid_numbers.map(lambda n: f"{n[0]}-{n[1:5]}-{n[5:9]}-{n[9:]}"),
    valid_numbers.map(lambda n: f" {n[:4]} {n[4:]}\u3000".translate(_FULL_WIDTH)),
    st.text(st.sampled_from("0123456789０１２３４５６７８９- \u3000x"), max_size=20),
    st.text(any_char, max_size=16),
)


@FEW
@given(number=written_numbers)
def test_corporate_numbers_are_refused_by_field_or_stored_as_thirteen_digits(
    shared_register: Register, number: str
) -> None:
    data = PartyInput(name="法人番号テスト株式会社", corporate_number=number)
    created, refused = attempt(lambda: parties.create_party(shared_register.unit_of_work(), data))
    if refused is not None:
        assert refused.field == "corporate_number", str(refused)
        assert "Corporate number" in str(refused)
        return
    assert created is not None
    if not number.strip():
        assert created.corporate_number is None
        return
    expected = validate_corporate_number(number)
    assert expected.isascii()
    assert len(expected) == 13
    again = parties.get_party(shared_register.unit_of_work(readonly=True), created.id)
    assert again.corporate_number == expected


@FEW
@given(
    email=st.one_of(
        st.emails(), st.emails().map(lambda e: f" {e.upper()}\u3000"), st.text(any_char, max_size=30)
    ),
    issued=st.none() | st.dates(),
    expires=st.none() | st.dates(),
    subjects=st.none() | st.integers(-(10**6), 2**31 - 1),
)
def test_contacts_dates_and_counts_are_refused_by_field_or_read_back_exactly(
    shared_register: Register, email: str, issued: date | None, expires: date | None, subjects: int | None
) -> None:
    data = PartyInput(
        name="値テスト合同会社",
        data_subjects_approx=subjects,
        contacts=(ContactInput(name="山田 太郎", email=email),),
        certifications=(
            CertificationInput(CertificationKind.PRIVACY_MARK, issued_on=issued, expires_on=expires),
        ),
    )
    created, refused = attempt(lambda: parties.create_party(shared_register.unit_of_work(), data))
    if refused is not None:
        assert refused.field in ("email", "data_subjects_approx"), str(refused)
        if refused.field == "data_subjects_approx":
            assert subjects is not None
            assert subjects < 0
        else:
            assert "not a valid e-mail address" in str(refused)
        return
    assert created is not None
    again = parties.get_party(shared_register.unit_of_work(readonly=True), created.id)
    [contact] = again.contacts
    [certificate] = again.certifications
    assert contact.email == (unicodedata.normalize("NFKC", email).strip() if email.strip() else None)
    assert (certificate.issued_on, certificate.expires_on) == (issued, expires)
    assert again.data_subjects_approx == subjects


# Lower-case letters and the characters SQL treats specially: search_key leaves all of them as they are,
# so "found" must mean exactly "the name contains the typed text".
_LITERAL = "abc%_'\\;-\"*?[]"
literal_names = st.text(st.sampled_from(_LITERAL), min_size=1, max_size=8)


@FEW
@given(names=st.lists(literal_names, min_size=1, max_size=4), needle=literal_names)
def test_search_with_sql_metacharacters_finds_exactly_the_literal_matches(
    search_register: Register, names: list[str], needle: str
) -> None:
    for name in names:
        parties.create_party(search_register.unit_of_work(), PartyInput(name=f"x{name}"))
    rows = load_register_rows(search_register.unit_of_work(readonly=True))
    spec = RegisterFilter(text=needle)
    found = {row.id for row in rows if row_matches(row, spec, today=TODAY)}
    assert found == {row.id for row in rows if needle in row.name}
    assert len(rows) == len({row.id for row in rows})


@pytest.mark.parametrize("field", ["name", "notes", "owner_department"])
def test_a_lone_surrogate_is_refused_by_field(shared_register: Register, field: str) -> None:
    values = {"name": "株式会社サロゲート", field: "壊れた\ud800文字"}
    with pytest.raises(ValidationError) as refused:
        parties.create_party(shared_register.unit_of_work(), PartyInput(**values))  # type: ignore[arg-type]
    assert refused.value.field == field


@pytest.mark.parametrize("subjects", [2**31, 2**63])
def test_an_impossible_number_of_data_subjects_is_refused_by_field(
    shared_register: Register, subjects: int
) -> None:
    with pytest.raises(ValidationError) as refused:
        parties.create_party(
            shared_register.unit_of_work(),
            PartyInput(name="巨大データ株式会社", data_subjects_approx=subjects),
        )
    assert refused.value.field == "data_subjects_approx"
