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


@hookimpl
def access_resources() -> list[Any]:
    from django.utils.translation import gettext_lazy as _

    from przystan.access import Action, Resource

    return [
        Resource(
            "audit.entry",
            label=_("Audit log"),
            actions=(Action.VIEW, Action.EXPORT),
            model="audit.AuditEntry",
            description=_("Who changed or read which record; each office sees only its own entries."),
        ),
    ]


@hookimpl
def access_grants() -> list[Any]:
    from przystan.access import Grant, Scope

    return [
        Grant(role="supervisor", resource="audit.entry", actions=("view",), scope=Scope.OFFICE),
        Grant(role="office_admin", resource="audit.entry", actions=("view", "export"), scope=Scope.OFFICE),
        Grant(
            role="platform_admin",
            resource="audit.entry",
            actions=("view", "export"),
            scope=Scope.INSTALLATION,
        ),
    ]
