"""An Idempotency-Key reused with another request body is refused (422), not answered with the first
booking (real HTTP against the production handler and its stateless stack)."""

from __future__ import annotations

import httpx
import pytest
from django.utils import translation

from plugins.queue_booking.tests.conftest import LOOSE_LIMITS, make_slot

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),  # WhiteNoise, static not collected
]
BOOKINGS = "/api/booking/bookings/"


@pytest.fixture
def slot(office, enable_plugin):
    from plugins.queue_booking.models import ServicePoint, ServiceType

    enable_plugin(office, "queue_booking", config=LOOSE_LIMITS)
    point = ServicePoint.objects.create(office=office, code="s1", name="Stanowisko 1")
    service = ServiceType.objects.create(office=office, code="filing", duration_minutes=20)
    service.point = point
    return make_slot(service, capacity=3)


def test_a_reused_key_with_another_body_is_a_translated_422(przystan_server, slot):
    from plugins.queue_booking.models import Booking

    first = {
        "slot": slot.pk,
        "full_name": "Anna Nowak",
        "document_kind": "passport",
        "document_number": "AB1234567",
        "email": "anna@example.com",
    }
    headers = {"Idempotency-Key": "k-7f1c2b", "Accept-Language": "uk"}
    with httpx.Client(base_url=przystan_server.url, headers=headers) as http:
        created = http.post(BOOKINGS, json=first)
        assert created.status_code == 201, created.text
        repeated = http.post(BOOKINGS, json={**first})  # the same request again: the same booking
        assert repeated.status_code == 200
        assert repeated.json()["reference"] == created.json()["reference"]

        changed = http.post(BOOKINGS, json={**first, "email": "someone-else@example.com"})
        assert changed.status_code == 422, changed.text
        assert changed.json()["code"] == "idempotency_key_reused"
        from plugins.queue_booking.errors import IdempotencyMismatch

        with translation.override("en"):
            english = str(IdempotencyMismatch.message)
        with translation.override("uk"):
            expected = str(IdempotencyMismatch.message)
        assert changed.json()["detail"] == expected != english
        assert "Idempotency-Key" in expected  # the header's name stays as it is

    booking = Booking.objects.get()
    assert booking.email == "anna@example.com"  # nothing of the second body was taken
