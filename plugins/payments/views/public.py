"""Public pages: choose fees, the checkout, the gateway's start/return/notification URLs, transfers.

The gateway URLs carry the provider's name (``/payments/<provider>/...``) and dispatch to the
provider from the ``payment_providers`` registry, so another gateway plugs in without a new URL.
"""

from __future__ import annotations

import ipaddress
import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.csp import CSP
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from przystan import access
from przystan.accounts import antispam
from przystan.documents.barcodes import data_uri, qr_png
from przystan.documents.http import pdf_response
from przystan.offices.enablement import hooks_for_office, plugin_config
from przystan.payments_contract import PaymentProviderError
from przystan.web.client_ip import client_ip_or_unknown

from .. import providers
from ..bank_transfer import grouped_account, payment_qr_payload
from ..catalogue import current_fees, payable_online
from ..checkout import CheckoutError, create_checkout
from ..flow import choose_transfer, site_url_of, start_online
from ..forms import PayForm
from ..models import Checkout, Payment, PaymentStatus
from ..refunds import complete_refund
from ..settlement import Outcome, handle_notification, log_event

logger = logging.getLogger(__name__)
PAY_RATE = "30/h"


def _language() -> str:
    return (get_language() or "pl")[:2]


def _office(request: HttpRequest) -> Any:
    office = getattr(request, "office", None)
    if office is None:
        raise Http404
    return office


@access.public
@never_cache
def pay(request: HttpRequest) -> HttpResponse:
    """Choose the fees to pay (standalone or for a case)."""
    office = _office(request)
    language = _language()
    catalogue = current_fees(office)
    fees = payable_online(catalogue)
    if request.method == "POST":
        form = PayForm(request.POST, fees=fees, language=language)
        if form.is_valid():
            data = form.cleaned_data
            if data.get("website") or antispam.filled_too_fast(data.get("form_token", "")):
                form.add_error(None, _("Please check the form and send it again."))
            elif antispam.rate_limited(request, "payments-pay", PAY_RATE):
                form.add_error(None, _("Too many attempts from your address. Please try again later."))
            else:
                case_reference = data["case_reference"].strip()
                case = None
                if case_reference:
                    case = hooks_for_office(office).case_lookup(
                        office=office, reference=case_reference, secret=data["case_pin"].strip()
                    )
                    if not case:
                        form.add_error("case_reference", _("We found no case with this number and PIN."))
                if not form.errors:
                    try:
                        checkout = create_checkout(
                            office,
                            data["fees"],
                            payer_email=data["email"],
                            language=language,
                            case_reference=(case or {}).get("reference", case_reference) if case else "",
                            payer=request.user if request.user.is_authenticated else None,
                            payer_name=data.get("name", ""),
                            return_url=request.GET.get("next", ""),
                        )
                    except CheckoutError as exc:
                        form.add_error("fees", str(exc))
                    else:
                        return redirect("payments:checkout", token=checkout.token)
        if antispam.form_token_age(form.data.get("form_token", "")) is None:
            form.data = form.data.copy()
            form.data["form_token"] = antispam.issue_form_token()
    else:
        initial = {
            "fees": [code for code in request.GET.getlist("fee") if code in fees],
            "case_reference": request.GET.get("case", ""),
            "form_token": antispam.issue_form_token(),
        }
        if request.user.is_authenticated:
            initial["email"] = request.user.email
        form = PayForm(initial=initial, fees=fees, language=language)
    # fees set in euro are paid by transfer at the rate the office states: say so, where they were asked for
    asked = set(request.GET.getlist("fee")) | set(request.POST.getlist("fees"))
    offline = [fee.as_dict(language) for code, fee in sorted(catalogue.items()) if code not in fees]
    offline = [fee for fee in offline if fee["code"] in asked] or offline
    return render(
        request, "payments/pay.html", {"form": form, "fees": fees, "offline_fees": offline, "office": office}
    )


def _checkout(request: HttpRequest, token: str) -> Checkout:
    return get_object_or_404(Checkout, office=_office(request), token=token)


def _gateway(office: Any) -> Any:
    try:
        return providers.provider_for(office)
    except PaymentProviderError:
        return None


@access.public
@never_cache
def checkout_view(request: HttpRequest, token: str) -> HttpResponse:
    checkout = _checkout(request, token)
    payments = list(checkout.payments.prefetch_related("lines").order_by("payee"))
    provider = _gateway(checkout.office)
    gateway_language, exact = provider.payer_language(checkout.language) if provider else ("", True)
    response = render(
        request,
        "payments/checkout.html",
        {
            "checkout": checkout,
            "payments": payments,
            "provider": provider,
            "gateway_language": gateway_language,
            "language_exact": exact,
            "all_paid": all(p.status == PaymentStatus.PAID for p in payments),
        },
    )
    origin = getattr(provider, "redirect_origin", "")
    if origin:  # the "pay online" form posts here and is redirected to the gateway
        response._csp_config = {**settings.SECURE_CSP, "form-action": [CSP.SELF, origin]}  # type: ignore[attr-defined]
    if provider:
        providers.close(provider)
    return response


