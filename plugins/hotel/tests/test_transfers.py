"""Transfers: the family moves together, the report reaches the receiving centre, stays follow."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from plugins.hotel.admission import admit, end_placement
from plugins.hotel.models import AccommodationNeeds, Bed, Placement, Transfer
from plugins.hotel.transfers import TransferError, approve, depart, request_transfer
from plugins.serce.models import Stay

from .conftest import make_family, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed_family(hotel_office, centres):
    a, _b = centres
    members = make_family(hotel_office)
    admit(
        centre=a,
        assignments=list(
            zip(members, Bed.objects.filter(centre=a, room__number="101").order_by("label"), strict=False)
        ),
        user=None,
    )
    AccommodationNeeds.objects.create(person=members[1], accessible_room=True, notes="ground floor only")
    return members


def test_family_transfer_from_request_to_reception(hotel_office, centres, placed_family):
    a, b = centres
    lodger = make_person(hotel_office, "Anna", "Nowak")  # not of the family: stays where she is
    admit(
        centre=a, assignments=[(lodger, Bed.objects.get(centre=a, room__number="102", label="A"))], user=None
    )
    transfer = request_transfer(
        person=placed_family[2], from_centre=a, to_centre=b, reason="Family room needed", user=None
    )
    assert set(transfer.persons.all()) == set(placed_family)
    assert transfer.reference.startswith("TR/")
    member = {m["name"]: m for m in transfer.report["members"]}["KOVALENKO Andrii"]
    assert member["accessible_room"] and member["accommodation_notes"] == "ground floor only"
    with pytest.raises(TransferError, match="already in transfer"):
        request_transfer(person=placed_family[0], from_centre=a, to_centre=b, reason="again", user=None)
    with pytest.raises(TransferError, match="not possible now"):
        depart(transfer, None, hotel_office)
    approve(transfer, None)
    depart(transfer, None, hotel_office)
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.IN_TRANSIT
    assert not Placement.objects.filter(person__in=placed_family, ended_at__isnull=True).exists()
    assert not Stay.objects.filter(person__in=placed_family, date_to__isnull=True).exists()
    assert Placement.objects.filter(person=lodger, ended_at__isnull=True).exists()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(transfer.report_pdf))).pages)
    assert transfer.reference in text and "KOVALENKO Sofiia" in text and "ground floor only" in text
    assert "Raport z przekazania" in text or "Transfer report" in text

    beds = Bed.objects.filter(centre=b, room__number__in=["201", "202"]).order_by("room__number", "label")
    admit(centre=b, assignments=list(zip(placed_family, beds, strict=False)), user=None, transfer=transfer)
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.COMPLETED and transfer.received_at
    assert {s.centre_id for s in Stay.objects.filter(person__in=placed_family, date_to__isnull=True)} == {
        b.pk
    }
    assert Stay.objects.filter(person=placed_family[0]).count() == 2


def test_a_transfer_to_the_same_centre_or_of_someone_without_a_bed_is_refused(
    hotel_office, centres, placed_family
):
    a, b = centres
    with pytest.raises(TransferError, match="another centre"):
        request_transfer(person=placed_family[0], from_centre=a, to_centre=a, reason="x", user=None)
    stranger = make_person(hotel_office, "Ivan", "Petrenko", sex="M")
    with pytest.raises(TransferError, match="has no bed"):
        request_transfer(person=stranger, from_centre=a, to_centre=b, reason="x", user=None)


def test_stays_are_written_through_serce_services_and_audited(hotel_office, centres, monkeypatch):
    """The hotel never writes serce.Stay itself: admission and departure go through serce's services."""
    from plugins.serce.services import stays as serce_stays
    from przystan.audit.models import AuditEntry

    calls = []
    for name in ("admit", "discharge"):
        original = getattr(serce_stays, name)

        def spy(*args, _original=original, _name=name, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(serce_stays, name, spy)
    a, _b = centres
    person = make_person(hotel_office, "Olena", "Shevchenko")
    bed = Bed.objects.filter(centre=a).first()
    (placement,) = admit(centre=a, assignments=[(person, bed)], user=None)
    end_placement(placement, user=None, reason="left")
    assert calls == ["admit", "discharge"]
    stay = Stay.objects.get(person=person)
    assert stay.source == "hotel" and stay.date_to is not None
    stay_entries = AuditEntry.objects.for_object(stay)
    assert sorted(stay_entries.filter(action__in=("create", "update")).values_list("action", flat=True)) == [
        "create",
        "update",
    ]


def test_the_requester_cannot_approve_or_reject_and_nothing_changes(hotel_office, centres, centre_staff):
    from plugins.hotel.transfers import SelfApprovalError, reject
    from przystan.audit.models import AuditEntry

    a, b = centres
    requester = centre_staff("prosi@example.com", a)
    family = make_family(hotel_office, size=1)
    admit(centre=a, assignments=[(family[0], Bed.objects.filter(centre=a).first())], user=None)
    transfer = request_transfer(person=family[0], from_centre=a, to_centre=b, reason="x", user=requester)
    for step in (approve, reject):
        with pytest.raises(SelfApprovalError) as refused:
            step(transfer, requester)
        assert "someone other than the person who requested it" in str(refused.value)
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.REQUESTED and transfer.approved_by is None
    assert (
        AuditEntry.objects.filter(action="denied", actor=requester, object_id=str(transfer.pk)).count() == 2
    )
