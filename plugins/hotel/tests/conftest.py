"""Fixtures of the hotel tests: an office with serce and hotel enabled, centres with rooms, families."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from plugins.hotel.access import grant_centre
from plugins.hotel.models import Bed, Building, Room
from plugins.serce.models import Centre, Household, Person


@pytest.fixture
def hotel_office(office: Any, enable_plugin: Callable[..., Any]) -> Any:
    enable_plugin(office, "serce")
    enable_plugin(office, "hotel", config={"absence_after_days": 3})
    return office


def make_centre(office: Any, code: str, **fields: Any) -> Centre:
    defaults = {
        "name": f"Ośrodek {code}",
        "kind": Centre.Kind.RESIDENTIAL,
        "street": "ul. Testowa 1",
        "postal_code": "00-001",
        "city": "Warszawa",
        "capacity": 50,
    }
    defaults.update(fields)
    return Centre.objects.create(office=office, code=code, **defaults)


def add_room(centre: Centre, number: str, beds: int, building: str = "A", **attrs: Any) -> Room:
    block, _created = Building.objects.get_or_create(centre=centre, name=building)
    room = Room.objects.create(building=block, number=number, **attrs)
    for index in range(beds):
        Bed.objects.create(room=room, centre=centre, label=chr(ord("A") + index))
    return room


def make_person(office: Any, first: str, last: str, **fields: Any) -> Person:
    fields.setdefault("date_of_birth", datetime.date(1990, 5, 17))
    fields.setdefault("nationality", "UA")
    fields.setdefault("sex", Person.Sex.FEMALE)
    fields.setdefault("language", "uk")
    return Person.objects.create(office=office, first_name=first, last_name=last, **fields)


def make_family(office: Any, last: str = "Kovalenko", size: int = 3) -> list[Person]:
    household = Household.objects.create(office=office, reference=last)
    members = [
        ("Olena", Person.Sex.FEMALE, datetime.date(1988, 4, 12), "head"),
        ("Andrii", Person.Sex.MALE, datetime.date(1986, 9, 30), "spouse"),
        ("Sofiia", Person.Sex.FEMALE, datetime.date(2015, 2, 3), "child"),
        ("Taras", Person.Sex.MALE, datetime.date(2018, 7, 1), "child"),
    ][:size]
    return [
        make_person(
            office, first, last, sex=sex, date_of_birth=born, household=household, household_role=role
        )
        for first, sex, born, role in members
    ]


@pytest.fixture
def centres(hotel_office: Any) -> tuple[Centre, Centre]:
    """Two centres: A with a family room, B with ordinary rooms."""
    a = make_centre(hotel_office, "alfa", name="Ośrodek Alfa")
    add_room(a, "101", 4, family_room=True)
    add_room(a, "102", 2)
    add_room(a, "103", 2, women_only=True)
    b = make_centre(hotel_office, "beta", name="Ośrodek Beta")
    add_room(b, "201", 2)
    add_room(b, "202", 2)
    add_room(b, "203", 1, isolation=True)
    return a, b


@pytest.fixture
def centre_staff(
    hotel_office: Any, centres: tuple[Centre, Centre], user_factory: Callable[..., Any]
) -> Callable[..., Any]:
    """``centre_staff(email, *centres)``: a staff user working in the given centres (``roles``: other
    roles than centre staff, e.g. ``("centre_staff", "medical")``)."""

    def make(email: str, *work_in: Centre, roles: tuple[str, ...] = ("centre_staff",)) -> Any:
        user = user_factory(email, kind="staff", roles=roles, office=hotel_office)
        for centre in work_in:
            grant_centre(user, centre)
        return user

    return make


@pytest.fixture
def supervisor(hotel_office: Any, user_factory: Callable[..., Any]) -> Any:
    """The office's supervisor: approves transfers (the second person)."""
    return user_factory("kierownik@example.com", kind="staff", roles=("supervisor",), office=hotel_office)


@pytest.fixture(autouse=True)
def english_messages() -> Any:
    """Service-level messages are asserted in English (pages follow the browser's language)."""
    from django.utils import translation

    with translation.override("en"):
        yield
