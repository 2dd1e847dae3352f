"""Helpers shared by the views."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from przystan import access
from przystan.offices.enablement import hooks_for_office

from ..models import ServiceType
from ..policy import BOOKING


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


def works_at_counter(user: Any) -> bool:
    """True when the user's grant on bookings reaches beyond their own (staff, not public accounts)."""
    return access.widest_scope(user, "view", BOOKING) not in (None, access.Scope.OWN)


def counter_staff(view: Callable[..., Any]) -> Callable[..., Any]:
    """The counter's screens: a public account's own grant on its bookings does not open them."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not works_at_counter(request.user):
            from przystan.audit.api import record_denied

            record_denied(request.user, f"{BOOKING}:counter", None, request=request)
            raise PermissionDenied(_("Your role does not allow this."))
        return view(request, *args, **kwargs)

    return wrapped
