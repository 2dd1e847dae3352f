"""The staff dashboard panel: free places in the user's centres and across the country."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from .access import centres_for
from .places import national_occupancy, occupancy


def free_places_panel(request: HttpRequest) -> str:
    centres = centres_for(request.user, getattr(request, "office", None))
    rows = occupancy(centres)
    if not rows:
        return ""
    return render_to_string(
        "hotel/panel.html", {"rows": rows, "national": national_occupancy()}, request=request
    )
