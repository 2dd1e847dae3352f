"""Benchmarks of the register (print figures; never timed assertions).

    PRZYSTAN_BENCH_SIZE=full DATABASE_URL=postgres://... ./przystan test plugins/serce/tests/benchmarks -m benchmark -s

``full``: 1,000,000 persons, name-fragment search p95 (target < 100 ms) and the monthly payment list
for 5,000 beneficiaries, data + PDF (target < 30 s). ``tiny`` (default): 3,000 persons, 200 beneficiaries.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time

import pytest
from django.contrib.auth import get_user_model
from pypdf import PdfReader

from plugins.serce.demo import ensure_rules
from plugins.serce.models import Person
from plugins.serce.search_keys import search_key
from plugins.serce.services import payments, printouts
from plugins.serce.services.search import search_persons
from plugins.serce.tests.factories import make_centre

from .bulk_data import load_beneficiaries, load_persons, name_pool

SIZES = {"tiny": (3_000, 200, 50), "full": (1_000_000, 5_000, 300)}
pytestmark = [pytest.mark.benchmark, pytest.mark.django_db(transaction=False)]


def _size() -> tuple[int, int, int]:
    return SIZES[os.environ.get("PRZYSTAN_BENCH_SIZE", "tiny")]


def test_bench_search_and_payment_list(office, enable_plugin):
    persons, beneficiaries, queries = _size()
    enable_plugin(office, "serce")
    ensure_rules(office)
    t0 = time.perf_counter()
    load_persons(office.pk, persons)
    load_seconds = time.perf_counter() - t0
    assert Person.objects.filter(office=office).count() == persons

    # fragments of real names in three spellings: Cyrillic, Ukrainian Latin, Polish-style Latin
    rng = random.Random(3)
    pool = name_pool(min(20000, max(50, persons // 20)), random.Random(1))
    fragments = []
    for _i in range(queries):
        latin, native = rng.choice(pool)
        source = rng.choice((latin, native, latin.replace("sh", "sz").replace("ch", "cz").replace("v", "w")))
        start = rng.randrange(0, max(1, len(source) - 5))
        fragments.append(source[start : start + rng.choice((4, 5, 6))])
    queryset = Person.objects.filter(office=office)
    search_persons(queryset, fragments[0])  # warm-up
    timings, hits = [], 0
    for fragment in fragments:
        t = time.perf_counter()
        result = search_persons(queryset, fragment)
        timings.append((time.perf_counter() - t) * 1000)
        hits += bool(result.persons)
        for person in result.persons[:3]:
            assert search_key(fragment) in person.search_key
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"\n[serce bench] size={os.environ.get('PRZYSTAN_BENCH_SIZE', 'tiny')} persons={persons:,} "
        f"load={load_seconds:.1f}s queries={len(timings)} hits={hits} "
        f"search p50={statistics.median(timings):.1f}ms p95={p95:.1f}ms max={timings[-1]:.1f}ms"
    )
    assert hits > len(fragments) // 2

    centre = make_centre(office, "bench", capacity=beneficiaries)
    month = dt.date(2026, 11, 1)
    load_beneficiaries(centre, beneficiaries, month)
    user = get_user_model().objects.create_user(
        "bench@example.gov.pl", "bench@example.gov.pl", "x", kind="staff"
    )
    t = time.perf_counter()
    payment_list = payments.generate(office, centre, month, user)
    data_seconds = time.perf_counter() - t
    t = time.perf_counter()
    pdf = printouts.payment_list_pdf(payment_list)
    pdf_seconds = time.perf_counter() - t
    sums = payments.totals(payment_list)
    pages = len(PdfReader(__import__("io").BytesIO(pdf)).pages)
    print(
        f"[serce bench] payment list: beneficiaries={sums['persons']:,} entries={payment_list.entries.count():,} "
        f"data={data_seconds:.2f}s pdf={pdf_seconds:.2f}s ({pages} pages, {len(pdf) / 1e6:.1f} MB) "
        f"total={data_seconds + pdf_seconds:.2f}s"
    )
    assert sums["persons"] == beneficiaries
    assert sums["total"] == beneficiaries * (5000 + 3000)
