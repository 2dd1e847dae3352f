"""``manage.py payments_reconcile``: ask the gateway about pending payments now (or queue the task)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand

from plugins.payments.reconciliation import reconcile_pending


class Command(BaseCommand):
    help = "Settle or expire online payments stuck pending (asks the gateway about each)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--grace-minutes", type=float, default=2.0)
        parser.add_argument("--expire-hours", type=float, default=24.0)
        parser.add_argument("--enqueue", action="store_true", help="queue the background task instead")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from plugins.payments.tasks import reconcile_pending_payments

            result = reconcile_pending_payments.enqueue()
            self.stdout.write(f"queued task {result.id}")
            return
        counts = reconcile_pending(
            grace=datetime.timedelta(minutes=options["grace_minutes"]),
            expire_after=datetime.timedelta(hours=options["expire_hours"]),
        )
        summary = ", ".join(f"{key}={value}" for key, value in sorted(counts.items())) or "nothing pending"
        self.stdout.write(summary)
