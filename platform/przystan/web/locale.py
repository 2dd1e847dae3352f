"""Language selection that never turns a 404 of an application URL into a redirect.

Django's ``LocaleMiddleware`` redirects a 404 to the same path with a language prefix whenever that
prefixed path resolves. Wagtail's page-serving pattern under ``/<lang>/`` resolves *every* path, so
``/admin/`` on a public instance would become a redirect to ``/pl/admin/`` instead of a 404. Paths whose
first segment belongs to an application (core or plugin URL prefixes, whatever the profile) keep
their 404; other paths (CMS pages typed without a language) are still redirected.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware

from przystan.pluginsys.manager import get_plugin_system

CORE_PREFIXES = frozenset({"admin", "api", "i18n", "documents", "static", "media"})


def application_prefixes() -> frozenset[str]:
    """First path segments owned by applications rather than by CMS pages."""
    contributed = {c.prefix.strip("/").split("/")[0] for c in get_plugin_system().registry("urls")}
    return CORE_PREFIXES | {p for p in contributed if p}


class PrzystanLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.status_code == 404:
            first_segment = request.path_info.lstrip("/").split("/", 1)[0]
            if first_segment in application_prefixes():
                response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)
