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

    A person who left another centre on ``on`` (a transfer received the same day) sleeps that night
    here: the earlier stay is shortened to the night before, or, if it also began on ``on`` (a
    stop-over of one day), kept as the one-day record it is.

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
    stop_over = None
    for ended in Stay.objects.select_for_update().filter(person=person, date_to=on).exclude(date_from__gt=on):
        if ended.date_from < on:
            ended.date_to = on - dt.timedelta(days=1)
            ended.save(update_fields=["date_to"])
        else:
            stop_over = ended.pk
    stay = Stay(person=person, centre=centre, date_from=on, room=room, source=source, notes=notes)
    stay.clean_fields()
    stay.validate_constraints()
    overlapping = (
        Stay.objects.filter(person=person, date_to__gte=on)
        .exclude(pk=stop_over)
        .exclude(date_to__isnull=True)
    )
    if overlapping.exists():
        raise ValidationError(_("This stay overlaps another stay of the same person."))
    stay.save()
    return stay


@transaction.atomic
def change_room(person: Person, room: str) -> Stay | None:
    """Record a move to another room of the same centre on the open stay (audited like every change)."""
    current = Stay.objects.select_for_update().filter(person=person, date_to__isnull=True).first()
    if current is not None and current.room != room:
        current.room = room
        current.save(update_fields=["room"])
    return current


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
