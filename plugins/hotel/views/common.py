"""Helpers shared by the hotel views: the centre of the request's office the user works in."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from plugins.serce.models import Centre, Person

from ..access import can_work, centres_for, require_centre
from ..models import Placement, Transfer


def centre_for(request: HttpRequest, pk: int) -> Centre:
    """The centre ``pk`` of the request's office; 403 (audited) unless the user works there."""
    centre = get_object_or_404(Centre, pk=pk, office=request.office)
    require_centre(request, centre)
    return centre


def require_any_centre(request: HttpRequest) -> None:
    if not centres_for(request.user, request.office).exists():
        raise PermissionDenied


def person_for(request: HttpRequest, pk: int) -> tuple[Person, Placement | None]:
    """A person of the office the user may see: living in (or coming to) one of the user's centres."""
    person = get_object_or_404(Person, pk=pk, office=request.office)
    placement = (
        Placement.objects.select_related("bed__room__building", "centre")
        .filter(person=person, ended_at__isnull=True)
        .first()
    )
    if placement is not None:
        require_centre(request, placement.centre)
        return person, placement
    incoming = (
        Transfer.objects.filter(persons=person, status__in=Transfer.ACTIVE)
        .select_related("to_centre")
        .first()
    )
    if incoming is not None and can_work(request.user, incoming.to_centre):
        return person, None
    require_any_centre(request)  # people not placed yet: anyone who admits may see them
    return person, None
