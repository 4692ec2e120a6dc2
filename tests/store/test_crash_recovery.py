"""SIGKILL in the middle of an import or a save: the reopened register is sound and holds all or none of it.

A child process (crash_child.py) works on a real register and prints where it is; the parent kills it at
chosen moments (inside the open transaction for certain, or racing the commit) and then reopens the
register: integrity and foreign keys check out, the history hash chain verifies, and the interrupted
work is either wholly there or wholly absent, its history with it.
"""

from __future__ import annotations

import os
import random
import selectors
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from calmi_vendors.domain.corporate_number import make_corporate_number
from calmi_vendors.domain.enums import ChangeAction
from calmi_vendors.services import maintenance, parties
from calmi_vendors.services.dto import PartyInput
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.store.models import ChangeRecord, EntrustedParty, ImportBatch
from calmi_vendors.store.register import Register

CHILD = Path(__file__).with_name("crash_child.py")
LIST_ROWS = 2500
WAIT_SECONDS = 120
PARTY_ID = 1
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


@dataclass(frozen=True)
class Counts:
    parties: int
    batches: int
    history: int


def counts(register: Register) -> Counts:
    with register.engine.connect() as conn:

        def count(model: type[object]) -> int:
            return int(conn.execute(sa.select(sa.func.count()).select_from(model)).scalar_one())

        return Counts(count(EntrustedParty), count(ImportBatch), count(ChangeRecord))


class Child:
    """crash_child.py running on a register; its stdout read line by line with a deadline."""

    def __init__(self, *args: str, log: Path) -> None:
        self._log = log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            cwd=CHILD.parent,
        )
        assert self.proc.stdout is not None
        self._selector = selectors.DefaultSelector()
        self._selector.register(self.proc.stdout, selectors.EVENT_READ)
        self.lines: list[str] = []
        self.log = log

    def wait_for(self, prefix: str) -> str:
        """The first line starting with `prefix`; fails with the child's stderr if it never comes."""
        assert self.proc.stdout is not None
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            if not self._selector.select(timeout=deadline - time.monotonic()):
                break
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line.strip())
            if line.startswith(prefix):
                return line.strip()
        self.kill()
        pytest.fail(f"child never said {prefix!r}; said {self.lines[-3:]}; stderr:\n{self.log.read_text()}")

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._selector.close()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._log.close()


def write_list(path: Path, rows: int, prefix: str) -> Path:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("委託先一覧")
    sheet.append(["委託先名", "法人番号", "所在地", "委託業務"])
    for i in range(rows):
        sheet.append(
            [
                f"{prefix}情報サービス株式会社 {i:05d}",
                make_corporate_number(f"{100_000_000_000 + i:012d}"),
                f"東京都千代田区丸の内{i % 9 + 1}-{i % 20 + 1}",
                "データ入力",
            ]
        )
    book.save(path)
    return path


def _first_party(register: Register) -> None:
    created = parties.create_party(
        register.unit_of_work(), PartyInput(name="株式会社さくら情報サービス", notes="first")
    )
    assert created.id == PARTY_ID


@pytest.fixture(scope="module")
def vendor_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_list(tmp_path_factory.mktemp("lists") / "crash-list.xlsx", LIST_ROWS, "クラッシュ")


