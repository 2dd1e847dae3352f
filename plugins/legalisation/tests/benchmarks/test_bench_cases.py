"""Benchmark: status lookup by case number and the officer's filtered first page on many cases.

Size from ``PRZYSTAN_BENCH_SIZE``: ``tiny`` (default, 5,000 cases) or ``full`` (1,000,000 cases).
Rows are generated inside PostgreSQL with ``generate_series`` (no Python loop). Prints p50/p95/max in
milliseconds; asserts only that the answers are right (speed is read from the printed figures)::

    PRZYSTAN_BENCH_SIZE=full DATABASE_URL=postgres://postgres@127.0.0.1:5432/przystan_legal \\
        ./przystan test plugins/legalisation/tests/benchmarks -m benchmark -s -p no:cacheprovider
"""

from __future__ import annotations

import os
import random
import statistics
import time

import pytest
from django.db import connection

from plugins.legalisation.models import Case
from plugins.legalisation.numbering import hash_pin
from plugins.legalisation.services import lookup
from plugins.legalisation.views.staff import filtered_cases, first_page
from przystan.testing.factories import make_user

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

SIZES = {"tiny": 5_000, "full": 1_000_000}
STAGES = [
    "filed",
    "accepted",
    "summons_fingerprints",
    "biometrics_taken",
    "formal_check",
    "supplement_requested",
    "opinions_requested",
    "evidence_review",
    "draft_decision",
    "decision_granted",
    "decision_refused",
    "card_ordered",
    "card_ready",
    "closed",
]
TYPES = ["temp_work", "temp_studies", "temp_family", "permanent", "eu_ltr", "temp_blue_card", "cukr"]
SURNAMES = [
    "shevchenko",
    "kovalenko",
    "bondarenko",
    "nguyen",
    "ivanou",
    "sharma",
    "karimova",
    "yilmaz",
    "gonzalez",
    "melnyk",
    "beridze",
    "verma",
    "tkachenko",
    "kravchenko",
    "oliinyk",
    "boiko",
]


def generate(office_id: int, officer_id: int, count: int) -> None:
    sql = """
    INSERT INTO legalisation_case (public_id, office_id, number, pin_hash, mos_number, application_type, stage,
        person_name, person_name_search, passport_number, birth_date, person_key, email, phone, language,
        employer_tax_id, employer_annex_required, assignee_id, filed_at, documents_complete_at, fingerprints_at,
        legal_deadline, clock_paused, file_location, created_at, updated_at)
    SELECT gen_random_uuid(), %(office)s, 'BENCH-2025-' || lpad(i::text, 7, '0'), md5(i::text) || md5(i::text),
        '', (%(types)s::text[])[1 + i %% %(ntypes)s], (%(stages)s::text[])[1 + (i / 7) %% %(nstages)s],
        initcap((%(names)s::text[])[1 + i %% %(nnames)s]) || ' ' || i,
        (%(names)s::text[])[1 + i %% %(nnames)s] || ' ' || i,
        'P' || lpad(i::text, 8, '0'), date '1970-01-01' + (i %% 15000), md5('p' || i::text), '', '', 'uk',
        '', false, CASE WHEN i %% 5 = 0 THEN %(officer)s END,
        current_date - (i %% 700), current_date - (i %% 700), current_date - (i %% 690),
        current_date + (i %% 240) - 60, i %% 17 = 0, '', now(), now()
    FROM generate_series(1, %(count)s) AS i
    """
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            {
                "office": office_id,
                "officer": officer_id,
                "count": count,
                "types": TYPES,
                "ntypes": len(TYPES),
                "stages": STAGES,
                "nstages": len(STAGES),
                "names": SURNAMES,
                "nnames": len(SURNAMES),
            },
        )
        cursor.execute("ANALYZE legalisation_case")


def timed(fn, repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label: str, samples: list[float], count: int) -> float:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    print(
        f"\n[bench legalisation] {label}: {count:,} cases, n={len(samples)} "
        f"p50={statistics.median(samples):.2f} ms p95={p95:.2f} ms max={ordered[-1]:.2f} ms"
    )
    return p95


def test_bench_lookup_and_officer_first_page(legal_office, supervisor):
    size = os.environ.get("PRZYSTAN_BENCH_SIZE", "tiny")
    count = SIZES.get(size, SIZES["tiny"])
    officer = make_user(
        "bench-officer@uw.example.gov.pl", kind="staff", roles=("officer",), office=legal_office
    )
    started = time.perf_counter()
    generate(legal_office.pk, officer.pk, count)
    print(f"\n[bench legalisation] generated {count:,} cases in {time.perf_counter() - started:.1f} s")
    rng = random.Random(5)
    sample = [f"BENCH-2025-{rng.randint(1, count):07d}" for _ in range(200)]
    for number in sample[:20]:
        Case.objects.filter(number=number).update(pin_hash=hash_pin(number, "12345678"))

    numbers = iter(sample * 2)
    assert lookup(legal_office, sample[0], "12345678")["reference"] == sample[0]
    report(
        "status lookup by number + PIN",
        timed(lambda: lookup(legal_office, next(numbers), "12345678"), 200),
        count,
    )

    stages = iter([STAGES[i % len(STAGES)] for i in range(400)])
    page, _more = first_page(filtered_cases(supervisor, legal_office, {"stage": "evidence_review"}))
    assert len(page) == 25 and all(c.stage == "evidence_review" for c in page)
    report(
        "supervisor first page, filter by stage",
        timed(lambda: first_page(filtered_cases(supervisor, legal_office, {"stage": next(stages)})), 200),
        count,
    )
    report(
        "officer first page, own/team scope + at-risk",
        timed(lambda: first_page(filtered_cases(officer, legal_office, {"at_risk": "1"})), 100),
        count,
    )
    names = iter([f"{SURNAMES[i % len(SURNAMES)]} {i + 1}" for i in range(400)])
    found, _ = first_page(filtered_cases(supervisor, legal_office, {"q": "shevchenko 16"}))
    assert found and found[0].person_name_search.startswith("shevchenko 16")
    report(
        "supervisor search by name prefix",
        timed(lambda: first_page(filtered_cases(supervisor, legal_office, {"q": next(names)})), 200),
        count,
    )
    passports = iter([f"P{rng.randint(1, count):08d}" for _ in range(200)])
    report(
        "supervisor search by passport",
        timed(lambda: first_page(filtered_cases(supervisor, legal_office, {"q": next(passports)})), 200),
        count,
    )
