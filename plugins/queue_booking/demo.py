"""Demo data: service points, service types with schedules, four weeks of slots and some bookings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F
from django.utils import timezone

from .errors import BookingError
from .identity import Applicant, identity_hash
from .models import Booking, ServicePoint, ServiceType, Slot, WeeklySchedule
from .services.booking import book
from .services.slots import generate_slots

# code, Polish name, then the names in English, Ukrainian and Russian (shown in the reader's language)
POINTS = [
    ("s1", "Stanowisko 1", "Desk 1", "Стійка 1", "Стойка 1"),
    ("s2", "Stanowisko 2", "Desk 2", "Стійка 2", "Стойка 2"),
    (
        "s3",
        "Stanowisko 3 (odciski palców)",
        "Desk 3 (fingerprints)",
        "Стійка 3 (відбитки пальців)",
        "Стойка 3 (отпечатки пальцев)",
    ),
]
SERVICES = [
    # code, minutes, live case, release days ahead, waves, points, capacity, hours
    ("filing", 20, False, 14, [50, 30, 20], ["s1", "s2"], 1, ("08:00", "12:00")),
    ("fingerprints", 10, True, 21, [], ["s3"], 2, ("08:00", "15:00")),
    ("supplement", 15, True, 14, [], ["s1"], 1, ("12:00", "15:00")),
    ("card_pickup", 5, True, 7, [], ["s2"], 3, ("12:00", "15:30")),
    ("information", 10, False, 7, [], ["s2"], 1, ("08:00", "10:00")),
]
PEOPLE = [
    ("Olena Kovalenko", "FE123456", "olena.kovalenko@example.com", "uk"),
    ("Rahul Sharma", "Z1234567", "rahul.sharma@example.com", "en"),
    ("Aliaksandr Ivanou", "MP7654321", "a.ivanou@example.com", "ru"),
    ("Nguyen Van An", "C98765432", "nguyen.an@example.com", "en"),
    ("Maria Garcia Lopez", "PAA123456", "maria.garcia@example.com", "pl"),
]


def load_demo(office: Any, stdout: Any) -> None:
    points = {}
    for code, name, name_en, name_uk, name_ru in POINTS:
        points[code], _ = ServicePoint.objects.get_or_create(
            office=office,
            code=code,
            defaults={"name": name, "name_en": name_en, "name_uk": name_uk, "name_ru": name_ru},
        )
    for code, minutes, live_case, ahead, waves, point_codes, capacity, (start, end) in SERVICES:
        service_type, created = ServiceType.objects.get_or_create(
            office=office,
            code=code,
            defaults={
                "duration_minutes": minutes,
                "requires_live_case": live_case,
                "release_days_ahead": ahead,
                "release_waves": waves,
            },
        )
        if created:
            for point_code in point_codes:
                for weekday in range(5):
                    WeeklySchedule.objects.create(
                        office=office,
                        service_type=service_type,
                        service_point=points[point_code],
                        weekday=weekday,
                        start_time=start,
                        end_time=end,
                        capacity_per_slot=capacity,
                    )
    created_slots = generate_slots(office, start=timezone.localdate(), days=28)
    filing = ServiceType.objects.get(office=office, code="filing")
    now = timezone.now()
    made = 0
    free = list(
        Slot.objects.filter(
            service_type=filing, released_at__lte=now, starts_at__gt=now + dt.timedelta(hours=2)
        ).order_by("starts_at")[: len(PEOPLE)]
    )
    for (name, number, email, language), slot in zip(PEOPLE, free, strict=False):
        hashed = identity_hash("passport", number)
        if Booking.objects.filter(office=office, identity_hash=hashed).exists():
            continue
        applicant = Applicant(
            full_name=name,
            document_kind="passport",
            identity_hash=hashed,
            person_key=hashed,
            email=email,
            language=language,
        )
        try:
            book(office, slot.pk, applicant)
            made += 1
        except BookingError:
            continue
    made += _counter_visitors(office, filing, points["s1"], now)
    stdout.write(f"queue_booking: {created_slots} slots generated, {made} demo bookings\n")


#: Visitors of the counter's day: three come today, one is booked for the next working day (the
#: check-in of that one is refused today). Passport numbers are given so staff can check them in.
COUNTER_VISITORS = [
    ("Oksana Melnyk", "FM246810", "oksana.melnyk@example.com", "uk", 0),
    ("Dmytro Bondarenko", "FB135790", "", "uk", 0),
    ("Aigerim Nurlanova", "N11223344", "", "ru", 0),
    ("Tran Thi Mai", "C24681357", "", "en", 1),
]


def _counter_visitors(office: Any, filing: Any, point: Any, now: dt.datetime) -> int:
    """Book the counter's visitors of today and of the next working day (idempotent).

    Today's visitors need a time still ahead today: when the schedule has none left (an evening, a
    weekend), the demo adds one slot of the filing service at the first desk.
    """
    today = timezone.localdate(now)
    later = (
        Slot.objects.filter(
            service_type=filing, starts_at__date__gt=today, released_at__lte=now, booked__lt=F("capacity")
        )
        .order_by("starts_at")
        .first()
    )
    made = 0
    for name, number, email, language, days in COUNTER_VISITORS:
        hashed = identity_hash("passport", number)
        if Booking.objects.filter(office=office, identity_hash=hashed).exists():
            continue
        slot = later if days else _free_slot_today(office, filing, point, now)
        if slot is None:
            continue
        applicant = Applicant(
            full_name=name,
            document_kind="passport",
            identity_hash=hashed,
            person_key=hashed,
            email=email,
            language=language,
        )
        try:
            book(office, slot.pk, applicant, now=now)
            made += 1
        except BookingError:
            continue
    return made


def _free_slot_today(office: Any, filing: Any, point: Any, now: dt.datetime) -> Slot | None:
    today = timezone.localdate(now)
    free = (
        Slot.objects.filter(
            service_type=filing,
            starts_at__gt=now,
            starts_at__date=today,
            released_at__lte=now,
            reserved_for_round=False,
            booked__lt=F("capacity"),
        )
        .order_by("starts_at")
        .first()
    )
    if free is not None:
        return free
    starts = (now + dt.timedelta(minutes=30)).replace(second=0, microsecond=0)
    if timezone.localdate(starts) != today:
        return None  # just before midnight: no time left today
    slot, _created = Slot.objects.get_or_create(
        service_type=filing,
        service_point=point,
        starts_at=starts,
        defaults={
            "office": office,
            "ends_at": starts + dt.timedelta(minutes=filing.duration_minutes),
            "capacity": 3,
            "released_at": now - dt.timedelta(days=1),
        },
    )
    return slot
