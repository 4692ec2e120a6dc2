"""Errors whose message is meant for the user: the CLI prints it on one line, the GUI in a dialog."""

from __future__ import annotations


class CalmiError(Exception):
    """Base of every error the user can act on; `str(error)` is the whole message."""


class RegisterError(CalmiError):
    """The register cannot be opened or used as asked."""


class PermissionDeniedError(RegisterError):
    """The database server refused the change: the signed-in user's role does not allow it."""


class NotARegisterError(RegisterError):
    pass


class NewerSchemaError(RegisterError):
    pass


class RegisterLockedError(RegisterError):
    pass


class RegisterUnavailableError(RegisterError):
    """Read-only, full disk, unreachable server, bad credentials."""


class CorruptRegisterError(RegisterError):
    pass


class ValidationError(CalmiError):
    """Input that breaks a rule; `field` names the offending field when there is one."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(CalmiError):
    pass


class ConcurrentEditError(CalmiError):
    """Somebody else saved the record since it was read; the later save is refused, not merged."""

    def __init__(self, message: str, *, record_type: str, record_id: int, current_version: int) -> None:
        super().__init__(message)
        self.record_type = record_type
        self.record_id = record_id
        self.current_version = current_version


class RuleViolation(CalmiError):
    """A supervision rule forbids the change (e.g. approving a party without a passing assessment)."""
