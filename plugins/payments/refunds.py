"""Full or partial refunds with a reason, in two steps by two people (four eyes): one asks
(:func:`request_refund`), another approves and so executes it (:func:`approve_refund`); the
gateway's refund notification then completes it."""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from przystan.audit.api import acting_as
from przystan.payments_contract import PaymentNotification, PaymentProviderError

from . import providers
from .models import Payment, PaymentStatus, Refund, RefundGround, RefundRule, RefundStatus
from .models.payments import Method, format_pln

logger = logging.getLogger(__name__)


class RefundError(Exception):
    """The refund cannot be made (message for the finance officer)."""


def _awaiting_grosze(payment: Payment) -> int:
    return sum(payment.refunds.filter(status=RefundStatus.AWAITING).values_list("amount_grosze", flat=True))


def _check_amount(payment: Payment, amount_grosze: int, *, also_awaiting: bool) -> None:
    if payment.status not in (PaymentStatus.PAID,):
        raise RefundError(_("Only a paid payment can be refunded."))
    left = (
        payment.amount_grosze - payment.refunded_grosze - (_awaiting_grosze(payment) if also_awaiting else 0)
    )
    if not 0 < amount_grosze <= left:
        raise RefundError(
            _("The refund must be more than 0 and at most %(max)s.") % {"max": format_pln(max(left, 0))}
        )


#: the grounds a "no refund" rule may refuse (a decision ending the case)
DECISION_GROUNDS = (RefundGround.REFUSED, RefundGround.DISCONTINUED)


def case_filed_on(payment: Payment) -> datetime.date | None:
    """The filing day of the payment's case, asked of the case plugin (``case_lookup``), if known."""
    from przystan.offices.enablement import hooks_for_office

    reference = payment.checkout.case_reference if payment.checkout_id else ""
    if not reference:
        return None
    found = hooks_for_office(payment.office).case_lookup(
        office=payment.office, reference=reference, secret=None
    )
    filed = (found or {}).get("filed_at")
    if isinstance(filed, str):
        try:
            return datetime.date.fromisoformat(filed[:10])
        except ValueError:
            return None
    return filed if isinstance(filed, datetime.date) else None


def blocking_rule(payment: Payment, ground: str, filed_on: datetime.date | None) -> RefundRule | None:
    """The office's rule that keeps this payment on this ground (e.g. stamp duty after a refusal of an
    application filed from 5 March 2026), or ``None`` when a refund is possible."""
    codes = [line.fee_code for line in payment.lines.all()]
    for rule in RefundRule.objects.filter(office=payment.office):
        if rule.covers(payee=payment.payee, fee_codes=codes, ground=ground, filed_on=filed_on):
            return rule
    return None


def rules_for(payment: Payment, filed_on: datetime.date | None) -> list[RefundRule]:
    """The rules that would keep this payment after a refusal or a discontinuation (shown to staff)."""
    return [
        rule
        for rule in RefundRule.objects.filter(office=payment.office)
        if any(
            rule.covers(
                payee=payment.payee,
                fee_codes=[line.fee_code for line in payment.lines.all()],
                ground=ground,
                filed_on=filed_on,
            )
            for ground in DECISION_GROUNDS
        )
    ]


def not_refunded_message(rule: RefundRule, language: str) -> str:
    basis = f" ({rule.legal_basis})" if rule.legal_basis else ""
    return _("No refund is due: %(explanation)s%(basis)s") % {
        "explanation": rule.explanation_in(language),
        "basis": basis,
    }


def request_refund(
    payment: Payment,
    amount_grosze: int,
    reason: str,
    user: Any,
    *,
    ground: str = RefundGround.OTHER,
    filed_on: datetime.date | None = None,
    language: str = "pl",
    **_ignored: Any,
) -> Refund:
    """Ask for a refund: nothing moves until a second person approves it (:func:`approve_refund`).

    On a refusal or a discontinuation the filing day decides (the case's, or the one typed): the
    office's refund rules may keep the payment (:class:`RefundError` with the rule's explanation).
    """
    reason = (reason or "").strip()
    if not reason:
        raise RefundError(_("Give the reason for the refund."))
    if ground in DECISION_GROUNDS:
        filed_on = filed_on or case_filed_on(payment)
        if filed_on is None:
            raise RefundError(
                _("Give the day the application was filed: whether stamp duty is refunded depends on it.")
            )
        rule = blocking_rule(payment, ground, filed_on)
        if rule is not None:
            raise RefundError(not_refunded_message(rule, language))
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        _check_amount(payment, amount_grosze, also_awaiting=True)
        with acting_as(user):  # the audited create names who asked
            refund = Refund.objects.create(
                payment=payment,
                amount_grosze=amount_grosze,
                reason=reason[:300],
                ground=ground,
                filed_on=filed_on,
                requested_by=user,
                status=RefundStatus.AWAITING,
            )
    return refund


def approve_refund(refund: Refund, approver: Any, *, site_url: str) -> Refund:
    """The second person approves: the amount is reserved and the refund executed (gateway or transfer).

    The approver must not be the person who asked (:class:`RefundError`, nothing changed); the approval
    is recorded in the audit log with the approver.
    """
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status != RefundStatus.AWAITING:
            raise RefundError(_("This refund has already been decided."))
        if refund.requested_by_id is not None and refund.requested_by_id == getattr(approver, "pk", None):
            raise RefundError(
                _("You asked for this refund yourself: another person must approve it (four eyes).")
            )
        payment = Payment.objects.select_for_update().get(pk=refund.payment_id)
        _check_amount(payment, refund.amount_grosze, also_awaiting=False)
        if refund.ground in DECISION_GROUNDS and (
            rule := blocking_rule(payment, refund.ground, refund.filed_on)
        ):
            raise RefundError(not_refunded_message(rule, "pl"))
        amount_grosze, reason = refund.amount_grosze, refund.reason
        refund.status = RefundStatus.REQUESTED
        refund.approved_by = approver
        refund.approved_at = timezone.now()
        with acting_as(approver):  # the audited update names the approver (actor and approved_by)
            refund.save(update_fields=["status", "approved_by", "approved_at"])
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
