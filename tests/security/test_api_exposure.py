"""The public profile mounts and documents only public API operations; internal ones answer 404 there.

Each test builds the URL configuration of a profile from the installed plugins (as a public or an
internal instance does at start) and asks it over the test client with a staff session that passed
its second factor: on a public instance even such a session reaches no register, officer case,
check-in or import API.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from przystan.pluginsys.contributions import ApiRoute
from przystan.profiles import Exposure
from przystan.testing.plugins import build_system, use_plugin_system

pytestmark = pytest.mark.django_db

# what every installed route is meant to be; a new route must be classified here too
EXPECTED_EXPOSURE = {
    "me": Exposure.BOTH,
    "offices": Exposure.BOTH,
    "office-plugins": Exposure.BOTH,
    "auth-token": Exposure.BOTH,
    "booking-availability": Exposure.PUBLIC,
    "booking-bookings": Exposure.PUBLIC,
    "booking-check-ins": Exposure.INTERNAL,
    "legalisation-cases": Exposure.PUBLIC,
    "legalisation-status": Exposure.PUBLIC,
    "legalisation-officer-cases": Exposure.INTERNAL,
    "legalisation-mos-packages": Exposure.INTERNAL,  # MOS delivers over the closed network
    "serce-persons": Exposure.INTERNAL,
    "serce-imports": Exposure.INTERNAL,
}
INTERNAL_PATHS = (
    "/api/serce/persons/",
    "/api/serce/imports/",
    "/api/legalisation/officer/cases/",
    "/api/legalisation/mos/packages/",
    "/api/booking/check-ins/",
)
PUBLIC_PATHS = (
    "/api/booking/availability/",
    "/api/booking/bookings/",
    "/api/legalisation/cases/",
    "/api/legalisation/status/",
    "/api/me/",
    "/api/offices/",
    "/api/auth/token/",
)


@pytest.fixture
def staff_client(client: Any, supervisor: Any, staff_login: Any) -> Any:
    staff_login(client, supervisor)
    return client


def schema_paths(client: Any) -> set[str]:
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return set(response.json()["paths"])


def test_every_installed_api_route_has_its_intended_exposure():
    routes = {route.name: route.exposure for route in build_system().registry("api_routes")}
    assert routes == EXPECTED_EXPOSURE


def test_a_route_nobody_classified_is_internal():
    assert ApiRoute("unclassified", prefix="x", viewset=object).exposure is Exposure.INTERNAL


def test_public_instance_does_not_serve_the_register_to_a_verified_staff_session(
    staff_client, resident, case
):
    with use_plugin_system(build_system(), profile="public"):
        person = f"/api/serce/persons/{resident.pk}/"
        assert staff_client.get(person).status_code == 404
        patched = staff_client.patch(person, json.dumps({"phone": "+48111"}), content_type="application/json")
        assert patched.status_code == 404
        assert staff_client.get("/api/serce/persons/", {"q": resident.last_name}).status_code == 404
        imported = staff_client.post(
            "/api/serce/imports/", json.dumps({"persons": []}), content_type="application/json"
        )
        assert imported.status_code == 404
        assert staff_client.get("/api/legalisation/officer/cases/").status_code == 404
        assert staff_client.get(f"/api/legalisation/officer/cases/{case.number}/").status_code == 404
        assert staff_client.post("/api/booking/check-ins/", {}).status_code == 404
        # the cases route of the public instance lists only the caller's own cases, never the office's
        listed = staff_client.get("/api/legalisation/cases/")
        assert listed.status_code == 200 and case.number not in listed.content.decode()
        assert staff_client.get(f"/api/legalisation/cases/{case.number}/").status_code == 404
    resident.refresh_from_db()
    assert resident.phone != "+48111"


def test_public_instance_serves_the_public_operations(client, secured_office, case, applicant):
    with use_plugin_system(build_system(), profile="public"):
        assert client.get("/api/offices/").status_code == 200
        assert (
            client.get("/api/booking/availability/", {"service": "filing"}).status_code == 404
        )  # no such service
        status = client.post("/api/legalisation/status/", {"number": case.number, "pin": "000000"})
        assert status.status_code == 404 and "detail" in status.json()  # asked of the view, wrong PIN
        client.force_login(applicant)
        assert client.get("/api/me/").status_code == 200
        mine = client.get(f"/api/legalisation/cases/{case.number}/")
        assert mine.status_code == 200 and mine.json()["number"] == case.number


def test_public_schema_documents_only_public_operations(client, secured_office):
    with use_plugin_system(build_system(), profile="public"):
        paths = schema_paths(client)
    assert not [path for path in paths if path.startswith(INTERNAL_PATHS)]
    for prefix in PUBLIC_PATHS:
        assert any(path.startswith(prefix) for path in paths), prefix


def test_internal_instance_serves_and_documents_the_registers(staff_client, resident):
    with use_plugin_system(build_system(), profile="internal"):
        answer = staff_client.get(f"/api/serce/persons/{resident.pk}/")
        assert answer.status_code == 200 and answer.json()["last_name"] == resident.last_name
        paths = schema_paths(staff_client)
        # foreigners' booking is not an operation of the closed network
        assert staff_client.get("/api/booking/availability/", {"service": "filing"}).status_code == 404
    for prefix in INTERNAL_PATHS:
        assert any(path.startswith(prefix) for path in paths), prefix
    assert not any(path.startswith("/api/booking/availability/") for path in paths)
    assert "/api/me/" in paths and "/api/offices/" in paths


def test_all_profile_serves_both(staff_client, resident):
    with use_plugin_system(build_system(), profile="all"):
        assert staff_client.get(f"/api/serce/persons/{resident.pk}/").status_code == 200
        paths = schema_paths(staff_client)
    assert any(path.startswith("/api/serce/persons/") for path in paths)
    assert any(path.startswith("/api/booking/availability/") for path in paths)
