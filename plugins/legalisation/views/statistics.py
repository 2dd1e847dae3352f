"""The department's case statistics (staff, office scope): supervisors and office administrators."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from przystan import access
from przystan.audit.api import record_event

from .. import case_statistics as st
from ..models import Case
from ..policy import STATISTICS
from .guards import staff_guard


@staff_guard(STATISTICS, "view")
def statistics(request: HttpRequest) -> HttpResponse:
    """The figures with their charts and tables; ``?format=csv`` (the ``export`` action) downloads them."""
    form = st.StatisticsFilter(request.GET or None)
    valid = form.is_valid() if request.GET else True
    data = form.cleaned_data if request.GET and valid else {}
    export = request.GET.get("format") == "csv"
    if export:
        access.require(request, "export", STATISTICS)
    if not valid:
        if export:
            errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
            return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
        return render(
            request, "legalisation/staff/statistics.html", {"form": form, "figures": None}, status=400
        )
    date_from, date_to, type_code = data.get("date_from"), data.get("date_to"), data.get("type") or ""
    figures = st.compute(request.office, date_from=date_from, date_to=date_to, type_code=type_code)
    period = st.describe_period(date_from, date_to)
    if export:
        record_event(
            "export",
            Case,
            user=request.user,
            request=request,
            reason="case statistics",
            changes={"period": period, "type": type_code},
        )
        response = HttpResponse(
            st.to_csv(figures, period=period, type_label=st.describe_type(type_code)),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="case-statistics-{timezone.localdate()}.csv"'
        return response
    query = request.GET.copy()
    query["format"] = "csv"
    return render(
        request,
        "legalisation/staff/statistics.html",
        {
            "form": form,
            "figures": figures,
            "period": period,
            "type_label": st.describe_type(type_code),
            "median": st.number(figures.median_days),
            "on_time_share": st.number(figures.on_time_share),
            "processing": [
                {"row": p, "median": st.number(p.median_days), "on_time": st.number(p.on_time_share)}
                for p in figures.processing
            ],
            "stage_bars": st.bars(figures.by_stage),
            "type_bars": st.bars(figures.by_type),
            "can_export": access.allows(request.user, "export", STATISTICS, office=request.office),
            "csv_query": query.urlencode(),
            "today": timezone.localdate(),
            "on_time_label": _("Decided on time (%)"),
            "chart_note": _("The same figures are in the table below the chart."),
        },
    )
