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
import logging
import secrets
from typing import Any

from django.core import signing
from django.db import IntegrityError, connection, connections, router, transaction
from django.db.models import F
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from ..errors import AlreadyBooked, IdempotencyConflict, NotCancellable, SlotGone, SlotNotReleased
from ..identity import Applicant
from ..models import ACTIVE_STATUSES, Booking, BookingSource, BookingStatus, Slot
from . import availability, slot_facts

logger = logging.getLogger(__name__)

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MANAGE_SALT = "przystan.queue_booking.manage"
ONE_PER_PERSON = "qb_one_active_booking_per_person_and_type"


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
    ip: str | None = None,
    place_already_held: bool = False,
    priority: bool = False,
    service_type_id: int | None = None,
    now: dt.datetime | None = None,
    slot: Slot | None = None,
) -> Booking:
    """Book ``slot_id`` for ``applicant``; a repeated ``idempotency_key`` returns the first result.

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
    if (
        slot is not None
        and not place_already_held
        and availability.known_gone(office.pk, slot.service_type.code, slot_id)
    ):
        earlier = _replay(key, applicant, slot_id) if key else None
        if earlier is not None:
            return earlier
        raise SlotGone()
    try:
        with transaction.atomic():
            if not place_already_held:
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
                created_ip=ip or None,
                priority=priority,
            )
            _insert(booking)
    except (IntegrityError, SlotGone, SlotNotReleased) as exc:
        earlier = _replay(key, applicant, slot_id) if key else None
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


_INSERT_SQL: dict[str, tuple[list[Any], str]] = {}


def _insert(booking: Booking) -> None:
    """``booking.save()`` of a new booking with its INSERT written out once per database.

    Everything ``save()`` does around the INSERT stays: the ``pre_save``/``post_save`` signals are
    sent the same way (the audit entry of the new booking is written by its receivers, as before),
    the fields' ``pre_save`` (``created_at``) and database preparation run as the ORM runs them.
    """
    using = router.db_for_write(Booking, instance=booking)
    conn = connections[using]
    meta = Booking._meta
    if not conn.features.can_return_columns_from_insert or list(meta.db_returning_fields) != [meta.pk]:
        booking.save(force_insert=True, using=using)
        return
    prepared = _INSERT_SQL.get(using)
    if prepared is None:
        quote = conn.ops.quote_name
        fields = [field for field in meta.local_concrete_fields if field is not meta.pk]
        sql = (
            f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
            f"VALUES ({', '.join(['%s'] * len(fields))}) RETURNING {quote(meta.pk.column)}"
        )
        prepared = _INSERT_SQL[using] = (fields, sql)
    fields, sql = prepared
    pre_save.send(sender=Booking, instance=booking, raw=False, using=using, update_fields=None)
    values = [field.get_db_prep_save(field.pre_save(booking, True), connection=conn) for field in fields]
    with conn.cursor() as cursor:
        cursor.execute(sql, values)
        booking.pk = cursor.fetchone()[0]
    booking._state.adding = False
    booking._state.db = using
    post_save.send(sender=Booking, instance=booking, created=True, update_fields=None, raw=False, using=using)


def _replay(key: str, applicant: Applicant, slot_id: int) -> Booking | None:
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
    if earlier.identity_hash != applicant.identity_hash or earlier.slot_id != slot_id:
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
