"""Every URL pattern and API route the core contributes declares its access (guard or public), and the
core staff pages ask the policy, not the account kind."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver

from przystan.access import access_entry
from przystan.access.table import policy_table
from przystan.pluginsys.manager import get_plugin_system
from przystan.routing import build_urlpatterns


def flatten(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from flatten(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def core_patterns():
    system = get_plugin_system()
    for contribution in system.registry("urls"):
        if contribution.plugin.startswith("core."):
            yield from flatten(contribution.patterns, f"{contribution.prefix}/")


def test_every_core_url_pattern_declares_its_access():
    missing = [route for route, view in core_patterns() if access_entry(view) is None]
    assert missing == []
    guarded = [access_entry(view) for _route, view in core_patterns()]
    known = policy_table().resources
    assert all(e.public or e.resource in known for e in guarded)


def test_every_core_api_route_declares_its_access():
    routes = [r for r in get_plugin_system().registry("api_routes") if r.plugin.startswith("core.")]
    assert routes
    for route in routes:
        viewset = route.viewset
        assert (
            getattr(viewset, "access_public", False) or viewset.access_resource in policy_table().resources
        ), route.name


def test_the_projects_own_top_level_urls_declare_access():
    """set_language and the API schema are deliberately public (Wagtail's own admin and pages are Wagtail's)."""
    top = {str(p.pattern): p.callback for p in build_urlpatterns() if isinstance(p, URLPattern)}
    assert access_entry(top["i18n/setlang/"]).public
    assert access_entry(top["api/schema/"]).public


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "roles", "status"),
    [("staff", ("officer",), 200), ("staff", (), 403), ("foreigner", (), 403)],
)
def test_the_dashboard_asks_the_policy(client, user_factory, staff_login, office, kind, roles, status):
    user = user_factory(email="x@testowy.gov.pl", kind=kind, roles=roles, office=office)
    staff_login(client, user)
    assert client.get("/staff/").status_code == status


@pytest.mark.django_db
def test_the_profile_is_the_users_own(client, user_factory):
    user = user_factory(email="olena@example.com", kind="foreigner")
    client.force_login(user)
    assert client.get("/accounts/profile/").status_code == 200
    assert client.get("/api/me/").json()["email"] == "olena@example.com"
