"""Core hooks of przystan.api (registered as the always-enabled plugin core.api)."""

from __future__ import annotations

from typing import Any

from django.urls import path

from przystan.pluginsys.contributions import ApiRoute, UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure


@hookimpl
def api_routes() -> list[ApiRoute]:
    """The core API: ``/api/me/``, ``/api/offices/``, ``/api/office-plugins/`` and ``/api/auth/token/``.

    Every account (foreigners and employers on the public instance, staff on the internal one) and the
    public directory need them, so they are served by both profiles.
    """
    from .views import MeViewSet, OfficePluginViewSet, OfficeViewSet, TokenViewSet

    return [
        ApiRoute("me", prefix="me", viewset=MeViewSet, exposure=Exposure.BOTH),
        ApiRoute("offices", prefix="offices", viewset=OfficeViewSet, exposure=Exposure.BOTH),
        ApiRoute(
            "office-plugins", prefix="office-plugins", viewset=OfficePluginViewSet, exposure=Exposure.BOTH
        ),
        ApiRoute("auth-token", prefix="auth/token", viewset=TokenViewSet, exposure=Exposure.BOTH),
    ]


@hookimpl
def urls() -> list[UrlContribution]:
    """The office administrators' screen of service credentials (closed network only)."""
    from . import staff_views

    return [
        UrlContribution(
            "service-credentials",
            prefix="staff/service-credentials",
            exposure=Exposure.INTERNAL,
            patterns=[
                path("", staff_views.credential_list, name="list"),
                path("<uuid:public_id>/revoke/", staff_views.credential_revoke, name="revoke"),
            ],
        )
    ]


@hookimpl
def access_resources() -> list[Any]:
    from django.utils.translation import gettext_lazy as _

    from przystan.access import Action, Resource

    return [
        Resource(
            "api.service_credential",
            label=_("Service credentials"),
            actions=(Action.VIEW, Action.MANAGE),
            model="offices.Office",
            office_field="pk",
            description=_("Machine-to-machine access to the API for one office, with its scopes."),
        )
    ]


@hookimpl
def access_grants() -> list[Any]:
    from przystan.access import Grant, Scope

    return [
        Grant(
            role="office_admin",
            resource="api.service_credential",
            actions=("view", "manage"),
            scope=Scope.OFFICE,
        ),
        Grant(
            role="platform_admin",
            resource="api.service_credential",
            actions=("view", "manage"),
            scope=Scope.INSTALLATION,
        ),
    ]
