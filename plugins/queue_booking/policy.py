"""The access policy of visit booking: what each role may do with bookings, out-of-queue requests,
the booking set-up and the reports (contributed through ``access_resources``/``access_grants``).

* ``queue_booking.booking`` — visits. ``edit`` is the counter's work (check-in, call, serve, mark a
  no-show); ``export`` lists them out. ``own``: the person who booked (``user``) or the employer who
  booked for an employee (``employer``).
* ``queue_booking.out_of_queue`` — bookings outside the public queue: ``edit`` requests one,
  ``approve`` decides it (always a second person: the database refuses the requester).
* ``queue_booking.setup`` — service points, service types, weekly schedules, exceptions.
* ``queue_booking.report`` — statistics and the out-of-queue report of the request's office (no
  model of its own; bound to the office so staff of another office are refused).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from przystan.access import Action, Grant, Resource, Scope, ScopeRule
from przystan.access import grants as role_grants

BOOKING = "queue_booking.booking"
OUT_OF_QUEUE = "queue_booking.out_of_queue"
SETUP = "queue_booking.setup"
REPORT = "queue_booking.report"


def own_bookings(user: Any, queryset: QuerySet[Any]) -> QuerySet[Any]:
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    return queryset.filter(Q(user_id=user.pk) | Q(employer_id=user.pk))


def _is_own_booking(user: Any, booking: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.pk in (
        booking.user_id,
        booking.employer_id,
    )


def resources() -> list[Resource]:
    return [
        Resource(
            BOOKING,
            label=_("Visits"),
            actions=(Action.VIEW, Action.EDIT, Action.EXPORT),
            model="queue_booking.Booking",
            scopes={Scope.OWN: ScopeRule(narrow=own_bookings, check=_is_own_booking)},
            sensitive=True,  # name, identity document and contact of a person: reads are audited
            description=_(
                "Booked visits of the office; editing is the counter's work: check-in, calling, serving."
            ),
        ),
        Resource(
            OUT_OF_QUEUE,
            label=_("Out-of-queue bookings"),
            actions=(Action.VIEW, Action.EDIT, Action.APPROVE),
            model="queue_booking.OutOfQueueRequest",
            description=_(
                "Bookings outside the public queue: requested with a reason, approved by a second person."
            ),
        ),
        Resource(
            SETUP,
            label=_("Visit booking set-up"),
            actions=(Action.VIEW, Action.MANAGE),
            model=None,
            description=_("Service points, service types, weekly schedules and schedule exceptions."),
        ),
        Resource(
            REPORT,
            label=_("Visit reports"),
            actions=(Action.VIEW, Action.EXPORT),
            model=None,
            description=_("Visit statistics and the out-of-queue report of the office."),
        ),
    ]


def grants() -> list[Grant]:
    found: list[Grant] = []
    found += role_grants(
        "queue_officer",
        Scope.OFFICE,
        {BOOKING: ("view", "edit"), OUT_OF_QUEUE: ("view", "edit"), REPORT: ("view",)},
    )
    found += role_grants("officer", Scope.OFFICE, {BOOKING: ("view",), OUT_OF_QUEUE: ("view", "edit")})
    found += role_grants(
        "supervisor",
        Scope.OFFICE,
        {
            BOOKING: ("view", "edit", "export"),
            OUT_OF_QUEUE: ("view", "approve"),
            SETUP: ("view",),
            REPORT: ("view",),
        },
    )
    found += role_grants("office_admin", Scope.OFFICE, {SETUP: ("view", "manage")})
    found += role_grants("foreigner", Scope.OWN, {BOOKING: ("view", "edit")})
    found += role_grants("employer", Scope.OWN, {BOOKING: ("view", "edit")})
    return found
