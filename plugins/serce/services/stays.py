"""Admissions to and departures from centres, keeping the stay history consistent.

``hotel`` (which requires serce) calls :func:`admit` and :func:`discharge` on admission/departure.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Centre, Person, Stay


@transaction.atomic
def admit(
    person: Person, centre: Centre, on: dt.date, *, room: str = "", source: str = "serce", notes: str = ""
) -> Stay:
    """Open a stay of ``person`` in ``centre`` from ``on``, closing the open stay elsewhere the day before.

    Raises :class:`ValidationError` if the centre belongs to another office or ``on`` precedes the
    start of the currently open stay.
    """
    if centre.office_id != person.office_id:
        raise ValidationError(_("The centre belongs to another office."))
    Person.objects.select_for_update().filter(pk=person.pk).first()  # serialise admissions of one person
    current = Stay.objects.filter(person=person, date_to__isnull=True).first()
    if current is not None:
        if current.centre_id == centre.pk and current.room == room:
            return current
        if on <= current.date_from:
            raise ValidationError(_("The admission date must be after the start of the current stay."))
        current.date_to = on - dt.timedelta(days=1)
        current.save(update_fields=["date_to"])
    stay = Stay(person=person, centre=centre, date_from=on, room=room, source=source, notes=notes)
    stay.full_clean()
    stay.save()
    return stay


@transaction.atomic
def discharge(person: Person, on: dt.date) -> Stay | None:
    """Close the open stay of ``person`` on ``on`` (last night); return it, or ``None`` if there was none."""
    current = Stay.objects.select_for_update().filter(person=person, date_to__isnull=True).first()
    if current is None:
        return None
    if on < current.date_from:
        raise ValidationError(_("The departure date cannot be before the start of the stay."))
    current.date_to = on
    current.save(update_fields=["date_to"])
    return current


def current_stay(person: Person) -> Stay | None:
    """The open stay of ``person``, if any."""
    return Stay.objects.filter(person=person, date_to__isnull=True).select_related("centre").first()
