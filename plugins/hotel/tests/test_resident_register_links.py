"""The resident's page leads to the register: the record and the education entries (listed, and added
by those the policy lets edit them), and shows dates as dd.mm.rrrr."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from plugins.hotel.admission import admit
from plugins.hotel.models import Bed
from plugins.serce.access import assign_to_centre
from plugins.serce.models import MedicalFilter, SchoolEnrolment

from .conftest import make_family

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(hotel_office, centres, user_factory):
    a, _b = centres
    family = make_family(hotel_office, size=3)
    beds = list(Bed.objects.filter(centre=a, room__number="101").order_by("label"))
    admit(centre=a, assignments=list(zip(family, beds, strict=False)), user=user_factory("x@example.gov.pl"))
    child = family[2]
    SchoolEnrolment.objects.create(
        person=child, school_year="2026/2027", school_name="SP 12", enrolled_on=dt.date(2026, 9, 1)
    )
    MedicalFilter.objects.create(person=child, examined_on=dt.date(2026, 11, 2), result="cleared")
    return child


def _client(centre_staff, centres, staff_login, role: str) -> Client:
    user = centre_staff(f"{role}@example.gov.pl", centres[0], roles=(role,))
    assign_to_centre(user, centres[0])  # the register's own per-centre grant
    client = Client()
    staff_login(client, user)
    return client


@pytest.mark.parametrize(("role", "sees"), [("centre_staff", True), ("medical", False)])
def test_education_is_reached_from_the_residents_page(
    centre_staff, centres, staff_login, resident, role, sees
):
    client = _client(centre_staff, centres, staff_login, role)
    page = client.get(f"/staff/hotel/persons/{resident.pk}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert ("SP 12 (2026/2027)" in body) is sees  # medical staff hold nothing of education
    add = f"/staff/serce/persons/{resident.pk}/education/schoolenrolment/new/"
    assert (f'href="{add}"' in body) is sees
    assert client.get(add).status_code == (200 if sees else 403)


def test_the_residents_page_links_the_register_record_and_uses_the_staff_date_format(
    centre_staff, centres, staff_login, resident
):
    client = _client(centre_staff, centres, staff_login, "centre_staff")
    body = client.get(f"/staff/hotel/persons/{resident.pk}/").content.decode()
    assert f'href="/staff/serce/persons/{resident.pk}/"' in body
    assert "03.02.2015" in body  # date of birth
    assert "(02.11.2026)" in body and "2026-11-02" not in body  # the medical filter's date
