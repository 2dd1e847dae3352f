"""Demo data: service points, service types with schedules, four weeks of slots and some bookings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from .errors import BookingError
from .identity import Applicant, identity_hash
from .models import Booking, ServicePoint, ServiceType, Slot, WeeklySchedule
from .services.booking import book
from .services.slots import generate_slots

POINTS = [("s1", "Stanowisko 1"), ("s2", "Stanowisko 2"), ("s3", "Stanowisko 3 (odciski palców)")]
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
    for code, name in POINTS:
        points[code], _ = ServicePoint.objects.get_or_create(
            office=office, code=code, defaults={"name": name}
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
    stdout.write(f"queue_booking: {created_slots} slots generated, {made} demo bookings\n")
