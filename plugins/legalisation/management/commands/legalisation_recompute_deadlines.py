"""Recompute the stored legal deadline of every undecided case (after a rule, a suspension or an office
closure changed, and daily for the open requests to supplement that keep pausing the clock)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from przystan.offices.enablement import is_enabled
from przystan.offices.models import Office


class Command(BaseCommand):
    help = "Recompute the stored legal deadlines of the undecided cases of the offices with legalisation on."

    def handle(self, *args: Any, **options: Any) -> None:
        from plugins.legalisation.deadlines import recompute_open_cases

        total = 0
        for office in Office.objects.all():
            if is_enabled(office, "legalisation"):
                total += recompute_open_cases(office)
        self.stdout.write(f"{total} deadline(s) changed")
