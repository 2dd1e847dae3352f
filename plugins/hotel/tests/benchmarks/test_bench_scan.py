"""Benchmark: scan-to-result at the scanning desk with 100,000 persons in the register.

``PRZYSTAN_BENCH_SIZE=tiny`` (default: 2,000 persons) keeps the test run fast; ``full`` loads
100,000 persons with a card each and 5,000 placed residents. Prints p50/p95/max of the card lookup
alone and of the whole scan (lookup, check-in recorded, scan event written). No timed assertions.
"""

from __future__ import annotations

import os
import random
import statistics
import time

import pytest
from django.utils import timezone

from plugins.hotel.models import Bed, Building, IdCard, Placement, Room
from plugins.hotel.scanning import CHECK_IN, lookup, scan
from plugins.serce.models import Person
from plugins.serce.register_numbers import from_serial

from ..conftest import make_centre

SIZES = {"tiny": (2_000, 200, 200), "full": (100_000, 5_000, 1_000)}  # persons, residents, scans

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def test_bench_scan_lookup(hotel_office) -> None:
    size = os.environ.get("PRZYSTAN_BENCH_SIZE", "tiny")
    persons_n, residents_n, scans_n = SIZES[size]
    centre = make_centre(hotel_office, "bench", name="Ośrodek testowy")
    building = Building.objects.create(centre=centre, name="A")
    started = time.perf_counter()
    persons = Person.objects.bulk_create(
        [
            Person(
                office=hotel_office,
                register_number=from_serial(n + 1),
                first_name=f"Imię{n}",
                last_name=f"Nazwisko{n % 997}",
                sex="M" if n % 2 else "F",
                nationality="UA",
            )
            for n in range(persons_n)
        ],
        batch_size=5_000,
    )
    IdCard.objects.bulk_create(
        [IdCard(person=p, centre=centre, number=f"{p.register_number}-01", version=1) for p in persons],
        batch_size=5_000,
    )
    rooms = Room.objects.bulk_create(
        [Room(building=building, number=str(n)) for n in range(residents_n // 4)]
    )
    beds = Bed.objects.bulk_create(
        [Bed(room=room, centre=centre, label=label) for room in rooms for label in "ABCD"], batch_size=5_000
    )
    now = timezone.now()
    residents = persons[:: max(persons_n // residents_n, 1)][: len(beds)]
    Placement.objects.bulk_create(
        [
            Placement(person=p, bed=b, centre=centre, admitted_at=now, last_seen_at=now)
            for p, b in zip(residents, beds, strict=False)
        ],
        batch_size=5_000,
    )
    load_s = time.perf_counter() - started

    rng = random.Random(8)
    codes = [f"{rng.choice(residents).register_number}-01" for _ in range(scans_n)]
    lookups, scans = [], []
    for code in codes:
        t0 = time.perf_counter()
        card, placement = lookup(code, centre)
        lookups.append((time.perf_counter() - t0) * 1000)
        assert placement is not None
    for code in codes:
        t0 = time.perf_counter()
        result = scan(office=hotel_office, centre=centre, raw=code, action=CHECK_IN, user=None)
        scans.append((time.perf_counter() - t0) * 1000)
        assert result.ok

    print(
        f"\n[hotel scan benchmark] size={size} persons={persons_n} cards={persons_n} residents={len(residents)} "
        f"scans={scans_n} (load {load_s:.1f} s)"
        f"\n  card lookup   p50={statistics.median(lookups):.2f} ms p95={_percentile(lookups, 0.95):.2f} ms max={max(lookups):.2f} ms"
        f"\n  whole scan    p50={statistics.median(scans):.2f} ms p95={_percentile(scans, 0.95):.2f} ms max={max(scans):.2f} ms"
    )
