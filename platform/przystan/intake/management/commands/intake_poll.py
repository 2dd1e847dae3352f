"""Poll the case sources of every office (or one, ``--office CODE``) and import their packages."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from przystan.intake.runner import poll_all, poll_office, summary


class Command(BaseCommand):
    help = "Fetch and import the packages the case sources (case_sources hook) deliver, per office."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--office", help="Only this office (its code).")

    def handle(self, *args: Any, **options: Any) -> None:
        from przystan.offices.models import Office

        if options["office"]:
            office = Office.objects.filter(code=options["office"]).first()
            if office is None:
                raise CommandError(f"No office with the code {options['office']!r}.")
            results = poll_office(office)
        else:
            results = poll_all()
        for item in results:
            if item.result is None:
                self.stderr.write(f"{item.office} {item.source}: {item.error}")
            else:
                r = item.result
                line = f"{item.office} {item.source}: {r.outcome.value} {r.package_id} {r.case_reference}"
                self.stdout.write(line + (f" ({r.reason}: {r.detail})" if r.reason else ""))
        self.stdout.write(summary(results))
