"""Settling payments exactly once: row lock on the payment, a one-to-one Settlement, then listeners.

A notification is trusted only after (1) its signature matches (constant-time, inside the provider),
(2) its amount and currency equal our record and (3) the gateway confirms it (P24's mandatory
verify). Duplicates, replays and concurrent copies wait on the row lock and then find the payment
settled: they change nothing (a copy arriving after the settlement is answered without waiting for
the lock).

The notification's transaction does only what must be atomic with the money: the payment becomes
"paid", the one Settlement row and a follow-up task (``finish_settlement_task``, enqueued in the same
transaction: with the database task backend it exists exactly when the settlement does). The task
renders the receipt PDF, queues the payer's confirmation e-mail (which links to the receipt) and
then calls the listeners (``payment_settled``, which receive the receipt), so the gateway's callback
is answered in milliseconds instead of waiting for PDF rendering. The follow-up is idempotent and runs under the
settlement's row lock; if it fails or its worker dies, the reconciliation job finishes the settlement
(see :func:`finish_pending`). Listener failures are recorded on the Settlement and retried the same way.
"""

from __future__ import annotations

import datetime
import enum
import logging
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from przystan.offices.enablement import hooks_for_office
from przystan.payments_contract import PaymentNotification, PaymentProvider, PaymentProviderError

from .models import GatewayEvent, Payment, PaymentStatus, Settlement

logger = logging.getLogger(__name__)
SETTLEABLE = (PaymentStatus.NEW, PaymentStatus.PENDING, PaymentStatus.EXPIRED)


class Outcome(enum.StrEnum):
    SETTLED = "settled"
    DUPLICATE = "duplicate"
    BAD_SIGNATURE = "bad_signature"
    UNKNOWN_PAYMENT = "unknown_payment"
    AMOUNT_MISMATCH = "amount_mismatch"
    VERIFY_FAILED = "verify_failed"
    FORBIDDEN_SOURCE = "forbidden_source"

    @property
    def http_status(self) -> int:
        return {
            Outcome.SETTLED: 200,
            Outcome.DUPLICATE: 200,
            Outcome.BAD_SIGNATURE: 400,
            Outcome.UNKNOWN_PAYMENT: 404,
            Outcome.AMOUNT_MISMATCH: 400,
            Outcome.VERIFY_FAILED: 503,  # the gateway should try again
            Outcome.FORBIDDEN_SOURCE: 403,
        }[self]


def log_event(
    office: Any,
    provider: str,
    kind: str,
    outcome: str,
    *,
    session_id: str = "",
    detail: str = "",
    remote_addr: str = "",
    body: bytes | str = b"",
) -> None:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    GatewayEvent.objects.create(
        office=office,
        provider=provider,
        kind=kind,
        outcome=outcome,
        session_id=session_id[:100],
        detail=detail[:2000],
        remote_addr=remote_addr[:45],
        body=text[:5000],
    )
    level = logging.INFO if outcome in (Outcome.SETTLED, Outcome.DUPLICATE) else logging.WARNING
    logger.log(
        level,
        "payments: %s %s from %s: %s (session %s)",
        provider,
        kind,
        remote_addr or "-",
        outcome,
        session_id,
    )


def handle_notification(
    office: Any, provider: PaymentProvider, body: bytes, headers: dict[str, str], remote_addr: str = ""
) -> Outcome:
    """A gateway's notification arrived at our endpoint."""
    try:
        notification = provider.parse_notification(body, headers)
    except PaymentProviderError as exc:
        log_event(
            office,
            provider.name,
            "notification",
            Outcome.BAD_SIGNATURE,
            detail=str(exc),
            remote_addr=remote_addr,
            body=body,
        )
        return Outcome.BAD_SIGNATURE
    outcome, detail = settle_notified(office, provider, notification, source="notification")
    log_event(
        office,
        provider.name,
        "notification",
        outcome,
        session_id=notification.session_id,
        detail=detail,
        remote_addr=remote_addr,
        body=body,
    )
    return outcome


def settle_notified(
    office: Any, provider: PaymentProvider, notification: PaymentNotification, *, source: str
) -> tuple[Outcome, str]:
    # A copy of an already settled notification (P24 retries, duplicates) needs no lock: "paid" and
    # "refunded" never become settleable again, so this unlocked read can only answer "duplicate" early.
    done = (
        Payment.objects.filter(office=office, session_id=notification.session_id)
        .exclude(status__in=SETTLEABLE)
        .values_list("reference", "status")
        .first()
    )
    if done is not None:
        return Outcome.DUPLICATE, f"payment {done[0]} is {done[1]}"
    with transaction.atomic():
        payment = (
            Payment.objects.select_for_update()
            .filter(office=office, session_id=notification.session_id)
            .first()
        )
        if payment is None:
            return Outcome.UNKNOWN_PAYMENT, ""
        if payment.status not in SETTLEABLE:
            return Outcome.DUPLICATE, f"payment {payment.reference} is {payment.status}"
        if notification.amount_grosze != payment.amount_grosze or notification.currency != payment.currency:
            return Outcome.AMOUNT_MISMATCH, (
                f"notified {notification.amount_grosze} {notification.currency}, "
                f"expected {payment.amount_grosze} {payment.currency}"
            )
        try:
            provider.confirm(notification)
        except PaymentProviderError as exc:
            return Outcome.VERIFY_FAILED, str(exc)
        settle(payment, source=source, provider_order_id=notification.provider_order_id)
    return Outcome.SETTLED, payment.reference


