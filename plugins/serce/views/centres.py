"""Centres of the office with their current occupancy."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import access
from .common import serce_view


@serce_view()
def centre_list(request: HttpRequest) -> HttpResponse:
    centres = access.staff_centres(request.user, request.office).annotate(
        residents=Count("stays", filter=Q(stays__date_to__isnull=True))
    )
    return render(request, "serce/centres.html", {"centres": centres, "nav": "centres"})
