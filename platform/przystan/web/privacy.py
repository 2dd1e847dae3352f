"""Response headers every answer gets: nothing personal is cached, and powerful browser features are off.

:class:`PrivacyHeadersMiddleware` (in ``MIDDLEWARE`` and ``PRZYSTAN_STATELESS_MIDDLEWARE``, right after
Django's ``SecurityMiddleware``):

* sends ``Cache-Control: private, no-store`` (and drops ``Expires``) on every response to a request
  with a logged-in user or a session (a session cookie sent, or one set by this response), and on
  every response of a view marked :func:`personal` or marked with :func:`mark_personal` (pages reached
  by a token or PIN instead of a log-in: case status by PIN, a booking's page, a checkout). Shared
  caches (proxies, CDNs) and the browser's back/forward cache then keep no copy of such a page;
* sends ``Permissions-Policy`` from ``settings.PRZYSTAN_PERMISSIONS_POLICY`` (see ``settings/base.py``
  for what is allowed and why) on every response.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

PRIVATE_CACHE_CONTROL = "private, no-store"
PERSONAL_MARK = "_przystan_personal"


def personal[View: Callable[..., Any]](view: View) -> View:
    """Mark a function view as answering personal data: its responses are never stored by caches."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        return mark_personal(view(request, *args, **kwargs))

    return wrapper  # type: ignore[return-value]


def mark_personal[Response: HttpResponseBase](response: Response) -> Response:
    """Mark one response as personal (for class-based views and API views); returns it."""
    setattr(response, PERSONAL_MARK, True)
    return response


def is_personal(request: HttpRequest, response: HttpResponseBase) -> bool:
    """True when ``response`` must not be stored by any cache."""
    if getattr(response, PERSONAL_MARK, False):
        return True
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        return True
    session_cookie = settings.SESSION_COOKIE_NAME
    if session_cookie in request.COOKIES:
        return True
    cookie = response.cookies.get(session_cookie)
    return cookie is not None and bool(cookie.value)


def permissions_policy() -> str:
    policy: dict[str, list[str]] = getattr(settings, "PRZYSTAN_PERMISSIONS_POLICY", {})
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in policy.items())


class PrivacyHeadersMiddleware:
    """``Cache-Control: private, no-store`` on personal answers; ``Permissions-Policy`` on every answer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.permissions_policy = permissions_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_personal(request, response):
            response["Cache-Control"] = PRIVATE_CACHE_CONTROL
            if "Expires" in response:
                del response["Expires"]
        if self.permissions_policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.permissions_policy
        return response
