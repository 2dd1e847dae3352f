"""Slot generation for a rolling horizon, skipping the days the office is closed and its exceptions.

Closed days come from the core (:func:`przystan.offices.closures.closed_days`): statutory holidays,
the office's closures (designated days off such as 28 Dec 2026, its own closures) and office-wide
schedule exceptions of this plugin (answered through the ``office_closed_days`` hook).

Each slot gets its ``released_at`` from the service type's release policy: slots of day D open
``release_days_ahead`` days before D at ``release_time``; with waves (e.g. ``[50, 30, 20]``) the
day's slots are spread over successive waves ``wave_interval_minutes`` apart (interleaved by time,
so every wave offers mornings and afternoons alike).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import ScheduleException, ServiceType, Slot, WeeklySchedule

DEFAULT_HORIZON_DAYS = 28


def office_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def wave_of(index: int, count: int, waves: list[int]) -> int:
    """Wave number of the ``index``-th of ``count`` slots (interleaved) for percentages ``waves``."""
    if not waves or count <= 0:
        return 0
    # slot i belongs to the wave whose cumulative share first exceeds its position in a spread order
    spread = (index * 7919) % count  # a fixed permutation: neighbours in time land in different waves
    position = (spread + 0.5) / count * 100
    cumulative = 0
    for number, share in enumerate(waves):
        cumulative += share
        if position < cumulative:
            return number
    return len(waves) - 1


def release_moment(service_type: ServiceType, day: dt.date, wave: int) -> dt.datetime:
    base = dt.datetime.combine(day - dt.timedelta(days=service_type.release_days_ahead), _time(service_type))
    base = base.replace(tzinfo=office_zone())
    return base + dt.timedelta(minutes=wave * service_type.wave_interval_minutes)


def _time(service_type: ServiceType) -> dt.time:
    value = service_type.release_time
    if isinstance(value, str):
        return dt.time.fromisoformat(value)
    return value


def generate_slots(office: Any, *, start: dt.date | None = None, days: int | None = None) -> int:
    """Create the missing slots of ``office`` from ``start`` (today) for ``days``; return how many.

    Idempotent: existing slots (booked or not) are left alone.
    """
    from przystan.offices.closures import closed_days
    from przystan.offices.enablement import plugin_config

    start = start or timezone.localdate()
    days = days or int(plugin_config(office, "queue_booking").get("horizon_days", DEFAULT_HORIZON_DAYS))
    end = start + dt.timedelta(days=days)
    office_closed = set(closed_days(office, start, end - dt.timedelta(days=1)))
    closed = {
        (exc.date, exc.service_point_id)
        for exc in ScheduleException.objects.filter(office=office, date__gte=start, date__lt=end)
    }
    schedules = list(
        WeeklySchedule.objects.filter(office=office, service_type__active=True, service_point__active=True)
        .select_related("service_type", "service_point")
        .order_by("service_type_id", "service_point_id", "start_time")
    )
    existing = set(
        Slot.objects.filter(office=office, starts_at__date__gte=start, starts_at__date__lt=end).values_list(
            "service_type_id", "service_point_id", "starts_at"
        )
    )
    zone = office_zone()
    to_create: list[Slot] = []
    day = start
    while day < end:
        if day not in office_closed and (day, None) not in closed:
            by_type: dict[int, list[Slot]] = {}
            for schedule in schedules:
                if schedule.weekday != day.weekday() or (day, schedule.service_point_id) in closed:
                    continue
                by_type.setdefault(schedule.service_type_id, []).extend(_slots_of(schedule, day, zone))
            for slots in by_type.values():
                slots.sort(key=lambda s: (s.starts_at, s.service_point_id))
                for index, slot in enumerate(slots):
                    waves = list(slot.service_type.release_waves or [])
                    slot.released_at = release_moment(
                        slot.service_type, day, wave_of(index, len(slots), waves)
                    )
                    key = (slot.service_type_id, slot.service_point_id, slot.starts_at)
                    if key not in existing:
                        to_create.append(slot)
        day += dt.timedelta(days=1)
    with transaction.atomic():
        Slot.objects.bulk_create(to_create, ignore_conflicts=True, batch_size=500)
    return len(to_create)


def _slots_of(schedule: WeeklySchedule, day: dt.date, zone: ZoneInfo) -> list[Slot]:
    length = dt.timedelta(minutes=schedule.service_type.duration_minutes)
    moment = dt.datetime.combine(day, schedule.start_time, tzinfo=zone)
    end = dt.datetime.combine(day, schedule.end_time, tzinfo=zone)
    slots = []
    while moment + length <= end:
        slots.append(
            Slot(
                office_id=schedule.office_id,
                service_type=schedule.service_type,
                service_point=schedule.service_point,
                starts_at=moment,
                ends_at=moment + length,
                capacity=schedule.capacity_per_slot,
            )
        )
        moment += length
    return slots


def available_slots(service_type: ServiceType, *, now: dt.datetime | None = None, limit: int = 200) -> Any:
    """Released, future slots with free places (first come, first served; not reserved for a round)."""
    now = now or timezone.now()
    return (
        Slot.objects.filter(
            service_type=service_type,
            released_at__lte=now,
            starts_at__gt=now,
            booked__lt=F("capacity"),
            reserved_for_round=False,
        )
        .select_related("service_point")
        .order_by("starts_at", "service_point_id")[:limit]
    )


def next_release(service_type: ServiceType, *, now: dt.datetime | None = None) -> dt.datetime | None:
    now = now or timezone.now()
    upcoming = (
        Slot.objects.filter(service_type=service_type, released_at__gt=now, reserved_for_round=False)
        .order_by("released_at")
        .values_list("released_at", flat=True)
        .first()
    )
    return upcoming


def placement_slots(
    office: Any, *, now: dt.datetime | None = None, days: int = 31, limit: int = 400
) -> list[Slot]:
    """Future slots of the office with a free place, released or not (what a staff placement may use).

    Slots reserved for an allocation round are left out (the draw assigns them). Ordered by service,
    day and time, as the staff form groups them.
    """
    now = now or timezone.now()
    return list(
        Slot.objects.filter(
            office=office,
            starts_at__gt=now,
            starts_at__lt=now + dt.timedelta(days=days),
            booked__lt=F("capacity"),
            reserved_for_round=False,
            service_type__active=True,
        )
        .select_related("service_type", "service_point")
        .order_by("service_type__code", "starts_at", "service_point__code")[:limit]
    )
