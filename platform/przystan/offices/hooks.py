"""Core hooks of przystan.offices (the always-enabled plugin core.offices): the office's days off."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import MenuItem, UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure


@hookimpl
def urls() -> list[UrlContribution]:
    from .urls import staff_patterns

    return [
        UrlContribution(
            "office_closures", prefix="staff/closures", patterns=staff_patterns, exposure=Exposure.INTERNAL
        )
    ]


@hookimpl
def admin_menu_items() -> list[MenuItem]:
    return [
        MenuItem(
            "office-closures",
            label=_("Days off of the office"),
            url="office_closures:list",
            icon_name="date",
            order=860,
            access=("offices.closure", "manage"),
        )
    ]


@hookimpl
def access_resources() -> list[Any]:
    from przystan.access import Action, Resource

    return [
        Resource(
            "offices.closure",
            label=_("Days off of the office"),
            actions=(Action.VIEW, Action.MANAGE),
            model="offices.OfficeClosure",
            office_field="office",
            description=_(
                "Days the office is closed besides statutory holidays (days off designated by the Prime "
                "Minister, the office's own closures): no visits, closed on the opening hours."
            ),
        )
    ]


@hookimpl
def access_grants() -> list[Any]:
    from przystan.access import Grant, Scope

    return [
        Grant(role=role, resource="offices.closure", actions=("view", "manage"), scope=Scope.OFFICE)
        for role in ("office_admin", "supervisor")
    ] + [
        Grant(
            role="platform_admin",
            resource="offices.closure",
            actions=("view", "manage"),
            scope=Scope.INSTALLATION,
        )
    ]
