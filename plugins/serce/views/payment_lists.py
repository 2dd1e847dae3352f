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

from przystan import access as policy
from przystan.audit.api import record_denied, record_event
from przystan.documents.http import pdf_response

from .. import access
from ..forms import AdjustmentForm, GenerateListForm
from ..models import PaymentEntry, PaymentList
from ..policy import MARK_PAID
from ..services import payments, printouts
from .common import serce_view

LIST = "serce.payment_list"


def _can(request: HttpRequest, action: str, obj: PaymentList | None = None) -> bool:
    return policy.allows(request.user, action, LIST, obj, office=request.office)


@serce_view(LIST, "view")
def list_index(request: HttpRequest) -> HttpResponse:
    centres = (
        access.staff_centres(request.user, request.office)
        if policy.widest_scope(request.user, "edit", LIST) == policy.Scope.CENTRE
        else None
    )
    form = GenerateListForm(
        request.POST or None,
        office=request.office,
        centres=centres,
        initial={"month": dt.date.today().strftime("%Y-%m")},
    )
    if request.method == "POST":
        policy.require(request, "edit", LIST)
        if form.is_valid():
            policy.require(
                request, "edit", LIST, PaymentList(office=request.office, centre=form.cleaned_data["centre"])
            )
            try:
                payment_list = payments.generate(
                    request.office, form.cleaned_data["centre"], form.cleaned_data["month"], request.user
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                problems = payments.rule_problems(payment_list)
                if problems:
                    messages.warning(
                        request,
                        _(
                            "The list was generated as a draft with amounts from rules not confirmed by "
                            "the office; it can go for approval once they are confirmed."
                        ),
                    )
                else:
                    messages.success(request, _("The list was generated."))
                return redirect("serce:payment-list", pk=payment_list.pk)
    lists = policy.visible(
        request.user, "view", LIST, PaymentList.objects.select_related("centre"), office=request.office
    )[:60]
    return render(
        request,
        "serce/payment_lists.html",
        {
            "form": form,
            "lists": lists,
            "can_prepare": _can(request, "edit"),
            "nav": "payments",
        },
    )


def _get(request: HttpRequest, pk: int, action: str = "view") -> PaymentList:
    return policy.get_or_404(
        request,
        action,
        LIST,
        PaymentList.objects.select_related("centre", "prepared_by", "approved_by"),
        pk=pk,
    )


@serce_view(LIST, "view")
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    payment_list = _get(request, pk)
    entries = payment_list.entries.select_related("person", "adjusts", "approved_by", "rule").order_by(
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
            "rule_problems": [] if payment_list.is_locked else payments.rule_problems(payment_list),
            "can_see_rules": policy.allows(user, "view", "serce.benefit_rule", office=request.office),
            "can_prepare": _can(request, "edit", payment_list),
            "can_approve": _can(request, "approve", payment_list)
            and not payments.took_part(payment_list, user),
            "can_mark_paid": _can(request, MARK_PAID, payment_list),
            "can_adjust": _can(request, "edit", payment_list),
            "can_export": _can(request, "export", payment_list),
            "adjust_form": AdjustmentForm(),
            "pending": pending,
            "can_approve_adjustments": _can(request, "approve", payment_list)
            and policy.allows(user, "approve", "serce.benefit", office=request.office),
            "nav": "payments",
        },
    )


@require_POST
@serce_view(LIST, "view")
def list_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    required = {"submit": "edit", "return": "approve", "approve": "approve", "paid": MARK_PAID}.get(action)
    payment_list = _get(request, pk, required or "view")
    if required is None:
        return redirect("serce:payment-list", pk=pk)
    try:
        if action == "submit":
            payments.submit(payment_list, request.user)
        elif action == "return":
            payments.return_to_draft(payment_list, request.user)
        elif action == "approve":
            payments.approve(payment_list, request.user)
        else:
            payments.mark_paid(payment_list, request.user)
    except PermissionDenied as exc:
        record_denied(request.user, f"{LIST}:{action} (four eyes)", payment_list, request=request)
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("Done."))
    return redirect("serce:payment-list", pk=pk)


@require_POST
@serce_view(LIST, "edit")
def list_adjust(request: HttpRequest, pk: int) -> HttpResponse:
    payment_list = _get(request, pk, "edit")
    form = AdjustmentForm(request.POST)
    if form.is_valid():
        person = (
            access.visible_persons(request.user, request.office)
            .filter(register_number=form.cleaned_data["person"].strip().upper())
            .first()
        )
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
@serce_view("serce.benefit", "approve")
def adjustment_approve(request: HttpRequest, pk: int, entry: int) -> HttpResponse:
    """A second person approves an adjustment of a benefit payment (the one who entered it is refused
    with a message, nothing changes, and the refusal is logged)."""
    payment_list = _get(request, pk, "approve")
    item = get_object_or_404(PaymentEntry, pk=entry, payment_list=payment_list)
    try:
        payments.approve_adjustment(item, request.user, request=request)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("The adjustment was approved."))
    return redirect("serce:payment-list", pk=pk)


@serce_view(LIST, "export")
def list_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    payment_list = _get(request, pk, "export")
    record_event("export", payment_list, request=request, reason="pdf")
    return pdf_response(
        printouts.payment_list_pdf(payment_list), f"lista-{payment_list.month:%Y-%m}-{payment_list.pk}.pdf"
    )


@serce_view(LIST, "export")
def list_csv(request: HttpRequest, pk: int) -> HttpResponse:
    payment_list = _get(request, pk, "export")
    record_event("export", payment_list, request=request, reason="csv")
    response = HttpResponse(payments.export_csv(payment_list), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="lista-{payment_list.month:%Y-%m}-{payment_list.pk}.csv"'
    )
    return response
