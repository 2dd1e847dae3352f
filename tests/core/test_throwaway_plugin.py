"""A throwaway plugin's URLs, API, menu items, dashboard panel and hooks appear only where it is enabled."""

import pytest

from przystan.offices.enablement import hooks_for_office
from przystan.testing.plugins import build_system, entry_point, use_plugin_system

pytestmark = pytest.mark.django_db

OTHER_HOST = "drugi.testserver"


@pytest.fixture
def throwaway_system(office, other_office, enable_plugin):
    import tests.throwaway_plugin.hooks as hooks

    hooks.CALLS.clear()
    system = build_system(extra=[entry_point("throwaway", "tests.throwaway_plugin")])
    with use_plugin_system(system):
        enable_plugin(office, "serce")
        enable_plugin(office, "throwaway", config={"greeting": "dzień dobry"})
        enable_plugin(other_office, "serce")
        yield system


def test_urls_answer_only_where_enabled(client, throwaway_system):
    enabled = client.get("/throwaway/")
    assert enabled.status_code == 200
    assert enabled.content == b"throwaway says hello"
    assert client.get("/throwaway/", HTTP_HOST=OTHER_HOST).status_code == 404


def test_api_answers_only_where_enabled(client, throwaway_system):
    assert client.get("/api/throwaway/greetings/").json() == {"greeting": "hello"}
    there = client.get("/api/throwaway/greetings/", HTTP_HOST=OTHER_HOST, HTTP_ACCEPT_LANGUAGE="en")
    assert there.status_code == 404
    assert there.json() == {"detail": "This service is not available at this office."}


def test_api_route_is_in_the_schema(client, throwaway_system):
    schema = client.get("/api/schema/?format=json").json()
    assert "/api/throwaway/greetings/" in schema["paths"]
    not_found = schema["paths"]["/api/throwaway/greetings/"]["get"]["responses"]["404"]
    assert not_found["content"]["application/json"]["schema"]["$ref"].endswith("/Detail")
    assert "404" not in schema["paths"]["/api/offices/"]["get"]["responses"]  # core routes are not gated
    greetings = schema["paths"]["/api/throwaway/greetings/"]["get"]
    assert {} in greetings["security"]  # the route allows anonymous callers ...
    assert "401" not in greetings["responses"]  # ... so it does not claim to answer 401


def test_admin_menu_item_only_where_enabled(client, throwaway_system, user_factory, staff_login):
    admin = user_factory(email="admin@example.com", kind="staff", is_staff=True, is_superuser=True)
    staff_login(client, admin)
    here = client.get("/admin/")
    assert here.status_code == 200
    assert "Throwaway menu" in here.content.decode()
    there = client.get("/admin/", HTTP_HOST=OTHER_HOST)
    assert there.status_code == 200
    assert "Throwaway menu" not in there.content.decode()


def test_dashboard_panel_only_where_enabled(client, throwaway_system, user_factory, staff_login, office):
    officer = user_factory(email="officer@example.com", kind="staff", roles=("officer",), office=office)
    staff_login(client, officer)
    assert "throwaway panel" in client.get("/staff/").content.decode()
    assert "throwaway panel" not in client.get("/staff/", HTTP_HOST=OTHER_HOST).content.decode()


def test_per_office_hooks_skip_disabled_plugins(office, other_office, throwaway_system):
    import tests.throwaway_plugin.hooks as hooks

    hooks_for_office(office).demo_data(office=office, stdout=None)
    hooks_for_office(other_office).demo_data(office=other_office, stdout=None)
    assert hooks.CALLS == [f"demo:{office.code}"]


def test_disabling_makes_everything_vanish_and_keeps_config(client, office, throwaway_system, enable_plugin):
    from przystan.offices.models import PluginEnablement

    enable_plugin(office, "throwaway", enabled=False)
    assert client.get("/throwaway/").status_code == 404
    assert client.get("/api/throwaway/greetings/").status_code == 404
    row = PluginEnablement.objects.get(office=office, plugin="throwaway")
    assert row.config == {"greeting": "dzień dobry"}  # disabling keeps data
    enable_plugin(office, "throwaway")
    assert client.get("/throwaway/").status_code == 200


def test_internal_plugin_urls_do_not_exist_on_a_public_instance(client, office, enable_plugin):
    system = build_system(extra=[entry_point("throwaway", "tests.throwaway_plugin")])
    with use_plugin_system(system, profile="public"):
        enable_plugin(office, "serce")
        enable_plugin(office, "throwaway", config={"greeting": "hej"})
        assert client.get("/throwaway/").status_code == 200
        assert client.get("/staff/throwaway/").status_code == 404
    with use_plugin_system(system, profile="internal"):
        assert client.get("/staff/throwaway/").json() == {"internal": True}
