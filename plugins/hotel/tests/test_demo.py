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
