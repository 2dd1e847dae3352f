"""The cheap paths of a booking request: remembered slots, the written-out UPDATE, plain JSON bodies."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plugins.queue_booking import errors
from plugins.queue_booking.models import Booking, Slot
from plugins.queue_booking.services import booking as engine
from plugins.queue_booking.services import slot_facts
from plugins.queue_booking.views.api import _BOOKING_REQUEST_FIELDS, BookingRequestSerializer, plainly_valid

from .conftest import make_slot, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def remembering(settings):
    settings.PRZYSTAN_OFFICE_CACHE_SECONDS = 60
    slot_facts._remembered.clear()
    yield
    slot_facts._remembered.clear()


def test_slots_released_together_are_read_once_and_forgotten_when_saved(service, remembering):
    first, second = make_slot(service), make_slot(service, hour=10)
    Slot.objects.filter(pk__in=[first.pk, second.pk]).update(released_at=first.released_at)
    with CaptureQueriesContext(connection) as queries:
        assert slot_facts.slot_for_booking(service.office, first.pk).pk == first.pk
    assert len(queries) == 2  # the slot, then the slots of its service released with it
    with CaptureQueriesContext(connection) as queries:
        remembered = slot_facts.slot_for_booking(service.office, second.pk)
        assert slot_facts.slot_for_booking(service.office, first.pk).service_type.code == "filing"
    assert len(queries) == 0
    assert remembered.service_point.name == "Stanowisko 1" and slot_facts.is_facts_only(remembered)
    other_office = type(service.office).objects.exclude(pk=service.office.pk).first()
    if other_office is not None:
        assert slot_facts.slot_for_booking(other_office, first.pk) is None
    second.ends_at = second.ends_at + dt.timedelta(minutes=5)
    second.save()
    assert (service.office.pk, second.pk) not in slot_facts._remembered
    assert slot_facts.slot_for_booking(service.office, second.pk).ends_at == second.ends_at


def test_remembered_slot_never_overbooks_and_unreleased_is_told_apart(service, remembering):
    slot = make_slot(service, capacity=1)
    known = slot_facts.slot_for_booking(service.office, slot.pk)
    engine.book(service.office, slot.pk, person(1), slot=known, service_type_id=known.service_type_id)
    with pytest.raises(errors.SlotGone):  # the remembered ``booked`` (0) is not trusted
        engine.book(service.office, slot.pk, person(2), slot=known, service_type_id=known.service_type_id)
    assert Slot.objects.get(pk=slot.pk).booked == 1
    later = make_slot(service, capacity=1, hour=11, released=False)
    known = slot_facts.slot_for_booking(service.office, later.pk)
    with pytest.raises(errors.SlotNotReleased):
        engine.book(service.office, later.pk, person(3), slot=known, service_type_id=known.service_type_id)
    Slot.objects.filter(pk=later.pk).update(booked=1)  # full before its release: gone, read afresh
    with pytest.raises(errors.SlotGone):
        engine.book(service.office, later.pk, person(3), slot=known, service_type_id=known.service_type_id)


def test_written_out_update_keeps_every_condition(service):
    slot = make_slot(service, capacity=1)
    with pytest.raises(errors.SlotGone):  # another service
        engine.book(service.office, slot.pk, person(1), service_type_id=slot.service_type_id + 999)
    Slot.objects.filter(pk=slot.pk).update(reserved_for_round=True)
    with pytest.raises(errors.SlotGone):  # reserved for a draw
        engine.book(service.office, slot.pk, person(1))
    Slot.objects.filter(pk=slot.pk).update(
        reserved_for_round=False, starts_at=timezone.now() - dt.timedelta(hours=1)
    )
    with pytest.raises(errors.SlotGone):  # already begun
        engine.book(service.office, slot.pk, person(1))
    assert Slot.objects.get(pk=slot.pk).booked == 0 and not Booking.objects.exists()


def test_failed_request_with_a_new_key_costs_one_plain_read(service):
    slot = make_slot(service, capacity=1)
    engine.book(service.office, slot.pk, person(1), idempotency_key="k-first")
    with CaptureQueriesContext(connection) as queries, pytest.raises(errors.SlotGone):
        engine.book(service.office, slot.pk, person(2), idempotency_key="k-new")
    replay_reads = [q["sql"] for q in queries if "idempotency_key" in q["sql"]]
    assert len(replay_reads) == 1 and replay_reads[0].startswith("SELECT 1 ")
    again = engine.book(service.office, slot.pk, person(1), idempotency_key="k-first")
    assert again.replayed


@pytest.mark.parametrize(
    "body",
    [
        {
            "slot": 7,
            "full_name": "  Jan  Kowalski ",
            "document_kind": "passport",
            "document_number": "AB1234567",
        },
        {
            "slot": 7,
            "full_name": "Олена",
            "document_kind": "residence_card",
            "document_number": "RX1234567",
            "email": " a@example.com ",
            "phone": "",
            "case_reference": " ",
            "language": "uk",
            "unknown": [1],
        },
    ],
)
def test_plain_json_bodies_are_validated_as_the_serializer_does(body):
    serializer = BookingRequestSerializer(data=body)
    assert serializer.is_valid()
    assert plainly_valid(body, _BOOKING_REQUEST_FIELDS) == dict(serializer.validated_data)


@pytest.mark.parametrize(
    "body",
    [
        {"slot": "7", "full_name": "A", "document_kind": "passport", "document_number": "AB1234567"},
        {"slot": True, "full_name": "A", "document_kind": "passport", "document_number": "AB1234567"},
        {"slot": 7, "full_name": " ", "document_kind": "passport", "document_number": "AB1234567"},
        {"slot": 7, "full_name": "A" * 151, "document_kind": "passport", "document_number": "AB1234567"},
        {"slot": 7, "full_name": "A\x00", "document_kind": "passport", "document_number": "AB1234567"},
        {"slot": 7, "full_name": "A", "document_kind": "id_card", "document_number": "AB1234567"},
        {
            "slot": 7,
            "full_name": "A",
            "document_kind": "passport",
            "document_number": "AB1234567",
            "email": "x@",
        },
        {
            "slot": 7,
            "full_name": "A",
            "document_kind": "passport",
            "document_number": "AB1234567",
            "language": "de",
        },
        {"slot": 7, "full_name": "A", "document_kind": "passport"},
        {"slot": 7, "full_name": None, "document_kind": "passport", "document_number": "AB1234567"},
    ],
)
def test_anything_else_is_left_to_the_serializer(body, client, service):
    assert plainly_valid(body, _BOOKING_REQUEST_FIELDS) is None
    answer = client.post("/api/booking/bookings/", body, content_type="application/json")
    serializer = BookingRequestSerializer(data=body)
    if serializer.is_valid():  # e.g. the slot number as a string: the serializer's reading stands
        assert answer.status_code == 409 and answer.json()["code"] == "slot_gone"
    else:
        assert answer.status_code == 400 and answer.json() == serializer.errors


def test_booking_answer_is_what_the_serializer_gives(service, client):
    from plugins.queue_booking.views.api import BookingSerializer, booking_data

    slot = make_slot(service, capacity=2)
    body = {"slot": slot.pk, "full_name": "A B", "document_kind": "passport", "document_number": "AB1234567"}
    answer = client.post(
        "/api/booking/bookings/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k"
    )
    assert answer.status_code == 201
    booking = Booking.objects.select_related("slot__service_point", "service_type").get()
    assert answer.json() == booking_data(booking) == dict(BookingSerializer(booking).data)
    replay = client.post(
        "/api/booking/bookings/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k"
    )
    assert replay.status_code == 200 and replay.json() == answer.json()


def test_written_out_insert_records_the_audit_entry_save_records(service):
    from django.contrib.contenttypes.models import ContentType

    from przystan.audit.models import AuditEntry
    from przystan.audit.receivers import creation_changes
    from przystan.audit.registry import options_for

    slot = make_slot(service, capacity=2)
    booked = engine.book(service.office, slot.pk, person(1), idempotency_key="k-audit", ip="10.0.0.1")
    saved = Booking.objects.get(pk=booked.pk)
    assert (
        saved.created_at is not None and saved.created_ip == "10.0.0.1" and saved.idempotency_key == "k-audit"
    )
    kind = ContentType.objects.get_for_model(Booking)
    entry = AuditEntry.objects.get(content_type=kind, object_id=str(booked.pk))
    assert entry.action == "create" and entry.office_id == service.office.pk
    assert entry.object_repr == str(saved)
    assert entry.changes == creation_changes(saved, options_for(Booking))
    # the same record as ``save()`` writes for a booking made through the ORM
    other = Booking.objects.create(
        office=service.office,
        reference="ORMSAVED",
        slot=slot,
        service_type=service,
        person_key="p2",
        identity_hash=person(2).identity_hash,
        document_kind="passport",
        full_name="Person 1",
        language="uk",
        email="person1@example.com",
        idempotency_key="k-orm",
        created_ip="10.0.0.1",
    )
    orm_entry = AuditEntry.objects.get(content_type=kind, object_id=str(other.pk))
    assert set(orm_entry.changes) == set(entry.changes)
    assert orm_entry.changes["identity_hash"] == entry.changes["identity_hash"]  # masked alike


def test_a_full_day_is_taken_off_the_kept_answer_by_the_office_local_date(settings):
    import datetime as dt
    import json

    from plugins.queue_booking.services import availability

    settings.PRZYSTAN_PUBLIC_ANSWER_SECONDS = 60
    availability.clear()
    rows = [  # times as the API renders them (UTC); the office is in Europe/Warsaw
        {"id": 1, "starts_at": "2026-12-13T23:30:00Z", "free": 1},  # 14 Dec 00:30 local
        {"id": 2, "starts_at": "2026-12-14T09:00:00Z", "free": 1},
        {"id": 3, "starts_at": "2026-12-14T23:30:00Z", "free": 1},  # 15 Dec 00:30 local
    ]
    try:
        availability.remember(7, "filing", rows)
        availability.day_full(7, "filing", dt.date(2026, 12, 14))
        assert [row["id"] for row in json.loads(availability.remembered(7, "filing"))] == [3]
        assert availability.known_day_full(7, "filing", dt.date(2026, 12, 14))
        assert not availability.known_day_full(7, "filing", dt.date(2026, 12, 15))
        assert availability.known_gone(7, "filing", 1) and not availability.known_gone(7, "filing", 3)
    finally:
        availability.clear()
