"""Free places, the occupancy board of a centre, its layout (rooms, beds, blocking) and history."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from przystan import access

from ..access import CENTRE, RESIDENT, centres_for
from ..forms import BlockForm, RoomForm
from ..models import Bed, Building, Placement, Room, Transfer
from ..places import national_occupancy, occupancy
from ..scanning import absence_days
from .common import centre_for


@access.guard(CENTRE, "view")
def index(request: HttpRequest) -> HttpResponse:
    centres = centres_for(request.user, request.office)
    rows = occupancy(centres)
    incoming = access.visible(
        request.user,
        "view",
        "hotel.transfer",
        Transfer.objects.filter(
            to_centre__in=centres, status__in=[Transfer.Status.APPROVED, Transfer.Status.IN_TRANSIT]
        ),
        office=request.office,
    )
    return render(
        request,
        "hotel/index.html",
        {
            "rows": rows,
            "national": national_occupancy(),
            "incoming": incoming.select_related("from_centre", "to_centre"),
            "can_manage": access.allows(request.user, "manage", CENTRE, office=request.office),
            "can_edit": access.allows(request.user, "edit", CENTRE, office=request.office),
            "can_residents": access.allows(request.user, "view", RESIDENT, office=request.office),
        },
    )


@access.guard(RESIDENT, "view")
def board(request: HttpRequest, centre_id: int) -> HttpResponse:
    centre = centre_for(request, centre_id)
    placements = {
        p.bed_id: p
        for p in Placement.objects.select_related("person").filter(centre=centre, ended_at__isnull=True)
    }
    limit = timezone.now() - datetime.timedelta(days=absence_days(request.office))
    rooms: dict[Room, list] = defaultdict(list)
    absent = []
    for bed in Bed.objects.select_related("room__building").filter(centre=centre):
        placement = placements.get(bed.pk)
        flagged = bool(placement and placement.last_seen_at < limit)
        if flagged:
            absent.append(placement)
        rooms[bed.room].append({"bed": bed, "placement": placement, "absent": flagged})
    return render(
        request,
        "hotel/board.html",
        {
            "centre": centre,
            "summary": occupancy([centre])[0],
            "rooms": sorted(rooms.items(), key=lambda item: (item[0].building.name, item[0].number)),
            "absent": absent,
            "absence_days": absence_days(request.office),
            "room_form": RoomForm(),
            "can_manage": access.allows(request.user, "manage", CENTRE, centre, office=request.office),
        },
    )


@access.guard(RESIDENT, "view")
def history(request: HttpRequest, centre_id: int) -> HttpResponse:
    centre = centre_for(request, centre_id)
    placements = (
        Placement.objects.select_related("person", "bed__room__building", "admitted_by")
        .filter(centre=centre)
        .order_by("-admitted_at")[:300]
    )
    return render(request, "hotel/history.html", {"centre": centre, "placements": placements})


@access.guard(CENTRE, "edit")
@require_POST
def add_room(request: HttpRequest, centre_id: int) -> HttpResponse:
    centre = centre_for(request, centre_id, "edit")
    form = RoomForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("The room was not added: %(errors)s")
            % {"errors": " ".join(str(e) for errs in form.errors.values() for e in errs)},
        )
        return redirect("hotel:board", centre_id=centre.pk)
    data = form.cleaned_data
    with transaction.atomic():
        building, _created = Building.objects.get_or_create(centre=centre, name=data["building"].strip())
        room, created = Room.objects.get_or_create(
            building=building,
            number=data["number"].strip(),
            defaults={k: data[k] for k in ("family_room", "accessible", "women_only", "isolation")},
        )
        if not created:
            messages.error(request, _("Room %(room)s already exists.") % {"room": room})
            return redirect("hotel:board", centre_id=centre.pk)
        for index in range(data["beds"]):
            Bed.objects.create(room=room, centre=centre, label=chr(ord("A") + index))
    messages.success(request, _("Room %(room)s added.") % {"room": room})
    return redirect("hotel:board", centre_id=centre.pk)


@access.guard(CENTRE, "edit")
@require_POST
def toggle_block(request: HttpRequest, centre_id: int, kind: str, pk: int) -> HttpResponse:
    centre = centre_for(request, centre_id, "edit")
    if kind == "room":
        target = get_object_or_404(Room, pk=pk, building__centre=centre)
    else:
        target = get_object_or_404(Bed, pk=pk, centre=centre)
    form = BlockForm(request.POST)
    form.is_valid()
    target.blocked = not target.blocked
    target.blocked_reason = form.cleaned_data.get("reason", "") if target.blocked else ""
    target.save(update_fields=["blocked", "blocked_reason"])
    messages.success(
        request,
        (_("%(place)s is blocked.") if target.blocked else _("%(place)s is available again."))
        % {"place": target},
    )
    return redirect("hotel:board", centre_id=centre.pk)
