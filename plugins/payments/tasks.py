"""Background jobs of the payments plugin (django.tasks, database backend; run by ``db_worker``)."""

from __future__ import annotations

from django.tasks import task

from .reconciliation import reconcile_pending
from .settlement import finish_settlement


@task()
def reconcile_pending_payments() -> dict[str, int]:
    """Settle or expire online payments stuck pending and finish unfinished settlements.

    Schedule it every few minutes: it is also what retries a failed ``finish_settlement_task``.
    """
    return dict(reconcile_pending())


@task()
def finish_settlement_task(settlement_id: int) -> str:
    """Render the receipt of a new settlement and call the ``payment_settled`` listeners."""
    return str(finish_settlement(settlement_id))
