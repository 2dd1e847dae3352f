"""Staff dashboard panel: cases whose legal deadline is at risk, among the cases the user may see."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from .deadlines import DONE
from .scoping import staff_cases


def deadlines_at_risk(request: Any) -> str:
    """Shown to roles that may view cases (``DashboardPanel.access``); counts only their scope."""
    from .views.staff import warning_days

    office = getattr(request, "office", None)
    today = timezone.localdate()
    horizon = today + datetime.timedelta(days=warning_days(office))
    cases = (
        staff_cases(request.user, office)
        .filter(legal_deadline__lte=horizon, clock_paused=False)
        .exclude(stage__in=DONE)
        .order_by("legal_deadline", "id")
    )
    rows = list(cases.select_related("assignee")[:10])
    return render_to_string(
        "legalisation/staff/panel_deadlines.html",
        {"rows": rows, "total": cases.count() if rows else 0, "today": today, "horizon": horizon},
        request=request,
    )


def mos_quarantine(request: Any) -> str:
    """Supervisors and office administrators: how many MOS packages were refused, and the way to them."""
    from .models import QuarantinedPackage

    office = getattr(request, "office", None)
    total = QuarantinedPackage.objects.filter(office=office).count()
    return render_to_string("legalisation/staff/panel_quarantine.html", {"total": total}, request=request)


def awaiting_assignment(request: Any) -> str:
    """Those who assign cases (supervisors): the open cases nobody handles yet, new MOS arrivals first.

    A case that arrives from MOS has no team and no handler; until someone assigns it only the office
    scope sees it, so it must not wait unnoticed.
    """
    office = getattr(request, "office", None)
    cases = (
        staff_cases(request.user, office)
        .filter(assignee__isnull=True)
        .exclude(stage__in=DONE)
        .order_by(F("team_id").asc(nulls_first=True), "filed_at", "id")  # no team yet: first
    )
    rows = list(cases.select_related("team")[:10])
    return render_to_string(
        "legalisation/staff/panel_unassigned.html",
        {"rows": rows, "total": cases.count() if rows else 0},
        request=request,
    )
