"""The waiting list: a freed place is held for the first person waiting, for a limited time.

A hold counts in ``Slot.booked`` (the place is taken while offered), so the capacity invariant covers
holds too. Accepting turns the hold into a booking without taking another place; an expired hold
gives the place to the next person waiting, or back to the public when nobody waits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..errors import AlreadyBooked, HoldExpired
from ..identity import Applicant
from ..models import BookingSource, ServiceType, Slot, WaitingListEntry, WaitingStatus

OFFER_SALT = "przystan.queue_booking.offer"


def offer_token(entry: WaitingListEntry) -> str:
    return signing.Signer(salt=OFFER_SALT).sign(str(entry.pk))


def entry_for_token(token: str) -> WaitingListEntry | None:
    try:
        pk = int(signing.Signer(salt=OFFER_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return (
        WaitingListEntry.objects.select_related("offered_slot", "service_type", "office")
        .filter(pk=pk)
        .first()
    )


def join(
    office: Any, service_type: ServiceType, applicant: Applicant, *, user: Any = None
) -> WaitingListEntry:
    from django.db import IntegrityError

    try:
        with transaction.atomic():
            return WaitingListEntry.objects.create(
                office=office,
                service_type=service_type,
                person_key=applicant.person_key,
                identity_hash=applicant.identity_hash,
                document_kind=applicant.document_kind,
                case_reference=applicant.case_reference,
                full_name=applicant.full_name,
                email=applicant.email,
                phone=applicant.phone,
                language=applicant.language,
                user=user if getattr(user, "is_authenticated", False) else None,
            )
    except IntegrityError:
        raise AlreadyBooked() from None


def offer_freed_place(slot_id: int, *, now: dt.datetime | None = None) -> WaitingListEntry | None:
    """Hold the slot's freed place for the first person waiting (call inside the freeing transaction)."""
    now = now or timezone.now()
    slot = Slot.objects.select_related("service_type").filter(pk=slot_id).first()
    if slot is None or slot.starts_at <= now + dt.timedelta(hours=1):
        return None
    entry = (
        WaitingListEntry.objects.select_for_update(skip_locked=True)
        .filter(service_type_id=slot.service_type_id, status=WaitingStatus.WAITING)
        .order_by("joined_at", "pk")
        .first()
    )
    if entry is None:
        return None
    held = Slot.objects.filter(pk=slot_id, booked__lt=F("capacity")).update(booked=F("booked") + 1)
    if not held:
        return None
    entry.status = WaitingStatus.OFFERED
    entry.offered_slot_id = slot_id
    entry.hold_expires_at = now + dt.timedelta(minutes=slot.service_type.hold_minutes)
    entry.save(update_fields=["status", "offered_slot", "hold_expires_at"])
    transaction.on_commit(lambda: _notify_offer(entry))
    return entry


def _notify_offer(entry: WaitingListEntry) -> None:
    from .notifications import send, site_url

    local = timezone.localtime(entry.offered_slot.starts_at)
    send(
        "queue_booking.waitlist_offer",
        office=entry.office,
        email=entry.email,
        phone=entry.phone,
        language=entry.language,
        context={
            "office_name": entry.office.name,
            "service": str(entry.service_type),
            "date": local.strftime("%d.%m.%Y"),
            "time": local.strftime("%H:%M"),
            "hold_until": timezone.localtime(entry.hold_expires_at).strftime("%d.%m.%Y %H:%M"),
            "offer_url": f"{site_url(entry.office)}/booking/offer/{offer_token(entry)}/",
        },
    )


def accept(entry: WaitingListEntry, *, now: dt.datetime | None = None) -> Any:
    """Turn the held place into a booking; :class:`HoldExpired` after the hold ended."""
    from .booking import book

    now = now or timezone.now()
    with transaction.atomic():
        locked = WaitingListEntry.objects.select_for_update().get(pk=entry.pk)
        if (
            locked.status != WaitingStatus.OFFERED
            or locked.hold_expires_at is None
            or locked.hold_expires_at <= now
        ):
            raise HoldExpired()
        applicant = Applicant(
            full_name=locked.full_name,
            document_kind=locked.document_kind,
            identity_hash=locked.identity_hash,
            person_key=locked.person_key,
            case_reference=locked.case_reference,
            email=locked.email,
            phone=locked.phone,
            language=locked.language,
        )
        booking = book(
            locked.office,
            locked.offered_slot_id,
            applicant,
            source=BookingSource.WAITING_LIST,
            user=locked.user,
            place_already_held=True,
            now=now,
        )
        locked.status = WaitingStatus.BOOKED
        locked.save(update_fields=["status"])
    return booking


def expire_holds(*, now: dt.datetime | None = None) -> int:
    """End holds past their time: the place goes to the next person waiting or back to the public."""
    from .booking import release_place

    now = now or timezone.now()
    expired = 0
    for entry in WaitingListEntry.objects.filter(status=WaitingStatus.OFFERED, hold_expires_at__lte=now):
        with transaction.atomic():
            locked = (
                WaitingListEntry.objects.select_for_update(skip_locked=True)
                .filter(pk=entry.pk, status=WaitingStatus.OFFERED)
                .first()
            )
            if locked is None:
                continue
            locked.status = WaitingStatus.EXPIRED
            locked.save(update_fields=["status"])
            release_place(locked.offered_slot_id)
            offer_freed_place(locked.offered_slot_id, now=now)
            expired += 1
    return expired
