"""Monthly payment lists: generate, review, approve (second person), export, mark paid, adjust.

Adjustments entered after approval are approved by a second person too, before they count.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from przystan.accounts import access as core_access
from przystan.audit.api import record_event
from przystan.documents.http import pdf_response

from ..forms import AdjustmentForm, GenerateListForm
from ..models import PaymentEntry, PaymentList, Person
from ..services import payments, printouts
from .common import serce_view

VIEW = "serce.view_paymentlist"
PREPARE = "serce.add_paymentlist"
APPROVE = "serce.approve_paymentlist"
MARK_PAID = "serce.mark_paid_paymentlist"
ADJUST = "serce.change_paymentlist"


@serce_view(VIEW)
def list_index(request: HttpRequest) -> HttpResponse:
    form = GenerateListForm(
        request.POST or None, office=request.office, initial={"month": dt.date.today().strftime("%Y-%m")}
    )
    if request.method == "POST":
        core_access.require(request, PREPARE)
        if form.is_valid():
            try:
                payment_list = payments.generate(
                    request.office, form.cleaned_data["centre"], form.cleaned_data["month"], request.user
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The list was generated."))
                return redirect("serce:payment-list", pk=payment_list.pk)
    lists = PaymentList.objects.filter(office=request.office).select_related("centre")[:60]
    return render(
        request,
        "serce/payment_lists.html",
        {
            "form": form,
            "lists": lists,
            "can_prepare": core_access.can(request.user, PREPARE),
            "nav": "payments",
        },
    )


def _get(request: HttpRequest, pk: int) -> PaymentList:
    return get_object_or_404(
        PaymentList.objects.select_related("centre", "prepared_by", "approved_by"),
        pk=pk,
        office=request.office,
    )


@serce_view(VIEW)
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    payment_list = _get(request, pk)
    entries = payment_list.entries.select_related("person", "adjusts", "approved_by").order_by(
        "person__last_name", "person__first_name", "id"
    )
    user = request.user
    pending = list(
        payment_list.entries.filter(is_adjustment=True, approved_at__isnull=True)
        .select_related("person", "created_by")
        .order_by("id")
    )
    return render(
        request,
        "serce/payment_list.html",
        {
            "list": payment_list,
            "entries": entries[:500],
            "entry_count": entries.count(),
            "totals": payments.totals(payment_list),
            "can_prepare": core_access.can(user, PREPARE),
            "can_approve": core_access.can(user, APPROVE) and payment_list.prepared_by_id != user.pk,
            "can_mark_paid": core_access.can(user, MARK_PAID),
            "can_adjust": core_access.can(user, ADJUST),
            "adjust_form": AdjustmentForm(),
            "pending": pending,
            "can_approve_adjustments": core_access.can(user, APPROVE),
            "nav": "payments",
        },
    )


@require_POST
@serce_view(VIEW)
def list_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    payment_list = _get(request, pk)
    required = {"submit": PREPARE, "return": APPROVE, "approve": APPROVE, "paid": MARK_PAID}.get(action)
    if required is None:
        return redirect("serce:payment-list", pk=pk)
    core_access.require(request, required, payment_list)
    try:
        if action == "submit":
            payments.submit(payment_list, request.user)
        elif action == "return":
            payments.return_to_draft(payment_list, request.user)
        elif action == "approve":
            payments.approve(payment_list, request.user)
        else:
            payments.mark_paid(payment_list, request.user)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, "; ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("Done."))
    return redirect("serce:payment-list", pk=pk)


@require_POST
@serce_view(ADJUST)
def list_adjust(request: HttpRequest, pk: int) -> HttpResponse:
    payment_list = _get(request, pk)
    form = AdjustmentForm(request.POST)
    if form.is_valid():
        person = Person.objects.filter(
            office=request.office, register_number=form.cleaned_data["person"].strip().upper()
        ).first()
        entry = None
        if form.cleaned_data.get("entry"):
            entry = PaymentEntry.objects.filter(
                payment_list=payment_list, pk=form.cleaned_data["entry"]
            ).first()
        if person is None:
            messages.error(request, _("No person with this register number."))
        else:
            try:
                amount = int((form.cleaned_data["amount"] * Decimal(100)).to_integral_value())
                payments.adjust(
                    payment_list, entry, person, amount, form.cleaned_data["reason"], request.user
                )
            except ValidationError as exc:
                messages.error(request, "; ".join(exc.messages))
            else:
                messages.success(request, _("The correction was recorded as an adjustment entry."))
    else:
        messages.error(request, "; ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("serce:payment-list", pk=pk)


@require_POST
@serce_view(APPROVE)
def adjustment_approve(request: HttpRequest, pk: int, entry: int) -> HttpResponse:
    """A second person approves an adjustment (the one who entered it is refused, and it is logged)."""
    payment_list = _get(request, pk)
    item = get_object_or_404(PaymentEntry, pk=entry, payment_list=payment_list)
    try:
        payments.approve_adjustment(item, request.user, request=request)  # self-approval: 403, audited
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("The adjustment was approved."))
    return redirect("serce:payment-list", pk=pk)


@serce_view(VIEW)
def list_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    payment_list = _get(request, pk)
    record_event("export", payment_list, request=request, reason="pdf")
    return pdf_response(
        printouts.payment_list_pdf(payment_list), f"lista-{payment_list.month:%Y-%m}-{payment_list.pk}.pdf"
    )


@serce_view(VIEW)
def list_csv(request: HttpRequest, pk: int) -> HttpResponse:
    payment_list = _get(request, pk)
    record_event("export", payment_list, request=request, reason="csv")
    response = HttpResponse(payments.export_csv(payment_list), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="lista-{payment_list.month:%Y-%m}-{payment_list.pk}.csv"'
    )
    return response
