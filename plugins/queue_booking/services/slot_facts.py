"""A process's short memory of the facts of a slot a booking request names.

A booking POST needs the slot's office, service type (and its code), service point and times before
it takes a place. At a release hundreds of requests name the same few hundred slots, and reading the
slot with its service type and point again for each costs more CPU than the booking itself. With
``PRZYSTAN_OFFICE_CACHE_SECONDS > 0`` (production: 5 s) each process remembers the slot for that
long. The first request that names a slot reads, with it, the slots of its service released at the
same moment (the ones the crowd of a release is about to name). Saving or deleting a slot through
the ORM forgets it in the process at once. At a release every thread of a process misses at the same
instant: one reads, the others wait for it and find the slots remembered (without that, each of them
read the same few hundred rows — a third of the server's CPU in the first second of a storm).

Only facts that do not change with bookings are relied on: ``booked`` of a remembered slot is never
trusted (the slot is marked :attr:`FACTS_ONLY`). The place itself is taken by the conditional UPDATE
in the database, which checks the capacity, the release time, the service and the round reservation
afresh, so a stale memory can never let anyone overbook or book an unreleased slot.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from django.utils import timezone

from przystan.offices.middleware import cache_seconds

FACTS_ONLY = "_qb_facts_only"
LIMIT = 20_000  # remembered slots per process (a release has a few hundred)
SIBLINGS = 2_000  # slots of one service released at the same moment, read together

_remembered: dict[tuple[Any, int], tuple[float, Any]] = {}
_reading = threading.Lock()  # one thread of the process reads the slots the others are waiting for


def slot_for_booking(office: Any, slot_id: int) -> Any:
    """The slot ``slot_id`` of ``office`` with its service type and point loaded, or ``None``."""
    lifetime = cache_seconds()
    if lifetime <= 0:
        return _read(office, slot_id)
    key = (office.pk, slot_id)
    hit = _remembered.get(key)
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    with _reading:
        hit = _remembered.get(key)  # read by the thread this one waited for
        if hit is not None and hit[0] > time.monotonic():
            return hit[1]
        slot = _read(office, slot_id)
        if slot is not None:
            _remember_with_siblings(office, slot, time.monotonic() + lifetime)
    return slot


def _read(office: Any, slot_id: int) -> Any:
    from ..models import Slot

    found = (
        Slot.objects.select_related("service_type", "service_point")
        .filter(pk=slot_id, office=office)
        .order_by()[:1]
    )
    return next(iter(found), None)


def _remember_with_siblings(office: Any, slot: Any, expires: float) -> None:
    """Remember ``slot`` and the slots released with it (asked for next: one read instead of hundreds)."""
    from ..models import Slot

    if len(_remembered) >= LIMIT:
        _remembered.clear()
    siblings = (
        Slot.objects.select_related("service_type", "service_point")
        .filter(
            office=office,
            service_type_id=slot.service_type_id,
            released_at=slot.released_at,
            starts_at__gt=timezone.now(),
        )
        .order_by()[:SIBLINGS]
    )
    for sibling in [slot, *siblings]:
        setattr(sibling, FACTS_ONLY, True)
        _remembered[(office.pk, sibling.pk)] = (expires, sibling)
    _remembered[(office.pk, slot.pk)] = (expires, slot)  # the siblings hold it again: keep the one read


def is_facts_only(slot: Any) -> bool:
    return bool(getattr(slot, FACTS_ONLY, False))


def forget(**kwargs: Any) -> None:
    """Forget a saved or deleted slot (connected to the slot's ``post_save``/``post_delete``)."""
    instance = kwargs.get("instance")
    if instance is None:
        _remembered.clear()
        return
    _remembered.pop((instance.office_id, instance.pk), None)
