"""Settings that belong to the register and its users together (company name, report defaults)."""

from __future__ import annotations

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
