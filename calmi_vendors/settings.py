"""Where things live by default: the register, per-user data; one place, read by the CLI and the GUI."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from calmi_vendors.__about__ import __app_name__, __organization__

DB_ENV_VAR = "CALMI_VENDORS_DB"
DATA_DIR_ENV_VAR = "CALMI_VENDORS_DATA_DIR"
DEFAULT_REGISTER_NAME = "register.sqlite3"


def data_dir() -> Path:
    """The per-user data folder (tests and portable installs point it elsewhere with an env var)."""
    override = os.environ.get(DATA_DIR_ENV_VAR)
    if override:
        return Path(override).expanduser()
    return user_data_path(__app_name__, __organization__, roaming=True)


def default_register_location() -> str:
    """`--db` beats `CALMI_VENDORS_DB`, which beats `register.sqlite3` in the per-user data folder."""
    return os.environ.get(DB_ENV_VAR) or str(data_dir() / DEFAULT_REGISTER_NAME)
