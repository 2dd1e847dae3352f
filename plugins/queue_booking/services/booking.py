"""Booking, cancelling and rescheduling, with capacity enforced by PostgreSQL.

A booking increments ``Slot.booked`` with one conditional UPDATE (``booked < capacity`` and the slot
released and in the future). PostgreSQL row-locks the slot for the rest of the transaction, so
concurrent bookers of the same slot queue up and re-check the condition; the CHECK constraint
``0 <= booked <= capacity`` is the last line of defence. The booking row is inserted in the same
transaction; if it fails (e.g. the person already holds an active booking of this service — a
partial unique index), the increment rolls back with it: nothing is ever half-booked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import secrets
from typing import Any

from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from przystan.fast_insert import insert_new

from ..errors import (
    AlreadyBooked,
    DayFull,
    IdempotencyConflict,
    IdempotencyMismatch,
    NotCancellable,
    SlotGone,
    SlotNotReleased,
)
from ..identity import Applicant
from ..models import ACTIVE_STATUSES, Booking, BookingSource, BookingStatus, Slot
from . import availability, slot_facts

logger = logging.getLogger(__name__)

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MANAGE_SALT = "przystan.queue_booking.manage"
ONE_PER_PERSON = "qb_one_active_booking_per_person_and_type"
IF_TAKEN_FAIL = "fail"  # the time asked for, or nothing (409 ``slot_gone``)
IF_TAKEN_NEAREST = "nearest"  # else the nearest free time of the service on that day (409 ``day_full``)


def _holds_active_booking(office: Any, service_type_id: int | None, applicant: Applicant) -> bool:
    """Whether the one-booking-per-person rule is what refused the INSERT (asked after the rollback)."""
    if service_type_id is None:
        return False
    return Booking.objects.filter(
        office=office,
        service_type_id=service_type_id,
        person_key=applicant.person_key,
        status__in=ACTIVE_STATUSES,
    ).exists()


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


def manage_token(booking: Booking) -> str:
    """The signed token of the booking's manage link (``/booking/visit/<token>/``)."""
    return signing.Signer(salt=MANAGE_SALT).sign(booking.reference)


def booking_for_token(token: str) -> Booking | None:
    try:
        reference = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return (
        Booking.objects.select_related("slot", "slot__service_point", "service_type")
        .filter(reference=reference)
        .first()
    )


def _take_place(
    slot_id: int,
    office: Any,
    now: dt.datetime,
    *,
    for_round: bool = False,
    staff_placement: bool = False,
    service_type_id: int | None = None,
    known: Slot | None = None,
) -> None:
    """Increment ``booked`` of an open slot or raise why not (the UPDATE locks the row).

    ``known`` (the slot as read just before) answers *why not* without reading it again: its times and
    service do not change, and a stale ``booked`` only decides between two refusals.
    """
    office_id = getattr(office, "pk", office)
    if _increment_if_open(
        slot_id,
        office_id,
        now,
        service_type_id=service_type_id,
        released_only=not staff_placement,
        public_only=not for_round,  # slots of a round are drawn; leftovers become public after the draw
    ):
        return
    if (
        known is not None
        and known.pk == slot_id
        and known.office_id == office_id
        # a remembered slot's ``booked`` is not known: only a released one may answer without a read
        and not (slot_facts.is_facts_only(known) and known.released_at > now)
    ):
        slot: Slot | None = known
    else:
        slot = Slot.objects.filter(pk=slot_id, office=office).first()
    if service_type_id is not None and slot is not None and slot.service_type_id != service_type_id:
        raise SlotGone()
    if slot is not None and slot.released_at > now and slot.starts_at > now and slot.booked < slot.capacity:
        raise SlotNotReleased()
    raise SlotGone()


