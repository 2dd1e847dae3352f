"""ID cards (card-size PDF, barcodes decoded with zbar, reissue) and the scanning desk rules."""

from __future__ import annotations

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from plugins.hotel.admission import admit
from plugins.hotel.cards import issue_card, render_cards, valid_card
from plugins.hotel.models import Bed, MealIssue, Placement, ScanEvent
from plugins.hotel.scanning import CHECK_IN, CHECK_OUT, MEAL, scan

from .conftest import make_family
from .zbar import pdf_barcodes

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(hotel_office, centres):
    a, _b = centres
    members = make_family(hotel_office)
    beds = Bed.objects.filter(centre=a, room__number="101").order_by("label")
    admit(centre=a, assignments=list(zip(members, beds, strict=False)), user=None)
    return members


def test_cards_are_card_size_and_their_barcodes_decode_to_the_card_number(hotel_office, centres, family):
    a, _b = centres
    cards = [issue_card(person, a, None) for person in family]
    pdf = render_cards(hotel_office, cards)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert round(width / 72 * 25.4, 1) == 85.6 and round(height / 72 * 25.4, 1) == 54.0
    text = reader.pages[0].extract_text()
    assert "KOVALENKO Olena" in text and "Ośrodek Alfa" in text
    decoded = pdf_barcodes(pdf)
    for card, codes in zip(cards, decoded, strict=True):
        assert card.number.startswith(card.person.register_number)
        assert codes == {("CODE128", card.number), ("QRCODE", card.number)}


def test_reissue_invalidates_the_old_number(hotel_office, centres, family):
    a, _b = centres
    old = issue_card(family[0], a, None)
    new = issue_card(family[0], a, None)
    old.refresh_from_db()
    assert old.revoked_at is not None and valid_card(family[0]) == new
    assert new.number.endswith("-02") and old.number.endswith("-01")
    refused = scan(office=hotel_office, centre=a, raw=old.number, action=CHECK_IN, user=None)
    assert not refused.ok and "no longer valid" in refused.message
    assert scan(office=hotel_office, centre=a, raw=new.number, action=CHECK_IN, user=None).ok


def test_a_second_meal_in_the_same_service_is_blocked(hotel_office, centres, family):
    a, _b = centres
    card = issue_card(family[1], a, None)
    first = scan(office=hotel_office, centre=a, raw=card.number, action=MEAL, meal="lunch", user=None)
    second = scan(
        office=hotel_office, centre=a, raw=f" {card.number.lower()}\n", action=MEAL, meal="lunch", user=None
    )
    assert first.ok and "Lunch" in first.message
    assert not second.ok and "already received lunch" in second.message
    assert scan(office=hotel_office, centre=a, raw=card.number, action=MEAL, meal="dinner", user=None).ok
    assert MealIssue.objects.filter(person=family[1]).count() == 2
    assert ScanEvent.objects.filter(person=family[1], kind=ScanEvent.Kind.REFUSED).count() == 1


def test_check_in_and_out_and_absence_after_the_configured_days(hotel_office, centres, family):
    a, _b = centres
    card = issue_card(family[0], a, None)
    out = scan(office=hotel_office, centre=a, raw=card.number, action=CHECK_OUT, user=None)
    placement = Placement.objects.get(person=family[0], ended_at__isnull=True)
    assert out.ok and not placement.present
    later = timezone.now() + datetime.timedelta(days=2, hours=23)
    assert (
        scan(
            office=hotel_office, centre=a, raw=card.number, action=CHECK_IN, user=None, now=later
        ).absent_days
        is None
    )
    much_later = later + datetime.timedelta(days=4)
    back = scan(office=hotel_office, centre=a, raw=card.number, action=CHECK_IN, user=None, now=much_later)
    assert back.ok and back.absent_days == 4
    placement.refresh_from_db()
    assert placement.present and placement.last_seen_at == much_later


def test_cards_do_not_scan_in_another_centre_or_when_unknown(hotel_office, centres, family):
    a, b = centres
    card = issue_card(family[0], a, None)
    elsewhere = scan(office=hotel_office, centre=b, raw=card.number, action=CHECK_IN, user=None)
    assert not elsewhere.ok and "does not live in this centre" in elsewhere.message
    unknown = scan(office=hotel_office, centre=a, raw="SE0000000000-09", action=CHECK_IN, user=None)
    assert not unknown.ok and "Unknown card" in unknown.message
