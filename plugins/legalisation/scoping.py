"""Which cases a person sees, asked of the access policy (``legalisation.case``, see policy.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from przystan import access

from .policy import CASE, _own_cases


def staff_cases(user: Any, office: Any, action: str = "view") -> QuerySet[Any]:
    """Cases of ``office`` on which ``user`` may ``action`` (their scope: team, assigned, office)."""
    from .models import Case

    if office is None:
        return Case.objects.none()
    return access.visible(user, action, CASE, Case.objects.filter(office=office), office=office)


def party_cases(user: Any, office: Any) -> QuerySet[Any]:
    """Cases of ``office`` where ``user`` is the person or the employer (the portal's ``own`` scope)."""
    from .models import Case

    if office is None or not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    return _own_cases(
        user, access.visible(user, "view", CASE, Case.objects.filter(office=office), office=office)
    )
