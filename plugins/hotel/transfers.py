"""Transfers between centres: request → approval → departure → reception at the receiving centre.

The family (the serce household members living in the same centre) always travels together. The
electronic transfer report (medical filter, special needs, food, ...) is taken when the transfer is
requested, refreshed and stored as PDF at departure, and shown to the receiving centre from approval on.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plugins.serce.models import Centre, Person

from .admission import end_placement
from .family import family_of, needs_of
from .models import Placement, Transfer, TransferMember
from .register_data import register_data


class TransferError(Exception):
    """A transfer step that cannot be done; ``str(error)`` is a translated message."""


def movers(person: Person, centre: Centre) -> list[Person]:
    """The person and their family members who have a bed in ``centre``."""
    placed = set(
        Placement.objects.filter(centre=centre, ended_at__isnull=True).values_list("person_id", flat=True)
    )
    return [p for p in family_of(person) if p.pk in placed]


def report_for(persons: list[Person], from_centre: Centre) -> dict[str, Any]:
    """The data the receiving centre needs, as plain data (stored on the transfer)."""
    placements = {
        p.person_id: p
        for p in Placement.objects.select_related("bed__room").filter(
            person__in=persons, centre=from_centre, ended_at__isnull=True
        )
    }
    members = []
    for person in persons:
        needs = needs_of(person)
        data = register_data(person)
        placement = placements.get(person.pk)
        members.append(
            {
                "person": person.pk,
                "name": f"{person.last_name.upper()} {person.first_name}",
                "register_number": person.register_number,
                "pobyt_id": person.pobyt_id,
                "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else "",
                "nationality": person.nationality,
                "sex": person.sex,
                "language": person.language,
                "household_role": person.household_role,
                "room": str(placement.bed.room.number) if placement else "",
                "medical_filter": data.filter_result,
                "medical_filter_label": data.filter_label,
                "medical_filter_date": data.filter_date,
                "medical_notes": data.medical_notes,
                "accessible_room": needs.accessible_room,
                "accommodation_notes": needs.notes,
                "special_needs": data.special_needs,
                "food": data.food_mode,
                "food_label": data.food_label,
                "diet": data.diet_label,
            }
        )
    return {"taken_at": timezone.now().isoformat(), "members": members}


def request_transfer(
    *, person: Person, from_centre: Centre, to_centre: Centre, reason: str, user: Any
) -> Transfer:
    if from_centre.pk == to_centre.pk:
        raise TransferError(_("The receiving centre must be another centre."))
    group = movers(person, from_centre)
    if not group:
        raise TransferError(
            _("%(person)s has no bed in %(centre)s.") % {"person": person, "centre": from_centre}
        )
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk__in=[p.pk for p in group]).order_by("pk").exists()
        busy = (
            TransferMember.objects.filter(person__in=group, transfer__status__in=Transfer.ACTIVE)
            .select_related("person")
            .first()
        )
        if busy is not None:
            raise TransferError(
                _("%(person)s is already in transfer %(reference)s.")
                % {"person": busy.person, "reference": busy.transfer.reference}
            )
        transfer = Transfer.objects.create(
            reference=f"tmp-{timezone.now().timestamp()}",
            from_centre=from_centre,
            to_centre=to_centre,
            reason=reason,
            requested_by=user,
            report=report_for(group, from_centre),
        )
        transfer.reference = f"TR/{timezone.localdate().year}/{transfer.pk:05d}"
        transfer.save(update_fields=["reference"])
        TransferMember.objects.bulk_create([TransferMember(transfer=transfer, person=p) for p in group])
    return transfer


class SelfApprovalError(TransferError):
    """Four eyes: the person who requested a transfer may not approve (or reject) it."""


def _second_person(transfer: Transfer, user: Any, request: Any = None) -> None:
    if transfer.requested_by_id is not None and transfer.requested_by_id == getattr(user, "pk", None):
        from przystan.audit.api import record_denied

        record_denied(user, "hotel.transfer:approve (four eyes)", transfer, request=request)
        raise SelfApprovalError(
            _("Transfer %(reference)s must be approved by someone other than the person who requested it.")
            % {"reference": transfer.reference}
        )


def _decide(transfer: Transfer, user: Any, status: str, request: Any) -> Transfer:
    """The second person's decision, under a row lock; the model's audit records who decided."""
    _second_person(transfer, user, request)  # outside the transaction: the refusal stays audited
    with transaction.atomic():
        transfer = Transfer.objects.select_for_update().get(pk=transfer.pk)
        _expect(transfer, Transfer.Status.REQUESTED)
        transfer.status = status
        transfer.approved_by = user
        fields = ["status", "approved_by"]
        if status == Transfer.Status.APPROVED:
            transfer.approved_at = timezone.now()
            fields.append("approved_at")
        transfer.save(update_fields=fields)
    return transfer


def approve(transfer: Transfer, user: Any, request: Any = None) -> Transfer:
    """Approve (four eyes: never the requester; a refusal is audited and changes nothing)."""
    return _decide(transfer, user, Transfer.Status.APPROVED, request)


def reject(transfer: Transfer, user: Any, request: Any = None) -> Transfer:
    return _decide(transfer, user, Transfer.Status.REJECTED, request)


def depart(transfer: Transfer, user: Any, office: Any) -> None:
    """The family leaves: their beds and stays at the sending centre end; the report PDF is stored."""
    from .documents import transfer_report_pdf

    with transaction.atomic():
        transfer = Transfer.objects.select_for_update().get(pk=transfer.pk)
        _expect(transfer, Transfer.Status.APPROVED)
        persons = list(transfer.persons.all())
        transfer.report = report_for(persons, transfer.from_centre)
        for placement in Placement.objects.filter(
            person__in=persons, centre=transfer.from_centre, ended_at__isnull=True
        ):
            end_placement(placement, user=user, reason=Placement.EndReason.TRANSFERRED)
        transfer.status = Transfer.Status.IN_TRANSIT
        transfer.departed_at = timezone.now()
        transfer.report_pdf = transfer_report_pdf(office, transfer)
        transfer.save(update_fields=["report", "status", "departed_at", "report_pdf"])


def _expect(transfer: Transfer, status: str) -> None:
    if transfer.status != status:
        raise TransferError(
            _("Transfer %(reference)s is %(status)s; this step is not possible now.")
            % {"reference": transfer.reference, "status": transfer.get_status_display()}
        )


def visible_to_receiver(transfer: Transfer) -> bool:
    return transfer.status in (
        Transfer.Status.APPROVED,
        Transfer.Status.IN_TRANSIT,
        Transfer.Status.COMPLETED,
    )
