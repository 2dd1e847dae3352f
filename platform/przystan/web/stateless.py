"""The WSGI handler: stateless public API routes skip the session/user middleware.

Most requests go through ``settings.MIDDLEWARE``. An API route contributed with
``ApiRoute(..., stateless=True)`` is anonymous by contract (its viewset authenticates nobody) and is
what a crowd hits at a slot release; for it the session, CSRF, authentication, second-factor,
messages, admin and login-lockout middleware only cost time. Requests under such a route's path are
served by ``settings.PRZYSTAN_STATELESS_MIDDLEWARE`` instead: security headers, language, office,
audit context and CSP stay; no session is read or written, no cookie is set, and ``request.user``
is always anonymous, whatever cookie the client sends.

The system check ``przystan.E003`` (``pluginsys.checks.check_stateless_routes``) refuses a stateless
route whose viewset would authenticate anyone, so a route cannot be made stateless by mistake.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import MiddlewareNotUsed
from django.core.handlers.base import BaseHandler
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string


def stateless_prefixes() -> tuple[str, ...]:
    """The URL paths (``/api/<prefix>/``) of the API routes contributed as stateless."""
    from przystan.pluginsys.manager import get_plugin_system

    return tuple(
        f"/api/{route.prefix.strip('/')}/"
        for route in get_plugin_system().registry("api_routes")
        if route.stateless
    )


def warm_up_url_patterns() -> None:
    """Import the URLconf and answer LocaleMiddleware's question about it (both cached per process)."""
    from django.conf.urls.i18n import is_language_prefix_patterns_used
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (a cached property: reading it imports the URLconf)
    is_language_prefix_patterns_used(settings.ROOT_URLCONF)


class StatelessStack(BaseHandler):
    """A second middleware chain (synchronous), built from ``PRZYSTAN_STATELESS_MIDDLEWARE``."""

    def __init__(self, middleware: list[str]) -> None:
        self.middleware = list(middleware)

    def load_middleware(self, is_async: bool = False) -> None:
        if is_async:
            raise NotImplementedError("the stateless stack serves WSGI only")
        self._view_middleware: list[Any] = []
        self._template_response_middleware: list[Any] = []
        self._exception_middleware: list[Any] = []
        handler = convert_exception_to_response(self._get_response)
        for path in reversed(self.middleware):
            try:
                instance = import_string(path)(handler)
            except MiddlewareNotUsed:
                continue
            if hasattr(instance, "process_view"):
                self._view_middleware.insert(0, instance.process_view)
            if hasattr(instance, "process_template_response"):
                self._template_response_middleware.append(instance.process_template_response)
            if hasattr(instance, "process_exception"):
                self._exception_middleware.append(instance.process_exception)
            handler = convert_exception_to_response(instance)
        self._middleware_chain = handler


class PrzystanWSGIHandler(WSGIHandler):
    """Django's WSGI handler choosing the stateless stack for the stateless API routes.

    Every request goes through a middleware stack, the URL resolver (profile exposure, plugin gate)
    and the view (throttles): nothing is answered before Django. (An earlier version replayed kept
    GET answers from memory before Django, which skipped the plugin gate and throttles; it is gone.)
    """

    def __init__(self) -> None:
        super().__init__()
        self.stateless = StatelessStack(getattr(settings, "PRZYSTAN_STATELESS_MIDDLEWARE", []))
        self.stateless.load_middleware()
        self.stateless_prefixes = stateless_prefixes() if self.stateless.middleware else ()

    def get_response(self, request: HttpRequest) -> HttpResponse:
        if self.stateless_prefixes and request.path_info.startswith(self.stateless_prefixes):
            request.user = AnonymousUser()  # type: ignore[attr-defined]
            return self.stateless.get_response(request)
        return super().get_response(request)
