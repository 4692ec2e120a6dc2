"""Open a register for use: locate, recognise, migrate (after a backup) and seed reference data."""

from __future__ import annotations

from calmi_vendors import settings
from calmi_vendors.services.reference import ensure_seeded
from calmi_vendors.store.engine import parse_location
from calmi_vendors.store.register import Register, open_register, translate_errors


def open_for_use(location: str | None = None, *, create: bool = True, migrate: bool = True) -> Register:
    """The register at `location` (or the default one), ready for the services."""
    parsed = parse_location(location or settings.default_register_location())
    register = open_register(parsed, data_dir=settings.data_dir(), create=create, migrate=migrate)
    try:
        with translate_errors(parsed):
            ensure_seeded(register.unit_of_work())
    except BaseException:
        register.close()
        raise
    return register
