"""Who may see and edit what in the register — the serce side of the access policy.

The decisions are the platform's (:mod:`przystan.access`, declared in :mod:`plugins.serce.policy`);
this module holds what the policy's ``centre`` scope needs and the helpers views share:

* **Areas** (personal data, stays, addresses, benefits, education, food, medical): each is a policy
  resource (``serce.person``, ``serce.stay``, ...), granted to roles in :mod:`plugins.serce.policy`.
* **Centres**: staff who work in reception centres hold the per-object permission
  ``serce.work_in_centre`` on those centres (django-guardian, granted with :func:`assign_to_centre`);
  the ``centre`` scope of every resource is "the persons currently staying in those centres, and
  their records". Only this per-object grant counts — never a global permission or a superuser flag.

Every refusal goes through :func:`przystan.access.require` and so lands in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import get_objects_for_user

from przystan import access
from przystan.accounts.access import grant, revoke

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

WORK_IN_CENTRE = "serce.work_in_centre"
PERSON = "serce.person"


@dataclass(frozen=True)
class Area:
    slug: str
    label: Promise
    models: tuple[type[Model], ...]
    resource: str
    special_category: bool = False


AREAS: dict[str, Area] = {
    area.slug: area
    for area in (
        Area("stays", _("Stays in centres"), (Stay,), "serce.stay"),
        Area("addresses", _("Addresses outside centres"), (Address,), "serce.address"),
        Area("benefits", _("Social benefits"), (Benefit,), "serce.benefit"),
        Area("education", _("Education"), (SchoolEnrolment, SchoolSupply), "serce.education"),
        Area("food", _("Food and diets"), (FoodArrangement,), "serce.food"),
        Area(
            "medical",
            _("Medical filter and special needs"),
            (MedicalFilter, SpecialNeed),
            "serce.medical",
            special_category=True,
        ),
    )
}


def area_resource(area: str) -> str:
    """The policy resource of an area slug (``"personal"`` is the person record itself)."""
    return PERSON if area == "personal" else AREAS[area].resource


# ----------------------------------------------------------------------------- the centre scope


def work_centres(user: Any) -> QuerySet[Centre]:
    """Centres on which ``user`` holds ``serce.work_in_centre`` itself (per object, not via a role)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Centre.objects.none()
    return get_objects_for_user(
        user, WORK_IN_CENTRE, klass=Centre, accept_global_perms=False, with_superuser=False
    )


def resident_ids(user: Any) -> QuerySet[Any]:
    """Primary keys of the persons currently staying in the user's centres."""
    return Stay.objects.filter(centre__in=work_centres(user).values("pk"), date_to__isnull=True).values(
        "person_id"
    )


def _work_centre_ids(user: Any) -> set[int]:
    return set(work_centres(user).values_list("pk", flat=True))


def is_resident_of_users_centre(user: Any, person_id: int | None) -> bool:
    if person_id is None:
        return False
    return Stay.objects.filter(
        person_id=person_id, date_to__isnull=True, centre_id__in=_work_centre_ids(user)
    ).exists()


# ----------------------------------------------------------------------------- helpers of views


def visible_persons(user: Any, office: Any, action: str = "view") -> QuerySet[Person]:
    """The persons of ``office`` that ``user`` may ``action`` (view by default)."""
    return access.visible(user, action, PERSON, Person.objects.filter(office=office), office=office)


def staff_centres(user: Any, office: Any) -> QuerySet[Centre]:
    """Centres of ``office`` whose residents ``user`` works with (all of them for office-wide roles)."""
    return access.visible(user, "view", "serce.centre", Centre.objects.filter(office=office), office=office)


def person_for(request: HttpRequest, pk: int, action: str = "view") -> Person:
    """The person ``pk`` if the user may ``action`` on them: another office's is 404, outside the
    user's centres 403 (audited)."""
    return access.get_or_404(request, action, PERSON, Person.objects.all(), pk=pk)


def area_access(user: Any, office: Any) -> dict[str, dict[str, bool]]:
    """``{area: {"view": bool, "change": bool}}`` for templates (the records are narrowed too)."""
    found = {
        slug: {
            "view": access.allows(user, "view", area.resource, office=office),
            "change": access.allows(user, "edit", area.resource, office=office),
        }
        for slug, area in AREAS.items()
    }
    found["personal"] = {
        "view": access.allows(user, "view", PERSON, office=office),
        "change": access.allows(user, "edit", PERSON, office=office),
    }
    return found


def assign_to_centre(user: Any, centre: Centre) -> None:
    """Let ``user`` (reception-centre staff, social worker, medical staff) work in ``centre``."""
    grant(user, WORK_IN_CENTRE, centre)


def remove_from_centre(user: Any, centre: Centre) -> None:
    revoke(user, WORK_IN_CENTRE, centre)