@pytest.fixture(scope="module")
def template_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, seeded register file that each SQLite case copies (cheaper than migrating again)."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "register.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CALMI_VENDORS_DATA_DIR", str(folder / "userdata"))
        register = open_for_use(str(path))
        _first_party(register)
        register.close()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def location(request: pytest.FixtureRequest, tmp_path: Path, template_file: Path) -> Iterator[str]:
    """Where the child works: a copy of the template file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        path = tmp_path / "register.sqlite3"
        shutil.copyfile(template_file, path)
        yield str(path)
        return
    if not os.environ.get("CALMI_TEST_PG_URL"):
        pytest.skip("PostgreSQL tests need CALMI_TEST_PG_URL")
    url: str = request.getfixturevalue("pg_url")
    register = open_for_use(url)
    _first_party(register)
    register.close()
    yield url


def reopen_and_check(location: str) -> Register:
    """Open the register as the app would after the crash, and insist that `check` finds nothing."""
    register = open_for_use(location)
    report = maintenance.check_register(register)
    assert report.problems == (), report.problems
    if register.location.path is not None:
        with register.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    return register


# Moment of the kill → whether the import may have committed: "none", "either" or "all".
IMPORT_MOMENTS = {
    "first-rows": ("PROGRESS 0 ", False, 0.0, "none"),
    "half-way": (f"PROGRESS {LIST_ROWS // 2 // 200 * 200} ", False, 0.0, "none"),
    "every-row-written": ("WRITTEN", True, 0.0, "none"),
    "racing-the-commit": ("WRITTEN", False, 0.002, "either"),
    "after-commit": ("COMMITTED", False, 0.0, "all"),
}


@pytest.mark.slow
@pytest.mark.parametrize("moment", list(IMPORT_MOMENTS))
def test_an_import_killed_at_any_moment_leaves_all_or_none_of_it(
    location: str, vendor_list: Path, tmp_path: Path, moment: str
) -> None:
    marker, pause, delay, expected = IMPORT_MOMENTS[moment]
    register = open_for_use(location)
    before = counts(register)
    register.close()
    args = ["import", location, str(vendor_list)] + (["--pause-before-commit"] if pause else [])
    child = Child(*args, log=tmp_path / "child.log")
    child.wait_for(marker)
    time.sleep(delay)
    child.kill()

    register = reopen_and_check(location)
    after = counts(register)
    nothing = after == before
    everything = (
        after.parties == before.parties + LIST_ROWS
        and after.batches == before.batches + 1
        and after.history > before.history + LIST_ROWS
    )
    assert nothing or everything, (before, after)
    assert {"none": nothing, "all": everything, "either": True}[expected], (moment, before, after)
    # The register is usable at once: the same list imports whole after a crash that left none of it.
    if nothing and moment == "every-row-written":
        from calmi_vendors.services import importing

        preview = importing.preview_import(register.unit_of_work(), vendor_list)
        importing.apply_import(register.unit_of_work(), preview)
        assert counts(register).parties == before.parties + LIST_ROWS
        assert maintenance.check_register(register).problems == ()
    register.close()


def _notes_history(register: Register, party_id: int) -> list[str | None]:
    with register.engine.connect() as conn:
        return list(
            conn.execute(
                sa.select(ChangeRecord.new_value)
                .where(
                    ChangeRecord.table_name == "entrusted_party",
                    ChangeRecord.record_id == party_id,
                    ChangeRecord.action == ChangeAction.UPDATE,
                    ChangeRecord.field == "notes",
                )
                .order_by(ChangeRecord.id)
            ).scalars()
        )


def _check_saved_party(register: Register, saved: int) -> None:
    """The party is at the last save the child reported, or the one after it, and history agrees."""
    party = parties.get_party(register.unit_of_work(readonly=True), PARTY_ID)
    notes = _notes_history(register, PARTY_ID)
    assert party.notes in (f"save {saved}", f"save {saved + 1}") or (saved == 0 and party.notes == "first")
    assert notes == [f"save {n}" for n in range(1, len(notes) + 1)]
    assert (notes[-1] if notes else "first") == party.notes
    assert party.version == 1 + len(notes)


@pytest.mark.slow
@pytest.mark.parametrize("after_saves", [0, 3])
def test_a_save_killed_inside_its_transaction_leaves_the_previous_version(
    location: str, tmp_path: Path, after_saves: int
) -> None:
    child = Child(
        "save",
        location,
        str(PARTY_ID),
        "--pause-in-transaction",
        str(after_saves + 1),
        log=tmp_path / "child.log",
    )
    child.wait_for(f"IN-TRANSACTION {after_saves + 1}")
    child.kill()
    register = reopen_and_check(location)
    party = parties.get_party(register.unit_of_work(readonly=True), PARTY_ID)
    assert party.notes == (f"save {after_saves}" if after_saves else "first")
    assert party.version == 1 + after_saves
    _check_saved_party(register, after_saves)
    register.close()


@pytest.mark.slow
def test_saves_killed_at_random_moments_are_each_whole(location: str, tmp_path: Path) -> None:
    rng = random.Random(7)
    reported = 0
    for attempt in range(4):
        child = Child("save", location, str(PARTY_ID), log=tmp_path / f"child{attempt}.log")
        line = child.wait_for(f"SAVED {rng.randint(2, 6)} ")
        time.sleep(rng.choice([0.0, 0.001, 0.004, 0.015]))
        child.kill()
        reported += int(line.split()[1])
        register = reopen_and_check(location)
        party = parties.get_party(register.unit_of_work(readonly=True), PARTY_ID)
        # Each run counts its saves from 1 again; history holds every committed save once, in order.
        notes = _notes_history(register, PARTY_ID)
        assert party.notes == notes[-1]
        assert party.version == 1 + len(notes)
        assert len(notes) >= reported
        reported = len(notes)
        register.close()
