"""Public screens: choose a service and a time, book, manage by signed link, waiting list, rounds."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from przystan import access

from ..errors import BookingError
from ..forms import BookingForm, IdentityForm, SlotChoiceForm
from ..ics import visit_ics
from ..models import AllocationRound, Booking, ServiceType
from ..policy import BOOKING, own_bookings
from ..services import booking as engine
from ..services import limits, rounds, waiting
from ..services.slots import available_slots, next_release
from .common import case_module_answers, client_ip, office_of, service_type_or_404


@access.public
def start(request: HttpRequest) -> HttpResponse:
    office = office_of(request)
    services = []
    for service_type in ServiceType.objects.filter(office=office, active=True):
        free = available_slots(service_type, limit=1)
        services.append(
            {
                "type": service_type,
                "first_free": free[0] if free else None,
                "next_release": next_release(service_type),
            }
        )
    open_rounds = AllocationRound.objects.filter(
        office=office, drawn_at__isnull=True, closes_at__gt=timezone.now()
    )
    return render(request, "queue_booking/start.html", {"services": services, "rounds": open_rounds})


def _grouped(slots: list[Any]) -> list[tuple[Any, list[Any]]]:
    days: OrderedDict[Any, list[Any]] = OrderedDict()
    for slot in slots:
        days.setdefault(timezone.localtime(slot.starts_at).date(), []).append(slot)
    return list(days.items())


@access.public
def book(request: HttpRequest, code: str) -> HttpResponse:
    office = office_of(request)
    service_type = service_type_or_404(office, code)
    slots = list(available_slots(service_type))
    case_fields = case_module_answers(office)
    kwargs = {"office": office, "service_type": service_type, "case_fields": case_fields, "slots": slots}
    if request.method == "POST":
        form = BookingForm(request.POST, **kwargs)
        try:
            limits.check_ip(request, office)
            if form.is_valid():
                limits.check_identity(office, form.applicant.identity_hash)
                employer = request.user if getattr(request.user, "kind", "") == "employer" else None
                booking = engine.book(
                    office,
                    form.cleaned_data["slot"],
                    form.applicant,
                    user=None if employer else request.user,
                    employer=employer,
                    idempotency_key=form.cleaned_data.get("idempotency_key"),
                    ip=client_ip(request),
                    service_type_id=service_type.pk,
                    if_taken=engine.IF_TAKEN_NEAREST
                    if form.cleaned_data.get("nearest")
                    else engine.IF_TAKEN_FAIL,
                )
                if booking.slot_id != form.cleaned_data["slot"]:
                    messages.info(
                        request,
                        _("The time you chose was taken meanwhile; you are booked for %(time)s instead.")
                        % {"time": f"{timezone.localtime(booking.slot.starts_at):%H:%M}"},
                    )
                messages.success(request, _("Your visit is booked. Keep the link to this page to manage it."))
                return redirect("queue_booking:manage", token=engine.manage_token(booking))
        except BookingError as exc:
            form.add_error(None, str(exc.message))
            if exc.code in ("slot_gone", "day_full"):
                slots = list(available_slots(service_type))
    else:
        form = BookingForm(**kwargs)
    return render(
        request,
        "queue_booking/book.html",
        {
            "service_type": service_type,
            "form": form,
            "days": _grouped(slots),
            "next_release": next_release(service_type),
            "case_fields": case_fields,
        },
    )


def _booking_or_404(request: HttpRequest, token: str) -> Booking:
    """The booking of a signed manage token (its own check), of the request's office only."""
    booking = engine.booking_for_token(token)
    if booking is None or booking.office_id != office_of(request).pk:
        raise Http404
    return booking


@access.public
def manage(request: HttpRequest, token: str) -> HttpResponse:
    booking = _booking_or_404(request, token)
    return render(request, "queue_booking/manage.html", {"booking": booking, "token": token})


@access.public
def ics(request: HttpRequest, token: str) -> HttpResponse:
    booking = _booking_or_404(request, token)
    summary = _("Visit: %(service)s") % {"service": booking.service_type}
    description = _("Booking number %(reference)s. Bring the identity document you booked with.") % {
        "reference": booking.reference
    }
    response = HttpResponse(
        visit_ics(booking, summary=summary, description=description), content_type="text/calendar"
    )
    response["Content-Disposition"] = f'attachment; filename="visit-{booking.reference}.ics"'
    return response


