"""Transfers: request from the resident page, approval, departure, the report at the receiving centre."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plugins.serce.models import Centre
from przystan.audit.api import record_read
from przystan.documents.http import pdf_response
from przystan.web.access import staff_required

from ..access import APPROVE, can_approve, can_work, centres_for, hotel_centre, require_centre
from ..forms import TransferForm
from ..models import Transfer
from ..transfers import TransferError, approve, depart, movers, reject, request_transfer, visible_to_receiver
from .common import person_for


def _transfer_for(request: HttpRequest, pk: int) -> tuple[Transfer, bool, bool]:
    """The transfer and whether the user is on the sending / receiving side (403 if neither)."""
    transfer = get_object_or_404(
        Transfer.objects.select_related("from_centre", "to_centre"), pk=pk, from_centre__office=request.office
    )
    sender = can_work(request.user, transfer.from_centre)
    receiver = can_work(request.user, transfer.to_centre) and visible_to_receiver(transfer)
    if not (sender or receiver):
        require_centre(request, transfer.from_centre)  # records the denial and raises 403
    return transfer, sender, receiver


@staff_required
def transfer_list(request: HttpRequest) -> HttpResponse:
    centres = centres_for(request.user, request.office)
    outgoing = Transfer.objects.filter(from_centre__in=centres).select_related("from_centre", "to_centre")[
        :100
    ]
    incoming = (
        Transfer.objects.filter(to_centre__in=centres)
        .exclude(status__in=[Transfer.Status.REQUESTED, Transfer.Status.REJECTED])
        .select_related("from_centre", "to_centre")[:100]
    )
    return render(request, "hotel/transfers.html", {"outgoing": outgoing, "incoming": incoming})


@staff_required
def transfer_new(request: HttpRequest, person_id: int) -> HttpResponse:
    person, placement = person_for(request, person_id)
    if placement is None:
        messages.error(request, _("Only residents with a bed can be transferred."))
        return redirect("hotel:resident", person_id=person.pk)
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


@staff_required
def transfer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    transfer, sender, receiver = _transfer_for(request, pk)
    record_read(transfer, request=request, reason="transfer report")
    return render(
        request,
        "hotel/transfer.html",
        {
            "transfer": transfer,
            "members": transfer.report.get("members", []),
            "sender": sender,
            "receiver": receiver,
            "may_approve": sender and can_approve(request.user, transfer.from_centre),
        },
    )


@staff_required
@require_POST
def transfer_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    transfer, sender, _receiver = _transfer_for(request, pk)
    if not sender:
        raise PermissionDenied
    try:
        if step in ("approve", "reject"):
            if not can_approve(request.user, transfer.from_centre):
                from przystan.accounts.access import require

                require(request, APPROVE, hotel_centre(transfer.from_centre))
            (approve if step == "approve" else reject)(transfer, request.user)
        elif step == "depart":
            depart(transfer, request.user, request.office)
        else:
            raise Http404
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


@staff_required
def transfer_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    transfer, _sender, _receiver = _transfer_for(request, pk)
    record_read(transfer, request=request, reason="transfer report PDF")
    if transfer.report_pdf:
        data = bytes(transfer.report_pdf)
    else:  # before departure: a preview rendered from the report taken at the request
        from ..documents import transfer_report_pdf

        data = transfer_report_pdf(request.office, transfer)
    return pdf_response(data, f"transfer-{transfer.reference.replace('/', '-')}.pdf")
