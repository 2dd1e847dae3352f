"""Centres of the office: occupancy list, editing (office administrators) and staff assignment.

Assigning a member of staff to a centre grants ``serce.work_in_centre`` on that centre (guardian), which
is the policy's ``centre`` scope: the residents of those centres (:mod:`plugins.serce.policy`).
Centre edits are audited through the model registration; assignments are recorded as changes of the
centre's staff list (before/after).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from guardian.shortcuts import get_users_with_perms

from przystan import access as policy
from przystan.audit.api import AuditAction, record_event

from .. import access
from ..forms import CentreForm
from ..models import Centre
from .common import serce_view

CENTRE = "serce.centre"


@serce_view(CENTRE, "view")
def centre_list(request: HttpRequest) -> HttpResponse:
    centres = access.staff_centres(request.user, request.office).annotate(
        residents=Count("stays", filter=Q(stays__date_to__isnull=True))
    )
    return render(
        request,
        "serce/centres.html",
        {
            "centres": centres,
            "can_add": policy.allows(request.user, "manage", CENTRE, office=request.office),
            "can_change": policy.allows(request.user, "manage", CENTRE, office=request.office),
            "nav": "centres",
        },
    )


@serce_view(CENTRE, "manage")
def centre_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if pk:
        centre = policy.get_or_404(request, "manage", CENTRE, Centre.objects.all(), pk=pk)
    else:
        centre = Centre(office=request.office)
    form = CentreForm(request.POST or None, instance=centre)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("serce:centre-list")
    return render(request, "serce/centre_form.html", {"form": form, "centre": centre, "nav": "centres"})


def assigned_staff(centre: Centre) -> list:
    """Users holding ``serce.work_in_centre`` on ``centre`` itself (not through a role)."""
    users = get_users_with_perms(
        centre, only_with_perms_in=["work_in_centre"], with_group_users=False, with_superusers=False
    )
    return sorted(users, key=lambda u: u.email)


@serce_view(CENTRE, "manage")
def centre_staff(request: HttpRequest, pk: int) -> HttpResponse:
    """Who works in the centre: assign or remove reception-centre staff (audited before/after)."""
    centre = policy.get_or_404(request, "manage", CENTRE, Centre.objects.all(), pk=pk)
    staff = get_user_model().objects.filter(kind="staff", home_office=request.office, is_active=True)
    if request.method == "POST":
        user = get_object_or_404(staff, pk=request.POST.get("user"))
        before = [u.email for u in assigned_staff(centre)]
        if request.POST.get("action") == "remove":
            access.remove_from_centre(user, centre)
            message = _("%(user)s no longer works in %(centre)s.")
        else:
            access.assign_to_centre(user, centre)
            message = _("%(user)s now works in %(centre)s.")
        after = [u.email for u in assigned_staff(centre)]
        if before != after:
            record_event(
                AuditAction.UPDATE,
                centre,
                request.user,
                changes={"work_in_centre": [before, after]},
                reason=f"staff assignment: {user.email}",
                request=request,
            )
        messages.success(request, message % {"user": user.email, "centre": centre})
        return redirect("serce:centre-staff", pk=centre.pk)
    assigned = {u.pk for u in assigned_staff(centre)}
    rows = [
        {
            "user": user,
            "assigned": user.pk in assigned,
            "everywhere": policy.widest_scope(user, "view", access.PERSON) == policy.Scope.OFFICE,
        }
        for user in staff.order_by("email")
    ]
    return render(request, "serce/centre_staff.html", {"centre": centre, "rows": rows, "nav": "centres"})
