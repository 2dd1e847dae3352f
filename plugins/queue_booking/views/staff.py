"""Staff screens: day agenda with check-in, tickets, call-next per service point, statistics, out-of-queue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from przystan.accounts.access import require
from przystan.audit.api import AuditAction, record_event
from przystan.documents.http import pdf_response
from przystan.documents.pdf import render_card
from przystan.web.access import staff_required

from ..errors import BookingError
from ..forms import CheckInForm, OutOfQueueForm
from ..models import Booking, BookingStatus, OutOfQueueRequest, ServicePoint, Slot
from ..services import out_of_queue, queue
from ..services.stats import visit_statistics
from .common import office_of

VIEW = "queue_booking.view_booking"
CHANGE = "queue_booking.change_booking"
APPROVE = "queue_booking.change_outofqueuerequest"


def _day(request: HttpRequest) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return timezone.localdate()


@staff_required
def agenda(request: HttpRequest) -> HttpResponse:
    require(request, VIEW)
    office = office_of(request)
    day = _day(request)
    bookings = (
        Booking.objects.filter(office=office, slot__starts_at__date=day)
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("slot", "slot__service_point", "service_type")
        .order_by("slot__starts_at", "slot__service_point__code", "pk")
    )
    return render(
        request,
        "queue_booking/staff/agenda.html",
        {
            "day": day,
            "previous_day": day - dt.timedelta(days=1),
            "next_day": day + dt.timedelta(days=1),
            "bookings": bookings,
            "points": ServicePoint.objects.filter(office=office, active=True),
            "checkin_form": CheckInForm(),
        },
    )


def _booking(request: HttpRequest, pk: int) -> Booking:
    return get_object_or_404(
        Booking.objects.select_related("slot", "service_type"), pk=pk, office=office_of(request)
    )


@staff_required
@require_POST
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, CHANGE)
    booking = _booking(request, pk)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the document and type its number."))
        return redirect("queue_booking_staff:agenda")
    try:
        booking = queue.check_in(
            booking,
            document_kind=form.cleaned_data["document_kind"],
            document_number=form.cleaned_data["document_number"],
        )
    except BookingError as exc:
        messages.error(request, f"{booking.reference}: {exc.message}")
        return redirect(f"{_agenda_url()}?day={timezone.localdate(booking.slot.starts_at).isoformat()}")
    return redirect("queue_booking_staff:ticket", pk=booking.pk)


def _agenda_url() -> str:
    from django.urls import reverse

    return reverse("queue_booking_staff:agenda")


@staff_required
def ticket(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, VIEW)
    booking = _booking(request, pk)
    return render(request, "queue_booking/staff/ticket.html", {"booking": booking})


@staff_required
def ticket_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, VIEW)
    booking = _booking(request, pk)
    if not booking.ticket_number:
        raise PermissionDenied
    language = booking.language

    def build(doc: Any) -> None:
        doc.heading(_("Your ticket"))
        doc.paragraph(booking.ticket_number)
        doc.code128(booking.ticket_number)
        doc.paragraph(
            _("%(service)s · booked for %(time)s")
            % {
                "service": booking.service_type,
                "time": timezone.localtime(booking.slot.starts_at).strftime("%H:%M"),
            },
            small=True,
        )
        doc.paragraph(_("Wait until your number is shown on the screen."), small=True)

    data = render_card(
        request.office, title=_("Ticket"), language=language, build=build, reference=booking.ticket_number
    )
    return pdf_response(data, f"ticket-{booking.ticket_number}.pdf")


@staff_required
def point_screen(request: HttpRequest, pk: int) -> HttpResponse:
    """The call-next screen of one service point."""
    require(request, VIEW)
    office = office_of(request)
    point = get_object_or_404(ServicePoint, pk=pk, office=office)
    if request.method == "POST":
        require(request, CHANGE)
        action = request.POST.get("action")
        if action == "call":
            called = queue.call_next(point)
            if called is None:
                messages.info(request, _("Nobody is waiting."))
        elif action in (BookingStatus.SERVED, BookingStatus.NO_SHOW):
            try:
                queue.finish(_booking(request, int(request.POST.get("booking", 0))), action)
            except BookingError as exc:
                messages.error(request, str(exc.message))
        return redirect("queue_booking_staff:point", pk=point.pk)
    today = timezone.localdate()
    current = (
        Booking.objects.filter(office=office, called_at_point=point, status=BookingStatus.CALLED)
        .order_by("-called_at")
        .first()
    )
    return render(
        request,
        "queue_booking/staff/point.html",
        {"point": point, "current": current, "waiting": queue.waiting_for(point, today).count()},
    )


@staff_required
def statistics(request: HttpRequest) -> HttpResponse:
    require(request, VIEW)
    office = office_of(request)
    end = _day(request)
    start = end - dt.timedelta(days=30)
    slots = Slot.objects.filter(office=office, starts_at__date__gte=start, starts_at__date__lte=end)
    capacity = sum(slots.values_list("capacity", flat=True))
    return render(
        request,
        "queue_booking/staff/statistics.html",
        {"rows": visit_statistics(office, start, end), "start": start, "end": end, "capacity": capacity},
    )


@staff_required
def out_of_queue_list(request: HttpRequest) -> HttpResponse:
    require(request, VIEW)
    office = office_of(request)
    form = OutOfQueueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        booking = (
            Booking.objects.filter(office=office, reference=data["booking_reference"].strip().upper()).first()
            if data.get("booking_reference")
            else None
        )
        slot = Slot.objects.filter(office=office, pk=data["slot"]).first() if data.get("slot") else None
        try:
            out_of_queue.request_out_of_queue(
                office,
                kind=data["kind"],
                requested_by=request.user,
                reason=data["reason"],
                full_name=data.get("full_name", ""),
                document_kind=data.get("document_kind", ""),
                document_number=data.get("document_number", ""),
                slot=slot,
                booking=booking,
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        except BookingError as exc:
            form.add_error("document_number", str(exc.message))
        else:
            messages.success(request, _("Request saved. Another staff member must approve it."))
            return redirect("queue_booking_staff:out-of-queue")
    requests = OutOfQueueRequest.objects.filter(office=office).select_related(
        "requested_by", "decided_by", "booking"
    )
    return render(request, "queue_booking/staff/out_of_queue.html", {"form": form, "requests": requests})


@staff_required
@require_POST
def out_of_queue_decide(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, APPROVE)
    item = get_object_or_404(OutOfQueueRequest, pk=pk, office=office_of(request))
    try:
        out_of_queue.decide(item, approver=request.user, approve=request.POST.get("decision") == "approve")
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    except (ValidationError, BookingError) as exc:
        messages.error(request, str(getattr(exc, "message", exc)))
    else:
        messages.success(request, _("Decision saved."))
    return redirect("queue_booking_staff:out-of-queue")


def out_of_queue_report(request: HttpRequest) -> HttpResponse:
    """The auditable report of every out-of-queue request (mounted by the core under /staff/reports/)."""
    require(request, VIEW)
    office = office_of(request)
    requests = OutOfQueueRequest.objects.filter(office=office).select_related(
        "requested_by", "decided_by", "booking", "slot"
    )
    record_event(
        AuditAction.READ, OutOfQueueRequest, request.user, reason="out-of-queue report", request=request
    )
    return render(request, "queue_booking/staff/out_of_queue_report.html", {"requests": requests})
