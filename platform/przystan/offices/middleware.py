"""Resolve the office from the request host (one Wagtail Site per office) into ``request.office``."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from wagtail.models import Site


class OfficeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.office = office_for_request(request)  # type: ignore[attr-defined]
        return self.get_response(request)


def office_for_request(request: HttpRequest):  # noqa: ANN201 - returns Office | None
    from .models import Office

    site = Site.find_for_request(request)
    if site is None:
        return None
    return Office.objects.filter(site_id=site.pk).first()
