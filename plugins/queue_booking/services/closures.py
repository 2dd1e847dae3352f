"""What a new office closure does to visits: no place of the day is sold any more; booked visits are
cancelled with a message to the person (their place is not offered to the waiting list) or kept for
staff to move by hand — the staff member chooses on the closures screen, having seen how many.

Unbooked slots of the day are deleted (:func:`generate_slots` skips closed days, and creates them
again if the closure is removed); a slot someone holds keeps only its taken places.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Booking, BookingStatus, OutOfQueueRequest, Slot, WeeklySchedule


def _day(office: Any, day: dt.date) -> Any:
    return Slot.objects.filter(office=office, starts_at__date=day)


def visits_on(office: Any, day: dt.date) -> Any:
    """The visits of ``office`` on ``day`` that were not cancelled (booked, served, missed...)."""
    return Booking.objects.filter(office=office, slot__starts_at__date=day).exclude(
        status=BookingStatus.CANCELLED
    )


def booked_visits(office: Any, day: dt.date, now: dt.datetime | None = None) -> Any:
    """The visits of ``office`` on ``day`` still to come and booked (what a closure can cancel)."""
    return visits_on(office, day).filter(
        status=BookingStatus.BOOKED, slot__starts_at__gt=now or timezone.now()
    )


def withdraw_day(
    office: Any, day: dt.date, *, cancel_bookings: bool, now: dt.datetime | None = None
) -> list[str]:
    """Stop selling ``day`` at ``office``; cancel its booked visits when ``cancel_bookings``."""
    from . import availability
    from .notifications import send_booking_notice

    now = now or timezone.now()
    done: list[str] = []
    with transaction.atomic():
        cancelled: list[Booking] = []
        if cancel_bookings:
            for booking in booked_visits(office, day, now).select_for_update().select_related("slot"):
                booking.status = BookingStatus.CANCELLED
                booking.cancelled_at = now
                booking.save(update_fields=["status", "cancelled_at"])
                Slot.objects.filter(pk=booking.slot_id).update(booked=F("booked") - 1)
                cancelled.append(booking)
        slots = _day(office, day)
        referenced = OutOfQueueRequest.objects.filter(slot__isnull=False).values("slot_id")
        deletable = slots.filter(booked=0, bookings__isnull=True).exclude(pk__in=referenced)
        deleted, _counts = deletable.delete()
        slots.update(capacity=F("booked"))  # what is still held stays; nothing new is sold
        codes = set(_day(office, day).values_list("service_type__code", flat=True))
        codes |= {b.service_type.code for b in cancelled}
    for code in codes:
        transaction.on_commit(lambda code=code: availability.forget(office.pk, code))
    for booking in cancelled:
        transaction.on_commit(
            lambda booking=booking: send_booking_notice(booking, "queue_booking.booking_cancelled")
        )
    if cancelled:
        done.append(
            ngettext(
                "%(count)d booked visit was cancelled and the person was told.",
                "%(count)d booked visits were cancelled and the persons were told.",
                len(cancelled),
            )
            % {"count": len(cancelled)}
        )
    kept = booked_visits(office, day, now).count()
    if kept:
        done.append(
            ngettext(
                "%(count)d booked visit is kept: move it in the day plan.",
                "%(count)d booked visits are kept: move them in the day plan.",
                kept,
            )
            % {"count": kept}
        )
    if deleted or codes:
        done.append(_("No more visits are offered on that day."))
    return done


def reopen_day(office: Any, day: dt.date) -> list[str]:
    """The closure of ``day`` was removed: give held slots back their capacity and create the rest."""
    from .slots import generate_slots

    today = timezone.localdate()
    if day < today:
        return []
    zone = timezone.get_current_timezone()
    with transaction.atomic():
        schedules = list(WeeklySchedule.objects.filter(office=office, weekday=day.weekday()))
        for slot in _day(office, day):
            start = timezone.localtime(slot.starts_at, zone).time()
            for schedule in schedules:
                if (
                    (schedule.service_type_id, schedule.service_point_id)
                    == (slot.service_type_id, slot.service_point_id)
                    and schedule.start_time <= start < schedule.end_time
                    and slot.capacity < schedule.capacity_per_slot
                ):
                    Slot.objects.filter(pk=slot.pk).update(capacity=schedule.capacity_per_slot)
        created = generate_slots(office, start=day, days=1)
    restored = _day(office, day).exists()
    if created or restored:
        return [_("Visits are offered on that day again, as the weekly schedules say.")]
    return []
