"""Periodic work of visit booking: slots for the horizon, expired holds, due draws, reminders.

Run every few minutes (cron or a scheduler): ``./przystan manage queue_booking_tick``.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Generate slots, expire waiting-list holds, run due allocation draws and send reminders."

    def handle(self, *args: Any, **options: Any) -> None:
        from przystan.offices.enablement import is_enabled
        from przystan.offices.models import Office

        from ...models import AllocationRound
        from ...services import rounds, waiting
        from ...services.notifications import send_due_reminders
        from ...services.slots import generate_slots

        now = timezone.now()
        for office in Office.objects.all():
            if is_enabled(office, "queue_booking"):
                created = generate_slots(office)
                self.stdout.write(f"{office.code}: {created} slots created")
        self.stdout.write(f"holds expired: {waiting.expire_holds(now=now)}")
        for allocation_round in AllocationRound.objects.filter(drawn_at__isnull=True, closes_at__lte=now):
            drawn = rounds.draw(allocation_round, now=now)
            self.stdout.write(f"round {allocation_round.pk}: {len(drawn)} requests drawn")
        self.stdout.write(f"reminders sent: {send_due_reminders(now=now)}")
