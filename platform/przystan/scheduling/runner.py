"""Run the periodic jobs plugins contribute (``periodic_jobs`` hook) when they are due.

Any number of schedulers may run (one per machine, say): a job is claimed by one conditional UPDATE
that moves its ``next_due_at`` forward, so only one of them runs it per interval. A failed job is
retried sooner (after a minute, backing off up to its interval) and its output is kept for the
staff dashboard; a scheduler that crashes mid-run loses nothing — the job is simply due again.
"""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.management import call_command
from django.utils import timezone

from przystan.pluginsys.contributions import PeriodicJob
from przystan.pluginsys.manager import CORE_SLUG, get_plugin_system

from .models import JobRun

logger = logging.getLogger(__name__)
OUTPUT_LIMIT = 4000
RETRY_AFTER = timedelta(seconds=60)


@dataclass(frozen=True)
class RunResult:
    job: str
    ok: bool
    output: str


def registered_jobs() -> list[PeriodicJob]:
    return sorted(get_plugin_system().registry("periodic_jobs"), key=lambda job: job.name)


def plugin_in_use(plugin: str) -> bool:
    """Core jobs always run; a plugin's job only while some office has the plugin enabled."""
    if plugin.startswith(f"{CORE_SLUG}.") or plugin == CORE_SLUG:
        return True
    from przystan.offices.enablement import is_enabled
    from przystan.offices.models import Office

    return any(is_enabled(office, plugin) for office in Office.objects.all())


def _claim(job: PeriodicJob, now: Any) -> bool:
    JobRun.objects.get_or_create(name=job.name, defaults={"next_due_at": now})
    claimed = JobRun.objects.filter(name=job.name, next_due_at__lte=now).update(
        next_due_at=now + timedelta(seconds=job.every_seconds),
        started_at=now,
        outcome=JobRun.Outcome.RUNNING,
    )
    return claimed == 1


def run_job(job: PeriodicJob) -> RunResult:
    """Run one job now (its management command), record the outcome and return it."""
    out = io.StringIO()
    try:
        call_command(job.command, *job.args, stdout=out, stderr=out)
        ok = True
    except Exception as exc:  # a job's failure must not stop the scheduler; it is recorded and retried
        logger.exception("periodic job %s failed", job.name)
        out.write(f"\n{type(exc).__name__}: {exc}")
        ok = False
    finished = timezone.now()
    run = JobRun.objects.get(name=job.name)
    run.finished_at = finished
    run.output = out.getvalue()[-OUTPUT_LIMIT:]
    if ok:
        run.outcome = JobRun.Outcome.SUCCEEDED
        run.consecutive_failures = 0
    else:
        run.outcome = JobRun.Outcome.FAILED
        run.consecutive_failures += 1
        backoff = min(RETRY_AFTER * 2 ** (run.consecutive_failures - 1), timedelta(seconds=job.every_seconds))
        run.next_due_at = min(run.next_due_at, finished + backoff)
    run.save()
    return RunResult(job.name, ok, run.output)


def run_due_jobs() -> list[RunResult]:
    """One pass: run every registered job that is due and whose plugin is in use."""
    results = []
    for job in registered_jobs():
        if not plugin_in_use(job.plugin):
            continue
        if _claim(job, timezone.now()):
            results.append(run_job(job))
    return results


def run_forever(tick_seconds: float = 30.0) -> None:  # pragma: no cover - loop around run_due_jobs
    while True:
        for result in run_due_jobs():
            logger.info("periodic job %s %s", result.job, "succeeded" if result.ok else "FAILED")
        time.sleep(tick_seconds)
