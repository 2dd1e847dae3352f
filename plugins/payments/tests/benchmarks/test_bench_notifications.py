"""Benchmark: notification handling by a real 2-process gunicorn server on PostgreSQL.

The server runs with the production settings (``przystan.settings.production``: DEBUG off, the
production middleware and logging; only HTTPS redirection is off because the benchmark speaks plain
HTTP on loopback) and persistent database connections (``DB_CONN_MAX_AGE``), as deployed.

Fires N signed notifications (10 % of them duplicates, shuffled so copies race) with many parallel
connections from a separate load-generator process (``loadgen.py``), prints notifications/s and
latency percentiles, and checks that every payment was settled exactly once (no lost and no double
settlements) and verified once (``PRZYSTAN_BENCH_LIVE_WORKER=1`` also runs a task worker process
during the burst, as in production). Then the background worker runs the queued follow-ups (receipt PDF,
the payer's e-mail, ``payment_settled`` listeners); the benchmark prints how long that took and checks that every
settlement got its receipt.

    PRZYSTAN_BENCH_SIZE=full DATABASE_URL=postgres://postgres@127.0.0.1:5432/przystan_pay \
        ./przystan test plugins/payments/tests/benchmarks -m benchmark -s -p no:cacheprovider
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest
from django.core.management import call_command
from django.db import connection

from plugins.payments.checkout import create_checkout
from plugins.payments.flow import start_online
from plugins.payments.models import Payment, PaymentStatus, Settlement
from plugins.payments.settlement import unfinished_settlements
from plugins.payments.simulator import Behaviour

from ..conftest import configure_office

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db(transaction=True)]
SIZES = {"tiny": (40, 8), "full": (1000, 100)}  # notifications, parallel connections
ROOT = Path(__file__).resolve().parents[4]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env() -> dict[str, str]:
    """The production environment of the benchmark's server (and of its optional task worker)."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "przystan.settings.production",
        "SECRET_KEY": "benchmark-only-secret-key-not-used-anywhere-else-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DB_CONN_MAX_AGE": "60",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "PYTHONPATH": f"{ROOT / 'platform'}:{ROOT}",
    }
    env.pop("PRZYSTAN_TEST", None)
    return env


def wait_for_office_caches(seconds: float = 5.0) -> None:
    """Each server process remembers offices and enabled plugins for ``OFFICE_CACHE_SECONDS`` (5 s in
    production settings): a plugin enabled from here reaches every worker after that."""
    time.sleep(seconds + 0.5)


@pytest.fixture
def gunicorn_server():
    port = free_port()
    env = server_env()
    log = tempfile.NamedTemporaryFile(prefix="bench-gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
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
        stdout=log,
        stderr=subprocess.STDOUT,
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
            pytest.fail("gunicorn did not start: " + Path(log.name).read_text()[-3000:])
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
        errors = [line for line in Path(log.name).read_text().splitlines() if " ERROR " in line]
        Path(log.name).unlink()
        assert not errors, errors[:5]


def test_bench_notifications_two_processes(office, sim, gunicorn_server):
    size = os.environ.get("PRZYSTAN_BENCH_SIZE", "tiny")
    total, parallel = SIZES[size]
    unique = total - total // 10
    configure_office(office, sim)
    wait_for_office_caches()
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

    worker = None
    if os.environ.get("PRZYSTAN_BENCH_LIVE_WORKER"):  # a task worker renders receipts during the burst
        worker = subprocess.Popen(
            [
                sys.executable,
                "platform/manage.py",
                "db_worker",
                "--queue-name",
                "default",
                "--no-startup-delay",
            ],
            cwd=ROOT,
            env=server_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    url = f"{gunicorn_server}/payments/przelewy24/notify/"
    job = json.dumps({"url": url, "payloads": payloads, "parallel": parallel})
    burst = time.perf_counter()
    loadgen = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("loadgen.py"))],
        input=job,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(loadgen.stdout)
    latencies, statuses, wall = result["latencies"], result["statuses"], result["wall"]
    ordered = sorted(latencies)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    settled = Settlement.objects.count()
    print(
        f"\n[bench payments] size={size} notifications={total} (duplicates={total - unique}) "
        f"parallel={parallel} server=gunicorn 2 workers x 8 threads, production settings, PostgreSQL\n"
        f"[bench payments] {total / wall:.1f} notifications/s, wall {wall:.2f} s, "
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {ordered[-1] * 1000:.0f} ms; settlements {settled} of {unique} payments"
    )
    assert statuses.count(200) == total, {code: statuses.count(code) for code in set(statuses)}
    assert settled == unique  # none lost, none doubled
    assert Payment.objects.filter(status=PaymentStatus.PAID).count() == unique
    assert sum(sim.verify_calls(p.session_id) for p in payments) == unique

    if worker is not None:
        for _ in range(1200):
            if not unfinished_settlements().exists():
                break
            time.sleep(0.25)
        print(
            f"[bench payments] live worker finished the follow-ups {time.perf_counter() - burst:.1f} s after the burst began"
        )
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
    left = unfinished_settlements().count()
    began = time.perf_counter()  # the background worker: receipts and listeners of every settlement
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--queue-name", "default", stdout=io.StringIO()
    )
    print(
        f"[bench payments] background worker (one, after the burst): {left} settlements' receipts, "
        f"confirmation e-mails and listener calls in {time.perf_counter() - began:.1f} s "
        "(with the other queued default-queue tasks)"
    )
    assert Payment.objects.filter(receipt_pdf__isnull=False).count() == unique
    assert Settlement.objects.filter(listeners_notified=True, payer_notified=True).count() == unique
