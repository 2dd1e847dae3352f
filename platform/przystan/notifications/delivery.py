"""Delivering one outbox message: claim it, send it, record the outcome, schedule a retry.

A message is claimed in a short transaction with ``SELECT ... FOR UPDATE SKIP LOCKED`` (PostgreSQL) and
moved to "sending" before anything is sent, so two workers never send it twice. A failure increments
``attempts``; the message goes back to "failed" with ``next_attempt_at`` after an exponential backoff with
jitter (30 s × 2^n, at most 6 h) or, after ``PRZYSTAN_NOTIFICATION_MAX_ATTEMPTS`` attempts or a
non-retryable error, to "dead".

Exactly once across crashes. The claim commits, before the provider is called, the "sending" state and
the message's ``delivery_key`` (a random key made at the first claim and kept for every later try). A
worker killed between the provider call and recording "sent" leaves the message in "sending"; the
sweep (``notifications_sweep``) finds it after ``STUCK_AFTER`` and does not re-send it blindly:

* if the channel's gateway supports an idempotency key (the HTTP SMS gateway: ``idx`` + ``check_idx``,
  see ``gateways.http``), the message goes back in line and is re-sent **with the same key**; a provider
  that already accepted it drops the duplicate and the message is recorded as sent;
* otherwise (e-mail over SMTP, the file and console gateways) nobody can tell whether it went out: the
  message goes to "uncertain", shown to staff in the outbox, who check with the recipient and send it
  again (the outbox's retry) or leave it. It is never re-sent automatically.

The same rule covers a timeout from an idempotent gateway (re-sent with the same key, safe).
"""

from __future__ import annotations

import logging
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from .channels import send
from .gateways import channel_is_idempotent
from .models import OutboundMessage, Status

logger = logging.getLogger(__name__)

BACKOFF_BASE_SECONDS = 30
BACKOFF_CAP_SECONDS = 6 * 60 * 60
STUCK_AFTER = timedelta(minutes=10)
CLAIMABLE = (Status.QUEUED, Status.FAILED)
ERROR_MAX_LENGTH = 2000


def max_attempts() -> int:
    return int(getattr(settings, "PRZYSTAN_NOTIFICATION_MAX_ATTEMPTS", 6))


def backoff_delay(attempts: int, rng: random.Random | None = None) -> timedelta:
    """Delay before the next try after ``attempts`` failed tries: 30 s × 2^(attempts-1) ± 20 %, ≤ 6 h."""
    base = min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_CAP_SECONDS)
    jittered = base * (rng or random).uniform(0.8, 1.2)
    return timedelta(seconds=min(jittered, BACKOFF_CAP_SECONDS))


def due_filter(now: datetime) -> Q:
    return Q(status__in=CLAIMABLE) & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))


def claim(message_id: int, now: datetime) -> OutboundMessage | None:
    """Lock the message, check it is due, mark it "sending" and return it (``None`` if not ours to send)."""
    with transaction.atomic():
        rows = OutboundMessage.objects.select_related("office").filter(due_filter(now), pk=message_id)
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True, of=("self",))
        message = rows.first()
        if message is None:
            return None
        message.status = Status.SENDING
        message.attempts += 1
        message.sending_started_at = now
        if not message.delivery_key:
            message.delivery_key = uuid.uuid4().hex
        message.save(update_fields=["status", "attempts", "sending_started_at", "delivery_key"])
    return message  # committed: "sending" and the key are on disk before the provider is called


@dataclass(frozen=True)
class Outcome:
    message_id: int
    status: str  # sent | failed | dead | skipped


def deliver(message_id: int, *, now: datetime | None = None) -> Outcome:
    """Try to send one message now. Safe to call concurrently and repeatedly."""
    now = now or timezone.now()
    message = claim(message_id, now)
    if message is None:
        return Outcome(message_id, "skipped")
    try:
        receipt = send(message)
    except Exception as exc:  # every failure is recorded on the message
        return _record_failure(message, exc, now)
    message.status = Status.SENT
    message.sent_at = timezone.now()
    message.next_attempt_at = None
    message.provider_message_id = receipt.provider_message_id[:100]
    if receipt.sms_parts is not None:
        message.sms_parts = receipt.sms_parts
    message.save(update_fields=["status", "sent_at", "next_attempt_at", "provider_message_id", "sms_parts"])
    logger.info("Notification %s (%s via %s) sent", message.pk, message.type, message.channel)
    return Outcome(message.pk, Status.SENT)


