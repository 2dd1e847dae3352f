"""The queue officer's day plan in the reader's language, the audit of staff reads of bookings (they
hold a person's name and identity document) and the counter's screens asking the policy only."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from plugins.queue_booking.models import Booking, ServicePoint, Slot
from plugins.queue_booking.services import booking as engine
from plugins.queue_booking.services import queue
from przystan.audit.models import AuditEntry

from .conftest import person

pytestmark = pytest.mark.django_db


def slot_today(service: Any, *, hours_ahead: int = 1) -> Slot:
    point = ServicePoint.objects.filter(office=service.office).first()
    starts = timezone.now() + dt.timedelta(hours=hours_ahead)
    if timezone.localdate(starts) != queue.office_today():  # late evening: a minute from now
        starts = timezone.now() + dt.timedelta(minutes=1)
    return Slot.objects.create(
        office=service.office,
        service_type=service,
        service_point=point,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=20),
        capacity=3,
        released_at=timezone.now() - dt.timedelta(days=1),
    )


def visible_text(html: str) -> str:
    main = html.split("<main", 1)[-1].split("</main>", 1)[0]
    text = re.sub(r"<[^>]+>", " ", main)
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def staff(service: Any, user_factory: Any) -> Any:
    def make(role: str) -> Any:
        return user_factory(f"{role}@uw.example.gov.pl", kind="staff", roles=(role,), office=service.office)

    return make


def reads_of(booking: Booking) -> list[str]:
    return list(
        AuditEntry.objects.filter(
            action="read",
            content_type=ContentType.objects.get_for_model(Booking),
            object_id=str(booking.pk),
        )
        .order_by("pk")
        .values_list("reason", flat=True)
    )


# --------------------------------------------------------------------------- 1. the day plan in Ukrainian


def test_the_day_plan_names_the_desk_in_the_readers_language_and_has_no_empty_separators(
    client: Any, service: Any, staff: Any, staff_login: Any
) -> None:
    point = ServicePoint.objects.get(office=service.office)
    point.name_uk = "Вікно 1"
    point.save()
    engine.book(service.office, slot_today(service).pk, person(1))
    staff_login(client, staff("officer"))  # sees the out-of-queue list, not the statistics
    client.cookies["django_language"] = "uk"
    text = visible_text(client.get("/staff/booking/").content.decode())
    assert "Вікно 1" in text and "Stanowisko" not in text
    assert "Попередній день" in text and "Бронювання поза чергою" in text and "Статистика" not in text
    assert not re.search(r"·\s*·|·\s*$|^\s*·", text), text
    client.cookies["django_language"] = "pl"
    text = visible_text(client.get("/staff/booking/").content.decode())
    assert "Stanowisko 1" in text and "Вікно" not in text  # Polish: the name the office gave first


def test_a_desk_without_a_name_in_the_language_falls_back_to_polish(service: Any) -> None:
    point = ServicePoint.objects.get(office=service.office)
    point.name_en = "Window 1"
    assert point.name_in("uk") == "Stanowisko 1"
    assert point.name_in("en-GB") == "Window 1"
    assert point.name_in("ru") == point.name_in("") == point.name_in(None) == "Stanowisko 1"


# --------------------------------------------------------------------------- 3. staff reads are audited


def test_bookings_are_sensitive_in_the_policy_and_the_audit() -> None:
    from przystan.access.table import policy_table
    from przystan.audit.api import is_sensitive

    assert policy_table().resource("queue_booking.booking").sensitive
    assert is_sensitive(Booking)


def test_staff_reads_of_a_booking_by_page_pdf_and_api_are_audited(
    client: Any, service: Any, staff: Any, staff_login: Any
) -> None:
    booking = engine.book(service.office, slot_today(service).pk, person(1))
    other = engine.book(service.office, slot_today(service).pk, person(2))
    officer = staff("queue_officer")
    staff_login(client, officer)
    assert reads_of(booking) == []
    assert client.get("/staff/booking/").status_code == 200
    assert reads_of(booking) == reads_of(other) == ["day agenda"]
    answer = client.post(
        "/api/booking/check-ins/",
        {"reference": booking.reference, "document_kind": "passport", "document_number": "AB0000001"},
        content_type="application/json",
    )
    assert answer.status_code == 201
    assert client.get(f"/staff/booking/visits/{booking.pk}/ticket/").status_code == 200
    assert client.get(f"/staff/booking/visits/{booking.pk}/ticket.pdf").status_code == 200
    assert reads_of(booking) == ["day agenda", "api check-in", "ticket", "ticket PDF"]
    entries = AuditEntry.objects.filter(action="read", object_id=str(booking.pk))
    assert set(entries.values_list("actor", flat=True)) == {officer.pk}


# --------------------------------------------------------------------------- 4. the policy decides


def test_a_public_account_is_refused_the_counter_by_the_policys_staff_guard(
    client: Any, service: Any, user_factory: Any
) -> None:
    foreigner = user_factory("cudzoziemiec@example.com", kind="foreigner")
    booking = engine.book(service.office, slot_today(service).pk, person(1), user=foreigner)
    client.force_login(foreigner)  # holds view/edit on its own bookings: not the counter's screens
    assert client.get("/staff/booking/").status_code == 403
    assert client.get(f"/staff/booking/visits/{booking.pk}/ticket/").status_code == 403
    answer = client.post(
        "/api/booking/check-ins/",
        {"reference": booking.reference, "document_kind": "passport", "document_number": "AB0000001"},
        content_type="application/json",
    )
    assert answer.status_code == 403
    booking.refresh_from_db()
    assert booking.status == "booked"
    denied = AuditEntry.objects.filter(action="denied", actor=foreigner)
    # the refusal names what the policy was asked (the resource and its action)
    assert list(denied.values_list("reason", flat=True)) == [
        "queue_booking.booking:view",
        "queue_booking.booking:view",
    ]
    assert reads_of(booking) == []
