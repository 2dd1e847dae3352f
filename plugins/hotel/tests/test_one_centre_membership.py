"""A centre worker works in the same centres in the register and in the hotel base (one membership).

Seen before: the demo's centre worker, given Linin in the register, reached three centres' residents,
their medical filter and their ID cards in the hotel base because the hotel kept its own grants.
"""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Q

from plugins.hotel.models import Placement
from plugins.serce.access import work_centres
from plugins.serce.models import Centre, Person, Stay
from przystan import access
from przystan.testing.auth import login_with_mfa

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    from przystan.demo.loader import load_demo

    return load_demo(stdout=io.StringIO())


def test_the_register_and_the_hotel_base_agree_on_whose_residents_a_centre_worker_sees(client, demo):
    worker = get_user_model().objects.get(email=next(s.email for s in demo.staff if s.role == "centre_staff"))
    mine = set(work_centres(worker).values_list("pk", flat=True))
    assert len(mine) == 1  # the register's demo puts her in Linin only
    office = demo.office
    # residents of some centre (a person in no centre yet may be found by whoever admits: a new arrival)
    residents = Person.objects.filter(office=office).filter(
        Q(pk__in=Stay.objects.filter(date_to__isnull=True).values("person_id"))
        | Q(pk__in=Placement.objects.filter(ended_at__isnull=True).values("person_id"))
    )
    assert residents.exists()
    disagree = [
        person.pk
        for person in residents.distinct()
        if access.allows(worker, "view", "serce.person", person, office=office)
        != access.allows(worker, "view", "hotel.resident", person, office=office)
    ]
    assert disagree == []

    login_with_mfa(client, worker)
    host = {"HTTP_HOST": office.site.hostname}
    other = Centre.objects.filter(office=office).exclude(pk__in=mine).order_by("pk").first()
    assert client.get(f"/staff/hotel/centres/{other.pk}/", **host).status_code in (403, 404)
    assert client.get(f"/staff/hotel/centres/{next(iter(mine))}/", **host).status_code == 200
    listed = client.get("/staff/hotel/", **host).content.decode()
    assert other.name not in listed


def test_the_upgrade_copies_the_hotel_bases_own_centre_grants_to_the_register(office):
    import importlib

    from django.apps import apps
    from guardian.shortcuts import assign_perm, get_perms

    from plugins.hotel.access import hotel_centre
    from przystan.testing.factories import make_user

    from .conftest import make_centre

    centre = make_centre(office, "test-c")
    worker = make_user("c@example.com", kind="staff", roles=("centre_staff",), office=office)
    assign_perm("hotel.work_in_centre", worker, hotel_centre(centre))
    assert work_centres(worker).count() == 0

    migration = importlib.import_module("plugins.hotel.migrations.0003_centre_staff_from_register")
    migration.copy_grants(apps, None)

    assert list(work_centres(worker)) == [centre]
    assert "work_in_centre" not in get_perms(worker, hotel_centre(centre))
