"""Core hooks of przystan.api (registered as the always-enabled plugin core.api)."""

from __future__ import annotations

from przystan.pluginsys.contributions import ApiRoute
from przystan.pluginsys.markers import hookimpl


@hookimpl
def api_routes() -> list[ApiRoute]:
    """The core API: ``/api/me/``, ``/api/offices/``, ``/api/office-plugins/`` and ``/api/auth/token/``."""
    from .views import MeViewSet, OfficePluginViewSet, OfficeViewSet, TokenViewSet

    return [
        ApiRoute("me", prefix="me", viewset=MeViewSet),
        ApiRoute("offices", prefix="offices", viewset=OfficeViewSet),
        ApiRoute("office-plugins", prefix="office-plugins", viewset=OfficePluginViewSet),
        ApiRoute("auth-token", prefix="auth/token", viewset=TokenViewSet),
    ]
