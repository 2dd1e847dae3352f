"""The staff dashboard panel: today's visits at a glance."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from przystan import access

from .models import Booking, BookingStatus
from .policy import BOOKING


def today_panel(request: Any) -> str:
    """Counts of today's visits (the panel's ``access`` entry is checked by the dashboard too)."""
    if not access.allows(request.user, "view", BOOKING, office=request.office):
        return ""
    visible = access.visible(request.user, "view", BOOKING, Booking.objects.all(), office=request.office)
    today = visible.filter(slot__starts_at__date=timezone.localdate())
    counts = {
        "booked": today.exclude(status=BookingStatus.CANCELLED).count(),
        "waiting": today.filter(status=BookingStatus.CHECKED_IN).count(),
        "served": today.filter(status=BookingStatus.SERVED).count(),
        "no_shows": today.filter(status=BookingStatus.NO_SHOW).count(),
    }
    return render_to_string("queue_booking/staff/panel.html", {"counts": counts}, request=request)
