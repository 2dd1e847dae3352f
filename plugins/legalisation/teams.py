"""Teams of officers: a supervisor creates teams, changes their members and puts cases into a team.

An officer sees the cases of their teams and the cases assigned to them (the policy's ``team`` scope,
see policy.py); every change here is written to the audit log.
"""

from __future__ import annotations

import contextlib
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from przystan.audit.api import acting_as, record_event


def create_team(office: Any, name: str, by: Any) -> Any:
    from .models import Team

    name = " ".join((name or "").split())[:100]
    if not name:
        raise ValidationError(_("Give the team a name."))
    if Team.objects.filter(office=office, name__iexact=name).exists():
        raise ValidationError(_("A team with this name already exists."))
    with acting_as(by):
        return Team.objects.create(office=office, name=name)


def set_membership(team: Any, officer: Any, by: Any, *, member: bool) -> None:
    """Add ``officer`` to ``team`` or take them out (audited as a change of the team)."""
    with transaction.atomic():
        if member:
            team.members.add(officer)
        else:
            team.members.remove(officer)
        record_event(
            "update",
            team,
            by,
            changes={"members": {"added" if member else "removed": officer.email}},
        )


def set_case_team(case: Any, team: Any, by: Any) -> Any:
    """Put ``case`` into ``team`` (``None``: no team — its handler and supervisors see it)."""
    from .models import Case

    if team is not None and team.office_id != case.office_id:
        raise ValidationError(_("The team belongs to another office."))
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        locked.team = team
        with acting_as(by) if by is not None else contextlib.nullcontext():
            locked.save()
    case.refresh_from_db()
    return case
