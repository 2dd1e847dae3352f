"""The booking engine: capacity in the database, one active booking per person, idempotency, holds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from plugins.queue_booking import errors
from plugins.queue_booking.identity import identity_hash, resolve_applicant
from plugins.queue_booking.models import Booking, BookingStatus, Slot, WaitingStatus
from plugins.queue_booking.services import booking as engine
from plugins.queue_booking.services import waiting

from .conftest import make_slot, person

pytestmark = pytest.mark.django_db


def test_capacity_is_reached_then_slot_gone_and_nothing_half_booked(service):
    slot = make_slot(service, capacity=2)
    engine.book(service.office, slot.pk, person(1))
    engine.book(service.office, slot.pk, person(2))
    with pytest.raises(errors.SlotGone):
        engine.book(service.office, slot.pk, person(3))
    slot.refresh_from_db()
    assert slot.booked == 2
    assert Booking.objects.filter(slot=slot).count() == 2


def test_database_check_constraint_refuses_overrun(service):
    slot = make_slot(service, capacity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Slot.objects.filter(pk=slot.pk).update(booked=2)


def test_one_active_booking_per_person_and_service_rolls_back_the_place(service):
    first, second = make_slot(service), make_slot(service, hour=10)
    engine.book(service.office, first.pk, person(1))
    with pytest.raises(errors.AlreadyBooked):
        engine.book(service.office, second.pk, person(1))
    second.refresh_from_db()
    assert second.booked == 0  # the increment rolled back with the refused insert


def test_idempotency_key_returns_the_same_booking_and_conflicts_on_other_data(service):
    slot = make_slot(service, capacity=3)
    first = engine.book(service.office, slot.pk, person(1), idempotency_key="key-1")
    again = engine.book(service.office, slot.pk, person(1), idempotency_key="key-1")
    assert again.pk == first.pk and again.replayed
    slot.refresh_from_db()
    assert slot.booked == 1
    with pytest.raises(errors.IdempotencyConflict):
        engine.book(service.office, slot.pk, person(2), idempotency_key="key-1")


def test_unreleased_slot_cannot_be_booked(service):
    slot = make_slot(service, released=False)
    with pytest.raises(errors.SlotNotReleased):
        engine.book(service.office, slot.pk, person(1))


def test_cancel_frees_the_place_and_reschedule_moves_it(service):
    first, second = make_slot(service), make_slot(service, hour=11)
    booking = engine.book(service.office, first.pk, person(1))
    engine.reschedule(booking, second.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.booked, second.booked) == (0, 1)
    engine.cancel(Booking.objects.get(pk=booking.pk))
    second.refresh_from_db()
    assert second.booked == 0
    with pytest.raises(errors.NotCancellable):
        engine.cancel(Booking.objects.get(pk=booking.pk))


def test_identity_is_hashed_with_hmac_and_formats_are_checked(service):
    hashed = identity_hash("passport", "ab 123-4567")
    assert hashed == identity_hash("passport", "AB1234567") and "1234567" not in hashed
    for kind, bad in [("passport", "12"), ("residence_card", "A12345678"), ("passport", "ABCDEFGH")]:
        with pytest.raises(errors.InvalidIdentity):
            identity_hash(kind, bad)


def test_live_case_required_through_the_hook(service, case_module):
    service.requires_live_case = True
    service.save()
    kwargs = {
        "service_type": service,
        "full_name": "Olena",
        "document_kind": "passport",
        "document_number": "FE123456",
    }
    with pytest.raises(errors.CaseNotFound):
        resolve_applicant(service.office, **kwargs)
    with pytest.raises(errors.CaseNotFound):  # wrong code
        resolve_applicant(service.office, case_reference="WSC-2026-0001", case_code="000000", **kwargs)
    with pytest.raises(errors.CaseNotFound):  # case no longer live
        resolve_applicant(service.office, case_reference="WSC-2025-0999", case_code="111111", **kwargs)
    applicant = resolve_applicant(
        service.office, case_reference="wsc-2026-0001", case_code="123456", **kwargs
    )
    assert applicant.person_key == "person-olena" and applicant.case_reference == "WSC-2026-0001"
    # the same person cannot book twice for the service with another case of theirs
    engine.book(service.office, make_slot(service).pk, applicant)
    other = resolve_applicant(
        service.office,
        case_reference="WSC-2026-0002",
        case_code="654321",
        **{**kwargs, "document_number": "FE999999"},
    )
    with pytest.raises(errors.AlreadyBooked):
        engine.book(service.office, make_slot(service, hour=12).pk, other)


def test_without_a_case_module_the_identity_document_suffices(service):
    service.requires_live_case = True
    service.save()
    applicant = resolve_applicant(
        service.office,
        service_type=service,
        full_name="A B",
        document_kind="passport",
        document_number="FE123456",
    )
    assert applicant.person_key == applicant.identity_hash and applicant.case_reference == ""


def test_waiting_list_offers_freed_place_in_order_with_a_hold(service, mailoutbox):
    service.hold_minutes = 30
    service.save()
    slot = make_slot(service, capacity=1)
    booking = engine.book(service.office, slot.pk, person(1))
    first = waiting.join(service.office, service, person(2))
    second = waiting.join(service.office, service, person(3))
    engine.cancel(booking)
    first.refresh_from_db()
    slot.refresh_from_db()
    assert first.status == WaitingStatus.OFFERED and first.offered_slot_id == slot.pk
    assert slot.booked == 1  # the hold keeps the place
    # the hold expires: the place goes to the next person in order
    later = timezone.now() + dt.timedelta(minutes=31)
    with pytest.raises(errors.HoldExpired):
        waiting.accept(first, now=later)
    assert waiting.expire_holds(now=later) == 1
    second.refresh_from_db()
    assert second.status == WaitingStatus.OFFERED
    made = waiting.accept(second, now=later)
    slot.refresh_from_db()
    assert made.status == BookingStatus.BOOKED and made.slot_id == slot.pk and slot.booked == 1


@pytest.mark.parametrize("strategy", ["skip_locked", "one_by_one"])
def test_nearest_free_time_that_day_is_booked_when_the_chosen_one_is_gone(service, strategy, monkeypatch):
    if strategy == "one_by_one":  # what SQLite (the demo) runs: the same choice, slot after slot
        monkeypatch.setattr(engine, "_nearest_skip_locked", engine._nearest_one_by_one)
    chosen, ten, eight = (
        make_slot(service, hour=9),
        make_slot(service, hour=10),
        make_slot(service, hour=8, capacity=2),
    )
    next_day = make_slot(service, hour=9, days=3)
    nearest = engine.IF_TAKEN_NEAREST
    engine.book(service.office, chosen.pk, person(1))
    with pytest.raises(errors.SlotGone) as refused:  # without the option the chosen time or nothing
        engine.book(service.office, chosen.pk, person(2))
    assert refused.value.code == "slot_gone"
    # equally near (8:00 and 10:00): the earlier one first; a slot with room stays nearest
    second = engine.book(service.office, chosen.pk, person(2), if_taken=nearest, idempotency_key="k2")
    third = engine.book(service.office, chosen.pk, person(3), if_taken=nearest)
    fourth = engine.book(service.office, chosen.pk, person(4), if_taken=nearest)
    assert [second.slot_id, third.slot_id, fourth.slot_id] == [eight.pk, eight.pk, ten.pk]
    # the same request again returns what it got, though that is not the slot it named
    again = engine.book(service.office, chosen.pk, person(2), if_taken=nearest, idempotency_key="k2")
    assert again.pk == second.pk and again.replayed
    with pytest.raises(errors.DayFull) as full:  # another day is never taken instead
        engine.book(service.office, chosen.pk, person(5), if_taken=nearest)
    assert full.value.code == "day_full" and full.value.status == 409
    next_day.refresh_from_db()
    assert next_day.booked == 0
    assert sorted(
        Slot.objects.filter(pk__in=[chosen.pk, ten.pk, eight.pk]).values_list("booked", flat=True)
    ) == [
        1,
        1,
        2,
    ]


def test_nearest_time_skips_unreleased_and_round_slots_and_refuses_an_unreleased_choice(service):
    chosen = make_slot(service, hour=9)
    hidden = make_slot(service, hour=10, released=False)
    drawn = make_slot(service, hour=11)
    Slot.objects.filter(pk=drawn.pk).update(reserved_for_round=True)
    engine.book(service.office, chosen.pk, person(1))
    with pytest.raises(errors.DayFull):
        engine.book(service.office, chosen.pk, person(2), if_taken=engine.IF_TAKEN_NEAREST)
    with pytest.raises(errors.SlotNotReleased):
        engine.book(service.office, hidden.pk, person(3), if_taken=engine.IF_TAKEN_NEAREST)
    assert Booking.objects.count() == 1
