"""The hotel base's part of the access policy: its resources (with the ``centre`` scope) and grants.

The ``centre`` scope is the centres on which the user holds the per-object ``hotel.work_in_centre``
(:mod:`plugins.hotel.access`): their beds and desks, their residents (and new arrivals living in no
other centre), transfers from or to them. The legalisation case officer and the editor hold nothing.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.access import Action, Grant, Resource, Scope, ScopeRule
from przystan.access import grants as many

from . import access as hotel_access

V, E, A, M = Action.VIEW, Action.EDIT, Action.APPROVE, Action.MANAGE


def _centres() -> ScopeRule:
    return ScopeRule(
        narrow=lambda user, qs: qs.filter(pk__in=hotel_access.work_centre_ids(user)),
        check=lambda user, obj: obj.pk in hotel_access.work_centre_ids(user),
    )


def _residents() -> ScopeRule:
    return ScopeRule(narrow=lambda user, qs: qs.filter(hotel_access.residents_in_scope(user)))


def _person_records() -> ScopeRule:
    def check(user: Any, obj: Any) -> bool:
        from plugins.serce.models import Person

        return Person.objects.filter(hotel_access.residents_in_scope(user), pk=obj.person_id).exists()

    def narrow(user: Any, qs: Any) -> Any:
        from plugins.serce.models import Person

        return qs.filter(person__in=Person.objects.filter(hotel_access.residents_in_scope(user)))

    return ScopeRule(narrow=narrow, check=check)


def _transfers() -> ScopeRule:
    return ScopeRule(narrow=lambda user, qs: qs.filter(hotel_access.transfers_in_scope(user)))


def resources() -> list[Resource]:
    return [
        Resource(
            hotel_access.CENTRE,
            label=_("Hotel base: centres"),
            actions=(V, E, M),
            model="serce.Centre",
            scopes={Scope.CENTRE: _centres()},
            description=_(
                "Free places and the layout of a centre; edit: rooms, beds, the scanning desk and meals; "
                "manage: who works in the centre."
            ),
        ),
        Resource(
            hotel_access.RESIDENT,
            label=_("Hotel base: residents"),
            model="serce.Person",
            scopes={Scope.CENTRE: _residents()},
            description=_("Referrals, admissions to beds, resident cards and leaving the centre."),
        ),
        Resource(
            hotel_access.TRANSFER,
            label=_("Hotel base: transfers between centres"),
            actions=(V, E, A),
            model="hotel.Transfer",
            office_field="from_centre__office",
            scopes={Scope.CENTRE: _transfers()},
            description=_(
                "Edit: request a transfer; approve: a second person, never the one who requested it."
            ),
        ),
        Resource(
            hotel_access.MEDICAL,
            label=_("Hotel base: health notes of accommodation needs"),
            model="hotel.AccommodationNeeds",
            office_field="person__office",
            scopes={Scope.CENTRE: _person_records()},
            sensitive=True,
            description=_(
                "Health notes for the accommodation and in transfer reports; every read is audited."
            ),
        ),
    ]


def grants() -> list[Grant]:
    centre, office = Scope.CENTRE, Scope.OFFICE
    c, r, t, m = hotel_access.CENTRE, hotel_access.RESIDENT, hotel_access.TRANSFER, hotel_access.MEDICAL
    return [
        *many("centre_staff", centre, {c: (V, E), r: (V, E), t: (V, E)}),
        *many("medical", centre, {c: (V,), r: (V,), m: (V, E)}),
        *many("supervisor", office, {c: (V, E), r: (V, E), t: (V, E, A)}),
        *many("office_admin", office, {c: (V, M)}),
    ]
