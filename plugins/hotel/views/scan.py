"""The scanning desk: a keyboard-wedge scanner types the card number and Enter into the form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from przystan import access

from ..forms import ScanForm
from ..models import ScanEvent
from ..scanning import MEAL, current_meal, scan
from .common import centre_for


@access.guard("hotel.centre", "edit")
def scan_desk(request: HttpRequest, centre_id: int) -> HttpResponse:
    centre = centre_for(request, centre_id, "edit")
    result = None
    status = 200
    if request.method == "POST":
        form = ScanForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            result = scan(
                office=request.office,
                centre=centre,
                raw=data["code"],
                action=data["action"],
                meal=data.get("meal") if data["action"] == MEAL else None,
                user=request.user,
            )
            status = 200 if result.ok else 409
            # keep the chosen action and meal; empty the code for the next card
            form = ScanForm(initial={"action": data["action"], "meal": data.get("meal") or current_meal()})
    else:
        form = ScanForm(initial={"action": request.GET.get("action", "in"), "meal": current_meal()})
    recent = ScanEvent.objects.filter(centre=centre).select_related("person")[:10]
    return render(
        request,
        "hotel/scan.html",
        {"centre": centre, "form": form, "result": result, "recent": recent},
        status=status,
    )
