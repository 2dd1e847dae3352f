"""The office queue on the day: check-in with the identity check, tickets, call-next, outcomes."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..errors import IdentityMismatch, InvalidIdentity, NotCancellable, NotVisitDay
from ..identity import identity_hash
from ..models import Booking, BookingStatus, ServicePoint, TicketCounter, WeeklySchedule

TICKET_PREFIX = {
    "filing": "A",
    "fingerprints": "B",
    "supplement": "D",
    "card_pickup": "K",
    "information": "I",
}


def office_date(moment: dt.datetime) -> dt.date:
    """The calendar day of ``moment`` where the office is (the installation's time zone)."""
    return timezone.localdate(moment)


def office_today() -> dt.date:
    return office_date(timezone.now())


def next_ticket_number(office: Any, prefix: str, day: dt.date) -> str:
    """The next number of the day for ``prefix`` (row-locked counter: unique across app processes)."""
    with transaction.atomic():
        TicketCounter.objects.get_or_create(office=office, day=day, prefix=prefix)
        counter = TicketCounter.objects.select_for_update().get(office=office, day=day, prefix=prefix)
        counter.last = F("last") + 1
        counter.save(update_fields=["last"])
        counter.refresh_from_db(fields=["last"])
    return f"{prefix}{counter.last:03d}"


def check_in(
    booking: Booking, *, document_kind: str, document_number: str, now: dt.datetime | None = None
) -> Booking:
    """Check the document shown against the booking's identity; issue the ticket. Non-transferable.

    Only on the day of the visit (the office's calendar day): a visit of another day is refused
    before the document is looked at, and nothing changes.
    """
    now = now or timezone.now()
    visit_day = office_date(booking.slot.starts_at)
    if visit_day != office_date(now):
        raise NotVisitDay(visit_day)
    try:
        shown = identity_hash(document_kind, document_number)
    except InvalidIdentity:
        raise
    if not hmac.compare_digest(shown, booking.identity_hash):
        raise IdentityMismatch()
    with transaction.atomic():
        locked = Booking.objects.select_for_update().select_related("service_type").get(pk=booking.pk)
        if locked.status != BookingStatus.BOOKED:
            raise NotCancellable()
        prefix = TICKET_PREFIX.get(locked.service_type.code, "X")
        locked.ticket_number = next_ticket_number(locked.office, prefix, timezone.localdate(now))
        locked.status = BookingStatus.CHECKED_IN
        locked.checked_in_at = now
        locked.save(update_fields=["ticket_number", "status", "checked_in_at"])
    return locked


def waiting_for(point: ServicePoint, day: dt.date) -> Any:
    """Checked-in visitors of ``day`` whose service this point handles: priority first, then arrival."""
    services = WeeklySchedule.objects.filter(service_point=point).values("service_type_id")
    return Booking.objects.filter(
        office_id=point.office_id,
        status=BookingStatus.CHECKED_IN,
        service_type_id__in=services,
        slot__starts_at__date=day,
    ).order_by("-priority", "checked_in_at", "pk")


def call_next(point: ServicePoint, *, now: dt.datetime | None = None) -> Booking | None:
    """Call the next visitor to ``point``; two points calling at once never get the same person."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = (
            waiting_for(point, timezone.localdate(now))
            .select_for_update(skip_locked=True, of=("self",))
            .first()
        )
        if booking is None:
            return None
        booking.status = BookingStatus.CALLED
        booking.called_at = now
        booking.called_at_point = point
        booking.save(update_fields=["status", "called_at", "called_at_point"])
    return booking


def finish(booking: Booking, outcome: str, *, now: dt.datetime | None = None) -> Booking:
    """Mark a visit served (after the call) or a no-show (booked or called, but the person is absent)."""
    now = now or timezone.now()
    allowed = {
        BookingStatus.SERVED: (BookingStatus.CALLED, BookingStatus.CHECKED_IN),
        BookingStatus.NO_SHOW: (BookingStatus.BOOKED, BookingStatus.CALLED, BookingStatus.CHECKED_IN),
    }
    with transaction.atomic():
        locked = Booking.objects.select_for_update().get(pk=booking.pk)
        if outcome not in allowed or locked.status not in allowed[outcome]:
            raise NotCancellable()
        locked.status = outcome
        locked.finished_at = now
        locked.save(update_fields=["status", "finished_at"])
    return locked
