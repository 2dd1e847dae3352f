"""The supervisor's team screen: teams of the office, their members, and putting a case into a team."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from przystan import access

from ..models import Team
from ..policy import TEAM
from ..teams import create_team, set_case_team, set_membership
from .guards import staff_guard
from .staff import _case_or_404, _officers


@staff_guard(TEAM, "manage")
def team_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "create":
            try:
                team = create_team(request.office, request.POST.get("name", ""), request.user)
            except ValidationError as exc:
                messages.error(request, exc.messages[0])
            else:
                messages.success(request, _("The team “%(name)s” has been created.") % {"name": team.name})
        elif action in ("add", "remove"):
            team = Team.objects.filter(office=request.office, pk=request.POST.get("team") or 0).first()
            officer_id = request.POST.get("officer", "")
            officer = (
                _officers(request.office).filter(pk=officer_id).first() if officer_id.isdigit() else None
            )
            if team is None or officer is None:
                messages.error(request, _("Choose a team and an officer of this office."))
            else:
                set_membership(team, officer, request.user, member=action == "add")
                messages.success(request, _("The team has been updated."))
        return redirect("legalisation-staff:teams")
    teams = Team.objects.filter(office=request.office).prefetch_related("members").order_by("name")
    return render(
        request,
        "legalisation/staff/teams.html",
        {"teams": teams, "officers": _officers(request.office)},
    )


@staff_guard(TEAM, "manage")
@require_POST
def case_team(request: HttpRequest, number: str) -> HttpResponse:
    case = _case_or_404(request, number, "edit")
    access.require(request, "manage", TEAM)
    team_id = request.POST.get("team", "")
    team = Team.objects.filter(office=request.office, pk=team_id).first() if team_id.isdigit() else None
    if team_id and team is None:
        messages.error(request, _("Choose a team of this office."))
    else:
        set_case_team(case, team, request.user)
        messages.success(request, _("The case's team has been changed."))
    return redirect("legalisation-staff:case", case.number)
