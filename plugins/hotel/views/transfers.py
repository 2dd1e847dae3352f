"""Transfers: request from the resident page, approval by a second person, departure, the report."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plugins.serce.models import Centre
from przystan import access
from przystan.audit.api import record_read
from przystan.documents.http import pdf_response

from ..access import TRANSFER, can_approve, centres_for, works_in
from ..forms import TransferForm
from ..models import Transfer
from ..transfers import TransferError, approve, depart, movers, reject, request_transfer, visible_to_receiver
from .common import person_for


def _transfer_for(request: HttpRequest, pk: int, action: str = "view") -> tuple[Transfer, bool, bool]:
    """The transfer (404 for another office, 403 outside the user's centres) and whether the user is
    on the sending / receiving side (office-wide roles act for the sending side)."""
    transfer = access.get_or_404(
        request, action, TRANSFER, Transfer.objects.select_related("from_centre", "to_centre"), pk=pk
    )
    office_wide = access.widest_scope(request.user, action, TRANSFER) == access.Scope.OFFICE
    sender = office_wide or works_in(request.user, transfer.from_centre)
    receiver = (office_wide or works_in(request.user, transfer.to_centre)) and visible_to_receiver(transfer)
    return transfer, sender, receiver


def _health_notes(request: HttpRequest) -> bool:
    return access.allows(request.user, "view", "hotel.medical", office=request.office)


@access.guard(TRANSFER, "view")
def transfer_list(request: HttpRequest) -> HttpResponse:
    centres = centres_for(request.user, request.office)
    visible = access.visible(
        request.user,
        "view",
        TRANSFER,
        Transfer.objects.select_related("from_centre", "to_centre"),
        office=request.office,
    )
    outgoing = visible.filter(from_centre__in=centres)[:100]
    incoming = (
        visible.filter(to_centre__in=centres)
        .exclude(status__in=[Transfer.Status.REQUESTED, Transfer.Status.REJECTED])
        .exclude(from_centre__in=centres)[:100]
    )
    return render(request, "hotel/transfers.html", {"outgoing": outgoing, "incoming": incoming})


@access.guard(TRANSFER, "edit")
def transfer_new(request: HttpRequest, person_id: int) -> HttpResponse:
    person, placement = person_for(request, person_id, "edit")
    if placement is None:
        messages.error(request, _("Only residents with a bed can be transferred."))
        return redirect("hotel:resident", person_id=person.pk)
    access.require(request, "edit", "hotel.centre", placement.centre)
    centres = Centre.objects.filter(office=request.office, active=True).exclude(pk=placement.centre_id)
    form = TransferForm(request.POST or None, centres=centres)
    if request.method == "POST" and form.is_valid():
        try:
            transfer = request_transfer(
                person=person,
                from_centre=placement.centre,
                to_centre=form.cleaned_data["to_centre"],
                reason=form.cleaned_data["reason"],
                user=request.user,
            )
        except TransferError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Transfer %(reference)s requested.") % {"reference": transfer.reference}
            )
            return redirect("hotel:transfer", pk=transfer.pk)
    return render(
        request,
        "hotel/transfer_new.html",
        {"person": person, "placement": placement, "form": form, "group": movers(person, placement.centre)},
        status=400 if request.method == "POST" else 200,
    )


@access.guard(TRANSFER, "view")
def transfer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    transfer, sender, receiver = _transfer_for(request, pk)
    record_read(transfer, request=request, reason="transfer report")
    health = _health_notes(request)
    return render(
        request,
        "hotel/transfer.html",
        {
            "transfer": transfer,
            "members": transfer.report.get("members", []),
            "sender": sender,
            "receiver": receiver,
            "health_notes": health,
            "may_approve": can_approve(request.user, transfer, request.office)
            and transfer.requested_by_id != request.user.pk,
            "may_move": access.allows(request.user, "edit", TRANSFER, transfer, office=request.office),
        },
    )


@access.guard(TRANSFER, "view")
@require_POST
def transfer_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if step not in ("approve", "reject", "depart"):
        raise Http404
    action = "edit" if step == "depart" else "approve"
    transfer, sender, _receiver = _transfer_for(request, pk, action)
    if not sender:
        raise PermissionDenied(_("Only the sending centre moves a transfer on."))
    try:
        if step == "approve":
            approve(transfer, request.user, request=request)
        elif step == "reject":
            reject(transfer, request.user, request=request)
        else:
            depart(transfer, request.user, request.office)
    except TransferError as error:
        messages.error(request, str(error))
    else:
        transfer.refresh_from_db()
        messages.success(
            request,
            _("Transfer %(reference)s: %(status)s.")
            % {"reference": transfer.reference, "status": transfer.get_status_display()},
        )
    return redirect("hotel:transfer", pk=transfer.pk)


@access.guard(TRANSFER, "view")
def transfer_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    transfer, _sender, _receiver = _transfer_for(request, pk)
    record_read(transfer, request=request, reason="transfer report PDF")
    from ..documents import transfer_report_pdf

    if not _health_notes(request):  # without the health notes, rendered for this reader
        data = transfer_report_pdf(request.office, transfer, health_notes=False)
    elif transfer.report_pdf:
        data = bytes(transfer.report_pdf)
    else:  # before departure: a preview rendered from the report taken at the request
        data = transfer_report_pdf(request.office, transfer)
    return pdf_response(data, f"transfer-{transfer.reference.replace('/', '-')}.pdf")
