"""Staff screens: day agenda with check-in, tickets, call-next per service point, statistics, out-of-queue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from przystan import access
from przystan.audit.api import AuditAction, record_event, record_read, record_reads
from przystan.documents.http import pdf_response

from ..errors import BookingError
from ..forms import CheckInForm, OutOfQueueForm
from ..models import Booking, BookingStatus, OutOfQueueRequest, ServicePoint, Slot
from ..policy import BOOKING, OUT_OF_QUEUE, REPORT
from ..services import out_of_queue, queue
from ..services.slots import placement_slots
from ..services.stats import visit_statistics
from ..tickets import ticket_pdf_bytes
from .common import office_of


def _day(request: HttpRequest) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return queue.office_today()


def _bookings(request: HttpRequest, action: str) -> Any:
    """The office's bookings the user may ``action`` (the policy narrows the queryset)."""
    office = office_of(request)
    queryset = Booking.objects.select_related("slot", "slot__service_point", "service_type")
    return access.visible(request.user, action, BOOKING, queryset, office=office)


def _booking(request: HttpRequest, pk: Any, action: str) -> Booking:
    """One booking of the request's office, if the user may ``action`` on it (else 404/403, audited)."""
    queryset = Booking.objects.select_related("slot", "slot__service_point", "service_type")
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    return access.get_or_404(request, action, BOOKING, queryset, pk=pk, office=office_of(request))


@access.staff_guard(BOOKING, "view")
def agenda(request: HttpRequest) -> HttpResponse:
    office = office_of(request)
    day = _day(request)
    bookings = (
        _bookings(request, "view")
        .filter(slot__starts_at__date=day)
        .exclude(status=BookingStatus.CANCELLED)
        .order_by("slot__starts_at", "slot__service_point__code", "pk")
    )
    bookings = list(bookings)
    record_reads(bookings, request=request, reason="day agenda")  # names and documents of the day
    may_edit = access.allows(request.user, "edit", BOOKING, office=office)
    return render(
        request,
        "queue_booking/staff/agenda.html",
        {
            "day": day,
            "is_today": day == queue.office_today(),
            "previous_day": day - dt.timedelta(days=1),
            "next_day": day + dt.timedelta(days=1),
            "bookings": bookings,
            "points": ServicePoint.objects.filter(office=office, active=True),
            "checkin_form": CheckInForm(),
            "may_edit": may_edit,
            "may_see_reports": access.allows(request.user, "view", REPORT, office=office),
            "may_see_out_of_queue": access.allows(request.user, "view", OUT_OF_QUEUE, office=office),
        },
    )


@access.staff_guard(BOOKING, "edit")
@require_POST
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _booking(request, pk, "edit")
    day_url = f"{_agenda_url()}?day={timezone.localdate(booking.slot.starts_at).isoformat()}"
    form = CheckInForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the document and type its number."))
        return redirect(day_url)
    try:
        booking = queue.check_in(
            booking,
            document_kind=form.cleaned_data["document_kind"],
            document_number=form.cleaned_data["document_number"],
        )
    except BookingError as exc:
        messages.error(request, f"{booking.reference}: {exc.message}")
        return redirect(day_url)
    return redirect("queue_booking_staff:ticket", pk=booking.pk)


def _agenda_url() -> str:
    from django.urls import reverse

    return reverse("queue_booking_staff:agenda")


@access.staff_guard(BOOKING, "view")
def ticket(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _booking(request, pk, "view")
    record_read(booking, request=request, reason="ticket")
    return render(request, "queue_booking/staff/ticket.html", {"booking": booking})


@access.staff_guard(BOOKING, "view")
def ticket_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _booking(request, pk, "view")
    if not booking.ticket_number:
        raise Http404
    record_read(booking, request=request, reason="ticket PDF")
    data = ticket_pdf_bytes(request.office, booking)
    return pdf_response(data, f"ticket-{booking.ticket_number}.pdf")


@access.staff_guard(BOOKING, "view")
def point_screen(request: HttpRequest, pk: int) -> HttpResponse:
    """The call-next screen of one service point."""
    office = office_of(request)
    point = get_object_or_404(ServicePoint, pk=pk, office=office)
    if request.method == "POST":
        access.require(request, "edit", BOOKING)
        action = request.POST.get("action")
        if action == "call":
            called = queue.call_next(point)
            if called is None:
                messages.info(request, _("Nobody is waiting."))
        elif action in (BookingStatus.SERVED, BookingStatus.NO_SHOW):
            try:
                queue.finish(_booking(request, request.POST.get("booking"), "edit"), action)
            except BookingError as exc:
                messages.error(request, str(exc.message))
        return redirect("queue_booking_staff:point", pk=point.pk)
    current = (
        _bookings(request, "view")
        .filter(called_at_point=point, status=BookingStatus.CALLED)
        .order_by("-called_at")
        .first()
    )
    if current is not None:
        record_read(current, request=request, reason="service point screen")
    return render(
        request,
        "queue_booking/staff/point.html",
        {
            "point": point,
            "current": current,
            "waiting": queue.waiting_for(point, queue.office_today()).count(),
            "may_edit": access.allows(request.user, "edit", BOOKING, office=office),
        },
    )


@access.guard(REPORT, "view")
def statistics(request: HttpRequest) -> HttpResponse:
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


def _requests(request: HttpRequest) -> Any:
    queryset = OutOfQueueRequest.objects.select_related(
        "requested_by", "decided_by", "booking", "slot", "slot__service_type", "slot__service_point"
    )
    return access.visible(request.user, "view", OUT_OF_QUEUE, queryset, office=office_of(request))


@access.guard(OUT_OF_QUEUE, "view")
def out_of_queue_list(request: HttpRequest) -> HttpResponse:
    office = office_of(request)
    may_request = access.allows(request.user, "edit", OUT_OF_QUEUE, office=office)
    form = OutOfQueueForm(request.POST or None, slots=placement_slots(office))
    if request.method == "POST":
        access.require(request, "edit", OUT_OF_QUEUE)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        booking = (
            access.visible(request.user, "view", BOOKING, Booking.objects.all(), office=office)
            .filter(reference=data["booking_reference"].strip().upper())
            .first()
            if data.get("booking_reference")
            else None
        )
        slot = form.chosen_slot
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
    return render(
        request,
        "queue_booking/staff/out_of_queue.html",
        {
            "form": form,
            "requests": _requests(request),
            "may_request": may_request,
            "may_decide": access.allows(request.user, "approve", OUT_OF_QUEUE, office=office),
            "user": request.user,
        },
    )


@access.guard(OUT_OF_QUEUE, "approve")
@require_POST
def out_of_queue_decide(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_or_404(
        request, "approve", OUT_OF_QUEUE, OutOfQueueRequest.objects.all(), pk=pk, office=office_of(request)
    )
    try:
        out_of_queue.decide(item, approver=request.user, approve=request.POST.get("decision") == "approve")
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    except (ValidationError, BookingError) as exc:
        messages.error(
            request, " ".join(getattr(exc, "messages", None) or [str(getattr(exc, "message", exc))])
        )
    else:
        messages.success(request, _("Decision saved."))
    return redirect("queue_booking_staff:out-of-queue")


@access.guard(REPORT, "view")
def out_of_queue_report(request: HttpRequest) -> HttpResponse:
    """The auditable report of every out-of-queue request (mounted by the core under /staff/reports/)."""
    requests = _requests(request)
    record_event(
        AuditAction.READ, OutOfQueueRequest, request.user, reason="out-of-queue report", request=request
    )
    return render(request, "queue_booking/staff/out_of_queue_report.html", {"requests": requests})
