"""Free places, ranking with reasons, admission into beds with serce stays, admission documents."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from plugins.hotel.admission import AdmissionError, admit, end_placement
from plugins.hotel.documents import admission_pdf
from plugins.hotel.models import AccommodationNeeds, Bed, HotelCentre, Placement, Room
from plugins.hotel.places import free_beds, national_occupancy, occupancy
from plugins.hotel.ranking import Needs, rank
from plugins.serce.models import Stay

from .conftest import add_room, make_centre, make_family, make_person

pytestmark = pytest.mark.django_db


def test_free_places_count_blocked_and_occupied_beds(hotel_office, centres):
    a, b = centres
    first = Bed.objects.filter(centre=a).first()
    first.blocked = True
    first.save()
    room = a.hotel_buildings.get().rooms.get(number="102")
    room.blocked = True
    room.save()
    person = make_person(hotel_office, "Iryna", "Bondar")
    admit(centre=a, assignments=[(person, Bed.objects.get(room__number="103", label="A"))], user=None)
    row_a, row_b = occupancy([a, b])
    assert (row_a.beds, row_a.blocked, row_a.occupied, row_a.free) == (8, 3, 1, 4)
    assert (row_b.beds, row_b.free) == (5, 5)
    assert national_occupancy().free == 9
    assert free_beds().filter(centre=a).count() == 4


def test_ranking_prefers_a_family_room_and_explains_why(hotel_office, centres):
    a, b = centres
    family = make_family(hotel_office, size=3)
    options = rank([b, a], Needs.of(family))
    assert options[0].centre == a
    assert options[0].feasible
    assert "family room" in options[0].reason
    # Beta has 4 ordinary free places in two rooms: feasible but the family would be split
    assert options[1].centre == b and "split" in options[1].reason


def test_ranking_lists_centres_without_enough_suitable_places_last(hotel_office, centres):
    a, b = centres
    family = make_family(hotel_office, last="Duza", size=4)
    Bed.objects.filter(centre=a, room__number="101", label="A").update(blocked=True)
    Room.objects.filter(building__centre=a, number="102").update(blocked=True)
    options = rank([a, b], Needs.of(family))
    assert [(o.centre, o.feasible) for o in options] == [(b, True), (a, False)]
    # the women-only room does not count for a family with men; the isolation room counts for nobody here
    assert options[1].reason == "only 3 suitable free places for 4 persons"
    assert options[0].suitable == 4


def test_ranking_honours_accessible_rooms_and_the_medical_filter_centre(hotel_office, centres):
    a, b = centres
    add_room(b, "204", 2, accessible=True)
    person = make_person(hotel_office, "Maryna", "Ivanova")
    AccommodationNeeds.objects.create(person=person, accessible_room=True)
    options = rank([a, b], Needs.of([person]))
    assert options[0].centre == b and "accessible" in options[0].reason
    assert not options[1].feasible

    newcomer = make_person(hotel_office, "Ahmad", "Karimi", sex="M")
    HotelCentre.objects.update_or_create(centre=b, defaults={"runs_medical_filter": True})
    options = rank([a, b], Needs.of([newcomer]))
    assert options[0].centre == b
    assert "medical filter" in options[0].reason


def test_admission_places_the_family_and_opens_serce_stays(hotel_office, centres):
    a, _b = centres
    family = make_family(hotel_office)
    beds = list(Bed.objects.filter(centre=a, room__number="101").order_by("label"))
    placements = admit(centre=a, assignments=list(zip(family, beds, strict=False)), user=None)
    assert len(placements) == 3
    stays = Stay.objects.filter(person__in=family, date_to__isnull=True)
    assert stays.count() == 3 and {s.centre_id for s in stays} == {a.pk}
    assert {s.room for s in stays} == {"101"}
    end_placement(placements[0], user=None, reason=Placement.EndReason.LEFT)
    assert Stay.objects.get(person=family[0]).date_to is not None


def test_a_taken_bed_a_blocked_bed_and_a_women_only_room_are_refused(hotel_office, centres):
    a, _b = centres
    first, second = (
        make_person(hotel_office, "Anna", "Nowak"),
        make_person(hotel_office, "Oleh", "Melnyk", sex="M"),
    )
    bed = Bed.objects.get(centre=a, room__number="102", label="A")
    admit(centre=a, assignments=[(first, bed)], user=None)
    with pytest.raises(AdmissionError, match="just been taken"):
        admit(centre=a, assignments=[(second, bed)], user=None)
    with pytest.raises(AdmissionError, match="women only"):
        admit(
            centre=a,
            assignments=[(second, Bed.objects.get(centre=a, room__number="103", label="A"))],
            user=None,
        )
    blocked = Bed.objects.get(centre=a, room__number="102", label="B")
    blocked.blocked = True
    blocked.save()
    with pytest.raises(AdmissionError, match="blocked"):
        admit(centre=a, assignments=[(second, blocked)], user=None)
    assert Placement.objects.filter(person=second).count() == 0


def test_admission_document_in_polish_and_the_persons_language(hotel_office, centres):
    a, _b = centres
    person = make_person(hotel_office, "Olena", "Shevchenko", language="uk")
    placement = admit(
        centre=a, assignments=[(person, Bed.objects.get(centre=a, room__number="101", label="A"))], user=None
    )[0]
    texts = {}
    for language in ("pl", "uk"):
        reader = PdfReader(io.BytesIO(admission_pdf(hotel_office, placement, language)))
        texts[language] = "".join(page.extract_text() for page in reader.pages)
    for text in texts.values():
        assert "SHEVCHENKO Olena" in text and person.register_number in text and "Ośrodek Alfa" in text
    assert "Przyjęcie do ośrodka" in texts["pl"]
    assert "Поселення до центру" in texts["uk"]


def test_centres_of_another_office_are_not_offered(hotel_office, centres, other_office):
    other = make_centre(other_office, "obcy")
    person = make_person(hotel_office, "Anna", "Nowak")
    add_room(other, "1", 2)
    with pytest.raises(AdmissionError, match="another office"):
        admit(centre=other, assignments=[(person, other.hotel_beds.first())], user=None)
