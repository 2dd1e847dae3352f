"""Admission (check-in into beds) and leaving; serce Stays follow the placements (via serce's services).

Scarce beds are protected twice on PostgreSQL: the beds are locked (``SELECT ... FOR UPDATE``) before
they are checked, and a partial unique index allows one open placement per bed (and per person), so
two staff admitting to the last free bed at once cannot both succeed, with several app processes too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.serce.models import Centre, Person, Stay
from plugins.serce.services import stays as serce_stays

from .models import Bed, Placement, Referral, Transfer


class AdmissionError(Exception):
    """The admission cannot be done; ``str(error)`` is a translated message for the user."""


def admit(
    *,
    centre: Centre,
    assignments: Sequence[tuple[Person, Bed]],
    user: Any,
    referral: Referral | None = None,
    transfer: Transfer | None = None,
) -> list[Placement]:
    """Place each person in their bed (all or none)."""
    if not assignments:
        raise AdmissionError(_("Choose a bed for at least one person."))
    bed_ids = [bed.pk for _person, bed in assignments]
    if len(set(bed_ids)) != len(bed_ids):
        raise AdmissionError(_("Two persons cannot get the same bed."))
    now = timezone.now()
    today = timezone.localdate()
    try:
        with transaction.atomic():
            locked = {b.pk: b for b in Bed.objects.select_for_update().filter(pk__in=bed_ids).order_by("pk")}
            beds = {b.pk: b for b in Bed.objects.select_related("room").filter(pk__in=locked)}
            taken = set(
                Placement.objects.filter(bed_id__in=bed_ids, ended_at__isnull=True).values_list(
                    "bed_id", flat=True
                )
            )
            placements = []
            for person, chosen in assignments:
                bed = beds.get(chosen.pk)
                if bed is None or bed.centre_id != centre.pk:
                    raise AdmissionError(_("The bed is not in this centre."))
                if bed.blocked or bed.room.blocked:
                    raise AdmissionError(_("Bed %(bed)s is blocked.") % {"bed": bed})
                if bed.pk in taken:
                    raise AdmissionError(
                        _("Bed %(bed)s has just been taken by someone else; choose another bed.")
                        % {"bed": bed}
                    )
                if bed.room.women_only and person.sex != Person.Sex.FEMALE:
                    raise AdmissionError(_("Room %(room)s is for women only.") % {"room": bed.room.number})
                if Placement.objects.filter(person=person, ended_at__isnull=True).exists():
                    raise AdmissionError(_("%(person)s already has a bed.") % {"person": person})
                stay = _open_stay(person, centre, today, bed)
                placements.append(
                    Placement.objects.create(
                        person=person,
                        bed=bed,
                        centre=centre,
                        stay=stay,
                        referral=referral,
                        transfer=transfer,
                        admitted_at=now,
                        admitted_by=user,
                        last_seen_at=now,
                    )
                )
            if referral is not None:
                referral.status = Referral.Status.ADMITTED
                referral.save(update_fields=["status"])
            if transfer is not None:
                _complete_transfer_if_all_arrived(transfer, now)
    except IntegrityError:
        # The partial unique index caught a race the lock did not (e.g. a direct database write).
        raise AdmissionError(_("The bed has just been taken by someone else; choose another bed.")) from None
    return placements


def _open_stay(person: Person, centre: Centre, today: Any, bed: Bed) -> Stay:
    """The person's open serce stay in ``centre``, through serce's stay service (never written here).

    A new stay is opened with :func:`plugins.serce.services.stays.admit` (which also handles a family
    transferred and received on the same day); a move to another room of the same centre is recorded
    with :func:`plugins.serce.services.stays.change_room`.
    """
    if person.office_id != centre.office_id:
        raise AdmissionError(_("The centre belongs to another office."))
    stay = serce_stays.current_stay(person)
    if stay is not None and stay.centre_id != centre.pk:
        raise AdmissionError(
            _("%(person)s lives in %(centre)s; transfer them instead.")
            % {"person": person, "centre": stay.centre}
        )
    if stay is not None:
        return serce_stays.change_room(person, bed.room.number) or stay
    try:
        return serce_stays.admit(person, centre, today, room=bed.room.number, source="hotel")
    except ValidationError as exc:
        raise AdmissionError("; ".join(exc.messages)) from None


def _complete_transfer_if_all_arrived(transfer: Transfer, now: Any) -> None:
    members = set(transfer.members.values_list("person_id", flat=True))
    arrived = set(
        Placement.objects.filter(transfer=transfer, ended_at__isnull=True).values_list("person_id", flat=True)
    )
    if members <= arrived:
        transfer.status = Transfer.Status.COMPLETED
        transfer.received_at = now
        transfer.save(update_fields=["status", "received_at"])


def end_placement(placement: Placement, *, user: Any, reason: str, close_stay: bool = True) -> None:
    """The person leaves their bed (and, unless moving within the centre, the centre)."""
    now = timezone.now()
    placement.ended_at = now
    placement.end_reason = reason
    placement.ended_by = user
    placement.save(update_fields=["ended_at", "end_reason", "ended_by"])
    if close_stay:
        stay = serce_stays.current_stay(placement.person)
        if stay is not None and stay.centre_id == placement.centre_id:
            serce_stays.discharge(placement.person, max(timezone.localdate(), stay.date_from))
