"""Open a register for use: locate, recognise, migrate (after a backup) and seed reference data."""

from __future__ import annotations

from calmi_vendors import settings
from calmi_vendors.services.reference import ensure_seeded
from calmi_vendors.store import backup
from calmi_vendors.store.engine import parse_location
from calmi_vendors.store.location_checks import network_share_kind
from calmi_vendors.store.register import Register, open_register, translate_errors

KEEP_BACKUPS = 10


def open_for_use(
    location: str | None = None, *, create: bool = True, migrate: bool = True, daily_backup: bool = False
) -> Register:
    """The register at `location` (or the default one), ready for the services.

    `daily_backup` is for the desktop app: the first time it opens a file register on a day, it copies it.
    """
    parsed = parse_location(location or settings.default_register_location())
    register = open_register(parsed, data_dir=settings.data_dir(), create=create, migrate=migrate)
    try:
        with translate_errors(parsed):
            ensure_seeded(register.unit_of_work())
        if register.location.path is not None:
            share = network_share_kind(register.location.path)
            if share:
                register.warnings.append(
                    f"The register is on a network share ({share}). A SQLite register must be used from one "
                    "computer at a time; for a register shared by several people, use PostgreSQL."
                )
            if daily_backup and register.backup_dir is not None:
                backup.daily_backup(register.location.path, register.backup_dir, keep=KEEP_BACKUPS)
    except BaseException:
        register.close()
        raise
    return register
