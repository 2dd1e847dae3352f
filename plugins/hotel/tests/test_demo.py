"""The demo data hook: realistic, idempotent."""

from __future__ import annotations

import io

import pytest

from plugins.hotel.demo import load_demo
from plugins.hotel.models import Bed, IdCard, MealIssue, Placement, Transfer

pytestmark = pytest.mark.django_db


def test_demo_data_is_loaded_once(hotel_office, user_factory):
    staff = user_factory("osrodek@example.com", kind="staff", roles=("centre_staff",), office=hotel_office)
    boss = user_factory("kierownik@example.com", kind="staff", roles=("supervisor",), office=hotel_office)
    out = io.StringIO()
    load_demo(hotel_office, out)
    counts = (
        Bed.objects.count(),
        Placement.objects.count(),
        IdCard.objects.count(),
        Transfer.objects.count(),
        MealIssue.objects.count(),
    )
    assert counts[0] == 3 * 19 and counts[1] == 8 and counts[2] == 8 and counts[3] == 1 and counts[4] == 1
    transfer = Transfer.objects.get()
    assert transfer.status == Transfer.Status.APPROVED  # four eyes: requested by one, approved by another
    assert transfer.requested_by == staff and transfer.approved_by == boss
    load_demo(hotel_office, out)
    assert (
        Bed.objects.count(),
        Placement.objects.count(),
        IdCard.objects.count(),
        Transfer.objects.count(),
        MealIssue.objects.count(),
    ) == counts
    assert "hotel:" in out.getvalue()


def test_both_demos_share_one_centre_each_and_drop_downs_list_it_once(
    hotel_office, user_factory, staff_login, client
):
    """Bug 6: the hotel demo created Dębak under its own code next to serce's, so the centre was
    listed twice in every drop-down."""
    from plugins.hotel.access import grant_centre
    from plugins.serce.demo import load_demo as load_serce_demo
    from plugins.serce.models import Centre

    staff = user_factory("osrodek@example.com", kind="staff", roles=("centre_staff",), office=hotel_office)
    user_factory("kierownik@example.com", kind="staff", roles=("supervisor",), office=hotel_office)
    out = io.StringIO()
    load_serce_demo(hotel_office, out)
    load_demo(hotel_office, out)
    names = list(Centre.objects.filter(office=hotel_office).values_list("name", flat=True))
    assert len(names) == len(set(names)) == 6
    resident = Placement.objects.filter(ended_at__isnull=True, centre__code="biala-podlaska").first()
    for centre in Centre.objects.filter(office=hotel_office):
        grant_centre(staff, centre)
    staff_login(client, staff)
    page = client.get(f"/staff/hotel/persons/{resident.person_id}/transfer/").content.decode()
    debak = Centre.objects.get(office=hotel_office, code="debak")
    assert page.count(f">{debak.name}</option>") == 1
