"""Allocation rounds: requests are collected during a window, then a seeded, published draw allocates.

Before the round opens the office publishes ``commitment = SHA-256(seed)``; after the draw it
publishes the seed. Anyone can then check ``SHA-256(seed) == commitment`` and recompute the order:
requests sorted by ``HMAC-SHA256(key=seed, msg=public_code)`` (hex, ascending), then places of the
round's slots handed out in time order. The office cannot pick winners after seeing the requests,
because the seed was fixed (committed) before them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..errors import AlreadyBooked, BookingError, RoundClosed
from ..identity import Applicant
from ..models import AllocationRequest, AllocationRound, BookingSource, ServiceType, Slot


def commitment_of(seed: str) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()


def draw_key(seed: str, public_code: str) -> str:
    return hmac.new(seed.encode(), public_code.encode(), hashlib.sha256).hexdigest()


def draw_order(seed: str, public_codes: list[str]) -> list[str]:
    """The published algorithm: codes sorted by HMAC-SHA256(seed, code)."""
    return sorted(public_codes, key=lambda code: draw_key(seed, code))


def create_round(
    office: Any,
    service_type: ServiceType,
    *,
    title: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    slots: Any,
) -> AllocationRound:
    """A round with a fresh secret seed (only its commitment is shown until the draw) and its slots."""
    seed = secrets.token_hex(32)
    with transaction.atomic():
        allocation_round = AllocationRound.objects.create(
            office=office,
            service_type=service_type,
            title=title,
            opens_at=opens_at,
            closes_at=closes_at,
            seed=seed,
            seed_commitment=commitment_of(seed),
        )
        Slot.objects.filter(pk__in=[slot.pk for slot in slots], booked=0).update(
            allocation_round=allocation_round, reserved_for_round=True, released_at=closes_at
        )
    return allocation_round


def request_place(
    allocation_round: AllocationRound,
    applicant: Applicant,
    *,
    user: Any = None,
    now: dt.datetime | None = None,
) -> AllocationRequest:
    now = now or timezone.now()
    if not (allocation_round.opens_at <= now < allocation_round.closes_at) or allocation_round.drawn_at:
        raise RoundClosed()
    try:
        with transaction.atomic():
            return AllocationRequest.objects.create(
                round=allocation_round,
                public_code=secrets.token_hex(5).upper(),
                person_key=applicant.person_key,
                identity_hash=applicant.identity_hash,
                document_kind=applicant.document_kind,
                case_reference=applicant.case_reference,
                full_name=applicant.full_name,
                email=applicant.email,
                phone=applicant.phone,
                language=applicant.language,
                user=user if getattr(user, "is_authenticated", False) else None,
            )
    except IntegrityError:
        raise AlreadyBooked() from None


def draw(allocation_round: AllocationRound, *, now: dt.datetime | None = None) -> list[AllocationRequest]:
    """Run the draw once (after the window closed): positions, bookings, the seed published."""
    from .booking import book

    now = now or timezone.now()
    with transaction.atomic():
        locked = AllocationRound.objects.select_for_update().get(pk=allocation_round.pk)
        if locked.drawn_at is not None or now < locked.closes_at:
            raise RoundClosed()
        requests = {request.public_code: request for request in locked.requests.all()}
        order = draw_order(locked.seed, list(requests))
        places = [
            slot.pk
            for slot in Slot.objects.filter(allocation_round=locked).order_by("starts_at", "service_point_id")
            for _ in range(slot.capacity - slot.booked)
        ]
        results = []
        for position, code in enumerate(order, start=1):
            request = requests[code]
            request.position = position
            while places and request.booking_id is None:
                slot_id = places[0]
                applicant = Applicant(
                    full_name=request.full_name,
                    document_kind=request.document_kind,
                    identity_hash=request.identity_hash,
                    person_key=request.person_key,
                    case_reference=request.case_reference,
                    email=request.email,
                    phone=request.phone,
                    language=request.language,
                )
                try:
                    with transaction.atomic():
                        request.booking = book(
                            locked.office,
                            slot_id,
                            applicant,
                            source=BookingSource.ROUND,
                            user=request.user,
                            now=now,
                        )
                except AlreadyBooked:
                    break  # this person already holds a booking of the service: skipped, place stays
                except BookingError:
                    places.pop(0)  # slot full or gone: try the next place
                    continue
                places.pop(0)
            request.save(update_fields=["position", "booking"])
            results.append(request)
        Slot.objects.filter(allocation_round=locked).update(reserved_for_round=False)
        locked.drawn_at = now
        locked.save(update_fields=["drawn_at"])
    return results


def published_draw(allocation_round: AllocationRound) -> dict[str, Any]:
    """What anyone may see: the commitment always; after the draw the seed, the codes and the order."""
    data: dict[str, Any] = {
        "round": allocation_round.pk,
        "title": allocation_round.title,
        "opens_at": allocation_round.opens_at.isoformat(),
        "closes_at": allocation_round.closes_at.isoformat(),
        "seed_commitment": allocation_round.seed_commitment,
        "algorithm": "order = sorted(codes, key=lambda c: hmac_sha256(key=seed, msg=c).hexdigest())",
        "drawn_at": allocation_round.drawn_at.isoformat() if allocation_round.drawn_at else None,
    }
    if allocation_round.drawn_at:
        requests = list(allocation_round.requests.order_by("position"))
        data["seed"] = allocation_round.seed
        data["codes"] = sorted(request.public_code for request in requests)
        data["order"] = [request.public_code for request in requests]
        data["allocated"] = [request.public_code for request in requests if request.booking_id]
    return data


def verify(published: dict[str, Any]) -> bool:
    """Recompute a published draw: the seed matches the commitment and the order follows from it."""
    seed = published.get("seed") or ""
    return commitment_of(seed) == published["seed_commitment"] and draw_order(
        seed, list(published["codes"])
    ) == list(published["order"])