def _increment_if_open(
    slot_id: int,
    office_id: Any,
    now: dt.datetime,
    *,
    service_type_id: int | None,
    released_only: bool,
    public_only: bool,
) -> bool:
    """The conditional UPDATE that takes a place (one statement, written out: this runs for every
    booking request of a release storm and the ORM would build the same SQL each time)."""
    quote = connection.ops.quote_name
    at = connection.ops.adapt_datetimefield_value(now)
    conditions = [
        f"{quote('id')} = %s",
        f"{quote('office_id')} = %s",
        f"{quote('booked')} < {quote('capacity')}",
        f"{quote('starts_at')} > %s",
    ]
    params: list[Any] = [slot_id, office_id, at]
    if service_type_id is not None:
        conditions.append(f"{quote('service_type_id')} = %s")
        params.append(service_type_id)
    if released_only:
        conditions.append(f"{quote('released_at')} <= %s")
        params.append(at)
    if public_only:
        conditions.append(f"{quote('reserved_for_round')} = %s")
        params.append(False)
    sql = (
        f"UPDATE {quote(Slot._meta.db_table)} SET {quote('booked')} = {quote('booked')} + 1 "
        f"WHERE {' AND '.join(conditions)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount == 1


def _local_day(moment: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The start and end (exclusive) of the office's local day of ``moment``, as aware datetimes."""
    day = timezone.localdate(moment)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return start, timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def _take_nearest_place(
    slot_id: int, office: Any, now: dt.datetime, *, service_type_id: int | None, known: Slot | None
) -> int:
    """Take a place in ``slot_id`` or, if it is gone, in the nearest open slot of its service that day.

    On PostgreSQL one statement picks and increments: the candidate rows are locked with ``SKIP
    LOCKED``, so bookers racing for the same times never wait for each other — each takes a
    different slot, and a slot another transaction is booking at that instant counts as taken. The
    capacity condition is checked again on the locked row. Returns the id of the slot taken.
    """
    office_id = getattr(office, "pk", office)
    requested = known if known is not None and known.pk == slot_id else None
    if requested is None or requested.office_id != office_id:
        requested = Slot.objects.filter(pk=slot_id, office_id=office_id).first()
    if requested is None or (service_type_id is not None and requested.service_type_id != service_type_id):
        raise SlotGone()
    day_start, day_end = _local_day(requested.starts_at)
    if connection.vendor == "postgresql":
        taken = _nearest_skip_locked(requested, office_id, now, day_start, day_end)
    else:
        taken = _nearest_one_by_one(requested, office_id, now, day_start, day_end)
    if taken is not None:
        return taken
    if requested.released_at > now and requested.starts_at > now:
        raise SlotNotReleased()
    raise DayFull()


def _nearest_skip_locked(
    requested: Slot, office_id: Any, now: dt.datetime, day_start: dt.datetime, day_end: dt.datetime
) -> int | None:
    table = connection.ops.quote_name(Slot._meta.db_table)
    at = connection.ops.adapt_datetimefield_value
    sql = (
        f"UPDATE {table} SET booked = booked + 1 WHERE id = ("
        f" SELECT id FROM {table}"
        " WHERE office_id = %s AND service_type_id = %s AND booked < capacity AND starts_at > %s"
        " AND released_at <= %s AND reserved_for_round = false AND starts_at >= %s AND starts_at < %s"
        " ORDER BY (id = %s) DESC, abs(extract(epoch from (starts_at - %s))), starts_at, id"
        " LIMIT 1 FOR UPDATE SKIP LOCKED"
        ") AND booked < capacity RETURNING id"
    )
    params = [
        office_id,
        requested.service_type_id,
        at(now),
        at(now),
        at(day_start),
        at(day_end),
        requested.pk,
        at(requested.starts_at),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else None


def _nearest_one_by_one(
    requested: Slot, office_id: Any, now: dt.datetime, day_start: dt.datetime, day_end: dt.datetime
) -> int | None:
    """The same choice without ``SKIP LOCKED`` (SQLite, the demo: writers are serialised anyway)."""
    candidates = Slot.objects.filter(
        office_id=office_id,
        service_type_id=requested.service_type_id,
        starts_at__gte=day_start,
        starts_at__lt=day_end,
        starts_at__gt=now,
        released_at__lte=now,
        reserved_for_round=False,
        booked__lt=F("capacity"),
    ).values_list("id", "starts_at")
    ordered = sorted(
        candidates,
        key=lambda c: (c[0] != requested.pk, abs((c[1] - requested.starts_at).total_seconds()), c[1], c[0]),
    )
    for candidate_id, _starts in ordered:
        if _increment_if_open(
            candidate_id,
            office_id,
            now,
            service_type_id=requested.service_type_id,
            released_only=True,
            public_only=True,
        ):
            return candidate_id
    return None


def release_place(slot_id: int) -> None:
    Slot.objects.filter(pk=slot_id, booked__gt=0).update(booked=F("booked") - 1)


def book(
    office: Any,
    slot_id: int,
    applicant: Applicant,
    *,
    source: str = BookingSource.ONLINE,
    user: Any = None,
    employer: Any = None,
    idempotency_key: str | None = None,
    request_fingerprint: str = "",
    ip: str | None = None,
    place_already_held: bool = False,
    priority: bool = False,
    service_type_id: int | None = None,
    now: dt.datetime | None = None,
    slot: Slot | None = None,
    if_taken: str = IF_TAKEN_FAIL,
) -> Booking:
    """Book ``slot_id`` for ``applicant``; a repeated ``idempotency_key`` returns the first result.

    ``request_fingerprint`` (see :func:`request_fingerprint`) is kept with the key: a later request
    with the same key and another fingerprint is refused with :class:`IdempotencyMismatch` (422).

    ``if_taken=IF_TAKEN_NEAREST`` (public bookings only): if the time is gone, the nearest free time
    of the same service on the same day is booked instead (``booking.slot`` says which); if none is
    left, :class:`DayFull`.

    ``slot`` may pass the slot already loaded (with its service type) to spare reading it again; the
    place is taken by the conditional UPDATE either way, so its ``booked`` count is not trusted. With
    ``slot`` given, a slot the kept public availability saw go (``availability.known_gone``) is
    refused at once, without a transaction.

    A repeated key is looked up only when the booking fails (the place is gone, or the INSERT hits the
    unique key or the one-per-person index), so a first request costs no extra query; whatever a
    repeat touched in the failed transaction is rolled back.
    """
    now = now or timezone.now()
    key = (idempotency_key or "").strip()[:80] or None
    nearest = if_taken == IF_TAKEN_NEAREST and source == BookingSource.ONLINE and not place_already_held
    requested_id = slot_id
    if slot is not None and not place_already_held:
        code = slot.service_type.code
        if nearest:
            known_full = availability.known_day_full(office.pk, code, timezone.localdate(slot.starts_at))
        else:
            known_full = availability.known_gone(office.pk, code, slot_id)
        if known_full:
            earlier = _replay(key, applicant, slot_id, request_fingerprint, any_slot=nearest) if key else None
            if earlier is not None:
                return earlier
            raise DayFull() if nearest else SlotGone()
    try:
        with transaction.atomic():
            if nearest:
                slot_id = _take_nearest_place(
                    slot_id, office, now, service_type_id=service_type_id, known=slot
                )
            elif not place_already_held:
                _take_place(
                    slot_id,
                    office,
                    now,
                    for_round=source == BookingSource.ROUND,
                    staff_placement=source == BookingSource.OUT_OF_QUEUE,
                    service_type_id=service_type_id,
                    known=slot,
                )
            if slot is None or slot.pk != slot_id:
                if nearest:  # the slot taken instead, with its point (the answer names it)
                    slot = slot_facts.slot_for_booking(office, slot_id)
                    if slot is None:
                        raise SlotGone()
                else:
                    slot = Slot.objects.select_related("service_type").get(pk=slot_id)
            booking = Booking(
                office=office,
                reference=new_reference(),
                slot=slot,
                service_type=slot.service_type,
                source=source,
                person_key=applicant.person_key,
                identity_hash=applicant.identity_hash,
                document_kind=applicant.document_kind,
                case_reference=applicant.case_reference,
                full_name=applicant.full_name,
                email=applicant.email,
                phone=applicant.phone,
                language=applicant.language,
                user=user if getattr(user, "is_authenticated", False) else None,
                employer=employer,
                idempotency_key=key,
                idempotency_fingerprint=request_fingerprint if key else "",
                created_ip=ip or None,
                priority=priority,
            )
            insert_new(booking)  # save() with its INSERT built once (the storm's hot path)
    except (IntegrityError, SlotGone, SlotNotReleased) as exc:
        earlier = (
            _replay(key, applicant, requested_id, request_fingerprint, any_slot=nearest) if key else None
        )
        if earlier is not None:
            return earlier
        if isinstance(exc, IntegrityError) and (
            ONE_PER_PERSON in str(exc)  # PostgreSQL names the index; SQLite only lists its columns
            or _holds_active_booking(
                office, service_type_id or getattr(slot, "service_type_id", None), applicant
            )
        ):
            raise AlreadyBooked() from None
        raise
    booking.replayed = False  # type: ignore[attr-defined]
    transaction.on_commit(lambda: _taken(booking))
    transaction.on_commit(lambda: _confirm(booking))
    return booking


def request_fingerprint(data: Any) -> str:
    """SHA-256 of a request's body as data (key order and whitespace do not matter)."""
    if hasattr(data, "lists"):  # a QueryDict (form post): every value of every key
        data = {key: values for key, values in data.lists()}
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _replay(
    key: str, applicant: Applicant, slot_id: int, fingerprint: str = "", *, any_slot: bool = False
) -> Booking | None:
    """The booking an earlier request with ``key`` made, or ``None``; :class:`IdempotencyMismatch` if
    that request had another body, :class:`IdempotencyConflict` if it was another person's or (unless
    ``any_slot``: the nearest time was accepted) another slot's."""
    # most failed requests carry a key never used before: one plain indexed read answers that
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {connection.ops.quote_name(Booking._meta.db_table)} "
            f"WHERE {connection.ops.quote_name('idempotency_key')} = %s",
            [key],
        )
        if cursor.fetchone() is None:
            return None
    # the key is unique: no ORDER BY (``first()`` would sort by id and may walk the primary key)
    found = Booking.objects.filter(idempotency_key=key).select_related("slot", "service_type")[:1]
    earlier = next(iter(found), None)
    if earlier is None:
        return None
    if fingerprint and earlier.idempotency_fingerprint and earlier.idempotency_fingerprint != fingerprint:
        raise IdempotencyMismatch()
    if earlier.identity_hash != applicant.identity_hash or (not any_slot and earlier.slot_id != slot_id):
        raise IdempotencyConflict()
    earlier.replayed = True  # type: ignore[attr-defined]
    return earlier


def _taken(booking: Booking) -> None:
    """Take the booked place off the kept public availability (see ``availability``)."""
    if availability.lifetime() > 0:
        availability.place_taken(booking.office_id, booking.service_type.code, booking.slot_id)


def _changed(booking: Booking) -> None:
    """Drop the kept public availability of the booking's service (places came back)."""
    if availability.lifetime() > 0:
        availability.forget(booking.office_id, booking.service_type.code)


def _confirm(booking: Booking) -> None:
    from .notifications import send_booking_notice

    send_booking_notice(booking, "queue_booking.booking_confirmed")


def cancel(booking: Booking, *, now: dt.datetime | None = None) -> Booking:
    """Cancel an upcoming booking; its place goes to the waiting list (held) or back to the public."""
    from .waiting import offer_freed_place

    now = now or timezone.now()
    with transaction.atomic():
        locked = Booking.objects.select_for_update().select_related("slot").get(pk=booking.pk)
        if locked.status != BookingStatus.BOOKED or locked.slot.starts_at <= now:
            raise NotCancellable()
        locked.status = BookingStatus.CANCELLED
        locked.cancelled_at = now
        locked.save(update_fields=["status", "cancelled_at"])
        release_place(locked.slot_id)
        offer_freed_place(locked.slot_id, now=now)
    transaction.on_commit(lambda: _changed(locked))
    transaction.on_commit(lambda: _notify_cancel(locked))
    return locked


def _notify_cancel(booking: Booking) -> None:
    from .notifications import send_booking_notice

    send_booking_notice(booking, "queue_booking.booking_cancelled")


def reschedule(booking: Booking, new_slot_id: int, *, now: dt.datetime | None = None) -> Booking:
    """Move an upcoming booking to another slot of the same service (the new place is taken first)."""
    from .waiting import offer_freed_place

    now = now or timezone.now()
    with transaction.atomic():
        locked = Booking.objects.select_for_update().select_related("slot").get(pk=booking.pk)
        if locked.status != BookingStatus.BOOKED or locked.slot.starts_at <= now:
            raise NotCancellable()
        target = Slot.objects.filter(pk=new_slot_id, service_type_id=locked.service_type_id).first()
        if target is None or target.pk == locked.slot_id:
            raise SlotGone()
        _take_place(target.pk, locked.office, now)
        old_slot_id = locked.slot_id
        locked.slot = target
        locked.reminded_at = None
        locked.save(update_fields=["slot", "reminded_at"])
        release_place(old_slot_id)
        offer_freed_place(old_slot_id, now=now)
    transaction.on_commit(lambda: _changed(locked))
    transaction.on_commit(lambda: _confirm(locked))
    return locked
