"""Core hooks of przystan.scheduling (the always-enabled plugin core.scheduling)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from przystan import access
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
    """Periodic jobs and their last outcome, for whoever the policy lets see them (administrators)."""
    if not access.allows(request.user, "view", "scheduling.job", office=getattr(request, "office", None)):
        return ""
    from .models import JobRun
    from .runner import registered_jobs

    runs = {run.name: run for run in JobRun.objects.all()}
    rows = [(job, runs.get(job.name)) for job in registered_jobs()]
    return render_to_string("scheduling/panel.html", {"rows": rows}, request=request)


@hookimpl
def dashboard_panels() -> list[DashboardPanel]:
    return [
        DashboardPanel(
            "core-periodic-jobs",
            label=_("Periodic jobs"),
            render=jobs_panel,
            order=900,
            access=("scheduling.job", "view"),
        )
    ]


@hookimpl
def access_resources() -> list[Any]:
    from przystan.access import Action, Resource

    return [
        Resource(
            "scheduling.job",
            label=_("Periodic jobs"),
            actions=(Action.VIEW,),
            model="scheduling.JobRun",
            office_field=None,  # the installation's jobs, shared by every office
            description=_("The periodic jobs and their last outcome."),
        )
    ]


@hookimpl
def access_grants() -> list[Any]:
    from przystan.access import Grant, Scope

    return [
        Grant(role="office_admin", resource="scheduling.job", actions=("view",), scope=Scope.OFFICE),
        Grant(role="platform_admin", resource="scheduling.job", actions=("view",), scope=Scope.INSTALLATION),
    ]
