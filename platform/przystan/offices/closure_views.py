"""The office's days off (``/staff/closures/``): the year's statutory holidays, the office's closures
(designated days off, its own) and the form to add one — for office administrators and supervisors.

Adding a day asks the plugins what it affects (``office_closure_impact``: booked visits) and, when
something is, makes the staff member choose what happens to it; then the plugins stop offering the
day (``office_closure_added``). Removing one lets them offer it again (``office_closure_removed``).
Changes are audited (the model is registered with the audit service).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from przystan import access

from .closure_forms import OfficeClosureForm
from .closures import closed_days
from .enablement import hooks_for_office
from .models import OfficeClosure

RESOURCE = "offices.closure"


def _year(request: HttpRequest) -> int:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        return today.year
    return year if today.year - 5 <= year <= today.year + 5 else today.year


def _impact(office: Any) -> Any:
    def impact_of(day: datetime.date) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for answer in hooks_for_office(office).office_closure_impact(office=office, day=day):
            found.extend(answer or [])
        return found

    return impact_of


def _rows(request: HttpRequest, office: Any) -> Any:
    rows = OfficeClosure.objects.filter(office=office).select_related("created_by")
    return access.visible(request.user, "manage", RESOURCE, rows, office=office)


def _list_url(year: int) -> str:
    return f"{reverse('office_closures:list')}?year={year}"


@access.staff_guard(RESOURCE, "manage")
def closure_list(request: HttpRequest) -> HttpResponse:
    office = getattr(request, "office", None)
    year = _year(request)
    language = translation.get_language() or "pl"
    form = OfficeClosureForm(request.POST or None, office=office, impact_of=_impact(office))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            closure = form.save(commit=False)
            closure.office = office
            closure.created_by = request.user
            closure.save()
            done: list[str] = []
            for answer in hooks_for_office(office).office_closure_added(
                office=office, day=closure.date, cancel_bookings=form.cancel_bookings
            ):
                done.extend(str(line) for line in answer or [])
        shown = formats.date_format(closure.date, "DATE_FORMAT")
        messages.success(request, " ".join([_("The office is closed on %(date)s.") % {"date": shown}, *done]))
        return redirect(_list_url(closure.date.year))
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    rows = {row.date: row for row in _rows(request, office).filter(date__gte=start, date__lte=end)}
    days = [
        {"day": day, "closed": closed, "row": rows.get(day)}
        for day, closed in closed_days(office, start, end, language).items()
    ]
    context = {
        "office": office,
        "year": year,
        "days": days,
        "form": form,
        "impact": form.impact,
        "years": [year - 1, year + 1],
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "offices/closures.html", context, status=status)


@access.staff_guard(RESOURCE, "manage")
def closure_delete(request: HttpRequest, pk: int) -> HttpResponse:
    # the policy decides: another office's day off answers 404, except to the platform administrator
    closures = OfficeClosure.objects.select_related("office")
    closure = access.get_or_404(request, "manage", RESOURCE, closures, pk=pk)
    office = closure.office
    if request.method == "POST":
        day = closure.date
        with transaction.atomic():
            closure.delete()
            done: list[str] = []
            for answer in hooks_for_office(office).office_closure_removed(office=office, day=day):
                done.extend(str(line) for line in answer or [])
        shown = formats.date_format(day, "DATE_FORMAT")
        messages.success(
            request, " ".join([_("The day off on %(date)s was removed.") % {"date": shown}, *done])
        )
        return redirect(_list_url(day.year))
    language = translation.get_language() or "pl"
    return render(
        request,
        "offices/closure_delete.html",
        {"closure": closure, "name": closure.name_in(language), "back": _list_url(closure.date.year)},
    )
