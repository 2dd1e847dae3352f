"""``manage.py legalisation_inquiry_reminders``: remind authorities of overdue inquiries (once per period)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand

from przystan.offices.enablement import is_enabled
from przystan.offices.models import Office

from ...letters.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send reminders of overdue inquiries to other authorities (once per reminder period)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--today", help="count overdue as of this date (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = datetime.date.fromisoformat(options["today"]) if options.get("today") else None
        for office in Office.objects.order_by("code"):
            if not is_enabled(office, "legalisation"):
                continue
            counts = send_due_reminders(office, today)
            self.stdout.write(f"{office.code}: sent={counts['sent']} failed={counts['failed']}")
