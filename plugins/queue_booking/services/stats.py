"""Statistics of visits: booked, served, no-shows and waiting time (check-in to call)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q

from ..models import Booking, BookingStatus, ServiceCode


def visit_statistics(office: Any, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """One row per service type for visits in [start, end]: counts and average wait in minutes."""
    rows = (
        Booking.objects.filter(
            office=office, slot__starts_at__date__gte=start, slot__starts_at__date__lte=end
        )
        .values("service_type__code")
        .annotate(
            booked=Count("pk", filter=~Q(status=BookingStatus.CANCELLED)),
            cancelled=Count("pk", filter=Q(status=BookingStatus.CANCELLED)),
            served=Count("pk", filter=Q(status=BookingStatus.SERVED)),
            no_shows=Count("pk", filter=Q(status=BookingStatus.NO_SHOW)),
            average_wait=Avg(
                ExpressionWrapper(F("called_at") - F("checked_in_at"), output_field=DurationField()),
                filter=Q(called_at__isnull=False, checked_in_at__isnull=False),
            ),
        )
        .order_by("service_type__code")
    )
    result = []
    for row in rows:
        wait = row["average_wait"]
        result.append(
            {
                "service": ServiceCode(row["service_type__code"]).label,
                "code": row["service_type__code"],
                "booked": row["booked"],
                "cancelled": row["cancelled"],
                "served": row["served"],
                "no_shows": row["no_shows"],
                "average_wait_minutes": round(wait.total_seconds() / 60, 1) if wait else None,
            }
        )
    return result
