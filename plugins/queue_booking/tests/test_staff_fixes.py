"""Fixes on the staff screens: check-in day, ticket layout, placement by picking a time, four eyes,
names instead of codes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from plugins.queue_booking.models import Booking, BookingStatus, OutOfQueueRequest, ServicePoint, Slot
from plugins.queue_booking.services import booking as engine
from plugins.queue_booking.services import queue

from .conftest import person
from .pdf_layout import overlapping, page_count, pdf_words

pytestmark = pytest.mark.django_db


def slot_on(service: Any, day: dt.date, hour: int = 10, capacity: int = 1) -> Slot:
    point = ServicePoint.objects.filter(office=service.office).first()
    starts = timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))
    return Slot.objects.create(
        office=service.office,
        service_type=service,
        service_point=point,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=20),
        capacity=capacity,
        released_at=timezone.now() - dt.timedelta(days=1),
    )


@pytest.fixture
def counter(service: Any, user_factory: Any, client: Any, staff_login: Any) -> Any:
    user = user_factory(
        "kolejka@uw.example.gov.pl", kind="staff", roles=("queue_officer",), office=service.office
    )
    staff_login(client, user)
    return user


# --------------------------------------------------------------------------- 1. check-in on the visit's day


def test_a_visit_of_tomorrow_cannot_be_checked_in_today(client: Any, service: Any, counter: Any) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    booking = engine.book(service.office, slot_on(service, tomorrow).pk, person(1))
    response = client.post(
        f"/staff/booking/visits/{booking.pk}/check-in/",
        {"document_kind": "passport", "document_number": "AB0000001"},
        HTTP_ACCEPT_LANGUAGE="pl",
        follow=True,
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED and booking.ticket_number == ""
    assert "możliwe tylko w dniu wizyty" in response.content.decode()
    assert tomorrow.strftime("%d.%m.%Y") in response.content.decode()


def test_check_in_is_refused_through_the_api_too_and_allowed_on_the_day(
    client: Any, service: Any, counter: Any
) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    booking = engine.book(service.office, slot_on(service, tomorrow).pk, person(2))
    answer = client.post(
        "/api/booking/check-ins/",
        {"reference": booking.reference, "document_kind": "passport", "document_number": "AB0000002"},
        content_type="application/json",
    )
    assert answer.status_code == 409 and answer.json()["code"] == "not_visit_day"
    later = timezone.make_aware(dt.datetime.combine(tomorrow, dt.time(8)))
    done = queue.check_in(booking, document_kind="passport", document_number="AB0000002", now=later)
    assert done.status == BookingStatus.CHECKED_IN


def test_the_visit_day_is_the_office_calendar_day_not_utc(service: Any, settings: Any) -> None:
    # 00:30 in Warsaw is still the previous day in UTC: check-in at 00:10 local time of that day works
    day = timezone.localdate() + dt.timedelta(days=3)
    slot = slot_on(service, day, hour=0)
    Slot.objects.filter(pk=slot.pk).update(starts_at=slot.starts_at + dt.timedelta(minutes=30))
    booking = engine.book(service.office, slot.pk, person(3))
    booking = Booking.objects.select_related("slot").get(pk=booking.pk)
    just_after_midnight = timezone.make_aware(dt.datetime.combine(day, dt.time(0, 10)))
    assert just_after_midnight.astimezone(dt.UTC).date() != day
    done = queue.check_in(
        booking, document_kind="passport", document_number="AB0000003", now=just_after_midnight
    )
    assert done.status == BookingStatus.CHECKED_IN


# --------------------------------------------------------------------------- 2. the ticket PDF


@pytest.mark.parametrize("language", ["pl", "uk", "ru", "en"])
def test_ticket_pdf_text_boxes_do_not_overlap(client: Any, service: Any, counter: Any, language: str) -> None:
    today = queue.office_today()
    slot = slot_on(service, today, hour=23)
    booking = engine.book(service.office, slot.pk, person(4, language=language))
    queue.check_in(booking, document_kind="passport", document_number="AB0000004")
    pdf = client.get(f"/staff/booking/visits/{booking.pk}/ticket.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    words = pdf_words(pdf.content)
    texts = [w.text for w in words]
    assert "A001" in texts and "23:00" in " ".join(texts)
    assert overlapping(words) == []
    assert page_count(pdf.content) == 1  # one card, nothing pushed to a second page


# --------------------------------------------------------------------------- 3. placement by picking a time


def test_placement_form_offers_service_day_and_time_never_a_slot_number(
    client: Any, service: Any, counter: Any, user_factory: Any, staff_login: Any
) -> None:
    day = timezone.localdate() + dt.timedelta(days=4)
    slot = slot_on(service, day, hour=11, capacity=2)
    Slot.objects.filter(pk=slot.pk).update(
        released_at=timezone.now() + dt.timedelta(days=2)
    )  # not yet public
    page = client.get("/staff/booking/out-of-queue/", HTTP_ACCEPT_LANGUAGE="pl")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Numer terminu" not in html and "Slot number" not in html  # no field asking for an internal id
    assert 'type="number"' not in html
    assert f'<optgroup label="Złożenie wniosku osobiście · {day:%d.%m.%Y}' not in html  # weekday first
    assert "Złożenie wniosku osobiście · " in html and f"{day:%d.%m.%Y}" in html
    assert "11:00 · Stanowisko 1 · wolne: 2" in html
    response = client.post(
        "/staff/booking/out-of-queue/",
        {
            "kind": "placement",
            "reason": "Wezwanie sądu na pilne pobranie odcisków palców",
            "slot": str(slot.pk),
            "full_name": "Olena Kowalenko",
            "document_kind": "passport",
            "document_number": "FE1234567",
        },
    )
    assert response.status_code == 302
    request = OutOfQueueRequest.objects.get()
    assert request.slot_id == slot.pk and request.status == "pending"
    listing = client.get("/staff/booking/out-of-queue/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert f"Złożenie wniosku osobiście · {day:%d.%m.%Y} 11:00 · Stanowisko 1" in listing


def test_a_slot_of_another_office_cannot_be_picked(
    client: Any, service: Any, counter: Any, other_office: Any, enable_plugin: Any
) -> None:
    from plugins.queue_booking.models import ServiceType

    enable_plugin(other_office, "queue_booking")
    point = ServicePoint.objects.create(office=other_office, code="x1", name="Okno obce")
    foreign_type = ServiceType.objects.create(office=other_office, code="filing")
    starts = timezone.now() + dt.timedelta(days=2)
    foreign = Slot.objects.create(
        office=other_office,
        service_type=foreign_type,
        service_point=point,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=20),
        capacity=1,
        released_at=timezone.now(),
    )
    response = client.post(
        "/staff/booking/out-of-queue/",
        {
            "kind": "placement",
            "reason": "Próba użycia terminu innego urzędu w formularzu",
            "slot": str(foreign.pk),
            "full_name": "Jan Obcy",
            "document_kind": "passport",
            "document_number": "FE7654321",
        },
        HTTP_ACCEPT_LANGUAGE="pl",
    )
    assert response.status_code == 200 and not OutOfQueueRequest.objects.exists()
    assert "Okno obce" not in response.content.decode()


# --------------------------------------------------------------------------- 6. four eyes


def test_out_of_queue_four_eyes_with_the_second_person_in_the_audit(
    client: Any, service: Any, user_factory: Any, staff_login: Any
) -> None:
    from przystan.audit.models import AuditEntry

    office = service.office
    both = user_factory(
        "obie-role@uw.example.gov.pl", kind="staff", roles=("queue_officer", "supervisor"), office=office
    )
    second = user_factory("kierownik@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=office)
    booking = engine.book(office, slot_on(service, queue.office_today() + dt.timedelta(days=1)).pk, person(8))
    staff_login(client, both)
    client.post(
        "/staff/booking/out-of-queue/",
        {
            "kind": "priority",
            "reason": "Osoba z niepełnosprawnością ruchową",
            "booking_reference": booking.reference,
        },
    )
    item = OutOfQueueRequest.objects.get()
    own = client.post(
        f"/staff/booking/out-of-queue/{item.pk}/decide/",
        {"decision": "approve"},
        HTTP_ACCEPT_LANGUAGE="pl",
        follow=True,
    )
    item.refresh_from_db()
    booking.refresh_from_db()
    assert item.status == "pending" and item.decided_by is None and not booking.priority
    assert "inny pracownik musi" in own.content.decode()  # the translated message, nothing changed
    listing = client.get("/staff/booking/out-of-queue/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert f"/staff/booking/out-of-queue/{item.pk}/decide/" not in listing  # no buttons on one's own request
    client.logout()
    staff_login(client, second)
    client.post(f"/staff/booking/out-of-queue/{item.pk}/decide/", {"decision": "approve"})
    item.refresh_from_db()
    booking.refresh_from_db()
    assert item.status == "approved" and item.decided_by == second and booking.priority
    entry = AuditEntry.objects.for_object(item).filter(action="update").get()
    assert entry.actor == second and "decided_by" in entry.changes
    assert entry.changes["decided_by"][1] in (second.pk, str(second.pk), str(second))
    assert "second staff member" in entry.reason
    priority = AuditEntry.objects.for_object(booking).filter(action="update").get()
    assert priority.actor == second and "priority" in priority.changes


def test_the_database_refuses_the_requester_as_decider(service: Any, user_factory: Any) -> None:
    from django.db import IntegrityError, transaction

    officer = user_factory(
        "a@uw.example.gov.pl", kind="staff", roles=("queue_officer",), office=service.office
    )
    booking = engine.book(
        service.office, slot_on(service, queue.office_today() + dt.timedelta(days=1)).pk, person(9)
    )
    item = OutOfQueueRequest.objects.create(
        office=service.office,
        kind="priority",
        booking=booking,
        full_name="x",
        document_kind="passport",
        identity_hash="h",
        reason="r" * 30,
        requested_by=officer,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        OutOfQueueRequest.objects.filter(pk=item.pk).update(status="approved", decided_by=officer)


# --------------------------------------------------------------------------- 7. names, not codes


def test_staff_screens_show_service_names_not_codes(client: Any, service: Any, counter: Any) -> None:
    today = queue.office_today()
    booking = engine.book(service.office, slot_on(service, today, hour=23).pk, person(10))
    queue.check_in(booking, document_kind="passport", document_number="AB0000010")
    for url in (
        f"/staff/booking/?day={today.isoformat()}",
        f"/staff/booking/statistics/?day={today.isoformat()}",
        f"/staff/booking/visits/{booking.pk}/ticket/",
    ):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="pl").content.decode()
        assert "Złożenie wniosku osobiście" in html, url
        assert ">filing<" not in html and "filing ·" not in html and "· filing" not in html, url
