"""Background jobs of the payments plugin (django.tasks, database backend; run by ``db_worker``)."""

from __future__ import annotations

from django.tasks import task

from .reconciliation import reconcile_pending


@task()
def reconcile_pending_payments() -> dict[str, int]:
    """Settle or expire online payments stuck pending (schedule it every few minutes)."""
    return dict(reconcile_pending())
