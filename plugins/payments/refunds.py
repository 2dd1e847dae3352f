"""Full or partial refunds with a reason; the gateway's refund notification completes them."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from przystan.payments_contract import PaymentNotification, PaymentProviderError

from . import providers
from .models import Payment, PaymentStatus, Refund, RefundStatus
from .models.payments import Method

logger = logging.getLogger(__name__)


class RefundError(Exception):
    """The refund cannot be made (message for the finance officer)."""


def request_refund(payment: Payment, amount_grosze: int, reason: str, user: Any, *, site_url: str) -> Refund:
    """Reserve the amount on the payment, ask the gateway (201 = accepted), audit everything."""
    reason = (reason or "").strip()
    if not reason:
        raise RefundError(_("Give the reason for the refund."))
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status not in (PaymentStatus.PAID,):
            raise RefundError(_("Only a paid payment can be refunded."))
        if not 0 < amount_grosze <= payment.amount_grosze - payment.refunded_grosze:
            raise RefundError(
                _("The refund must be more than 0 and at most %(max)s grosze.")
                % {"max": payment.amount_grosze - payment.refunded_grosze}
            )
        refund = Refund.objects.create(
            payment=payment, amount_grosze=amount_grosze, reason=reason[:300], requested_by=user
        )
        payment.refunded_grosze += amount_grosze  # the row is locked
        if payment.refunded_grosze == payment.amount_grosze:
            payment.status = PaymentStatus.REFUNDED
        payment.save(update_fields=["refunded_grosze", "status"])
        if payment.method == Method.ONLINE and payment.provider:
            from django.urls import reverse

            provider = providers.provider_for(payment.office, payment.provider)
            try:
                result = provider.refund(
                    PaymentNotification(
                        session_id=payment.session_id,
                        amount_grosze=payment.amount_grosze,
                        currency=payment.currency,
                        provider_order_id=payment.provider_order_id,
                        raw={
                            "request_id": refund.request_id,
                            "refunds_uuid": refund.refunds_uuid,
                            "url_status": site_url
                            + reverse("payments:refund-notify", args=[payment.provider]),
                        },
                    ),
                    amount_grosze,
                    reason,
                )
            except PaymentProviderError as exc:
                raise RefundError(_("The gateway refused the refund: %(error)s") % {"error": exc}) from exc
            finally:
                providers.close(provider)
            if not result.get("accepted"):
                raise RefundError(
                    _("The gateway refused the refund: %(error)s") % {"error": result.get("message", "")}
                )
        else:  # a bank transfer is refunded by the finance department's own transfer
            refund.status = RefundStatus.COMPLETED
            refund.completed_at = timezone.now()
            refund.message = "manual transfer"
            refund.save(update_fields=["status", "completed_at", "message"])
    return refund


def complete_refund(office: Any, parsed: dict[str, Any]) -> str:
    """A verified refund notification: mark the refund completed, or give the amount back if rejected."""
    with transaction.atomic():
        refund = (
            Refund.objects.select_for_update()
            .filter(
                refunds_uuid=parsed["refunds_uuid"],
                payment__office=office,
                payment__session_id=parsed["session_id"],
            )
            .select_related("payment")
            .first()
        )
        if refund is None:
            return "unknown_refund"
        if refund.status != RefundStatus.REQUESTED:
            return "duplicate"
        if parsed["amount_grosze"] != refund.amount_grosze:
            return "amount_mismatch"
        refund.completed_at = timezone.now()
        if parsed["completed"]:
            refund.status = RefundStatus.COMPLETED
        else:
            refund.status = RefundStatus.REJECTED
            payment = Payment.objects.select_for_update().get(pk=refund.payment_id)
            payment.refunded_grosze -= refund.amount_grosze
            payment.status = PaymentStatus.PAID
            payment.save(update_fields=["refunded_grosze", "status"])
        refund.save(update_fields=["status", "completed_at"])
    return "completed" if parsed["completed"] else "rejected"
