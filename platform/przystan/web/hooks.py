"""Core hooks of przystan.web: landing, staff dashboard and reports URLs."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure

from . import views


@hookimpl
def urls() -> list[UrlContribution]:
    return [
        UrlContribution(
            "web",
            prefix="portal",
            exposure=Exposure.BOTH,
            patterns=[path("after-login/", views.after_login, name="after-login")],
        ),
        UrlContribution(
            "staff",
            prefix="staff",
            exposure=Exposure.INTERNAL,
            patterns=[
                path("", views.staff_dashboard, name="dashboard"),
                path("reports/<slug:name>/", views.report, name="report"),
            ],
        ),
    ]


@hookimpl
def access_resources() -> list[Any]:
    from przystan.access import Action, Resource

    return [
        Resource(
            "web.dashboard",
            label=_("Staff dashboard"),
            actions=(Action.VIEW,),
            office_field=None,
            description=_("The staff area's start page; its panels ask their own resources."),
        ),
        Resource(
            "web.admin",
            label=_("Administration panel"),
            actions=(Action.VIEW,),
            office_field=None,
            description=_(
                "The Wagtail administration panel (pages, office settings); its screens ask their own."
            ),
        ),
    ]


@hookimpl
def access_grants() -> list[Any]:
    from przystan.access import Grant, Scope
    from przystan.accounts.roles import OFFICE_ROLES

    found = [
        Grant(role=r, resource="web.dashboard", actions=("view",), scope=Scope.OFFICE) for r in OFFICE_ROLES
    ]
    return [
        *found,
        Grant(role="platform_admin", resource="web.dashboard", actions=("view",), scope=Scope.INSTALLATION),
        *admin_panel_grants(),
    ]


def admin_panel_grants() -> list[Any]:
    """The roles that may open the Wagtail admin: exactly those whose group holds Wagtail's access permission."""
    from przystan.access import Grant, Scope
    from przystan.accounts.roles import ADMIN_ACCESS, ROLES

    return [
        Grant(
            role=role.slug,
            resource="web.admin",
            actions=("view",),
            scope=Scope.INSTALLATION if role.slug == "platform_admin" else Scope.OFFICE,
        )
        for role in ROLES
        if ADMIN_ACCESS in role.permissions
    ]
