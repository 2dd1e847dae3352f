"""Public and staff screens, the API (in the OpenAPI schema), hooks, notifications, tickets."""

from __future__ import annotations

import datetime as dt
import io
import time

import pytest
from django.utils import timezone

from plugins.queue_booking.models import Booking, BookingStatus, OutOfQueueRequest
from plugins.queue_booking.services import booking as engine
from plugins.queue_booking.services.notifications import send_due_reminders
from przystan.accounts.antispam import issue_form_token
from przystan.notifications.models import OutboundMessage
from przystan.offices.enablement import hooks_for_office

from .conftest import make_slot, person

pytestmark = pytest.mark.django_db


def form_data(slot, **extra):
    data = {
        "slot": slot.pk,
        "full_name": "Olena Kovalenko",
        "document_kind": "passport",
        "document_number": "FE123456",
        "email": "olena@example.com",
        "phone": "",
        "language": "uk",
        "form_token": issue_form_token(time.time() - 10),
        "website": "",
        "idempotency_key": "form-key-1",
    }
    data.update(extra)
    return data


def test_foreigner_books_manages_downloads_ics_and_cancels(
    client, service, django_capture_on_commit_callbacks
):
    slot = make_slot(service, capacity=2)
    page = client.get("/booking/filing/")
    assert (
        page.status_code == 200
        and slot.starts_at.astimezone(timezone.get_current_timezone()).strftime("%H:%M") in page.text
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/booking/filing/", form_data(slot))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.identity_hash != "FE123456" and "FE123456" not in str(Booking.objects.values().get())
    # double submit of the same form (same idempotency key): the same booking, no second place
    assert client.post("/booking/filing/", form_data(slot)).status_code == 302
    slot.refresh_from_db()
    assert Booking.objects.count() == 1 and slot.booked == 1
    manage = client.get(response["Location"])
    assert booking.reference in manage.text
    ics = client.get(f"{response['Location']}visit.ics")
    assert (
        ics["Content-Type"] == "text/calendar"
        and "BEGIN:VEVENT" in ics.text
        and booking.reference in ics.text
    )
    # confirmation queued in the person's language (Ukrainian)
    message = OutboundMessage.objects.get(type="queue_booking.booking_confirmed")
    assert message.language == "uk" and "заброньовано" in message.body
    client.post(f"{response['Location']}cancel/")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert client.get("/booking/visit/forged-token/").status_code == 404


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"document_number": "12"}, "Numer dokumentu tożsamości ma nieprawidłowy format."),
        ({"website": "http://spam"}, "Formularz wysłano zbyt szybko"),
        ({"email": ""}, "Podaj adres e-mail lub numer telefonu"),
    ],
)
def test_bad_input_is_explained_in_polish_and_kept(client, service, change, message):
    slot = make_slot(service)
    response = client.post("/booking/filing/", form_data(slot, **change), HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 200 and message in response.text
    assert "Olena Kovalenko" in response.text  # what was typed is kept
    assert Booking.objects.count() == 0
    slot.refresh_from_db()
    assert slot.booked == 0


def test_slot_gone_message_in_ukrainian(client, service):
    slot = make_slot(service, capacity=1)
    engine.book(service.office, slot.pk, person(1))
    other = make_slot(service, hour=11)  # keeps the form showing times
    response = client.post("/booking/filing/", form_data(slot), HTTP_ACCEPT_LANGUAGE="uk")
    assert response.status_code == 200
    assert "Цей час уже недоступний. Оберіть інший; нічого не заброньовано." in response.text
    assert Booking.objects.count() == 1 and other.pk


def test_disabled_plugin_answers_404_everywhere(client, service, enable_plugin):
    make_slot(service)
    enable_plugin(service.office, "queue_booking", enabled=False)
    assert client.get("/booking/").status_code == 404
    assert client.get("/api/booking/availability/?service=filing").status_code == 404
    assert not hooks_for_office(service.office).procedure_actions(
        office=service.office, application_type="cukr", language="pl"
    )


def test_api_availability_booking_cancel_and_schema(client, service):
    slot = make_slot(service, capacity=1)
    free = client.get("/api/booking/availability/?service=filing").json()
    assert [s["id"] for s in free] == [slot.pk] and free[0]["free"] == 1
    body = {"slot": slot.pk, "full_name": "A B", "document_kind": "passport", "document_number": "AB1234567"}
    created = client.post(
        "/api/booking/bookings/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    assert created.status_code == 201
    again = client.post(
        "/api/booking/bookings/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    assert again.status_code == 200 and again.json()["reference"] == created.json()["reference"]
    gone = client.post(
        "/api/booking/bookings/",
        {**body, "document_number": "AB7654321"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert (
        gone.status_code == 409
        and gone.json()["code"] == "slot_gone"
        and "недоступно" in gone.json()["detail"]
    )
    token = created.json()["manage_token"]
    cancelled = client.post(f"/api/booking/bookings/{token}/cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    schema = client.get("/api/schema/").content.decode()
    for route in ("/api/booking/availability/", "/api/booking/bookings/", "/api/booking/check-ins/"):
        assert route in schema


@pytest.fixture
def officer(service, user_factory, client, staff_login):
    user = user_factory(
        "officer@uw.example.gov.pl", kind="staff", roles=("queue_officer",), office=service.office
    )
    staff_login(client, user)
    return user


def test_check_in_checks_identity_issues_ticket_pdf_and_call_next(client, service, officer):
    from pypdf import PdfReader
    from pyzbar.pyzbar import decode

    slot = _today_slot(service)
    booking = engine.book(service.office, slot.pk, person(1))
    agenda = client.get(f"/staff/booking/?day={timezone.localdate(slot.starts_at).isoformat()}")
    assert agenda.status_code == 200 and booking.reference in agenda.text
    wrong = client.post(
        f"/staff/booking/visits/{booking.pk}/check-in/",
        {"document_kind": "passport", "document_number": "AB0000002"},
        HTTP_ACCEPT_LANGUAGE="pl",
    )
    assert wrong.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED  # someone else's document: not checked in
    ok = client.post(
        f"/staff/booking/visits/{booking.pk}/check-in/",
        {"document_kind": "passport", "document_number": "AB0000001"},
    )
    booking.refresh_from_db()
    assert (
        ok.status_code == 302
        and booking.status == BookingStatus.CHECKED_IN
        and booking.ticket_number == "A001"
    )
    assert "A001" in client.get(ok["Location"]).text
    pdf = client.get(f"/staff/booking/visits/{booking.pk}/ticket.pdf")
    assert "A001" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert any(symbol.data == b"A001" for symbol in decode(_pdf_to_image(pdf.content)))
    point = service.point
    client.post(f"/staff/booking/points/{point.pk}/", {"action": "call"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CALLED and booking.called_at_point == point
    screen = client.get(f"/staff/booking/points/{point.pk}/")
    assert "A001" in screen.text
    client.post(f"/staff/booking/points/{point.pk}/", {"action": "served", "booking": booking.pk})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.SERVED
    stats = client.get(f"/staff/booking/statistics/?day={timezone.localdate(slot.starts_at).isoformat()}")
    assert stats.status_code == 200 and "Złożenie wniosku osobiście" in stats.text
    assert "<td>filing</td>" not in stats.text  # the service's name, never its internal code


def _today_slot(service):
    from plugins.queue_booking.models import ServicePoint, Slot, WeeklySchedule

    point = ServicePoint.objects.get(office=service.office)
    service.point = point
    WeeklySchedule.objects.create(
        office=service.office,
        service_type=service,
        service_point=point,
        weekday=timezone.localdate().weekday(),
        start_time=dt.time(0, 0),
        end_time=dt.time(23, 59),
    )
    starts = timezone.now() + dt.timedelta(minutes=30)
    if timezone.localdate(starts) != timezone.localdate():
        starts = timezone.now() + dt.timedelta(seconds=30)
    return Slot.objects.create(
        office=service.office,
        service_type=service,
        service_point=point,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=20),
        capacity=1,
        released_at=timezone.now() - dt.timedelta(days=1),
    )


def _pdf_to_image(data: bytes):
    import subprocess
    import tempfile
    from pathlib import Path

    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "t.pdf"
        source.write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", "300", "-png", "-singlefile", str(source), str(Path(folder) / "t")], check=True
        )
        return Image.open(Path(folder) / "t.png").copy()


def test_staff_pages_need_the_permission(client, service, user_factory, staff_login):
    centre = user_factory(
        "centre@uw.example.gov.pl", kind="staff", roles=("centre_staff",), office=service.office
    )
    staff_login(client, centre)
    assert client.get("/staff/booking/").status_code == 403
    client.logout()
    assert client.get("/staff/booking/").status_code == 302


def test_out_of_queue_screens_and_report(client, service, officer, user_factory, staff_login):
    booking = engine.book(service.office, make_slot(service).pk, person(5))
    response = client.post(
        "/staff/booking/out-of-queue/",
        {
            "kind": "priority",
            "reason": "Kobieta w zaawansowanej ciąży, zaświadczenie lekarskie",
            "booking_reference": booking.reference,
        },
    )
    assert response.status_code == 302
    request = OutOfQueueRequest.objects.get()
    client.post(f"/staff/booking/out-of-queue/{request.pk}/decide/", {"decision": "approve"})
    request.refresh_from_db()
    assert request.status == "pending"  # the requester cannot approve (and lacks the permission)
    supervisor = user_factory(
        "sup@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=service.office
    )
    client.logout()
    staff_login(client, supervisor)
    client.post(f"/staff/booking/out-of-queue/{request.pk}/decide/", {"decision": "approve"})
    request.refresh_from_db()
    booking.refresh_from_db()
    assert request.status == "approved" and request.decided_by == supervisor and booking.priority
    report = client.get("/staff/reports/queue-booking-out-of-queue/")
    assert (
        report.status_code == 200
        and "zaawansowanej ciąży" in report.text
        and "officer@uw.example.gov.pl" in report.text
    )


def test_employer_sees_employees_visits_in_one_schedule(client, service, user_factory):
    employer = user_factory("hr@firma.example.com", kind="employer", organisation_name="Firma")
    client.force_login(employer)
    for number, hour in ((1, 9), (2, 10)):
        slot = make_slot(service, hour=hour)
        data = form_data(
            slot,
            full_name=f"Employee {number}",
            document_number=f"FE00000{number}",
            idempotency_key=f"e{number}",
        )
        assert client.post("/booking/filing/", data).status_code == 302
    page = client.get("/booking/my/")
    assert "Employee 1" in page.text and "Employee 2" in page.text
    assert Booking.objects.filter(employer=employer).count() == 2


def test_reminders_once_in_the_persons_language(service):
    slot = make_slot(service, days=1)
    engine.book(service.office, slot.pk, person(1, language="ru"))
    later = slot.starts_at - dt.timedelta(hours=20)
    assert send_due_reminders(now=later) == 1
    assert send_due_reminders(now=later) == 0
    reminder = OutboundMessage.objects.get(type="queue_booking.booking_reminder")
    assert reminder.language == "ru" and "Напоминаем" in reminder.body


def test_cross_plugin_hooks(service, case_module):
    from plugins.queue_booking.identity import resolve_applicant

    applicant = resolve_applicant(
        service.office,
        service_type=service,
        full_name="Olena",
        document_kind="passport",
        document_number="FE123456",
        case_reference="WSC-2026-0001",
        case_code="123456",
        language="uk",
    )
    engine.book(service.office, make_slot(service).pk, applicant)
    hooks = hooks_for_office(service.office)
    visits = [
        v
        for result in hooks.case_visits(office=service.office, case_reference="WSC-2026-0001")
        for v in result
    ]
    assert visits[0]["service"] == "filing" and visits[0]["manage_url"].startswith("/booking/visit/")
    actions = [
        a
        for result in hooks.procedure_actions(office=service.office, application_type="cukr", language="uk")
        for a in result
    ]
    assert actions == [{"kind": "book_visit", "label": "Забронювати візит", "url": "/booking/filing/"}]
    from plugins.queue_booking.models import ServiceType

    ServiceType.objects.create(office=service.office, code="fingerprints")
    hooks.case_status_changed(
        office=service.office,
        case_reference="WSC-2026-0001",
        old_stage="accepted",
        new_stage="summons_fingerprints",
        actor=None,
        context={
            "person_email": "olena@example.com",
            "person_phone": "",
            "language": "uk",
            "application_type": "temp_work",
            "deadline": None,
        },
    )
    invitation = OutboundMessage.objects.get(type="queue_booking.invitation")
    assert (
        invitation.language == "uk"
        and "WSC-2026-0001" in invitation.body
        and "/booking/fingerprints/" in invitation.body
    )


def test_demo_data_is_idempotent(booking_office):
    from plugins.queue_booking.demo import load_demo
    from plugins.queue_booking.models import Slot

    out = io.StringIO()
    load_demo(booking_office, out)
    slots, bookings = Slot.objects.count(), Booking.objects.count()
    load_demo(booking_office, out)
    assert Slot.objects.count() == slots > 0 and Booking.objects.count() == bookings


def test_office_configures_booking_in_the_admin_scoped_to_its_office(
    client, service, other_office, user_factory, staff_login
):
    from plugins.queue_booking.models import ServicePoint

    ServicePoint.objects.create(office=other_office, code="x9", name="Okienko innego urzędu")
    admin = user_factory(
        "admin@uw.example.gov.pl", kind="staff", office=service.office, roles=("office_admin",)
    )
    staff_login(client, admin)
    listing = client.get("/admin/qb_points/")
    assert listing.status_code == 200
    assert "Stanowisko 1" in listing.text and "Okienko innego urzędu" not in listing.text


def test_api_availability_is_reused_briefly_and_edited_on_booking(
    client, service, settings, django_capture_on_commit_callbacks
):
    """With production's short-lived caches the GET storm costs no query; a booking refreshes it."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plugins.queue_booking.services import availability

    settings.PRZYSTAN_PUBLIC_ANSWER_SECONDS = 60
    settings.PRZYSTAN_OFFICE_CACHE_SECONDS = 60
    cache.clear()
    availability.clear()
    first, second = make_slot(service, capacity=1), make_slot(service, capacity=1, hour=10)
    later = make_slot(service, capacity=1, hour=11, released=False)
    later.released_at = timezone.now() + dt.timedelta(seconds=30)
    later.save()
    url = "/api/booking/availability/?service=filing"
    assert [s["id"] for s in client.get(url).json()] == [first.pk, second.pk]
    with CaptureQueriesContext(connection) as queries:
        assert [s["id"] for s in client.get(url).json()] == [first.pk, second.pk]
    assert len(queries) == 0

    # an answer read before the next release is never served after it
    assert availability.expires_at(service.office.pk, "filing") <= later.released_at.timestamp()
    body = {"slot": first.pk, "full_name": "A B", "document_kind": "passport", "document_number": "AB1234567"}
    with django_capture_on_commit_callbacks(execute=True):
        booked = client.post("/api/booking/bookings/", body, content_type="application/json")
    assert booked.status_code == 201
    with CaptureQueriesContext(connection) as queries:  # the booked place was taken off the kept answer
        assert [s["id"] for s in client.get(url).json()] == [second.pk]
    assert len(queries) == 0
    taken = client.post(
        "/api/booking/bookings/",
        {**body, "document_number": "AB7654321"},
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="k-gone",
    )
    assert taken.status_code == 409 and taken.json()["code"] == "slot_gone"
    with CaptureQueriesContext(connection) as queries:  # a slot seen gone is refused without a transaction
        again = client.post(
            "/api/booking/bookings/",
            {**body, "document_number": "AB7654321"},
            content_type="application/json",
        )
    # the slot named is remembered by the process (``slot_facts``): not even the slot is read again
    assert again.status_code == 409 and len(queries) == 0
    from przystan.offices.enablement import set_enabled

    # saving an enablement drops the remembered office, so the gate sees the change at once
    set_enabled(service.office, "queue_booking", enabled=False)
    assert client.get(url).status_code == 404
    cache.clear()
    availability.clear()


def test_form_and_api_book_the_nearest_time_that_day_when_asked(client, service):
    chosen, later = make_slot(service, hour=9), make_slot(service, hour=11)
    engine.book(service.office, chosen.pk, person(1))
    page = client.get("/booking/filing/")
    assert 'name="nearest"' in page.text and "checked" in page.text.split('name="nearest"')[1][:40]
    # unticked: the chosen time or nothing, and what was typed stays
    refused = client.post("/booking/filing/", form_data(chosen), HTTP_ACCEPT_LANGUAGE="pl")
    assert refused.status_code == 200 and "Olena Kovalenko" in refused.text
    assert Booking.objects.count() == 1
    # ticked: the nearest free time of the day, and the person is told which
    answer = client.post("/booking/filing/", form_data(chosen, nearest="on"), follow=True)
    booked = Booking.objects.get(full_name="Olena Kovalenko")
    assert booked.slot_id == later.pk
    assert f"{timezone.localtime(later.starts_at):%H:%M}" in answer.text
    body = {
        "slot": chosen.pk,
        "full_name": "Iryna Bondar",
        "document_kind": "passport",
        "document_number": "IB1234567",
        "language": "uk",
    }
    assert (
        client.post(
            "/api/booking/bookings/", {**body, "if_taken": "later"}, content_type="application/json"
        ).status_code
        == 400
    )
    full = client.post(
        "/api/booking/bookings/",
        {**body, "if_taken": "nearest"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="uk",
    )
    assert full.status_code == 409 and full.json()["code"] == "day_full"
    assert "день" in full.json()["detail"]  # the refusal in the person's language
