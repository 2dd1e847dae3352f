"""/api/offices/ (public directory) and /api/office-plugins/ (plugins of the office serving the host)."""

from __future__ import annotations

import pytest

from przystan.pluginsys.manager import get_plugin_system

pytestmark = pytest.mark.django_db
OTHER_HOST = "drugi.testserver"


@pytest.fixture
def offices(office, other_office, enable_plugin):
    enable_plugin(office, "serce")
    enable_plugin(office, "hotel")
    enable_plugin(office, "payments", enabled=False)
    enable_plugin(other_office, "queue_booking")
    return office, other_office


def by_code(items):
    return {item["code"]: item for item in items}


def test_offices_are_public_and_show_their_enabled_plugins(client, offices, django_assert_max_num_queries):
    office, other_office = offices
    with django_assert_max_num_queries(6):
        response = client.get("/api/offices/")
    assert response.status_code == 200
    listed = by_code(response.json())
    assert set(listed) == {office.code, other_office.code}
    assert listed[office.code]["enabled_plugins"] == ["hotel", "serce"]  # payments is disabled
    assert listed[other_office.code]["enabled_plugins"] == ["queue_booking"]


def test_office_fields_are_explicit_and_hide_bank_accounts(client, offices):
    office, _other = offices
    item = client.get(f"/api/offices/{office.code}/").json()
    assert set(item) == {
        "code",
        "name",
        "short_name",
        "department",
        "address",
        "contact",
        "languages",
        "enabled_plugins",
    }
    assert item["address"] == {
        "street": "ul. Marszałkowska 3/5",
        "postal_code": "00-624",
        "city": "Warszawa",
        "lines": ["Wydział Spraw Cudzoziemców", "ul. Marszałkowska 3/5", "00-624 Warszawa"],
    }
    assert item["contact"]["email"] == office.email
    assert item["languages"] == ["pl", "en", "uk", "ru"]
    assert "iban" not in str(item).lower()


def test_unknown_office_is_a_json_404(client, offices):
    response = client.get("/api/offices/no-such-office/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_office_plugins_lists_installed_plugins_with_the_enabled_flag(client, offices):
    response = client.get("/api/office-plugins/")
    assert response.status_code == 200
    items = {item["slug"]: item for item in response.json()}
    system = get_plugin_system()
    assert set(items) == set(system.plugins)
    assert {slug for slug, item in items.items() if item["enabled"]} == {"serce", "hotel"}
    hotel = items["hotel"]
    assert hotel["requires"] == ["serce"]
    assert hotel["version"] == system.plugins["hotel"].version
    assert set(hotel) == {"slug", "name", "version", "description", "requires", "enabled"}
    assert hotel["name"] and hotel["description"]


def test_office_plugins_follow_the_host(client, offices):
    items = {
        item["slug"]: item["enabled"]
        for item in client.get("/api/office-plugins/", HTTP_HOST=OTHER_HOST).json()
    }
    assert {slug for slug, enabled in items.items() if enabled} == {"queue_booking"}
    assert client.get("/api/office-plugins/serce/", HTTP_HOST=OTHER_HOST).json()["enabled"] is False
    assert client.get("/api/office-plugins/serce/").json()["enabled"] is True


def test_unknown_plugin_is_a_translated_404(client, offices):
    response = client.get("/api/office-plugins/teleport/", HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 404
    assert response.json() == {"detail": "Wtyczka „teleport” nie jest zainstalowana."}


def test_office_plugins_without_an_office_is_404(client, db):
    response = client.get("/api/office-plugins/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"detail": "No office serves this address."}
