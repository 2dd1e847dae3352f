"""Who works in a centre: office administrators grant centre staff access to one centre at a time."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from plugins.serce.models import Centre
from przystan.accounts.access import can, require, revoke
from przystan.audit.api import AuditAction, record_event
from przystan.web.access import staff_required

from ..access import APPROVE, WORK, can_approve, can_work, grant_centre, hotel_centre

MANAGE = "hotel.change_hotelcentre"


@staff_required
def centre_staff(request: HttpRequest, centre_id: int) -> HttpResponse:
    centre = get_object_or_404(Centre, pk=centre_id, office=request.office)
    target = hotel_centre(centre)
    require(request, MANAGE, target)
    users = list(
        get_user_model()
        .objects.filter(kind="staff", home_office=request.office, is_active=True)
        .order_by("email")
    )
    if request.method == "POST":
        user = get_object_or_404(get_user_model(), pk=request.POST.get("user"), home_office=request.office)
        works, approves = bool(request.POST.get("work")), bool(request.POST.get("approve"))
        revoke(user, WORK, target)
        revoke(user, APPROVE, target)
        if works:
            grant_centre(user, centre, approve=approves)
        record_event(
            AuditAction.UPDATE,
            target,
            request.user,
            changes={
                "staff": [user.email, {"work_in_centre": works, "approve_transfer": works and approves}]
            },
            request=request,
        )
        messages.success(
            request, _("Access of %(user)s to %(centre)s updated.") % {"user": user.email, "centre": centre}
        )
        return redirect("hotel:centre-staff", centre_id=centre.pk)
    rows = [
        {
            "user": u,
            "works": can_work(u, centre) and not can(u, WORK),
            "approves": can_approve(u, centre) and not can(u, APPROVE),
            "global": can(u, WORK),
        }
        for u in users
    ]
    return render(request, "hotel/centre_staff.html", {"centre": centre, "rows": rows})
