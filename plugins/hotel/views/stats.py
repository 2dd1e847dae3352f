"""Statistics of the user's centres: occupancy, movements, meals, absences, nationalities.

Shown as tables with inline SVG bar charts (serce's accessible chart builder) and downloadable as CSV.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from plugins.serce.nationalities import nationality_name
from plugins.serce.services.reports import bar_chart_svg, to_csv
from przystan import access

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
    named = [{"name": nationality_name(n["person__nationality"]), "n": n["n"]} for n in nationalities]
    return {"days": days, "per_centre": per_centre, "nationalities": named}


def _rows(data: dict[str, Any]) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    header = (
        _("Centre"),
        _("Occupancy"),
        _("Free"),
        _("Admitted"),
        _("Left"),
        _("Absent"),
        _("Meals"),
        _("Transfers out"),
        _("Transfers in"),
    )
    rows = [
        (
            str(r["occupancy"].centre),
            r["occupancy"].rate,
            r["occupancy"].free,
            r["admitted"],
            r["left"],
            r["absent"],
            r["meals"],
            r["transfers_out"],
            r["transfers_in"],
        )
        for r in data["per_centre"]
    ]
    return header, rows


@access.guard("hotel.resident", "view")
def stats_view(request: HttpRequest) -> HttpResponse:
    centres = list(centres_for(request.user, request.office))
    data = statistics(centres, request.office)
    _header, rows = _rows(data)
    # the chart builder escapes every label
    data["occupancy_chart"] = mark_safe(bar_chart_svg([(r[0], r[1]) for r in rows], _("Occupancy")))  # noqa: S308
    data["nationality_chart"] = mark_safe(  # noqa: S308
        bar_chart_svg(
            [(n["name"], n["n"]) for n in data["nationalities"]],
            _("Residents by nationality"),
        )
    )
    return render(request, "hotel/stats.html", data)


@access.guard("hotel.resident", "view")
def stats_csv(request: HttpRequest) -> HttpResponse:
    centres = list(centres_for(request.user, request.office))
    header, rows = _rows(statistics(centres, request.office))
    response = HttpResponse(to_csv(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="hotel-statistics.csv"'
    return response
