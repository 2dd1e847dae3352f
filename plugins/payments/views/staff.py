"""Staff pages: the fee catalogue (finance), payments and refunds, the case view, statements, report."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from przystan import access
from przystan.audit.api import acting_as, record_read
from przystan.documents.http import pdf_response

from ..case_view import case_fee_codes, case_payment_rows
from ..catalogue import current_fees
from ..flow import site_url_of
from ..forms import CaseReliefForm, FeeForm, FeeReliefFormSet, RefundForm, ReportForm, StatementForm
from ..models import CaseFeeRelief, Fee, GatewayEvent, Payment, PaymentStatus, Refund, RefundStatus
from ..policy import CASE_FEE, FEE, PAYMENT, REFUND, REPORT, STATEMENT
from ..receipts import render_receipt
from ..refunds import RefundError, approve_refund, case_filed_on, request_refund, rules_for
from ..reports import daily_report, days_with_payments, report_csv, report_pdf
from ..statements import OUTCOME_LABELS, StatementError, import_statement
from .guards import staff_guard

#: What a rejected gateway notification means, in words (the stored outcome is a code).
EVENT_OUTCOMES = {
    "bad_signature": gettext_lazy("Wrong signature"),
    "unknown_payment": gettext_lazy("Unknown payment"),
    "amount_mismatch": gettext_lazy("Amount differs from the payment"),
    "verify_failed": gettext_lazy("The gateway did not confirm the payment"),
    "forbidden_source": gettext_lazy("Sent from an address that is not the gateway's"),
    "unknown_refund": gettext_lazy("Unknown refund"),
    "completed": gettext_lazy("Refund completed"),
    "rejected": gettext_lazy("Refund rejected by the gateway"),
}


def _office(request: HttpRequest) -> Any:
    office = getattr(request, "office", None)
    if office is None:
        raise Http404
    return office


@staff_guard(PAYMENT, "view")
def payment_list(request: HttpRequest) -> HttpResponse:
    office = _office(request)
    query = request.GET.get("q", "").strip()
    payments = access.visible(
        request.user, "view", PAYMENT, Payment.objects.filter(office=office), office=office
    ).select_related("checkout")
    if query:
        payments = payments.filter(Q(reference__iexact=query) | Q(checkout__case_reference__iexact=query))
    events = [
        (event, EVENT_OUTCOMES.get(event.outcome, event.outcome))
        for event in GatewayEvent.objects.filter(office=office).exclude(outcome__in=["settled", "duplicate"])[
            :20
        ]
    ]
    return render(
        request,
        "payments/staff/payment_list.html",
        {"payments": payments[:100], "q": query, "events": events},
    )


@staff_guard(PAYMENT, "view")
def payment_detail(request: HttpRequest, reference: str) -> HttpResponse:
    payment = access.get_or_404(
        request,
        "view",
        PAYMENT,
        Payment.objects.select_related("checkout"),
        office=_office(request),
        reference=reference,
    )
    form = RefundForm()
    if request.method == "POST" and "approve" in request.POST:
        access.require(request, "approve", PAYMENT, payment)
        refund = Refund.objects.filter(payment=payment, pk=request.POST.get("approve") or 0).first()
        if refund is None:
            raise Http404
        try:
            approve_refund(refund, request.user, site_url=site_url_of(request))
        except RefundError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The refund was approved and sent."))
        return redirect("payments-staff:payment", reference=reference)
    if request.method == "POST":
        access.require(request, REFUND, PAYMENT, payment)
        form = RefundForm(request.POST)
        if form.is_valid():
            try:
                request_refund(
                    payment,
                    form.amount_grosze,
                    form.cleaned_data["reason"],
                    request.user,
                    ground=form.cleaned_data["ground"],
                    filed_on=form.cleaned_data.get("filed_on"),
                    language=_language(),
                    site_url=site_url_of(request),
                )
            except RefundError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, _("The refund was requested; it is made once another person approves it.")
                )
                return redirect("payments-staff:payment", reference=reference)
    else:
        record_read(payment.checkout, request=request, reason="payment detail")
    can_approve = access.allows(request.user, "approve", PAYMENT, payment, office=request.office)
    refunds = [
        {
            "refund": r,
            "approvable": can_approve
            and r.status == RefundStatus.AWAITING
            and r.requested_by_id != request.user.pk,
        }
        for r in payment.refunds.select_related("requested_by", "approved_by")
    ]
    filed_on = case_filed_on(payment)
    return render(
        request,
        "payments/staff/payment_detail.html",
        {
            "payment": payment,
            "lines": _lines_in_readers_language(payment),
            "form": form,
            "refunds": refunds,
            "can_refund": access.allows(request.user, REFUND, PAYMENT, payment, office=request.office),
            "filed_on": filed_on,
            "refund_rules": [rule.explanation_in(_language()) for rule in rules_for(payment, filed_on)],
        },
    )


def _language() -> str:
    return (get_language() or "pl")[:2]


def _lines_in_readers_language(payment: Payment) -> list[tuple[str, int]]:
    """The payment's fees named in the staff member's language (the lines keep the payer's): the
    catalogue's version valid on the day of the payment, else the name frozen in the line."""
    language = (get_language() or "pl")[:2]
    day = timezone.localdate(payment.paid_at or payment.created_at)
    lines = list(payment.lines.all())
    fees = {
        fee.code: fee
        for fee in Fee.objects.filter(office=payment.office, code__in=[line.fee_code for line in lines])
        .valid_on(day)
        .order_by("valid_from")
    }
    return [
        (fees[line.fee_code].name_in(language) if line.fee_code in fees else line.name, line.amount_grosze)
        for line in lines
    ]


@staff_guard(PAYMENT, "view")
def staff_receipt(request: HttpRequest, reference: str) -> HttpResponse:
    payment = access.get_or_404(
        request,
        "view",
        PAYMENT,
        Payment.objects.all(),
        office=_office(request),
        reference=reference,
        status__in=[PaymentStatus.PAID, PaymentStatus.REFUNDED],
    )
    record_read(payment.checkout, request=request, reason="receipt")
    # the background task stores the receipt shortly after settlement; until then it is rendered here
    data = bytes(payment.receipt_pdf or b"") or render_receipt(payment)
    return pdf_response(data, f"receipt-{payment.reference}.pdf")


@staff_guard(CASE_FEE, "view")
def case_payments_view(request: HttpRequest, case_reference: str) -> HttpResponse:
    """The fees of a case, paid or not; a finance or case officer grants or withdraws a relief."""
    office = _office(request)
    language = _language()
    # the record asked about: this case's fees (a case officer reaches only the cases in her scope)
    record = CaseFeeRelief(office=office, case_reference=case_reference)
    access.require(request, "view", CASE_FEE, record)
    codes = case_fee_codes(office, case_reference)
    fees = current_fees(office, codes)
    can_edit = access.allows(request.user, "edit", CASE_FEE, record, office=office)
    bound: CaseReliefForm | None = None
    if request.method == "POST":
        access.require(request, "edit", CASE_FEE, record)
        code = request.POST.get("withdraw") or next(
            (code for code in fees if f"relief-{code}-relief" in request.POST), ""
        )
        fee = fees.get(code)
        if fee is None:
            raise Http404
        if request.POST.get("withdraw"):
            with acting_as(request.user):
                for granted in CaseFeeRelief.objects.filter(
                    office=office, case_reference=case_reference, fee_code=code
                ):
                    granted.delete()
            messages.success(request, _("The relief was withdrawn."))
            return redirect("payments-staff:case", case_reference=case_reference)
        bound = CaseReliefForm(request.POST, fee=fee, language=language)
        if bound.is_valid():
            with acting_as(request.user):
                CaseFeeRelief.objects.filter(
                    office=office, case_reference=case_reference, fee_code=code
                ).delete()
                CaseFeeRelief.objects.create(
                    office=office,
                    case_reference=case_reference,
                    fee_code=code,
                    relief=bound.cleaned_data["relief"],
                    note=bound.cleaned_data["note"],
                    decided_by=request.user,
                )
            messages.success(
                request, _("The relief was recorded; the case is asked for the amount after it.")
            )
            return redirect("payments-staff:case", case_reference=case_reference)
    rows = case_payment_rows(office, case_reference, language, codes)
    for row in rows:
        fee = fees.get(row["fee_code"])
        row["can_relieve"] = (
            can_edit and fee is not None and fee.reliefs.exists() and row["status"] in ("unpaid", "exempt")
        )
        if row["can_relieve"]:
            row["form"] = (
                bound
                if bound is not None and bound.prefix == f"relief-{fee.code}"
                else CaseReliefForm(fee=fee, language=language)
            )
    return render(request, "payments/staff/case.html", {"case_reference": case_reference, "rows": rows})


@staff_guard(FEE, "view")
def fee_list(request: HttpRequest) -> HttpResponse:
    fees = Fee.objects.filter(office=_office(request)).prefetch_related("reliefs")
    can_manage = access.allows(request.user, "manage", FEE, office=request.office)
    return render(request, "payments/staff/fee_list.html", {"fees": fees, "can_manage": can_manage})


@staff_guard(FEE, "manage")
def fee_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    office = _office(request)
    fee = access.get_or_404(request, "manage", FEE, Fee.objects.filter(office=office), pk=pk) if pk else None
    form = FeeForm(request.POST or None, instance=fee, office=office)
    # a form sent without the relief rows (an older page, a script) leaves the reliefs as they are
    posted = request.POST if "reliefs-TOTAL_FORMS" in request.POST else None
    reliefs = FeeReliefFormSet(posted, instance=form.instance, prefix="reliefs")
    if request.method == "POST" and form.is_valid() and (posted is None or reliefs.is_valid()):
        with transaction.atomic():
            saved = form.save()
            if posted is not None:
                reliefs.instance = saved
                reliefs.save()
        messages.success(request, _("The fee was saved."))
        return redirect("payments-staff:fees")
    return render(request, "payments/staff/fee_form.html", {"form": form, "fee": fee, "reliefs": reliefs})


@staff_guard(STATEMENT, "edit")
def statement_import(request: HttpRequest) -> HttpResponse:
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
        {
            "form": form,
            "results": (
                [(OUTCOME_LABELS.get(code, code), number) for code, number in sorted(counts.items())]
                if counts is not None
                else None
            ),
        },
    )


@staff_guard(REPORT, "view")
def finance_report(request: HttpRequest) -> HttpResponse:
    office = _office(request)
    form = ReportForm(request.GET or None)
    day = form.day_or_today()
    output = request.GET.get("format")
    if output in ("csv", "pdf"):
        access.require(request, "export", REPORT)
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
        {
            "form": form,
            "day": day,
            "accounts": daily_report(office, day),
            "days": days_with_payments(office),
        },
    )
