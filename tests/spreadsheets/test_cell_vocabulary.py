"""Vocabularies cells are matched against: business functions, data categories, countries, certificates."""

from __future__ import annotations

from datetime import date

import pytest

from calmi_vendors.domain.enums import CertificationKind, PartyStatus
from calmi_vendors.domain.seed import BUSINESS_FUNCTIONS, DATA_CATEGORIES
from calmi_vendors.services.dto import CertificationInput
from calmi_vendors.spreadsheets.certifications import parse_certifications
from calmi_vendors.spreadsheets.labels import (
    BUSINESS_FUNCTION_LABELS,
    DATA_CATEGORY_LABELS,
    match_country,
    match_labels,
    match_status,
)

PM, ISMS = CertificationKind.PRIVACY_MARK, CertificationKind.ISO_27001


@pytest.mark.parametrize(
    ("value", "header", "expected"),
    [
        ("Pマーク(2026/3/31)", "認証", [CertificationInput(PM, expires_on=date(2026, 3, 31))]),
        ("ISO27001", "認証", [CertificationInput(ISMS)]),
        (
            "ISMSクラウドセキュリティ認証（ISO/IEC 27017）",
            "認証",
            [CertificationInput(CertificationKind.ISO_27017)],
        ),
        ("PIMS", "Certifications", [CertificationInput(CertificationKind.ISO_27701)]),
        ("プライバシーマーク 第17001234(05)号", "認証", [CertificationInput(PM, number="17001234(05)")]),
        ("17001234", "Pマーク", [CertificationInput(PM, number="17001234")]),
        (date(2027, 1, 31), "Pマーク", [CertificationInput(PM, expires_on=date(2027, 1, 31))]),
        (True, "ISMS", [CertificationInput(ISMS)]),
        ("○", "SOC2", [CertificationInput(CertificationKind.SOC2)]),
        ("有", "外部認証", [CertificationInput(CertificationKind.OTHER, name="外部認証")]),
        ("申請中", "Pマーク", []),
        ("無", "ISMS認証", []),
        (None, "ISMS認証", []),
    ],
)
def test_certification_cells(value: object, header: str, expected: list[CertificationInput]) -> None:
    result = parse_certifications(value, header)
    assert list(result.certifications) == expected
    assert result.bad_dates == ()


def test_every_seed_label_maps_to_its_key() -> None:
    for function in BUSINESS_FUNCTIONS:
        for label in (function.key, function.name_en, function.name_ja):
            assert match_labels(label, BUSINESS_FUNCTION_LABELS) == ((function.key,), ())
    for category in DATA_CATEGORIES:
        for label in (category.key, category.name_en, category.name_ja):
            assert match_labels(label, DATA_CATEGORY_LABELS) == ((category.key,), ())


@pytest.mark.parametrize(
    ("label", "keys"),
    [
        ("コールセンター", ("information_desk",)),
        ("修理", ("repair_maintenance",)),
        ("請求", ("billing",)),
        ("配送", ("delivery",)),
        ("修理・保守", ("repair_maintenance",)),
        ("販売・受付窓口", ("sales_desk", "information_desk")),
        ("料金関連業務", ("billing",)),
        ("Charges and billing", ("billing",)),
        ("Call centre & delivery", ("information_desk", "delivery")),
        ("ｺｰﾙｾﾝﾀｰ、ﾃﾞｰﾀ入力", ("information_desk", "data_entry")),
    ],
)
def test_business_function_labels(label: str, keys: tuple[str, ...]) -> None:
    assert match_labels(label, BUSINESS_FUNCTION_LABELS) == (keys, ())


@pytest.mark.parametrize(
    ("label", "keys"),
    [
        ("氏名・住所・購買履歴", ("basic_contact", "purchase_history")),
        ("口座情報・請求先", ("payment", "basic_contact")),
        ("健康情報", ("health_check",)),
        ("Name, e-mail", ("basic_contact", "email")),
        ("マイナンバー", ("my_number",)),
    ],
)
def test_data_category_labels(label: str, keys: tuple[str, ...]) -> None:
    assert match_labels(label, DATA_CATEGORY_LABELS) == (keys, ())


def test_country_and_status_names() -> None:
    names = ("日本", "Japan", "jp", "米国", "Viet Nam", "UK", "アトランティス")
    assert [match_country(name) for name in names] == ["JP", "JP", "JP", "US", "VN", "GB", None]
    assert match_status("承認済み") is PartyStatus.APPROVED
    assert match_status("under_assessment") is PartyStatus.UNDER_ASSESSMENT
    assert match_status("whatever") is None
