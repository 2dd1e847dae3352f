"""Core hooks of przystan.scheduling (the always-enabled plugin core.scheduling)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import DashboardPanel, PeriodicJob
from przystan.pluginsys.markers import hookimpl


@hookimpl
def periodic_jobs() -> list[PeriodicJob]:
    return [
        PeriodicJob(
            "core.notifications-sweep",
            command="notifications_sweep",
            every_seconds=300,
            description=_("Re-enqueue due e-mails and SMS and resume those stuck in sending."),
        )
    ]


def jobs_panel(request: HttpRequest) -> str:
    """Periodic jobs and their last outcome, for whoever may see them (office administrators)."""
    if not request.user.has_perm("scheduling.view_jobrun"):
        return ""
    from .models import JobRun
    from .runner import registered_jobs

    runs = {run.name: run for run in JobRun.objects.all()}
    rows = [(job, runs.get(job.name)) for job in registered_jobs()]
    return render_to_string("scheduling/panel.html", {"rows": rows}, request=request)


@hookimpl
def dashboard_panels() -> list[DashboardPanel]:
    return [DashboardPanel("core-periodic-jobs", label=_("Periodic jobs"), render=jobs_panel, order=900)]
