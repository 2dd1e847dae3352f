"""Statistics of the user's centres: occupancy, movements, meals, absences, nationalities."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from przystan.web.access import staff_required

from ..access import centres_for
from ..models import MealIssue, Placement, Transfer
from ..places import occupancy
from ..scanning import absence_days


def statistics(centres: list[Any], office: Any, days: int = 30) -> dict[str, Any]:
    since = timezone.now() - datetime.timedelta(days=days)
    absent_limit = timezone.now() - datetime.timedelta(days=absence_days(office))
    ids = [c.pk for c in centres]
    per_centre = []
    for row in occupancy(centres):
        open_here = Placement.objects.filter(centre=row.centre, ended_at__isnull=True)
        per_centre.append(
            {
                "occupancy": row,
                "admitted": Placement.objects.filter(centre=row.centre, admitted_at__gte=since).count(),
                "left": Placement.objects.filter(centre=row.centre, ended_at__gte=since).count(),
                "absent": open_here.filter(last_seen_at__lt=absent_limit).count(),
                "meals": MealIssue.objects.filter(service__centre=row.centre, issued_at__gte=since).count(),
                "transfers_out": Transfer.objects.filter(
                    from_centre=row.centre, requested_at__gte=since
                ).count(),
                "transfers_in": Transfer.objects.filter(to_centre=row.centre, received_at__gte=since).count(),
            }
        )
    nationalities = (
        Placement.objects.filter(centre_id__in=ids, ended_at__isnull=True)
        .values("person__nationality")
        .annotate(n=Count("pk"))
        .order_by("-n", "person__nationality")[:15]
    )
    return {"days": days, "per_centre": per_centre, "nationalities": nationalities}


@staff_required
def stats_view(request: HttpRequest) -> HttpResponse:
    centres = list(centres_for(request.user, request.office))
    return render(request, "hotel/stats.html", statistics(centres, request.office))
