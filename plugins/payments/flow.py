"""Starting a payment: online through the office's gateway, or by bank transfer."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from przystan.payments_contract import PaymentOrder, PaymentProviderError

from . import providers
from .checkout import CheckoutError, description_for
from .models import Payment, PaymentStatus
from .models.payments import Method

OPEN = (PaymentStatus.NEW, PaymentStatus.PENDING, PaymentStatus.EXPIRED)


def gateway_origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def start_online(payment: Payment, *, site_url: str) -> str:
    """Register ``payment`` with the office's gateway (once) and return where to send the payer."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().select_related("checkout", "office").get(pk=payment.pk)
        if payment.status not in OPEN:
            raise CheckoutError(_("This payment is already settled."))
        provider = providers.provider_for(payment.office)
        if (
            payment.gateway_url
            and payment.provider == provider.name
            and payment.status == PaymentStatus.PENDING
        ):
            if payment.method != Method.ONLINE:
                payment.method = Method.ONLINE
                payment.save(update_fields=["method"])
            return payment.gateway_url
        checkout = payment.checkout
        language, _exact = provider.payer_language(checkout.language)
        order = PaymentOrder(
            session_id=payment.session_id,
            amount_grosze=payment.amount_grosze,
            currency=payment.currency,
            description=description_for(payment),
            payer_email=checkout.payer_email,
            language=checkout.language,
            return_url=site_url
            + reverse("payments:return", args=[provider.name, checkout.token, payment.reference]),
            notify_url=site_url + reverse("payments:notify", args=[provider.name]),
            extra={"payer_name": checkout.payer_name, "transfer_label": payment.reference},
        )
        try:
            registered = provider.register(order)
        except PaymentProviderError as exc:
            raise CheckoutError(
                _("The payment gateway is not available right now. Please try again in a few minutes.")
            ) from exc
        finally:
            providers.close(provider)
        payment.method = Method.ONLINE
        payment.provider = provider.name
        payment.gateway_url = registered.redirect_url
        payment.status = PaymentStatus.PENDING
        payment.registered_at = timezone.now()
        payment.save(update_fields=["method", "provider", "gateway_url", "status", "registered_at"])
        return registered.redirect_url


def choose_transfer(payment: Payment) -> Payment:
    """The payer will pay by a traditional bank transfer; a bank statement import settles it."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status not in OPEN:
            raise CheckoutError(_("This payment is already settled."))
        if payment.method != Method.TRANSFER or payment.status == PaymentStatus.NEW:
            payment.method = Method.TRANSFER
            if payment.status == PaymentStatus.NEW:
                payment.status = PaymentStatus.PENDING
            payment.save(update_fields=["method", "status"])
    return payment


def site_url_of(request: Any) -> str:
    return f"{request.scheme}://{request.get_host()}"
