"""Put stuck messages back in line and enqueue every due message (run it every few minutes)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from przystan.notifications.delivery import deliver_due, sweep


class Command(BaseCommand):
    help = "Re-enqueue due notifications and resume those stuck in 'sending' for more than 10 minutes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--grace",
            type=int,
            default=60,
            help="Only enqueue messages due for at least this many seconds (default 60).",
        )
        parser.add_argument(
            "--sync",
            action="store_true",
            help="Deliver due messages in this process instead of enqueueing tasks.",
        )
        parser.add_argument("--limit", type=int, default=1000)

    def handle(self, *args: Any, **options: Any) -> None:
        result = sweep(
            grace=timedelta(seconds=options["grace"]), limit=options["limit"], enqueue=not options["sync"]
        )
        self.stdout.write(
            f"resumed {result.resumed} stuck message(s), {result.uncertain} left uncertain for staff, "
            f"enqueued {result.enqueued}"
        )
        if options["sync"]:
            sent = deliver_due(limit=options["limit"])
            self.stdout.write(f"sent {sent} message(s)")
