"""The Wagtail admin needs a looser Content Security Policy than the public pages."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class AdminCSPMiddleware:
    """Placed after Django's CSP middleware so its response hook runs first and picks the admin policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/admin/") and not hasattr(response, "_csp_config"):
            response._csp_config = settings.PRZYSTAN_ADMIN_CSP  # type: ignore[attr-defined]
        return response
