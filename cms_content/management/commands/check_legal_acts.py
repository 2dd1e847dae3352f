"""``manage.py check_legal_acts``: refresh legal acts' in-force status and flag pages citing changed acts or
superseded consolidated texts."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cms_content.legal_check import check_acts, configured_endpoint


class Command(BaseCommand):
    help = (
        "Check legal acts against the legal-acts API and flag pages that cite changed or repealed acts "
        "or superseded consolidated texts."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--endpoint", default="", help="Legal-acts API base URL (default: the setting).")
        parser.add_argument("--timeout", type=float, default=10.0)
        parser.add_argument(
            "--fail-on-error",
            action="store_true",
            help="Kept for compatibility: a failed lookup always makes the command exit non-zero.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        endpoint = options["endpoint"] or configured_endpoint()
        report = check_acts(endpoint=endpoint, timeout=options["timeout"])
        self.stdout.write(
            f"Checked {report.checked} acts at {endpoint}: {len(report.repealed)} no longer in force, "
            f"{len(report.changed)} changed, {len(report.superseded)} consolidated texts superseded, "
            f"{len(report.failed)} failed; {report.flagged_pages} pages flagged."
        )
        for eli in report.failed:
            self.stderr.write(f"  could not check {eli}: {report.errors.get(eli, '')}")
        if not report.ok:  # the acts that were reached are saved; the run as a whole failed
            raise CommandError(report.failure_summary())
