"""Who works in a centre: office administrators grant staff access to one centre at a time.

What a member of staff may do there (admit, scan, request or approve transfers, read health notes)
is their role's (:mod:`plugins.hotel.policy`); this page only says where they work.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from przystan import access
from przystan.audit.api import AuditAction, record_event

from ..access import CENTRE, grant_centre, hotel_centre, revoke_centre, works_in
from .common import centre_for


@access.guard(CENTRE, "manage")
def centre_staff(request: HttpRequest, centre_id: int) -> HttpResponse:
    centre = centre_for(request, centre_id, "manage")
    users = list(
        get_user_model()
        .objects.filter(kind="staff", home_office=request.office, is_active=True)
        .order_by("email")
    )
    if request.method == "POST":
        user = get_object_or_404(
            get_user_model(), pk=request.POST.get("user"), home_office=request.office, kind="staff"
        )
        before = works_in(user, centre)
        works = bool(request.POST.get("work"))
        if works:
            grant_centre(user, centre)
        else:
            revoke_centre(user, centre)
        record_event(
            AuditAction.UPDATE,
            hotel_centre(centre),
            request.user,
            changes={"work_in_centre": [f"{user.email}: {before}", f"{user.email}: {works}"]},
            request=request,
        )
        messages.success(
            request, _("Access of %(user)s to %(centre)s updated.") % {"user": user.email, "centre": centre}
        )
        return redirect("hotel:centre-staff", centre_id=centre.pk)
    rows = [
        {
            "user": u,
            "works": works_in(u, centre),
            "global": access.widest_scope(u, "view", CENTRE) == access.Scope.OFFICE,
        }
        for u in users
    ]
    return render(request, "hotel/centre_staff.html", {"centre": centre, "rows": rows})