@access.public
@require_POST
def start(request: HttpRequest, provider: str, token: str, reference: str) -> HttpResponse:
    checkout = _checkout(request, token)
    payment = get_object_or_404(Payment, checkout=checkout, reference=reference)
    if provider != providers.online_provider_name(checkout.office):
        raise Http404
    try:
        url = start_online(payment, site_url=site_url_of(request))
    except CheckoutError as exc:
        messages.error(request, str(exc))
        return redirect("payments:checkout", token=token)
    return redirect(url)


@access.public
@never_cache
def payment_return(request: HttpRequest, provider: str, token: str, reference: str) -> HttpResponse:
    """Where the gateway sends the payer back: the truth from our record, "pending" until notified."""
    checkout = _checkout(request, token)
    payment = get_object_or_404(Payment, checkout=checkout, reference=reference)
    if request.GET.get("format") == "json":
        return JsonResponse({"status": payment.status})
    others = checkout.payments.exclude(pk=payment.pk).exclude(status=PaymentStatus.PAID)
    return render(
        request, "payments/return.html", {"checkout": checkout, "payment": payment, "others": others}
    )


@access.public
@never_cache
def transfer(request: HttpRequest, token: str, reference: str) -> HttpResponse:
    checkout = _checkout(request, token)
    payment = get_object_or_404(Payment, checkout=checkout, reference=reference)
    if request.method == "POST":
        try:
            payment = choose_transfer(payment)
        except CheckoutError as exc:
            messages.error(request, str(exc))
            return redirect("payments:checkout", token=token)
    qr = payment_qr_payload(payment)
    return render(
        request,
        "payments/transfer.html",
        {
            "checkout": checkout,
            "payment": payment,
            "account": grouped_account(payment.payee_iban),
            "qr_data_uri": data_uri(qr_png(qr, box_size=6)),
            "qr_payload": qr,
        },
    )


@access.public
def receipt(request: HttpRequest, token: str, reference: str) -> HttpResponse:
    checkout = _checkout(request, token)
    payment = get_object_or_404(
        Payment,
        checkout=checkout,
        reference=reference,
        status__in=[PaymentStatus.PAID, PaymentStatus.REFUNDED],
    )
    from ..receipts import render_receipt

    stored = bytes(payment.receipt_pdf or b"")
    data = stored if stored and _language() == checkout.language else render_receipt(payment, _language())
    return pdf_response(data, f"receipt-{payment.reference}.pdf")


def _source_allowed(office: Any, remote_addr: str) -> bool:
    allowed = plugin_config(office, providers.SLUG).get("notification_ips") or []
    if not allowed:
        return True
    try:
        address = ipaddress.ip_address(remote_addr)
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(net, strict=False) for net in allowed)


@access.public
@csrf_exempt
@require_POST
def notify(request: HttpRequest, provider: str) -> HttpResponse:
    """The gateway's payment notification (server to server)."""
    office = _office(request)
    remote = client_ip_or_unknown(request)
    if not _source_allowed(office, remote):
        log_event(
            office, provider, "notification", Outcome.FORBIDDEN_SOURCE, remote_addr=remote, body=request.body
        )
        return JsonResponse({"status": Outcome.FORBIDDEN_SOURCE}, status=403)
    try:
        gateway = providers.provider_for(office, provider)
    except PaymentProviderError as exc:
        raise Http404 from exc
    try:
        outcome = handle_notification(office, gateway, request.body, dict(request.headers), remote)
    finally:
        providers.close(gateway)
    return JsonResponse({"status": str(outcome)}, status=outcome.http_status)


@access.public
@csrf_exempt
@require_POST
def refund_notify(request: HttpRequest, provider: str) -> HttpResponse:
    office = _office(request)
    remote = client_ip_or_unknown(request)
    if not _source_allowed(office, remote):
        return JsonResponse({"status": Outcome.FORBIDDEN_SOURCE}, status=403)
    try:
        gateway = providers.provider_for(office, provider)
    except PaymentProviderError as exc:
        raise Http404 from exc
    parse = getattr(gateway, "parse_refund_notification", None)
    if parse is None:
        raise Http404
    try:
        parsed = parse(request.body, dict(request.headers))
    except PaymentProviderError as exc:
        log_event(
            office,
            provider,
            "refund_notification",
            Outcome.BAD_SIGNATURE,
            detail=str(exc),
            remote_addr=remote,
            body=request.body,
        )
        return JsonResponse({"status": Outcome.BAD_SIGNATURE}, status=400)
    finally:
        providers.close(gateway)
    outcome = complete_refund(office, parsed)
    log_event(
        office,
        provider,
        "refund_notification",
        outcome,
        session_id=parsed["session_id"],
        remote_addr=remote,
        body=request.body,
    )
    return JsonResponse(
        {"status": outcome}, status=200 if outcome in ("completed", "rejected", "duplicate") else 400
    )