@access.public
@require_POST
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    booking = _booking_or_404(request, token)
    try:
        engine.cancel(booking)
    except BookingError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _("Your visit was cancelled."))
    return redirect("queue_booking:manage", token=token)


@access.public
def reschedule(request: HttpRequest, token: str) -> HttpResponse:
    booking = _booking_or_404(request, token)
    slots = [slot for slot in available_slots(booking.service_type) if slot.pk != booking.slot_id]
    form = SlotChoiceForm(request.POST or None, slots=slots)
    if request.method == "POST" and form.is_valid():
        try:
            engine.reschedule(booking, form.cleaned_data["slot"])
        except BookingError as exc:
            form.add_error(None, str(exc.message))
        else:
            messages.success(request, _("Your visit was moved to the new time."))
            return redirect("queue_booking:manage", token=token)
    return render(
        request, "queue_booking/reschedule.html", {"booking": booking, "form": form, "token": token}
    )


@access.guard(BOOKING, "view")
def my_visits(request: HttpRequest) -> HttpResponse:
    """A person's own visits; an employer sees the visits booked for its employees in one schedule."""
    office = office_of(request)
    # "my" visits are the own ones even for staff, whose grants reach the whole office
    bookings = access.visible(
        request.user, "view", BOOKING, own_bookings(request.user, Booking.objects.all()), office=office
    )
    bookings = bookings.select_related("slot", "slot__service_point", "service_type").order_by(
        "slot__starts_at"
    )
    rows = [{"booking": b, "token": engine.manage_token(b)} for b in bookings]
    return render(request, "queue_booking/my_visits.html", {"rows": rows})


@access.public
def join_waiting_list(request: HttpRequest, code: str) -> HttpResponse:
    office = office_of(request)
    service_type = service_type_or_404(office, code)
    kwargs = {"office": office, "service_type": service_type, "case_fields": case_module_answers(office)}
    form = IdentityForm(request.POST or None, **kwargs)
    if request.method == "POST":
        try:
            limits.check_ip(request, office, scope="waiting")
            if form.is_valid():
                waiting.join(office, service_type, form.applicant, user=request.user)
                messages.success(
                    request,
                    _("You are on the waiting list. We will offer you a freed time by e-mail or SMS."),
                )
                return redirect("queue_booking:start")
        except BookingError as exc:
            form.add_error(None, str(exc.message))
    return render(request, "queue_booking/waiting_list.html", {"form": form, "service_type": service_type})


@access.public
def offer(request: HttpRequest, token: str) -> HttpResponse:
    entry = waiting.entry_for_token(token)
    if entry is None or entry.office_id != office_of(request).pk:
        raise Http404
    if request.method == "POST":
        try:
            booking = waiting.accept(entry)
        except BookingError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("Your visit is booked."))
            return redirect("queue_booking:manage", token=engine.manage_token(booking))
        entry.refresh_from_db()
    return render(request, "queue_booking/offer.html", {"entry": entry, "now": timezone.now()})


@access.public
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    office = office_of(request)
    allocation_round = get_object_or_404(AllocationRound, pk=pk, office=office)
    kwargs = {
        "office": office,
        "service_type": allocation_round.service_type,
        "case_fields": case_module_answers(office),
    }
    form = IdentityForm(request.POST or None, **kwargs)
    request_code = None
    if request.method == "POST":
        try:
            limits.check_ip(request, office, scope="round")
            if form.is_valid():
                created = rounds.request_place(allocation_round, form.applicant, user=request.user)
                request_code = created.public_code
                form = IdentityForm(**kwargs)
        except BookingError as exc:
            form.add_error(None, str(exc.message))
    return render(
        request,
        "queue_booking/round.html",
        {
            "round": allocation_round,
            "published": rounds.published_draw(allocation_round),
            "form": form,
            "is_open": allocation_round.drawn_at is None
            and allocation_round.opens_at <= timezone.now() < allocation_round.closes_at,
            "request_code": request_code,
        },
    )


@access.public
def round_json(request: HttpRequest, pk: int) -> JsonResponse:
    allocation_round = get_object_or_404(AllocationRound, pk=pk, office=office_of(request))
    return JsonResponse(rounds.published_draw(allocation_round))
