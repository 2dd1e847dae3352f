"""Personal answers are never cacheable; every answer carries a strict Permissions-Policy (real HTTP)."""

from __future__ import annotations

import httpx
import pytest
from django.test import Client

from plugins.queue_booking.tests.conftest import LOOSE_LIMITS, make_slot

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),  # WhiteNoise, static not collected
]

PRIVATE = "private, no-store"


def session_cookie(user) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value}


def assert_strict_permissions_policy(response: httpx.Response) -> None:
    policy = response.headers["permissions-policy"]
    features = dict(item.strip().split("=", 1) for item in policy.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "display-capture"):
        assert features[feature] == "()", (feature, policy)


def test_pages_of_a_logged_in_user_are_private_and_not_stored(przystan_server, office, user_factory):
    user = user_factory(email="olena@example.com")
    with httpx.Client(base_url=przystan_server.url, cookies=session_cookie(user)) as http:
        for path in ("/accounts/profile/", "/accounts/login/", "/"):
            response = http.get(path)
            assert response.status_code in (200, 302, 404), (path, response.status_code)
            assert response.headers.get("cache-control") == PRIVATE, path
            assert_strict_permissions_policy(response)


def test_a_response_that_starts_a_session_is_private(przystan_server, office, user_factory):
    from przystan.testing.factories import PASSWORD

    user_factory(email="ivan@example.com")
    with httpx.Client(base_url=przystan_server.url) as http:
        page = http.get("/accounts/login/")
        token = page.cookies["csrftoken"]
        response = http.post(
            "/accounts/login/",
            data={"username": "ivan@example.com", "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
    assert response.status_code == 302 and "sessionid" in response.cookies
    assert response.headers["cache-control"] == PRIVATE


def test_case_status_by_pin_is_private_without_any_session(przystan_server, office, enable_plugin):
    enable_plugin(office, "legalisation")
    response = httpx.get(f"{przystan_server.url}/legalisation/status/")
    assert response.status_code == 200
    assert response.headers["cache-control"] == PRIVATE
    assert_strict_permissions_policy(response)


def test_the_stateless_booking_api_gets_the_same_headers(przystan_server, office, enable_plugin):
    from plugins.queue_booking.models import ServicePoint, ServiceType

    enable_plugin(office, "queue_booking", config=LOOSE_LIMITS)
    point = ServicePoint.objects.create(office=office, code="s1", name="Stanowisko 1")
    service = ServiceType.objects.create(office=office, code="filing", duration_minutes=20)
    service.point = point
    slot = make_slot(service)
    with httpx.Client(base_url=przystan_server.url) as http:
        availability = http.get("/api/booking/availability/?service=filing")
        assert availability.status_code == 200
        assert_strict_permissions_policy(availability)
        booked = http.post(
            "/api/booking/bookings/",
            json={
                "slot": slot.pk,
                "full_name": "Anna Nowak",
                "document_kind": "passport",
                "document_number": "AB1234567",
            },
        )
    assert booked.status_code == 201, booked.text
    assert "set-cookie" not in booked.headers  # still stateless
    assert booked.headers["cache-control"] == PRIVATE  # names a person and the booking's token
    assert_strict_permissions_policy(booked)