def _record_failure(message: OutboundMessage, exc: Exception, now: datetime) -> Outcome:
    retryable = bool(getattr(exc, "retryable", True))
    message.last_error = f"{type(exc).__name__}: {exc}"[:ERROR_MAX_LENGTH]
    if retryable and message.attempts < max_attempts():
        message.status = Status.FAILED
        message.next_attempt_at = now + backoff_delay(message.attempts)
    else:
        message.status = Status.DEAD
        message.next_attempt_at = None
    message.save(update_fields=["status", "last_error", "next_attempt_at"])
    logger.warning(
        "Notification %s attempt %d failed (%s): %s",
        message.pk,
        message.attempts,
        message.status,
        message.last_error,
    )
    if message.status == Status.FAILED:
        schedule(message)
    return Outcome(message.pk, message.status)


def enqueue_delivery(message_id: int, run_after: datetime | None = None) -> None:
    from .tasks import deliver_message

    task = deliver_message.using(run_after=run_after) if run_after is not None else deliver_message
    task.enqueue(message_id)


def schedule(message: OutboundMessage) -> None:
    """Enqueue a delivery task for ``message`` at its ``next_attempt_at``, once the transaction commits."""
    transaction.on_commit(partial(enqueue_delivery, message.pk, message.next_attempt_at), robust=True)


def deliver_due(now: datetime | None = None, limit: int = 100) -> int:
    """Deliver, synchronously, up to ``limit`` messages due at ``now``; return how many were sent."""
    now = now or timezone.now()
    ids = list(
        OutboundMessage.objects.filter(due_filter(now))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(1 for message_id in ids if deliver(message_id, now=now).status == Status.SENT)


@dataclass(frozen=True)
class SweepResult:
    resumed: int  # stuck in "sending" and put back (re-sent with the same delivery key)
    enqueued: int
    uncertain: int = 0  # stuck in "sending" on a channel without idempotency: left for staff to check


UNCERTAIN_NOTE = (
    "The worker stopped while sending and the channel cannot drop a duplicate: it is not known "
    "whether the message went out. Check with the recipient, then send it again or leave it."
)
RESUMED_NOTE = (
    "The worker stopped while sending; the message is sent again with the same delivery key "
    "(the gateway drops it if it already went out)."
)


def _note(message: OutboundMessage, text: str) -> str:
    return ((f"{message.last_error}\n" if message.last_error else "") + text)[:ERROR_MAX_LENGTH]


def sweep(
    now: datetime | None = None,
    grace: timedelta = timedelta(minutes=1),
    limit: int = 1000,
    enqueue: bool = True,
) -> SweepResult:
    """Handle messages stuck in "sending" (a crashed worker) and enqueue every due message.

    A stuck message whose channel is idempotent goes back in line (same delivery key); any other goes to
    "uncertain" (see the module docstring).
    """
    now = now or timezone.now()
    stuck = OutboundMessage.objects.filter(status=Status.SENDING, sending_started_at__lt=now - STUCK_AFTER)
    resumed: list[int] = []
    uncertain = 0
    idempotent: dict[str, bool] = {}
    for message_id in stuck.values_list("pk", flat=True)[:limit]:
        with transaction.atomic():
            rows = OutboundMessage.objects.filter(pk=message_id, status=Status.SENDING)
            if connection.features.has_select_for_update_skip_locked:
                rows = rows.select_for_update(skip_locked=True)
            message = rows.first()
            if message is None:
                continue
            if message.channel not in idempotent:
                idempotent[message.channel] = channel_is_idempotent(message.channel)
            if not idempotent[message.channel] or not message.delivery_key:
                message.status = Status.UNCERTAIN
                message.next_attempt_at = None
                message.last_error = _note(message, UNCERTAIN_NOTE)
                message.save(update_fields=["status", "last_error", "next_attempt_at"])
                logger.warning(
                    "Notification %s (%s) may or may not have been sent", message.pk, message.channel
                )
                uncertain += 1
                continue
            message.last_error = _note(message, RESUMED_NOTE)
            message.status = Status.FAILED if message.attempts < max_attempts() else Status.DEAD
            message.next_attempt_at = now if message.status == Status.FAILED else None
            message.save(update_fields=["status", "last_error", "next_attempt_at"])
            if message.status == Status.FAILED:
                resumed.append(message.pk)
    due = OutboundMessage.objects.filter(due_filter(now - grace)).order_by("next_attempt_at", "pk")
    to_enqueue = list(dict.fromkeys([*resumed, *due.values_list("pk", flat=True)[:limit]])) if enqueue else []
    for message_id in to_enqueue:
        enqueue_delivery(message_id)
    return SweepResult(len(resumed), len(to_enqueue), uncertain)
