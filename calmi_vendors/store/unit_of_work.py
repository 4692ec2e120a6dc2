"""The unit of work services run in: one session, one transaction, committed explicitly."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from calmi_vendors.errors import CalmiError


class UnitOfWork:
    """`with uow:` opens a session; nothing is kept unless `uow.commit()` is called inside."""

    def __init__(self, factory: sessionmaker[Session], *, actor: str, readonly: bool = False) -> None:
        self._factory = factory
        self.actor = actor
        self.readonly = readonly
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside `with uow:`")
        return self._session

    def __enter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("a unit of work is not re-entrant")
        self._session = self._factory()
        self._session.info["actor"] = self.actor
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session is not None
        try:
            self._session.rollback()
        finally:
            self._session.close()
            self._session = None

    def commit(self) -> None:
        if self.readonly:
            raise CalmiError("This view is read-only; nothing can be saved from it.")
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
