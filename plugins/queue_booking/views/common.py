"""Helpers shared by the views."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from przystan.offices.enablement import hooks_for_office

from ..models import ServiceType


def office_of(request: HttpRequest) -> Any:
    office = getattr(request, "office", None)
    if office is None:
        raise Http404
    return office


def service_type_or_404(office: Any, code: str) -> ServiceType:
    service_type = ServiceType.objects.filter(office=office, code=code, active=True).first()
    if service_type is None:
        raise Http404
    return service_type


def case_module_answers(office: Any) -> bool:
    """True when a plugin enabled for the office answers ``case_lookup`` (the case fields are shown)."""
    return bool(hooks_for_office(office).case_lookup.get_hookimpls())


def client_ip(request: HttpRequest) -> str:
    """The booking's client address under the platform's one client-IP policy."""
    from przystan.web.client_ip import client_ip_or_unknown

    return client_ip_or_unknown(request)
