"""Staff pages: the fee catalogue (finance), payments and refunds, the case view, statements, report."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from przystan.accounts.access import require
from przystan.audit.api import record_read
from przystan.documents.http import pdf_response
from przystan.web.access import staff_required

from ..case_view import case_payment_rows
from ..flow import site_url_of
from ..forms import FeeForm, RefundForm, ReportForm, StatementForm
from ..models import Fee, GatewayEvent, Payment, PaymentStatus
from ..receipts import render_receipt
from ..refunds import RefundError, request_refund
from ..reports import daily_report, report_csv, report_pdf
from ..statements import StatementError, import_statement


def _office(request: HttpRequest) -> Any:
    office = getattr(request, "office", None)
    if office is None:
        raise Http404
    return office


@staff_required
def payment_list(request: HttpRequest) -> HttpResponse:
    require(request, "payments.view_payment")
    office = _office(request)
    query = request.GET.get("q", "").strip()
    payments = Payment.objects.filter(office=office).select_related("checkout")
    if query:
        payments = payments.filter(Q(reference__iexact=query) | Q(checkout__case_reference__iexact=query))
    events = GatewayEvent.objects.filter(office=office).exclude(outcome__in=["settled", "duplicate"])[:20]
    return render(
        request,
        "payments/staff/payment_list.html",
        {"payments": payments[:100], "q": query, "events": events},
    )


@staff_required
def payment_detail(request: HttpRequest, reference: str) -> HttpResponse:
    require(request, "payments.view_payment")
    payment = get_object_or_404(
        Payment.objects.select_related("checkout"), office=_office(request), reference=reference
    )
    form = RefundForm()
    if request.method == "POST":
        require(request, "payments.refund_payment", payment)
        form = RefundForm(request.POST)
        if form.is_valid():
            try:
                request_refund(
                    payment,
                    form.amount_grosze,
                    form.cleaned_data["reason"],
                    request.user,
                    site_url=site_url_of(request),
                )
            except RefundError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The refund was requested."))
                return redirect("payments-staff:payment", reference=reference)
    else:
        record_read(payment.checkout, request=request, reason="payment detail")
    return render(
        request,
        "payments/staff/payment_detail.html",
        {"payment": payment, "form": form, "refunds": payment.refunds.all()},
    )


@staff_required
def staff_receipt(request: HttpRequest, reference: str) -> HttpResponse:
    require(request, "payments.view_payment")
    payment = get_object_or_404(
        Payment,
        office=_office(request),
        reference=reference,
        status__in=[PaymentStatus.PAID, PaymentStatus.REFUNDED],
    )
    record_read(payment.checkout, request=request, reason="receipt")
    # the background task stores the receipt shortly after settlement; until then it is rendered here
    data = bytes(payment.receipt_pdf or b"") or render_receipt(payment)
    return pdf_response(data, f"receipt-{payment.reference}.pdf")


@staff_required
def case_payments_view(request: HttpRequest, case_reference: str) -> HttpResponse:
    require(request, "payments.view_payment")
    rows = case_payment_rows(_office(request), case_reference, (get_language() or "pl")[:2])
    return render(request, "payments/staff/case.html", {"case_reference": case_reference, "rows": rows})


@staff_required
def fee_list(request: HttpRequest) -> HttpResponse:
    require(request, "payments.view_fee")
    fees = Fee.objects.filter(office=_office(request))
    return render(request, "payments/staff/fee_list.html", {"fees": fees})


@staff_required
def fee_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    office = _office(request)
    fee = get_object_or_404(Fee, office=office, pk=pk) if pk else None
    require(request, "payments.change_fee" if fee else "payments.add_fee")
    form = FeeForm(request.POST or None, instance=fee, office=office)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The fee was saved."))
        return redirect("payments-staff:fees")
    return render(request, "payments/staff/fee_form.html", {"form": form, "fee": fee})


@staff_required
def statement_import(request: HttpRequest) -> HttpResponse:
    require(request, "payments.import_statement")
    form = StatementForm(request.POST or None, request.FILES or None)
    counts = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            _statement, counts = import_statement(_office(request), upload.read(), upload.name, request.user)
        except StatementError as exc:
            form.add_error("file", str(exc))
    return render(
        request,
        "payments/staff/statement.html",
        {"form": form, "counts": dict(counts) if counts is not None else None},
    )


@staff_required
def finance_report(request: HttpRequest) -> HttpResponse:
    require(request, "payments.view_finance_report")
    office = _office(request)
    form = ReportForm(request.GET or None)
    day = form.day_or_today()
    output = request.GET.get("format")
    if output == "csv":
        response = HttpResponse(report_csv(office, day), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="payments-{day.isoformat()}.csv"'
        return response
    if output == "pdf":
        return pdf_response(
            report_pdf(office, day, (get_language() or "pl")[:2]), f"payments-{day.isoformat()}.pdf"
        )
    return render(
        request,
        "payments/staff/report.html",
        {"form": form, "day": day, "accounts": daily_report(office, day)},
    )
