"""Reports and statistics of the register: tables, inline SVG charts, CSV downloads."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from przystan.audit.api import record_event

from .. import access
from ..models import BenefitKind
from ..nationalities import nationality_name
from ..services import reports
from .common import serce_view

REPORT = "serce.report"


def _tables(request: HttpRequest) -> dict[str, dict]:
    persons = access.visible_persons(request.user, request.office)
    kinds = dict(BenefitKind.choices)
    by_centre = reports.persons_by_centre(persons, request.office)
    by_nationality = [(nationality_name(code), n) for code, n in reports.persons_by_nationality(persons)]
    by_age = reports.persons_by_age_band(persons)
    paid = [
        (month, str(kinds.get(kind, kind)), f"{total / 100:.2f}")
        for month, kind, total in reports.benefits_paid(request.office)
    ]
    occupancy = reports.occupancy(request.office)
    return {
        "centres": {
            "title": _("Persons by centre"),
            "header": (_("Centre"), _("Persons")),
            "rows": by_centre,
            "chart": True,
        },
        "nationalities": {
            "title": _("Persons by nationality"),
            "header": (_("Nationality"), _("Persons")),
            "rows": by_nationality,
            "chart": True,
        },
        "ages": {
            "title": _("Persons by age band"),
            "header": (_("Age"), _("Persons")),
            "rows": by_age,
            "chart": True,
        },
        "benefits": {
            "title": _("Benefits paid per month and type"),
            "header": (_("Month"), _("Benefit"), _("Amount (zł)")),
            "rows": paid,
            "chart": False,
        },
        "occupancy": {
            "title": _("Occupancy of centres (residents on the 15th of the month)"),
            "header": (_("Month"), _("Centre"), _("Residents"), _("Capacity")),
            "rows": occupancy,
            "chart": False,
        },
    }


@serce_view(REPORT, "view")
def statistics(request: HttpRequest) -> HttpResponse:
    tables = _tables(request)
    for table in tables.values():
        if table["chart"]:
            table["svg"] = mark_safe(reports.bar_chart_svg(table["rows"][:15], table["title"]))  # noqa: S308 - escaped in builder
    return render(request, "serce/statistics.html", {"tables": tables, "nav": "reports"})


@serce_view(REPORT, "export")
def statistics_csv(request: HttpRequest, name: str) -> HttpResponse:
    tables = _tables(request)
    if name not in tables:
        raise Http404
    table = tables[name]
    record_event("export", None, request=request, reason=f"serce statistics {name}")
    response = HttpResponse(
        reports.to_csv(tuple(str(h) for h in table["header"]), table["rows"]),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="serce-{name}.csv"'
    return response
