"""Out-of-queue bookings: a stated reason, then approval by a SECOND staff member (DB-enforced).

A *placement* books a slot (still within its capacity) outside the public release once approved;
a *priority* moves an existing booking to the front of the day's queue. Every request, approved or
not, is listed in the out-of-queue report, and every change is in the audit log.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from przystan.audit.api import acting_as

from ..identity import Applicant, identity_hash
from ..models import (
    Booking,
    BookingSource,
    OutOfQueueKind,
    OutOfQueueRequest,
    OutOfQueueStatus,
    Slot,
)

MIN_REASON_LENGTH = 20
FOUR_EYES_REASON = "out-of-queue decision by a second staff member"


def request_out_of_queue(
    office: Any,
    *,
    kind: str,
    requested_by: Any,
    reason: str,
    full_name: str = "",
    document_kind: str = "",
    document_number: str = "",
    slot: Slot | None = None,
    booking: Booking | None = None,
) -> OutOfQueueRequest:
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(
            _("State the reason in at least %(count)d characters.") % {"count": MIN_REASON_LENGTH}
        )
    if kind == OutOfQueueKind.PLACEMENT:
        if slot is None:
            raise ValidationError(_("Choose the slot for the placement."))
        hashed = identity_hash(document_kind, document_number)
    elif booking is not None:
        full_name, document_kind, hashed = booking.full_name, booking.document_kind, booking.identity_hash
    else:
        raise ValidationError(_("Give the booking number of the visit to prioritise."))
    return OutOfQueueRequest.objects.create(
        office=office,
        kind=kind,
        slot=slot,
        booking=booking,
        full_name=" ".join(full_name.split()),
        document_kind=document_kind,
        identity_hash=hashed,
        reason=reason,
        requested_by=requested_by,
    )


def decide(request: OutOfQueueRequest, *, approver: Any, approve: bool) -> OutOfQueueRequest:
    """Approve (making the booking or the priority effective) or reject; never by the requester."""
    from .booking import book

    with transaction.atomic(), acting_as(approver, reason=FOUR_EYES_REASON):
        locked = OutOfQueueRequest.objects.select_for_update().get(pk=request.pk)
        if (
            approver.pk == locked.requested_by_id
        ):  # the database refuses it too (qb_out_of_queue_second_person)
            raise PermissionDenied(
                _(
                    "You asked for this out-of-queue booking yourself: another staff member must approve "
                    "or reject it. Nothing was changed."
                )
            )
        if locked.status != OutOfQueueStatus.PENDING:
            raise ValidationError(_("This request was already decided."))
        locked.decided_by = approver
        locked.decided_at = timezone.now()
        locked.status = OutOfQueueStatus.APPROVED if approve else OutOfQueueStatus.REJECTED
        if approve and locked.kind == OutOfQueueKind.PLACEMENT:
            applicant = Applicant(
                full_name=locked.full_name,
                document_kind=locked.document_kind,
                identity_hash=locked.identity_hash,
                person_key=locked.identity_hash,
            )
            locked.booking = book(locked.office, locked.slot_id, applicant, source=BookingSource.OUT_OF_QUEUE)
        elif approve and locked.booking_id:
            Booking.objects.filter(pk=locked.booking_id).update(priority=True)
        locked.save()
    return locked
