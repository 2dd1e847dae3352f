"""The legalisation plugin's part of the access policy: cases, teams and draft applications.

Scopes of ``legalisation.case``:

* ``own`` — the person of the case (``applicant``) or its employer;
* ``assignee`` — cases assigned to the staff member (the handler);
* ``team`` — cases of the teams the staff member belongs to, plus the cases assigned to them.

A case without a team and without a handler is seen by supervisors (office scope), who assign it
("dekretacja"); an officer then works on it as its handler.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from przystan.access import Action, Grant, Resource, Scope, ScopeRule
from przystan.access import grants as grants_of

CASE = "legalisation.case"
TEAM = "legalisation.team"
APPLICATION = "legalisation.application"
FILING_ROUTE = "legalisation.filing_route"
STATISTICS = "legalisation.statistics"
DEADLINE_RULE = "legalisation.deadline_rule"
INTAKE = "legalisation.intake"

ASSIGN = "assign"  # give the case to another handler (supervisors)
CLAIM = "claim"  # bind a case that arrived from MOS to one's own account (the foreigner, with the code)


def _own_cases(user: Any, qs: QuerySet[Any]) -> QuerySet[Any]:
    return qs.filter(Q(applicant=user) | Q(employer=user))


def _assigned_cases(user: Any, qs: QuerySet[Any]) -> QuerySet[Any]:
    return qs.filter(assignee=user)


def _team_cases(user: Any, qs: QuerySet[Any]) -> QuerySet[Any]:
    from .models import Team

    return qs.filter(Q(team__in=Team.objects.filter(members=user).values("pk")) | Q(assignee=user))


def _own_applications(user: Any, qs: QuerySet[Any]) -> QuerySet[Any]:
    return qs.filter(applicant=user)


def resources() -> list[Resource]:
    return [
        Resource(
            CASE,
            label=_("Residence cases"),
            actions=(
                Action.VIEW,
                Action.EDIT,
                Action.APPROVE,
                Action.EXPORT,
                Action.READ_SENSITIVE,
                ASSIGN,
                CLAIM,
            ),
            model="legalisation.Case",
            scopes={
                Scope.OWN: ScopeRule(
                    narrow=_own_cases, check=lambda u, c: u.pk in (c.applicant_id, c.employer_id)
                ),
                Scope.ASSIGNEE: ScopeRule(narrow=_assigned_cases, check=lambda u, c: c.assignee_id == u.pk),
                Scope.TEAM: ScopeRule(narrow=_team_cases),
            },
            sensitive=True,
            description=_(
                "A foreigner's residence case: stage, deadline, messages, documents. Editing moves it on; "
                "approving issues the decision; reading the documents and messages is a sensitive read."
            ),
        ),
        Resource(
            TEAM,
            label=_("Case teams"),
            actions=(Action.VIEW, Action.MANAGE),
            model="legalisation.Team",
            description=_("Teams of officers; a case in a team is handled by its members."),
        ),
        Resource(
            APPLICATION,
            label=_("Draft applications"),
            actions=(Action.VIEW, Action.EDIT),
            model="legalisation.Application",
            scopes={
                Scope.OWN: ScopeRule(narrow=_own_applications, check=lambda u, a: a.applicant_id == u.pk)
            },
            sensitive=True,
            description=_("An application a foreigner fills in the portal, until it becomes a case."),
        ),
        Resource(
            FILING_ROUTE,
            label=_("Filing routes"),
            actions=(Action.VIEW, Action.MANAGE),
            model="legalisation.FilingRoute",
            description=_(
                "Where each application type is filed (MOS, this portal, paper), from which date and on what "
                "legal basis; the portal offers a filing only where the route allows it."
            ),
        ),
        Resource(
            STATISTICS,
            label=_("Case statistics"),
            actions=(Action.VIEW, Action.EXPORT),
            model=None,
            # bound to the office although no record is passed: staff of another office get 404
            office_field="office",
            description=_(
                "The department's figures: cases by stage and type, processing times against the legal "
                "deadlines, officers' workload (CSV export)."
            ),
        ),
        Resource(
            DEADLINE_RULE,
            label=_("Legal deadline rules"),
            actions=(Action.VIEW, Action.MANAGE),
            model="legalisation.DeadlineRule",
            description=_(
                "How long the office has to decide each application type, and statutory suspensions."
            ),
        ),
        Resource(
            INTAKE,
            label=_("Packages arriving from MOS"),
            actions=(Action.VIEW, Action.EDIT),
            model="legalisation.QuarantinedPackage",
            description=_(
                "MOS submission packages: delivering them (edit, a service credential) and the "
                "quarantine of refused ones (view)."
            ),
        ),
    ]


def grants() -> list[Grant]:
    return [
        *grants_of("officer", Scope.TEAM, {CASE: (Action.VIEW, Action.EDIT, Action.READ_SENSITIVE)}),
        *grants_of(
            "supervisor",
            Scope.OFFICE,
            {
                CASE: (
                    Action.VIEW,
                    Action.EDIT,
                    Action.APPROVE,
                    Action.EXPORT,
                    Action.READ_SENSITIVE,
                    ASSIGN,
                ),
                TEAM: (Action.VIEW, Action.MANAGE),
                FILING_ROUTE: (Action.VIEW,),
                STATISTICS: (Action.VIEW, Action.EXPORT),
                DEADLINE_RULE: (Action.VIEW,),
                INTAKE: (Action.VIEW,),
            },
        ),
        *grants_of(
            "office_admin",
            Scope.OFFICE,
            {
                TEAM: (Action.VIEW, Action.MANAGE),
                FILING_ROUTE: (Action.VIEW, Action.MANAGE),
                STATISTICS: (Action.VIEW, Action.EXPORT),
                DEADLINE_RULE: (Action.VIEW, Action.MANAGE),
                INTAKE: (Action.VIEW,),
            },
        ),
        *grants_of("officer", Scope.OFFICE, {FILING_ROUTE: (Action.VIEW,)}),
        *grants_of("queue_officer", Scope.OFFICE, {CASE: (Action.VIEW,)}),
        # the person reads their own messages and documents; the employer sees the case only
        *grants_of(
            "foreigner",
            Scope.OWN,
            {CASE: (Action.VIEW, Action.READ_SENSITIVE, CLAIM), APPLICATION: (Action.VIEW, Action.EDIT)},
        ),
        *grants_of("employer", Scope.OWN, {CASE: (Action.VIEW,), APPLICATION: (Action.VIEW, Action.EDIT)}),
    ]
