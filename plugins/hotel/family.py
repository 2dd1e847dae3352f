"""Families come from serce households: members of a person's household move and are placed together."""

from __future__ import annotations

from plugins.serce.models import Person

from .models import AccommodationNeeds


def family_of(person: Person) -> list[Person]:
    """The person and the other members of their household (the person first)."""
    if not person.household_id:
        return [person]
    others = (
        Person.objects.filter(household_id=person.household_id)
        .exclude(pk=person.pk)
        .exclude(status=Person.Status.CLOSED)
    )
    return [person, *others.order_by("date_of_birth", "pk")]


def needs_of(person: Person) -> AccommodationNeeds:
    """The person's accommodation needs (unsaved defaults if nobody recorded any)."""
    try:
        return person.hotel_needs
    except AccommodationNeeds.DoesNotExist:
        return AccommodationNeeds(person=person)
