"""Allocation rounds (seeded, published, verifiable draw), out-of-queue approvals, rate limits."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from django.utils import timezone

from plugins.queue_booking import errors
from plugins.queue_booking.models import Booking, BookingSource, OutOfQueueRequest, OutOfQueueStatus
from plugins.queue_booking.services import limits, out_of_queue, rounds

from .conftest import make_slot, person

pytestmark = pytest.mark.django_db


def test_allocation_round_draw_is_committed_published_and_recomputable(service):
    now = timezone.now()
    slots = [make_slot(service, capacity=1, hour=h) for h in (9, 10)]
    allocation_round = rounds.create_round(
        service.office,
        service,
        title="Runda",
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(hours=1),
        slots=slots,
    )
    before = rounds.published_draw(allocation_round)
    assert (
        "seed" not in before
        and before["seed_commitment"] == hashlib.sha256(allocation_round.seed.encode()).hexdigest()
    )
    # round slots are not bookable first-come-first-served while the round runs
    with pytest.raises(errors.SlotNotReleased):
        from plugins.queue_booking.services.booking import book

        book(service.office, slots[0].pk, person(99))
    for number in range(5):
        rounds.request_place(allocation_round, person(number), now=now)
    with pytest.raises(errors.AlreadyBooked):
        rounds.request_place(allocation_round, person(0), now=now)
    with pytest.raises(errors.RoundClosed):  # too early to draw
        rounds.draw(allocation_round, now=now)
    results = rounds.draw(allocation_round, now=now + dt.timedelta(hours=2))
    assert [r.position for r in results] == [1, 2, 3, 4, 5]
    winners = [r for r in results if r.booking_id]
    assert [r.position for r in winners] == [1, 2]
    assert {b.source for b in Booking.objects.all()} == {BookingSource.ROUND}
    allocation_round.refresh_from_db()
    published = rounds.published_draw(allocation_round)
    assert published["seed"] == allocation_round.seed and rounds.verify(published)
    assert published["allocated"] == [r.public_code for r in winners]
    tampered = {**published, "order": list(reversed(published["order"]))}
    assert not rounds.verify(tampered)
    with pytest.raises(errors.RoundClosed):
        rounds.draw(allocation_round, now=now + dt.timedelta(hours=3))


def test_out_of_queue_needs_reason_and_a_second_staff_member(service, user_factory):
    first = user_factory("a@uw.example.gov.pl", kind="staff", roles=("officer",), office=service.office)
    second = user_factory("b@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=service.office)
    slot = make_slot(service, capacity=1, released=False)
    with pytest.raises(ValidationError):
        out_of_queue.request_out_of_queue(
            service.office,
            kind="placement",
            requested_by=first,
            reason="VIP",
            slot=slot,
            full_name="Jan Kowalski",
            document_kind="passport",
            document_number="AB1234567",
        )
    request = out_of_queue.request_out_of_queue(
        service.office,
        kind="placement",
        requested_by=first,
        slot=slot,
        reason="Osoba z niepełnosprawnością, skierowanie z MOPS nr 12/2026",
        full_name="Jan Kowalski",
        document_kind="passport",
        document_number="AB1234567",
    )
    with pytest.raises(PermissionDenied):
        out_of_queue.decide(request, approver=first, approve=True)
    # the database refuses it too, whatever the code path
    with pytest.raises(IntegrityError), transaction.atomic():
        OutOfQueueRequest.objects.filter(pk=request.pk).update(status="approved", decided_by=first)
    decided = out_of_queue.decide(request, approver=second, approve=True)
    assert (
        decided.status == OutOfQueueStatus.APPROVED and decided.booking.source == BookingSource.OUT_OF_QUEUE
    )
    slot.refresh_from_db()
    assert slot.booked == 1  # still within capacity
    with pytest.raises(ValidationError):
        out_of_queue.decide(decided, approver=second, approve=False)


def test_rate_limits_per_ip_and_per_identity(booking_office, enable_plugin):
    enable_plugin(booking_office, "queue_booking", config={"ip_rate": "2/h", "identity_rate": "2/d"})
    request = RequestFactory().post("/booking/filing/", REMOTE_ADDR="203.0.113.9")
    limits.check_ip(request, booking_office)
    limits.check_ip(request, booking_office)
    with pytest.raises(errors.RateLimited):
        limits.check_ip(request, booking_office)
    limits.check_identity(booking_office, "h" * 64)
    limits.check_identity(booking_office, "h" * 64)
    with pytest.raises(errors.RateLimited):
        limits.check_identity(booking_office, "h" * 64)
    limits.check_identity(booking_office, "g" * 64)  # another person is not affected
