"""Who may handle (be assigned) a case: staff of the office whose role may edit cases and, for a
case in a team, only members of that team."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from przystan.access import Action
from przystan.access.table import policy_table

from .policy import CASE


def editing_roles() -> list[str]:
    """The roles whose grant on ``legalisation.case`` holds ``edit`` (in any scope)."""
    return sorted({g.role for g in policy_table().grants_for(CASE) if Action.EDIT in g.actions})


def office_handlers(office: Any) -> QuerySet[Any]:
    """Active staff of ``office`` who may edit cases, by name."""
    return (
        get_user_model()
        .objects.filter(kind="staff", home_office=office, is_active=True, groups__name__in=editing_roles())
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def case_handlers(case: Any) -> QuerySet[Any]:
    """The people ``case`` may be assigned to."""
    people = office_handlers(case.office)
    if case.team_id is not None:
        people = people.filter(legal_teams=case.team_id)
    return people
