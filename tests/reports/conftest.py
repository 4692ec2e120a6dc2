"""Fixtures of the report tests: one richly recorded party's dossier, built once per language."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator

import pytest
from report_support import Built, fill_register, options

from calmi_vendors.reports.dossier import DossierData, build_party_dossier
from calmi_vendors.services.opening import open_for_use

POPPLER = ("pdfinfo", "pdftotext", "pdffonts", "pdftoppm")


@pytest.fixture(scope="session")
def dossier_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DossierData]:
    """The dossier of a richly recorded party, gathered from a fresh register through the services."""
    work = tmp_path_factory.mktemp("dossier-register")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CALMI_VENDORS_DATA_DIR", str(work / "userdata"))
        mp.delenv("CALMI_VENDORS_DB", raising=False)
        register = open_for_use(str(work / "register.sqlite3"))
        try:
            yield fill_register(register, work)
        finally:
            register.close()


@pytest.fixture(scope="session")
def built(dossier_data: DossierData, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """The dossier built once in each language."""
    out = tmp_path_factory.mktemp("dossiers")
    result: dict[str, Built] = {}
    for language in ("en", "ja"):
        path = out / f"dossier-{language}.pdf"
        started = time.perf_counter()
        pages = build_party_dossier(dossier_data, options(language), path)
        result[language] = Built(path, pages, time.perf_counter() - started)
    return result


@pytest.fixture(scope="session")
def poppler() -> None:
    """Skip when poppler-utils is not installed."""
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"poppler-utils missing: {', '.join(missing)}")
