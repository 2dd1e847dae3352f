"""Messages to the booked person, in their language, through the core notifications service."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.utils import timezone

from przystan.notifications.errors import InvalidEmailAddress, InvalidPhoneNumber, MissingRecipient
from przystan.notifications.service import notify

logger = logging.getLogger(__name__)

CONFIRMED = "queue_booking.booking_confirmed"
CANCELLED = "queue_booking.booking_cancelled"
REMINDER = "queue_booking.booking_reminder"
WAITLIST_OFFER = "queue_booking.waitlist_offer"
INVITATION = "queue_booking.invitation"
ROUND_RESULT = "queue_booking.round_result"


def site_url(office: Any) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    site = getattr(office, "site", None)
    if site is not None and site.hostname not in ("", "localhost", "testserver"):
        scheme = "https" if site.port in (443, 80) and not settings.DEBUG else "http"
        port = "" if site.port in (80, 443) else f":{site.port}"
        return f"{scheme}://{site.hostname}{port}"
    return base.rstrip("/")


def booking_context(booking: Any) -> dict[str, Any]:
    from .booking import manage_token

    local = timezone.localtime(booking.slot.starts_at)
    return {
        "office_name": booking.office.name,
        "office_address": f"{booking.office.street}, {booking.office.postal_code} {booking.office.city}",
        "reference": booking.reference,
        "service": str(booking.service_type),
        "date": local.strftime("%d.%m.%Y"),
        "time": local.strftime("%H:%M"),
        "point": booking.slot.service_point.name_in(booking.language),
        "full_name": booking.full_name,
        "manage_url": f"{site_url(booking.office)}/booking/visit/{manage_token(booking)}/",
    }


def send(
    type_key: str, *, office: Any, email: str, phone: str, language: str, context: dict[str, Any]
) -> int:
    """Queue a message; a bad address is logged (the booking itself stands). Returns messages queued."""
    try:
        messages = notify(
            type_key,
            office=office,
            email=email or None,
            phone=phone or None,
            language=language,
            context=context,
        )
    except (InvalidEmailAddress, InvalidPhoneNumber, MissingRecipient) as exc:
        logger.warning("Notification %s not sent: %s", type_key, exc)
        return 0
    return len(messages)


def send_booking_notice(booking: Any, type_key: str) -> int:
    if not booking.email and not booking.phone:
        return 0  # no contact given (the API allows it): the answer itself carried the manage link
    return send(
        type_key,
        office=booking.office,
        email=booking.email,
        phone=booking.phone,
        language=booking.language,
        context=booking_context(booking),
    )


def send_due_reminders(*, now: Any = None, hours_before: int = 24) -> int:
    """Remind people of visits starting within ``hours_before`` hours (once per booking)."""
    from django.db import transaction

    from ..models import Booking, BookingStatus

    now = now or timezone.now()
    sent = 0
    due = Booking.objects.filter(
        status=BookingStatus.BOOKED,
        reminded_at__isnull=True,
        slot__starts_at__gt=now,
        slot__starts_at__lte=now + dt.timedelta(hours=hours_before),
    ).select_related("slot", "slot__service_point", "service_type", "office")
    for booking in due:
        with transaction.atomic():
            claimed = Booking.objects.filter(pk=booking.pk, reminded_at__isnull=True).update(reminded_at=now)
            if claimed:
                send_booking_notice(booking, REMINDER)
                sent += 1
    return sent
