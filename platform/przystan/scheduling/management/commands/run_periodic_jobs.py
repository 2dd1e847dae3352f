"""Run the platform's periodic jobs (``przystan scheduler`` runs this in a loop)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.timezone import localtime

from przystan.scheduling.models import JobRun
from przystan.scheduling.runner import registered_jobs, run_due_jobs, run_forever


class Command(BaseCommand):
    help = "Run the periodic jobs that are due: once (--once), in a loop (default) or list them (--list)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="One pass over the due jobs, then exit.")
        parser.add_argument("--list", action="store_true", help="List the jobs and their last outcome.")
        parser.add_argument("--tick", type=float, default=30.0, help="Seconds between passes (default 30).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            runs = {run.name: run for run in JobRun.objects.all()}
            for job in registered_jobs():
                run = runs.get(job.name)
                state = (
                    f"{run.outcome}, next due {localtime(run.next_due_at):%Y-%m-%d %H:%M}"
                    if run
                    else "not run yet"
                )
                self.stdout.write(f"{job.name:32} every {job.every_seconds:>6} s  [{job.plugin}] {state}")
            return
        if options["once"]:
            failed = [result.job for result in run_due_jobs() if not result.ok]
            if failed:
                self.stderr.write(f"failed: {', '.join(failed)}")
            return
        self.stdout.write("Scheduler running; Ctrl+C to stop.")
        run_forever(options["tick"])
