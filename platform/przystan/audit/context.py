"""Who is acting: a context variable set per request (middleware) or per job (:func:`acting_as`).

Context variables follow the code that runs in a thread or an asyncio task, so concurrent requests
and worker threads never see each other's actor. A new thread starts with an empty context: call
``acting_as`` inside it (or run it with ``contextvars.copy_context().run``).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True)
class AuditContext:
    user_getter: Callable[[], Any] | None = None  # resolved lazily (request.user is resolved late)
    office_id: int | None = None
    request_id: str = ""
    ip: str | None = None
    user_agent: str = ""
    reason: str = ""
    from_request: bool = False

    @property
    def user(self) -> Any:
        return self.user_getter() if self.user_getter is not None else None


_current: contextvars.ContextVar[AuditContext | None] = contextvars.ContextVar("przystan_audit", default=None)


def current_context() -> AuditContext | None:
    return _current.get()


def set_context(context: AuditContext | None) -> contextvars.Token:
    return _current.set(context)


def reset_context(token: contextvars.Token) -> None:
    _current.reset(token)


@contextmanager
def acting_as(user: Any, *, reason: str = "", office: Any = None) -> Iterator[AuditContext]:
    """Attribute every change recorded inside the block to ``user`` (``None`` = the system).

    For management commands, imports and background tasks::

        with acting_as(officer, reason="import"):
            ...

    Request details (request id, IP) of an enclosing request are kept.
    """
    outer = _current.get() or AuditContext()
    office_id = getattr(office, "pk", office) if office is not None else outer.office_id
    context = replace(
        outer,
        user_getter=lambda: user,
        reason=reason or outer.reason,
        office_id=office_id,
        from_request=False,
    )
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)
