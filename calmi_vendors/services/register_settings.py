"""Settings that belong to the register and its users together (company name, report defaults)."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

import sqlalchemy as sa

from calmi_vendors.errors import ValidationError
from calmi_vendors.store.models import RegisterSetting
from calmi_vendors.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class RegisterSettings:
    company_name: str = ""
    report_page_size: str = "A4"
    fiscal_year_start_month: int = 4


def load_settings(uow: UnitOfWork) -> RegisterSettings:
    with uow:
        values = dict(
            uow.session.execute(sa.select(RegisterSetting.key, RegisterSetting.value)).tuples().all()
        )
    defaults = RegisterSettings()
    return RegisterSettings(
        company_name=str(values.get("company_name", defaults.company_name)),
        report_page_size=str(values.get("report_page_size", defaults.report_page_size)),
        fiscal_year_start_month=int(values.get("fiscal_year_start_month", defaults.fiscal_year_start_month)),
    )


def save_settings(uow: UnitOfWork, settings: RegisterSettings) -> RegisterSettings:
    if len(settings.company_name) > 200:
        raise ValidationError("The company name is longer than 200 characters.", field="company_name")
    if settings.report_page_size not in ("A4", "Letter"):
        raise ValidationError("Reports are printed on A4 or Letter.", field="report_page_size")
    if not 1 <= settings.fiscal_year_start_month <= 12:
        raise ValidationError(
            "The fiscal year starts in a month from 1 to 12.", field="fiscal_year_start_month"
        )
    with uow:
        for key, value in (
            ("company_name", settings.company_name.strip()),
            ("report_page_size", settings.report_page_size),
            ("fiscal_year_start_month", settings.fiscal_year_start_month),
        ):
            row = uow.session.scalar(sa.select(RegisterSetting).where(RegisterSetting.key == key))
            if row is None:
                uow.session.add(RegisterSetting(key=key, value=value))
            elif row.value != value:
                row.value = value
        uow.commit()
    return settings


LOGO_KEY = "report_logo"
LOGO_MAX_BYTES = 1_000_000
_LOGO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def load_logo(uow: UnitOfWork) -> bytes | None:
    """The company logo printed on report title pages (PNG or JPEG bytes), if one is set."""
    with uow:
        value = uow.session.scalar(sa.select(RegisterSetting.value).where(RegisterSetting.key == LOGO_KEY))
    if not isinstance(value, str) or not value:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error:
        return None


def save_logo(uow: UnitOfWork, image: bytes | None) -> None:
    """Store the logo in the register itself, so every user of a shared register prints the same one."""
    if image is not None:
        if len(image) > LOGO_MAX_BYTES:
            raise ValidationError("The logo is larger than 1 MB; choose a smaller image.", field="logo")
        if not image.startswith(_LOGO_MAGIC):
            raise ValidationError("The logo must be a PNG or JPEG image.", field="logo")
    encoded = base64.b64encode(image).decode("ascii") if image is not None else ""
    with uow:
        row = uow.session.scalar(sa.select(RegisterSetting).where(RegisterSetting.key == LOGO_KEY))
        if row is None:
            uow.session.add(RegisterSetting(key=LOGO_KEY, value=encoded))
        else:
            row.value = encoded
        uow.commit()
