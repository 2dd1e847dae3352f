"""Core hooks of przystan.audit (registered as the always-enabled plugin core.audit)."""

from __future__ import annotations

from typing import Any

from django.urls import path

from przystan.pluginsys.contributions import UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure


@hookimpl
def urls() -> list[Any]:
    from .views import RecordHistoryView

    patterns = [
        path("<str:model_label>/<str:object_id>/", RecordHistoryView.as_view(), name="history"),
    ]
    return [UrlContribution("audit", prefix="staff/audit", patterns=patterns, exposure=Exposure.INTERNAL)]
