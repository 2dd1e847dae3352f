"""The staff dashboard panel: today's visits at a glance."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from .models import Booking, BookingStatus


def today_panel(request: Any) -> str:
    if not request.user.has_perm("queue_booking.view_booking"):
        return ""
    today = Booking.objects.filter(office=request.office, slot__starts_at__date=timezone.localdate())
    counts = {
        "booked": today.exclude(status=BookingStatus.CANCELLED).count(),
        "waiting": today.filter(status=BookingStatus.CHECKED_IN).count(),
        "served": today.filter(status=BookingStatus.SERVED).count(),
        "no_shows": today.filter(status=BookingStatus.NO_SHOW).count(),
    }
    return render_to_string("queue_booking/staff/panel.html", {"counts": counts}, request=request)
