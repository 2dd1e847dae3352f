"""Who may work in which centre: per-object permissions on :class:`HotelCentre` (guardian).

A global ``hotel.work_in_centre`` (e.g. through a supervisor role) counts for every centre; centre
staff are granted it on their own centre only.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from plugins.serce.models import Centre
from przystan.accounts.access import can, grant, objects_for, require

from .models import HotelCentre

WORK = "hotel.work_in_centre"
APPROVE = "hotel.approve_transfer"
VIEW_MEDICAL = "hotel.view_medical"


def hotel_centre(centre: Centre) -> HotelCentre:
    found, _created = HotelCentre.objects.get_or_create(centre=centre)
    return found


def can_work(user: Any, centre: Centre) -> bool:
    return can(user, WORK, hotel_centre(centre))


def require_centre(request: HttpRequest, centre: Centre, perm: str = WORK) -> None:
    """403 (audited) unless the user works in ``centre``."""
    require(request, perm, hotel_centre(centre))


def grant_centre(user: Any, centre: Centre, *, approve: bool = False) -> None:
    """Make ``user`` staff of ``centre`` (optionally allowed to approve transfers out of it)."""
    target = hotel_centre(centre)
    grant(user, WORK, target)
    if approve:
        grant(user, APPROVE, target)


def centres_for(user: Any, office: Any) -> QuerySet[Centre]:
    """Active centres of ``office`` the user works in."""
    centres = Centre.objects.filter(office=office, active=True)
    if can(user, WORK):
        return centres
    allowed = objects_for(user, WORK, HotelCentre.objects.all()).values("centre_id")
    return centres.filter(pk__in=allowed)


def can_approve(user: Any, centre: Centre) -> bool:
    return can(user, APPROVE, hotel_centre(centre))
