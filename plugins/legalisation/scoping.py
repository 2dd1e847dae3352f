"""Who sees which case: the person and employer (per-object permissions), officers by office/team."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from przystan.accounts import access

VIEW = "legalisation.view_case"
CHANGE = "legalisation.change_case"
SUPERVISE = "legalisation.supervise_case"


def is_officer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_office_staff", False))


def staff_cases(user: Any, office: Any) -> QuerySet[Any]:
    """Cases of ``office`` the staff member may see: a supervisor all, an officer their teams' and own."""
    from .models import Case

    if not is_officer(user) or office is None or not access.can(user, VIEW):
        return Case.objects.none()
    if not user.is_superuser and getattr(user, "home_office_id", None) not in (None, office.pk):
        return Case.objects.none()
    cases = Case.objects.filter(office=office)
    if access.can(user, SUPERVISE):
        return cases
    from .models import Team

    own_teams = Team.objects.filter(office=office, members=user).values("pk")
    return cases.filter(Q(team__isnull=True) | Q(team__in=own_teams) | Q(assignee=user))


def party_cases(user: Any, office: Any) -> QuerySet[Any]:
    """Cases where ``user`` is the person or the employer (per-object ``view_case`` grants)."""
    from .models import Case

    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    granted = access.objects_for(user, VIEW, Case.objects.filter(office=office))
    if access.can(user, VIEW):  # staff with a global permission: only the cases they are a party to
        granted = Case.objects.filter(office=office).filter(Q(applicant=user) | Q(employer=user))
    return granted


def staff_case_or_none(user: Any, office: Any, number: str) -> Any:
    return staff_cases(user, office).filter(number=number).first()


def can_change(user: Any, case: Any) -> bool:
    return access.can(user, SUPERVISE) or access.can(user, CHANGE, case)
