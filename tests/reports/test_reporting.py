"""The entry point of every report: each kind from a real register, progress, cancel, no half files."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from calmi_vendors.errors import NotFoundError, ValidationError
from calmi_vendors.services import portfolio, program_review
from calmi_vendors.services.demo import generate_demo
from calmi_vendors.services.opening import open_for_use
from calmi_vendors.services.reporting import ReportKind, ReportRequest, make_report
from calmi_vendors.store.register import Register

AS_OF = datetime(2026, 11, 25, 9, 0, tzinfo=timezone(timedelta(hours=9)))


class Stop(Exception):
    pass


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Register]:
    work = tmp_path_factory.mktemp("reporting")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CALMI_VENDORS_DATA_DIR", str(work / "userdata"))
        register = open_for_use(str(work / "register.sqlite3"))
        generate_demo(register.unit_of_work(), parties=40, seed=5, today=AS_OF.date())
        program_review.start_review(register.unit_of_work(), 2026, date(2026, 11, 20), "個人情報保護室 中村")
        yield register
        register.close()


def _subject(register: Register, kind: ReportKind) -> int | None:
    if kind is ReportKind.DOSSIER:
        return 1
    if kind is ReportKind.AUDIT:
        return portfolio.list_audits(register.unit_of_work(readonly=True))[0].id
    if kind is ReportKind.PROGRAM:
        return 2026
    return None


@pytest.mark.parametrize("kind", list(ReportKind))
def test_every_report_is_made_from_the_register_in_both_languages(
    demo: Register, tmp_path: Path, kind: ReportKind
) -> None:
    for language in ("ja", "en"):
        stages: list[str] = []
        out = tmp_path / f"{kind.value}-{language}.pdf"
        request = ReportRequest(kind=kind, subject=_subject(demo, kind), language=language, as_of=AS_OF)
        result = make_report(
            demo, request, out, progress=lambda _d, _t, stage, seen=stages: seen.append(stage)
        )
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert f"Pages:           {result.pages}" in info
        assert stages[0] == "gather"
        assert "build" in stages
        assert stages[-1] == "done"
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []


def test_a_cancelled_build_leaves_no_file_and_no_part(demo: Register, tmp_path: Path) -> None:
    out = tmp_path / "portfolio.pdf"

    def cancel(_done: int, _total: int, stage: str) -> None:
        if stage == "build":
            raise Stop

    with pytest.raises(Stop):
        make_report(demo, ReportRequest(kind=ReportKind.PORTFOLIO, as_of=AS_OF), out, progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_only_by_a_complete_report(demo: Register, tmp_path: Path) -> None:
    out = tmp_path / "portfolio.pdf"
    out.write_bytes(b"the previous report")

    def cancel(_done: int, _total: int, stage: str) -> None:
        if stage == "build":
            raise Stop

    with pytest.raises(Stop):
        make_report(demo, ReportRequest(kind=ReportKind.PORTFOLIO, as_of=AS_OF), out, progress=cancel)
    assert out.read_bytes() == b"the previous report"


@pytest.mark.parametrize(
    ("request_", "error"),
    [
        (ReportRequest(kind=ReportKind.DOSSIER), ValidationError),
        (ReportRequest(kind=ReportKind.AUDIT, subject=999_999), NotFoundError),
        (ReportRequest(kind=ReportKind.PROGRAM, subject=1999), NotFoundError),
    ],
)
def test_a_missing_subject_is_a_clear_error(
    demo: Register, tmp_path: Path, request_: ReportRequest, error: type[Exception]
) -> None:
    with pytest.raises(error):
        make_report(demo, request_, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []
