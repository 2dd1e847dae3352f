"""Refuse requests whose query string, form fields or path hold a NUL character (``\\x00``).

No text the platform stores or compares may contain NUL: PostgreSQL refuses it in text columns
(``ValueError: A string literal cannot contain NUL``), so a ``?service=%00`` used to end as HTTP 500
wherever a parameter reached a query. :class:`RejectNulMiddleware` answers ``400 Bad Request`` for such
a request before any view runs, site-wide (in ``MIDDLEWARE`` and ``PRZYSTAN_STATELESS_MIDDLEWARE``).
Uploaded files are not inspected (binary content may hold NUL); JSON bodies are parsed by the views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.utils.html import escape
from django.utils.translation import gettext as _

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _holds_nul(data: QueryDict) -> bool:
    pairs: Iterable[tuple[str, list[str]]] = data.lists()
    return any(NUL in key or any(NUL in value for value in values) for key, values in pairs)


def has_nul(request: HttpRequest) -> bool:
    """True if the path, a query parameter or a form field of ``request`` contains NUL."""
    if NUL in request.path_info or _holds_nul(request.GET):
        return True
    if request.method == "POST" and request.content_type in FORM_TYPES:
        return _holds_nul(request.POST)
    return False


class RejectNulMiddleware:
    """Answer 400 (a short translated text) to a request carrying NUL in its path, query or form."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_nul(request):
            message = _("The request contains a null character (NUL), which is not allowed in any field.")
            return HttpResponseBadRequest(
                f"<!doctype html><title>400</title><p>{escape(message)}</p>",
                content_type="text/html; charset=utf-8",
            )
        return self.get_response(request)
