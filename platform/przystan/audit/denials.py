"""Refusals outlive the transaction that was refused.

A denial is often found inside ``transaction.atomic()`` (a view that locks a record, a service that checks
four eyes before it writes); the ``PermissionDenied`` that follows rolls that transaction back, and an audit
entry written inside it would vanish with it. So a denial recorded inside an atomic block is kept aside
and written once the block is over: after its commit (``on_commit``), or — when it was rolled back — by
:class:`~przystan.audit.middleware.AuditContextMiddleware` on the way out of the request (and by
:func:`flush_pending_denials`, which code outside a request calls where its unit of work ends).

Django keeps no "on rollback" callback, hence this small queue rather than a library call.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from .models import AuditEntry

_pending: ContextVar[list[tuple[AuditEntry, str | None]] | None] = ContextVar(
    "przystan_pending_denials", default=None
)


def inside_transaction(using: str | None) -> bool:
    """Whether a real atomic block is open (a test case's wrapping transaction does not count)."""
    connection = connections[using or DEFAULT_DB_ALIAS]
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def keep_for_later(entry: AuditEntry, using: str | None) -> None:
    """Queue ``entry`` and write it once the open transaction is over, however it ends."""
    pending = _pending.get()
    if pending is None:
        pending = []
        _pending.set(pending)
    pending.append((entry, using))
    transaction.on_commit(flush_pending_denials, using=using)


def flush_pending_denials() -> int:
    """Write the denials kept aside (each once); returns how many were written."""
    from .recorder import write

    pending = _pending.get()
    if not pending:
        return 0
    written = 0
    while pending:
        entry, using = pending.pop(0)
        write(entry, using)
        written += 1
    return written
