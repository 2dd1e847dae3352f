"""Helpers shared by the hotel views: records of the request's office within the user's scope."""

from __future__ import annotations

from django.http import HttpRequest

from plugins.serce.models import Centre, Person
from przystan import access

from ..access import CENTRE, RESIDENT
from ..models import Placement


def centre_for(request: HttpRequest, pk: int, action: str = "view") -> Centre:
    """The centre ``pk`` if the user may ``action`` there: another office's is 404, a centre the user
    does not work in 403 (audited)."""
    return access.get_or_404(request, action, CENTRE, Centre.objects.all(), pk=pk)


def person_for(request: HttpRequest, pk: int, action: str = "view") -> tuple[Person, Placement | None]:
    """A person the user may ``action``: living in (or coming to) one of the user's centres, or a new
    arrival living in no other centre; with their open placement."""
    person = access.get_or_404(request, action, RESIDENT, Person.objects.all(), pk=pk)
    placement = (
        Placement.objects.select_related("bed__room__building", "centre")
        .filter(person=person, ended_at__isnull=True)
        .first()
    )
    return person, placement
