"""Payments stuck "pending": ask the gateway, settle what was paid, expire what never will be."""

from __future__ import annotations

import datetime
import logging
from collections import Counter
from typing import Any

from django.utils import timezone

from przystan.offices.enablement import is_enabled
from przystan.payments_contract import PaymentNotification, PaymentProviderError

from . import providers
from .models import Payment, PaymentStatus
from .settlement import Outcome, finish_pending, log_event, settle_notified

logger = logging.getLogger(__name__)
DEFAULT_GRACE = datetime.timedelta(minutes=2)
DEFAULT_EXPIRY = datetime.timedelta(hours=24)


def reconcile_pending(
    *,
    office: Any = None,
    grace: datetime.timedelta = DEFAULT_GRACE,
    expire_after: datetime.timedelta = DEFAULT_EXPIRY,
    now: datetime.datetime | None = None,
) -> Counter:
    """Look up every online payment pending for longer than ``grace``; returns counts per outcome.

    Also finishes settlements older than ``grace`` still missing their receipt or listener call.
    """
    now = now or timezone.now()
    counts: Counter = Counter()
    pending = (
        Payment.objects.filter(status=PaymentStatus.PENDING, registered_at__lte=now - grace)
        .exclude(provider="")
        .select_related("office")
        .order_by("registered_at")
    )
    if office is not None:
        pending = pending.filter(office=office)
    cache: dict[tuple[int, str], Any] = {}
    try:
        for payment in pending:
            if not is_enabled(payment.office, providers.SLUG):
                continue
            key = (payment.office_id, payment.provider)
            if key not in cache:
                cache[key] = providers.provider_for(payment.office, payment.provider)
            counts[_reconcile_one(payment, cache[key], now, expire_after)] += 1
    finally:
        for provider in cache.values():
            providers.close(provider)
    # receipts and listeners whose follow-up task failed or whose worker died (fresh ones are the task's)
    counts["settlements_finished"] = finish_pending(older_than=grace)
    return counts


def _reconcile_one(
    payment: Payment, provider: Any, now: datetime.datetime, expire_after: datetime.timedelta
) -> str:
    try:
        state = provider.lookup(payment.session_id)
    except PaymentProviderError as exc:
        logger.warning("payments: lookup of %s failed: %s", payment.reference, exc)
        return "lookup_failed"
    if state.get("state") in ("advance", "paid") and state.get("order_id"):
        notification = PaymentNotification(
            session_id=payment.session_id,
            amount_grosze=int(state.get("amount_grosze", 0)),
            currency=str(state.get("currency", "PLN")),
            provider_order_id=str(state["order_id"]),
            raw=state,
        )
        outcome, detail = settle_notified(payment.office, provider, notification, source="reconciliation")
        log_event(
            payment.office,
            provider.name,
            "reconciliation",
            outcome,
            session_id=payment.session_id,
            detail=detail,
        )
        return str(outcome)
    if payment.registered_at and payment.registered_at <= now - expire_after:
        updated = Payment.objects.filter(pk=payment.pk, status=PaymentStatus.PENDING).update(
            status=PaymentStatus.EXPIRED
        )
        return "expired" if updated else str(Outcome.DUPLICATE)
    return "still_pending"
