"""The teams a case officer works in, chosen in the office administrator's onboarding screen.

Implements the ``staff_scope_fields`` hook: the office's own teams only (a team of another office is
not a choice, so a tampered POST is refused by the form). Officers see the cases of their teams (the
policy's ``team`` scope, :mod:`plugins.legalisation.policy`), so a role granted cases in that scope
needs a team once the office has teams; without teams the field is offered but not required (the
officer then works on the cases assigned to them). Saving changes the membership, audited per team.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from przystan.access import Scope
from przystan.pluginsys.contributions import StaffScopeField

FIELD = "legalisation_teams"


def team_roles() -> tuple[str, ...]:
    """Roles that see cases by team (the policy's ``team`` scope)."""
    from .policy import grants

    return tuple(sorted({grant.role for grant in grants() if grant.scope is Scope.TEAM}))


def fields(office: Any) -> list[StaffScopeField]:
    if office is None:
        return []
    from .models import Team

    teams = Team.objects.filter(office=office).order_by("name")

    def initial(user: Any) -> list[Any]:
        return list(teams.filter(members=user))

    def save(user: Any, chosen: Any) -> None:
        from .teams import set_membership

        wanted = {team.pk for team in chosen or ()}
        held = set(teams.filter(members=user).values_list("pk", flat=True))
        for team in teams.filter(pk__in=wanted ^ held):
            set_membership(team, user, ..., member=team.pk in wanted)  # ...: the acting user

    return [
        StaffScopeField(
            FIELD,
            field=forms.ModelMultipleChoiceField(
                queryset=teams,
                label=_("Case teams the person works in"),
                help_text=_("A case officer sees the cases of these teams and the cases assigned to them."),
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "invalid_choice": _("Choose teams of this office only."),
                    "invalid_pk_value": _("Choose teams of this office only."),
                },
            ),
            roles=team_roles() if teams.exists() else (),
            save=save,
            initial=initial,
        )
    ]
