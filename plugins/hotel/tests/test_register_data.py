"""serce's medical filter, special needs and food arrangements drive placement, meals and the report."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from plugins.hotel.admission import admit
from plugins.hotel.cards import issue_card
from plugins.hotel.models import Bed
from plugins.hotel.ranking import Needs, rank
from plugins.hotel.scanning import MEAL, scan
from plugins.hotel.transfers import request_transfer

from .conftest import make_family, make_person

pytestmark = pytest.mark.django_db


def test_isolation_required_by_the_medical_filter_needs_an_isolation_room(hotel_office, centres):
    a, b = centres
    person = make_person(hotel_office, "Ahmad", "Karimi", sex="M")
    person.medical_filters.create(examined_on=timezone.localdate(), result="isolation", notes="TB suspected")
    options = rank([a, b], Needs.of([person]))
    assert options[0].centre == b and options[0].suitable == 1
    assert "isolation" in options[0].reason
    assert not options[1].feasible


def test_a_resident_on_the_food_equivalent_gets_no_meal(hotel_office, centres):
    a, _b = centres
    person = make_person(hotel_office, "Giorgi", "Beridze", sex="M")
    person.food_arrangements.create(mode="cash", date_from=timezone.localdate() - datetime.timedelta(days=1))
    admit(
        centre=a, assignments=[(person, Bed.objects.get(centre=a, room__number="102", label="A"))], user=None
    )
    card = issue_card(person, a, None)
    result = scan(office=hotel_office, centre=a, raw=card.number, action=MEAL, meal="lunch", user=None)
    assert not result.ok and "food equivalent" in result.message
    assert not person.hotel_meals.exists()


def test_the_transfer_report_carries_the_medical_filter_needs_and_food(hotel_office, centres):
    a, b = centres
    family = make_family(hotel_office, size=2)
    head = family[0]
    head.medical_filters.create(
        examined_on=datetime.date(2026, 11, 2), result="cleared", notes="Asthma, inhaler"
    )
    head.special_needs.create(category="pregnancy", description="5th month", since=datetime.date(2026, 10, 1))
    head.food_arrangements.create(mode="meals", diet="halal", date_from=datetime.date(2026, 11, 1))
    admit(
        centre=a,
        assignments=list(zip(family, Bed.objects.filter(centre=a, room__number="101"), strict=False)),
        user=None,
    )
    transfer = request_transfer(person=head, from_centre=a, to_centre=b, reason="x", user=None)
    member = transfer.report["members"][0]
    assert member["medical_filter"] == "cleared" and member["medical_filter_date"] == "2026-11-02"
    assert member["medical_notes"] == "Asthma, inhaler"
    assert member["special_needs"] == ["pregnancy: 5th month"]
    assert member["food"] == "meals" and member["diet"] == "halal"
    assert transfer.report["members"][1]["medical_filter"] == "missing"
