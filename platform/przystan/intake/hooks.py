"""Core hooks of przystan.intake (the always-enabled plugin core.intake)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import PeriodicJob
from przystan.pluginsys.markers import hookimpl


@hookimpl
def periodic_jobs() -> list[PeriodicJob]:
    return [
        PeriodicJob(
            "core.intake-poll",
            command="intake_poll",
            every_seconds=120,
            description=_("Fetch and import the cases the offices' case sources (e.g. MOS) deliver."),
        )
    ]
