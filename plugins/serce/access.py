"""Who may see and edit what in the register.

Two layers:

* **Areas** (personal data, stays, addresses, benefits, education, food, medical): each has a view
  and a change permission, granted to staff roles through the ``role_permissions`` hook
  (see :mod:`plugins.serce.hooks`). A social worker, for example, may view but not edit education.
* **Persons**: staff holding ``serce.view_person`` (register officers, social workers, medical
  staff, supervisors) see every person of their office; reception-centre staff see only the current
  residents of the centres on which they hold the per-object permission ``serce.work_in_centre``
  (granted with :func:`assign_to_centre`).

Every refusal goes through :func:`przystan.accounts.access.require` or ``record_denied`` and so
lands in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import get_objects_for_user

from przystan.accounts import access
from przystan.audit.api import record_denied

from .models import (
    Address,
    Benefit,
    Centre,
    FoodArrangement,
    MedicalFilter,
    Person,
    SchoolEnrolment,
    SchoolSupply,
    SpecialNeed,
    Stay,
)

VIEW_ALL_PERSONS = "serce.view_person"
WORK_IN_CENTRE = "serce.work_in_centre"


@dataclass(frozen=True)
class Area:
    slug: str
    label: Promise
    models: tuple[type[Model], ...]
    view_permission: str
    change_permission: str
    special_category: bool = False


AREAS: dict[str, Area] = {
    area.slug: area
    for area in (
        Area("stays", _("Stays in centres"), (Stay,), "serce.view_stay", "serce.change_stay"),
        Area(
            "addresses",
            _("Addresses outside centres"),
            (Address,),
            "serce.view_address",
            "serce.change_address",
        ),
        Area("benefits", _("Social benefits"), (Benefit,), "serce.view_benefit", "serce.change_benefit"),
        Area(
            "education",
            _("Education"),
            (SchoolEnrolment, SchoolSupply),
            "serce.view_schoolenrolment",
            "serce.change_schoolenrolment",
        ),
        Area(
            "food",
            _("Food and diets"),
            (FoodArrangement,),
            "serce.view_foodarrangement",
            "serce.change_foodarrangement",
        ),
        Area(
            "medical",
            _("Medical filter and special needs"),
            (MedicalFilter, SpecialNeed),
            "serce.view_medicalfilter",
            "serce.change_medicalfilter",
            special_category=True,
        ),
    )
}
PERSONAL_VIEW = "serce.view_person"
PERSONAL_CHANGE = "serce.change_person"


def staff_centres(user: Any, office: Any) -> QuerySet[Centre]:
    """Centres whose residents ``user`` works with (all of the office for register-wide roles)."""
    centres = Centre.objects.filter(office=office)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return centres.none()
    if user.has_perm(VIEW_ALL_PERSONS):
        return centres
    return get_objects_for_user(user, WORK_IN_CENTRE, klass=centres, accept_global_perms=False)


def visible_persons(user: Any, office: Any) -> QuerySet[Person]:
    """The persons of ``office`` that ``user`` may see at all."""
    persons = Person.objects.filter(office=office)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return persons.none()
    if user.has_perm(VIEW_ALL_PERSONS):
        return persons
    centres = staff_centres(user, office)
    residents = Stay.objects.filter(centre__in=centres, date_to__isnull=True).values("person_id")
    return persons.filter(pk__in=residents)


def can_see_person(user: Any, person: Person) -> bool:
    return visible_persons(user, person.office).filter(pk=person.pk).exists()


def person_for(request: HttpRequest, pk: int, permission: str | None = None) -> Person:
    """The person ``pk`` of the request's office if the user may see it (and hold ``permission``).

    Unknown persons are 404; a person outside the user's centres, or a missing area permission, is a
    logged denial (403).
    """
    person = Person.objects.filter(office=request.office, pk=pk).first()
    if person is None:
        raise Http404
    if not can_see_person(request.user, person):
        record_denied(request.user, WORK_IN_CENTRE, person, request=request)
        raise PermissionDenied(_("This person is not a resident of your centre."))
    if permission:
        access.require(request, permission, person)
    return person


def can(user: Any, permission: str) -> bool:
    return access.can(user, permission)


def area_access(user: Any) -> dict[str, dict[str, bool]]:
    """``{area: {"view": bool, "change": bool}}`` for templates."""
    return {
        slug: {
            "view": access.can(user, area.view_permission),
            "change": access.can(user, area.change_permission),
        }
        for slug, area in AREAS.items()
    }


def assign_to_centre(user: Any, centre: Centre) -> None:
    """Let ``user`` (reception-centre staff) see and edit the residents of ``centre``."""
    access.grant(user, WORK_IN_CENTRE, centre)


def remove_from_centre(user: Any, centre: Centre) -> None:
    access.revoke(user, WORK_IN_CENTRE, centre)
