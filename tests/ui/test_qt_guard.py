"""Guards against a Qt binding that crashes this interpreter (PySide6 6.12.0 on CPython 3.11)."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import Qt

from calmi_vendors.domain.enums import PartyStatus
from calmi_vendors.services.register_view import RegisterRow
from calmi_vendors.ui.models.register_model import RegisterModel


def test_the_installed_pyside6_is_not_the_one_that_aborts_python_311() -> None:
    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert version < (6, 12), f"PySide6 {PySide6.__version__} aborts CPython 3.11 (none_dealloc)"


def test_twenty_thousand_none_returns_through_qt_do_not_crash(qapp: object) -> None:
    model = RegisterModel()
    model.set_rows(
        [
            RegisterRow(
                id=1,
                version=1,
                name="Guard K.K.",
                name_kana=None,
                corporate_number=None,
                country="JP",
                processing_country=None,
                status=PartyStatus.ACTIVE,
                tier=None,
                owner_department=None,
                parent_id=None,
                next_audit_due=None,
                business_functions=(),
                special_care=False,
                contract_expires_on=None,
                certificate_expires_on=None,
                open_findings=0,
                clause_gaps=0,
                notes=None,
            )
        ]
    )
    index = model.index(0, 0)
    unused_role = Qt.ItemDataRole.UserRole + 99
    # index.data() goes C++ → Python data() → None back into C++: the path 6.12.0 breaks on 3.11.
    for _ in range(20_000):
        assert index.data(unused_role) is None
    assert index.data() == "Guard K.K."