def settle(payment: Payment, *, source: str, provider_order_id: str = "") -> Settlement:
    """Mark a locked payment paid, create its one Settlement and queue its follow-up.

    Call inside ``transaction.atomic()`` with ``payment`` fetched ``select_for_update()``. The receipt,
    the payer's e-mail and the listeners follow in :func:`finish_settlement` (a background task
    enqueued in this transaction).
    """
    now = timezone.now()
    payment.status = PaymentStatus.PAID
    payment.paid_at = now
    payment.provider_order_id = provider_order_id or payment.provider_order_id
    payment.save(update_fields=["status", "paid_at", "provider_order_id"])
    settlement = Settlement.objects.create(
        payment=payment, source=source, provider_order_id=provider_order_id
    )
    enqueue_finish(settlement)
    return settlement


def enqueue_finish(settlement: Settlement) -> None:
    """Queue the receipt and listeners of ``settlement`` (in the caller's transaction)."""
    from .tasks import finish_settlement_task

    try:
        with transaction.atomic():
            finish_settlement_task.enqueue(settlement.pk)
    except Exception:  # noqa: BLE001 - the reconciliation job finishes it; the payment stays settled
        logger.exception("payments: could not queue the follow-up of settlement %s", settlement.pk)


class Finished(enum.StrEnum):
    DONE = "done"
    LISTENERS_FAILED = "listeners_failed"
    SKIPPED = "skipped"  # another worker holds it, or it does not exist


def finish_settlement(settlement_id: int) -> Finished:
    """Render the missing receipt of a settlement, queue the payer's e-mail and call the listeners.

    Each step is done once (the receipt is stored, the others are flagged on the Settlement).

    Runs under the settlement's row lock (a concurrent run skips it). A rendering error rolls back and
    propagates (the task fails and the reconciliation job tries again); a listener's error is recorded
    on the Settlement and retried the same way.
    """
    from .receipts import render_receipt

    with transaction.atomic():
        settlement = (
            Settlement.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("payment", "payment__checkout", "payment__office")
            .filter(pk=settlement_id)
            .first()
        )
        if settlement is None:
            return Finished.SKIPPED
        payment = settlement.payment
        if not payment.receipt_pdf:
            payment.receipt_pdf = render_receipt(payment)
            Payment.objects.filter(pk=payment.pk).update(receipt_pdf=payment.receipt_pdf)
        if not settlement.payer_notified:
            tell_payer(payment)  # an outbox row; a bad address is logged, not retried
            Settlement.objects.filter(pk=settlement.pk).update(payer_notified=True)
            settlement.payer_notified = True
        if settlement.listeners_notified or notify_listeners(settlement):
            return Finished.DONE
        return Finished.LISTENERS_FAILED


def tell_payer(payment: Payment) -> None:
    """Queue the "payment confirmed" e-mail (outbox row in this transaction, sent by the worker)."""
    from django.urls import NoReverseMatch, reverse

    from przystan.notifications.service import notify

    from .models.payments import format_pln

    checkout = payment.checkout
    try:
        path = reverse("payments:receipt", args=[checkout.token, payment.reference])
        receipt_url = payment.office.site.root_url.rstrip("/") + path
    except NoReverseMatch:  # an internal-only instance serves no public receipts
        receipt_url = ""
    try:
        with transaction.atomic():
            notify(
                "payments.settled",
                office=payment.office,
                email=checkout.payer_email,
                language=checkout.language,
                context={
                    "reference": payment.reference,
                    "amount": format_pln(payment.amount_grosze),
                    "payee": payment.payee_name,
                    "case_reference": checkout.case_reference,
                    "receipt_url": receipt_url,
                },
            )
    except Exception:  # noqa: BLE001 - a bad address must not undo a settled payment
        logger.exception("payments: could not queue the confirmation for %s", payment.reference)


def settlement_payload(payment: Payment) -> dict[str, Any]:
    return {
        "reference": payment.reference,
        "case_reference": payment.checkout.case_reference or None,
        "fee_codes": [line.fee_code for line in payment.lines.all()],
        "amount_grosze": payment.amount_grosze,
        "paid_at": payment.paid_at,
        "receipt_pdf": bytes(payment.receipt_pdf or b""),
    }


def notify_listeners(settlement: Settlement) -> bool:
    """Call ``payment_settled`` once; a failing listener is recorded and retried by reconciliation."""
    payment = settlement.payment
    try:
        with transaction.atomic():
            hooks_for_office(payment.office).payment_settled(
                office=payment.office, payment=settlement_payload(payment)
            )
            Settlement.objects.filter(pk=settlement.pk).update(listeners_notified=True, listeners_error="")
    except Exception as exc:  # noqa: BLE001 - a listener's bug must not undo a settled payment
        logger.exception("payments: payment_settled listener failed for %s", payment.reference)
        Settlement.objects.filter(pk=settlement.pk).update(
            listeners_error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        return False
    settlement.listeners_notified = True
    return True


def unfinished_settlements(older_than: datetime.timedelta = datetime.timedelta(0)) -> Any:
    """Settlements still missing their receipt or a successful listener call."""
    return Settlement.objects.filter(
        Q(listeners_notified=False) | Q(payer_notified=False) | Q(payment__receipt_pdf__isnull=True),
        settled_at__lte=timezone.now() - older_than,
    ).order_by("settled_at")


def finish_pending(older_than: datetime.timedelta = datetime.timedelta(0), limit: int = 1000) -> int:
    """Finish settlements whose follow-up task failed, was lost or whose worker died; returns how many."""
    done = 0
    for pk in unfinished_settlements(older_than).values_list("pk", flat=True)[:limit]:
        try:
            if finish_settlement(pk) == Finished.DONE:
                done += 1
        except Exception:  # noqa: BLE001 - one broken receipt must not stop the others
            logger.exception("payments: could not finish settlement %s", pk)
    return done
