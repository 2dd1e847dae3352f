"""Benchmark: notification handling by a real 2-process gunicorn server on PostgreSQL.

Fires N signed notifications (10 % of them duplicates, shuffled so copies race) with many parallel
connections, prints notifications/s and latency percentiles, and checks that every payment was
settled exactly once (no lost and no double settlements).

    PRZYSTAN_BENCH_SIZE=full DATABASE_URL=postgres://postgres@127.0.0.1:5432/przystan_pay \
        ./przystan test plugins/payments/tests/benchmarks -m benchmark -s -p no:cacheprovider
"""

from __future__ import annotations

import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from django.db import connection

from plugins.payments.checkout import create_checkout
from plugins.payments.flow import start_online
from plugins.payments.models import Payment, PaymentStatus, Settlement
from plugins.payments.simulator import Behaviour

from ..conftest import configure_office

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db(transaction=True)]
SIZES = {"tiny": (40, 8), "full": (1000, 100)}  # notifications, parallel connections
ROOT = Path(__file__).resolve().parents[4]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def gunicorn_server():
    port = free_port()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "przystan.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "PYTHONPATH": f"{ROOT / 'platform'}:{ROOT}",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "przystan.wsgi:application",
            "--workers",
            "2",
            "--worker-class",
            "gthread",
            "--threads",
            "8",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{url}/payments/przelewy24/notify/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_bench_notifications_two_processes(office, sim, gunicorn_server):
    size = os.environ.get("PRZYSTAN_BENCH_SIZE", "tiny")
    total, parallel = SIZES[size]
    unique = total - total // 10
    configure_office(office, sim)
    payments = []
    for n in range(unique):
        checkout = create_checkout(
            office, ["stamp_certificate"], payer_email=f"p{n}@example.com", language="pl"
        )
        payment = checkout.payments.get()
        start_online(payment, site_url=gunicorn_server)
        sim.pay(payment.session_id, Behaviour(notify=False))
        payments.append(payment)
    payloads = [sim.notification_for(sim.by_session[p.session_id]) for p in payments]
    payloads += random.Random(6).sample(payloads, total - unique)  # 10 % duplicates
    random.Random(7).shuffle(payloads)

    url = f"{gunicorn_server}/payments/przelewy24/notify/"
    latencies: list[float] = []
    statuses: list[int] = []

    def send(index: int) -> None:
        began = time.perf_counter()  # a fresh connection per notification, as a gateway sends them
        response = httpx.post(url, json=payloads[index], timeout=120)
        latencies.append(time.perf_counter() - began)
        statuses.append(response.status_code)

    began = time.perf_counter()
    with ThreadPoolExecutor(parallel) as pool:
        list(pool.map(send, range(total)))
    wall = time.perf_counter() - began

    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(
        f"\n[bench payments] size={size} notifications={total} (duplicates={total - unique}) "
        f"parallel={parallel} server=gunicorn 2 workers x 8 threads, PostgreSQL\n"
        f"[bench payments] {total / wall:.1f} notifications/s, wall {wall:.2f} s, "
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
    )
    assert statuses.count(200) == total, {code: statuses.count(code) for code in set(statuses)}
    assert Settlement.objects.count() == unique  # none lost, none doubled
    assert Payment.objects.filter(status=PaymentStatus.PAID).count() == unique
    assert sum(sim.verify_calls(p.session_id) for p in payments) == unique
