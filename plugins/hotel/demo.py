"""Demo data of the hotel base: three centres with rooms and beds, families admitted, cards, a transfer.

Idempotent: centres and persons are looked up by code / Pobyt v.2 identifier, and the residents are
placed only once. Quick: a few hundred rows.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from plugins.serce.models import Centre, Household, Person

from .access import hotel_centre
from .admission import admit
from .cards import issue_card, valid_card
from .models import AccommodationNeeds, Bed, Building, Placement, Room, Transfer
from .places import free_beds
from .scanning import MEAL, scan
from .transfers import approve, request_transfer

CENTRES = [
    # code, name, kind, street, postal code, city, runs the medical filter, buildings: [(name, rooms)]
    (
        "biala-podlaska",
        "Ośrodek Recepcyjny w Białej Podlaskiej",
        "reception",
        "ul. Dokudowska 19",
        "21-500",
        "Biała Podlaska",
        True,
    ),
    (
        "debak",  # the serce register's code of this centre (one centre, not two)
        "Ośrodek Recepcyjny w Podkowie Leśnej-Dębaku",
        "reception",
        "Dębak 1",
        "05-807",
        "Podkowa Leśna",
        False,
    ),
    (
        "linin",
        "Ośrodek dla Cudzoziemców w Lininie",
        "residential",
        "Linin 1",
        "05-530",
        "Góra Kalwaria",
        False,
    ),
]
# room number, beds, family, accessible, women only, isolation
ROOMS = [
    ("101", 4, True, False, False, False),
    ("102", 4, True, True, False, False),
    ("103", 2, False, False, True, False),
    ("104", 2, False, False, False, False),
    ("105", 1, False, False, False, True),
    ("201", 3, False, False, False, False),
    ("202", 3, False, False, True, False),
]
FAMILIES = [
    # (pobyt id, first name, last name, sex, born, nationality, language, role), needs of the head
    (
        [
            ("DEMO-HB-0001", "Olena", "Kovalenko", "F", "1988-04-12", "UA", "uk", "head"),
            ("DEMO-HB-0002", "Andrii", "Kovalenko", "M", "1986-09-30", "UA", "uk", "spouse"),
            ("DEMO-HB-0003", "Sofiia", "Kovalenko", "F", "2015-02-03", "UA", "uk", "child"),
        ],
        {"filter": "cleared"},
    ),
    (
        [
            ("DEMO-HB-0004", "Aliaksandr", "Ivanou", "M", "1979-11-21", "BY", "ru", "head"),
            ("DEMO-HB-0005", "Maryna", "Ivanova", "F", "1981-06-07", "BY", "ru", "spouse"),
        ],
        {"filter": "cleared", "accessible": True, "need": ("disability", "Porusza się na wózku inwalidzkim")},
    ),
    (
        [("DEMO-HB-0006", "Zarina", "Nazarova", "F", "1995-01-15", "TJ", "ru", "")],
        {"filter": "pending", "need": ("pregnancy", "")},
    ),
    ([("DEMO-HB-0007", "Ahmad", "Karimi", "M", "1990-08-08", "AF", "en", "")], {"diet": "halal"}),
    (
        [("DEMO-HB-0008", "Giorgi", "Beridze", "M", "1984-03-19", "GE", "en", "")],
        {"filter": "cleared", "food": "cash"},
    ),
]


def _centres(office: Any) -> list[Centre]:
    centres = []
    for code, name, kind, street, postal, city, medical in CENTRES:
        centre, _created = Centre.objects.get_or_create(
            office=office,
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "street": street,
                "postal_code": postal,
                "city": city,
                "capacity": 19,
            },
        )
        hotel = hotel_centre(centre)
        if hotel.runs_medical_filter != medical:
            hotel.runs_medical_filter = medical
            hotel.save()
        building, _created = Building.objects.get_or_create(centre=centre, name="A")
        for number, beds, family, accessible, women, isolation in ROOMS:
            room, created = Room.objects.get_or_create(
                building=building,
                number=number,
                defaults={
                    "family_room": family,
                    "accessible": accessible,
                    "women_only": women,
                    "isolation": isolation,
                },
            )
            if created:
                for index in range(beds):
                    Bed.objects.create(room=room, centre=centre, label=chr(ord("A") + index))
        centres.append(centre)
    blocked = Bed.objects.filter(centre=centres[0], room__number="201", label="C").first()
    if blocked and not blocked.blocked:
        blocked.blocked, blocked.blocked_reason = True, "Naprawa łóżka / bed repair"
        blocked.save()
    return centres


def _family(office: Any, members: list[tuple], needs: dict[str, Any]) -> list[Person]:
    persons = []
    household = None
    for pobyt_id, first, last, sex, born, nationality, language, role in members:
        person = Person.objects.filter(office=office, pobyt_id=pobyt_id).first()
        if person is None:
            if len(members) > 1 and household is None:
                household = Household.objects.create(office=office, reference=f"DEMO-{last.upper()}")
            person = Person.objects.create(
                office=office,
                pobyt_id=pobyt_id,
                first_name=first,
                last_name=last,
                sex=sex,
                date_of_birth=datetime.date.fromisoformat(born),
                nationality=nationality,
                language=language,
                household=household,
                household_role=role,
            )
        household = household or person.household
        persons.append(person)
    head = persons[0]
    today = timezone.localdate()
    if not hasattr(head, "medical_filters"):  # serce without its medical and food records
        needs = {k: v for k, v in needs.items() if k == "accessible"}
    if needs.get("filter") and not head.medical_filters.exists():
        for person in persons:
            person.medical_filters.create(
                examined_on=today - datetime.timedelta(days=3),
                result=needs["filter"],
                interview_done=True,
                lab_tests_done=needs["filter"] != "pending",
                xray_done=needs["filter"] != "pending",
            )
    if needs.get("need") and not head.special_needs.exists():
        category, description = needs["need"]
        head.special_needs.create(
            category=category, description=description, since=today - datetime.timedelta(days=10)
        )
    if (needs.get("food") or needs.get("diet")) and not head.food_arrangements.exists():
        head.food_arrangements.create(
            mode=needs.get("food", "meals"), diet=needs.get("diet", "none"), date_from=today
        )
    if needs.get("accessible"):
        AccommodationNeeds.objects.get_or_create(person=head, defaults={"accessible_room": True})
    return persons


def load_demo(office: Any, stdout: Any) -> None:
    with transaction.atomic():
        centres = _centres(office)
        users = get_user_model().objects.filter(home_office=office, kind="staff")
        staff = users.filter(groups__name="centre_staff")
        # the demo's centre workers work where the register's demo put them (one membership for both)
        actor = staff.first()
        approver = users.filter(groups__name="supervisor").first()  # four eyes: not the requester
        families = [_family(office, members, needs) for members, needs in FAMILIES]
        for index, family in enumerate(families):
            centre = centres[0] if index != 1 else centres[2]
            unplaced = [p for p in family if not Placement.objects.filter(person=p).exists()]
            if not unplaced:
                continue
            beds = list(
                free_beds()
                .filter(centre=centre, room__isolation=False, room__women_only=False)
                .order_by("room__number", "label")
            )
            if index == 1:
                beds = [b for b in beds if b.room.accessible]
            admit(centre=centre, assignments=list(zip(unplaced, beds, strict=False)), user=actor)
            for person in unplaced:
                if valid_card(person) is None:
                    issue_card(person, centre, actor)
        # one meal already handed out, one absent resident, one transfer waiting at the receiving centre
        first = families[0][0]
        card = valid_card(first)
        if card and not first.hotel_meals.exists():
            scan(office=office, centre=centres[0], raw=card.number, action=MEAL, meal="breakfast", user=actor)
        absent = Placement.objects.filter(person=families[3][0], ended_at__isnull=True).first()
        if absent:
            absent.last_seen_at = timezone.now() - datetime.timedelta(days=5)
            absent.present = False
            absent.save(update_fields=["last_seen_at", "present"])
        mover = families[2][0]
        if (
            not Transfer.objects.filter(persons=mover).exists()
            and Placement.objects.filter(person=mover, ended_at__isnull=True).exists()
        ):
            transfer = request_transfer(
                person=mover,
                from_centre=centres[0],
                to_centre=centres[1],
                reason="Zakończenie filtra epidemiologicznego / medical filter completed",
                user=actor,
            )
            if approver is not None and approver != actor:
                approve(transfer, approver)
    stdout.write(
        f"  hotel: {len(centres)} centres, {Placement.objects.filter(ended_at__isnull=True).count()} residents placed\n"
    )
