"""Background delivery (django.tasks, queue "notifications"; run by ``manage.py db_worker``)."""

from __future__ import annotations

from django.tasks import task

from .delivery import deliver


@task(queue_name="notifications")
def deliver_message(message_id: int) -> str:
    """Send one outbox message if it is still due; a failure schedules the next try itself."""
    return str(deliver(message_id).status)
