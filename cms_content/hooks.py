"""Hooks of the information portal (registered with the core as ``core.cms_content``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import PeriodicJob
from przystan.pluginsys.markers import hookimpl

LEGAL_ACT_PERMISSIONS = [
    "cms_content.add_legalact",
    "cms_content.change_legalact",
    "cms_content.view_legalact",
]


@hookimpl
def role_permissions() -> dict[str, list[str]]:
    return {
        "editor": LEGAL_ACT_PERMISSIONS,
        "supervisor": [*LEGAL_ACT_PERMISSIONS, "cms_content.delete_legalact"],
        "office_admin": [*LEGAL_ACT_PERMISSIONS, "cms_content.delete_legalact"],
    }


@hookimpl
def access_resources() -> list[Any]:
    from .policy import resources

    return resources()


@hookimpl
def access_grants() -> list[Any]:
    from .policy import grants

    return grants()


@hookimpl
def demo_data(office: Any, stdout: Any) -> None:
    from .demo.loader import load_portal

    load_portal(office, stdout)


@hookimpl
def periodic_jobs() -> list[PeriodicJob]:
    return [
        PeriodicJob(
            "cms.publish-scheduled",
            command="publish_scheduled",
            every_seconds=60,
            description=_("Publish and unpublish pages whose scheduled time has come."),
        ),
        PeriodicJob(
            "cms.check-legal-acts",
            command="check_legal_acts",
            args=("--timeout", "5"),
            every_seconds=24 * 3600,
            description=_("Check cited legal acts are still in force; flag pages citing changed acts."),
        ),
    ]


@hookimpl
def privacy_clauses() -> list[Any]:
    from .privacy import clauses

    return clauses()
