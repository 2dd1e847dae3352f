"""The hotel base's side of the access policy: who works in which centre.

Staff of a centre are the register's staff of that centre: the per-object permission
``serce.work_in_centre`` on the serce :class:`~plugins.serce.models.Centre` (django-guardian), given in the
onboarding screen or with :func:`grant_centre`. That is the policy's ``centre`` scope here too
(:mod:`plugins.hotel.policy`): one membership for both modules, so a worker of one centre never sees
another centre's residents in the hotel base while the register hides them. Only the per-object grant
counts — never a global permission; office-wide roles reach every centre through their ``office`` grants.
(The hotel base once kept its own ``hotel.work_in_centre``; migration 0003 copied those grants over.)
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from plugins.serce.access import assign_to_centre, remove_from_centre, work_centres
from plugins.serce.models import Centre
from przystan import access

from .models import HotelCentre, Placement, Transfer

CENTRE = "hotel.centre"
RESIDENT = "hotel.resident"
TRANSFER = "hotel.transfer"
MEDICAL = "hotel.medical"


def hotel_centre(centre: Centre) -> HotelCentre:
    found, _created = HotelCentre.objects.get_or_create(centre=centre)
    return found


def work_centre_ids(user: Any) -> list[int]:
    """The centres ``user`` works in (the register's per-object grant, not through a role)."""
    return list(work_centres(user).values_list("pk", flat=True))


def grant_centre(user: Any, centre: Centre) -> None:
    """Make ``user`` staff of ``centre`` (what they may do there is their role's)."""
    assign_to_centre(user, centre)


def revoke_centre(user: Any, centre: Centre) -> None:
    remove_from_centre(user, centre)


def works_in(user: Any, centre: Centre) -> bool:
    """Holds the per-object grant on ``centre`` (not through a role)."""
    return centre.pk in work_centre_ids(user)


# ----------------------------------------------------------------------------- scope rules


def residents_in_scope(user: Any) -> Q:
    """Persons placed in one of the user's centres, coming there by an approved transfer, or living
    in no other centre yet (new arrivals: whoever admits may find them)."""
    from plugins.serce.models import Stay

    ids = work_centre_ids(user)
    if not ids:
        return Q(pk__in=[])
    placed_here = Placement.objects.filter(centre_id__in=ids, ended_at__isnull=True).values("person_id")
    incoming = Transfer.objects.filter(
        to_centre_id__in=ids, status__in=(Transfer.Status.APPROVED, Transfer.Status.IN_TRANSIT)
    ).values("persons")
    elsewhere_placed = Placement.objects.filter(ended_at__isnull=True).exclude(centre_id__in=ids)
    elsewhere_staying = Stay.objects.filter(date_to__isnull=True).exclude(centre_id__in=ids)
    arrivals = ~Q(pk__in=elsewhere_placed.values("person_id")) & ~Q(
        pk__in=elsewhere_staying.values("person_id")
    )
    return Q(pk__in=placed_here) | Q(pk__in=incoming) | arrivals


def transfers_in_scope(user: Any) -> Q:
    ids = work_centre_ids(user)
    receiving = (Transfer.Status.APPROVED, Transfer.Status.IN_TRANSIT, Transfer.Status.COMPLETED)
    return Q(from_centre_id__in=ids) | Q(to_centre_id__in=ids, status__in=receiving)


# ----------------------------------------------------------------------------- helpers of views


def centres_for(user: Any, office: Any, action: str = "view") -> QuerySet[Centre]:
    """Active centres of ``office`` where ``user`` may ``action`` (view by default)."""
    centres = Centre.objects.filter(office=office, active=True)
    return access.visible(user, action, CENTRE, centres, office=office)


def can_work(user: Any, centre: Centre, office: Any = None, action: str = "edit") -> bool:
    return access.allows(user, action, CENTRE, centre, office=office or centre.office_id)


def can_approve(user: Any, transfer: Transfer, office: Any = None) -> bool:
    return access.allows(user, "approve", TRANSFER, transfer, office=office)


def can_read_medical(user: Any, person: Any, office: Any = None) -> bool:
    from .family import needs_of

    return access.allows(user, "view", MEDICAL, needs_of(person), office=office)
