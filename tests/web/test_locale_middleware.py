"""PrzystanLocaleMiddleware: application 404s stay 404s; CMS paths still get the language prefix.

Django's LocaleMiddleware redirects every 404 to ``/<lang>/<path>`` when that path resolves, and with
Wagtail's catch-all page route under ``i18n_patterns`` every path resolves.
"""

from __future__ import annotations

import pytest
from django.http import HttpResponseNotFound
from django.middleware.locale import LocaleMiddleware

from przystan.web.locale import PrzystanLocaleMiddleware, application_prefixes

pytestmark = pytest.mark.django_db


def not_found(request):
    return HttpResponseNotFound('{"detail": "Not found."}', content_type="application/json")


def test_django_locale_middleware_redirects_application_404s(rf):
    """The problem being solved (fails once Django stops doing this and the subclass can go)."""
    response = LocaleMiddleware(not_found)(rf.get("/api/offices/nope/"))
    assert response.status_code == 302
    assert response["Location"] == "/pl/api/offices/nope/"


@pytest.mark.parametrize("path", ["/api/offices/nope/", "/admin/", "/staff/reports/x/", "/accounts/nope/"])
def test_application_404_is_not_redirected(rf, path):
    response = PrzystanLocaleMiddleware(not_found)(rf.get(path, HTTP_ACCEPT_LANGUAGE="uk"))
    assert response.status_code == 404
    assert response["Content-Language"] == "uk"


def test_plugin_prefixes_are_application_prefixes():
    assert {"staff", "accounts", "admin", "api"} <= application_prefixes()


def test_page_404_still_gets_the_language_prefix(rf):
    response = PrzystanLocaleMiddleware(not_found)(rf.get("/informacje/"))
    assert response.status_code == 302
    assert response["Location"] == "/pl/informacje/"
