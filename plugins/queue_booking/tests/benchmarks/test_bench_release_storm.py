"""Release storm: slots open at one moment while many clients book through real HTTP.

A production-settings gunicorn server (2 worker processes, threads; the configuration recommended in
the plugin's README) runs against the test PostgreSQL database; the clients run in their own process
(``storm_clients.py``: asyncio, one keep-alive connection per client). At the release moment every
client fetches the availability, picks a random free slot and books it; on 409 (slot gone) it fetches
again, until nothing is left. Run twice: clients that insist on the slot they picked (``if_taken=fail``)
and clients that accept the nearest free time of that day (``if_taken=nearest``, the public form's
default), which the database hands out without bookers waiting for one another. Printed: bookings/s, latency
percentiles of the booking requests, errors (5xx / connection failures), and the raw psycopg INSERT
rate of the same booking rows as the ceiling. Asserted: exactly one booking per place, never more.

    PRZYSTAN_BENCH_SIZE=full DATABASE_URL=postgres://postgres@127.0.0.1:5432/przystan_booking \\
        ./przystan test plugins/queue_booking/tests/benchmarks -m benchmark -s -p no:cacheprovider
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db(transaction=True)]

SIZES = {
    "tiny": {"slots": 10, "clients": 30, "raw_rows": 200},
    "full": {"slots": 200, "clients": 500, "raw_rows": 4000},
}
ROOT = Path(__file__).resolve().parents[4]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str:
    settings = connection.settings_dict
    user = settings.get("USER") or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


WORKERS = int(os.environ.get("PRZYSTAN_BENCH_WORKERS", "2"))  # the issue asks for 2+ worker processes
THREADS = int(os.environ.get("PRZYSTAN_BENCH_THREADS", "8"))


def _start_server(port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "przystan.settings.production",
        "DATABASE_URL": _database_url(),
        "DB_CONN_MAX_AGE": "60",
        "SECRET_KEY": "bench-" + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "PYTHONPATH": f"{ROOT / 'platform'}:{ROOT}",
    }
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "przystan.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=gthread",
        f"--threads={THREADS}",
        "--keep-alive=5",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            status, _body = _request(port, "GET", "/api/booking/availability/?service=filing")
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def _request(port: int, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"Content-Type": "application/json", "Host": "127.0.0.1"}
        conn.request(method, path, body=json.dumps(body) if body else None, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _server_cpu_seconds(server: subprocess.Popen) -> float:
    """CPU seconds (user + system) used so far by the gunicorn workers (Linux /proc; else NaN)."""
    total, tick = 0.0, os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == server.pid:
                total += (int(fields[11]) + int(fields[12])) / tick
    except OSError:
        return float("nan")
    return total


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else float("nan")


def _raw_insert_rate(rows: int, threads: int, template: dict) -> float:
    """Rows/s of plain INSERTs of booking rows through psycopg (autocommit, one row per transaction).

    Every thread connects first; the clock runs from the moment all are connected to the last INSERT
    (connecting is not inserting: timed with it, 200 rows measured a third to a half of the rate).
    """
    url = _database_url()
    columns = list(template)
    sql = f"INSERT INTO queue_booking_booking ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    per_thread = rows // threads
    connected = threading.Barrier(threads + 1)

    def insert(index: int) -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            connected.wait(timeout=60)  # a thread that cannot connect breaks the barrier for all
            for n in range(per_thread):
                values = {**template, "reference": f"R{index:02d}{n:05d}", "person_key": f"raw-{index}-{n}"}
                conn.execute(sql, [values[c] for c in columns])

    with ThreadPoolExecutor(threads) as pool:
        done = [pool.submit(insert, index) for index in range(threads)]
        connected.wait(timeout=60)
        begin = time.perf_counter()
        for future in done:
            future.result()
        elapsed = time.perf_counter() - begin
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DELETE FROM queue_booking_booking WHERE person_key LIKE 'raw-%%'")
    return per_thread * threads / elapsed


WORKLOADS = {
    "fail": "each client books the slot it picked (409 slot_gone if taken)",
    "nearest": "each client books the slot it picked or the nearest free time that day (if_taken=nearest)",
}


@pytest.mark.parametrize("if_taken", list(WORKLOADS))
def test_release_storm(booking_office, service, if_taken):
    from plugins.queue_booking.models import Booking, ServicePoint, Slot

    size = SIZES[os.environ.get("PRZYSTAN_BENCH_SIZE", "tiny")]
    point = ServicePoint.objects.get(office=booking_office)
    day = timezone.localdate() + dt.timedelta(days=7)
    release = timezone.now() + dt.timedelta(seconds=15 if size["clients"] > 100 else 6)
    Slot.objects.bulk_create(
        Slot(
            office=booking_office,
            service_type=service,
            service_point=point,
            # one day (07:00-20:20): the nearest free time is looked for on the day picked
            starts_at=timezone.make_aware(dt.datetime.combine(day, dt.time(7))) + dt.timedelta(minutes=4 * n),
            ends_at=timezone.make_aware(dt.datetime.combine(day, dt.time(7)))
            + dt.timedelta(minutes=4 * (n + 1)),
            capacity=1,
            released_at=release,
        )
        for n in range(size["slots"])
    )
    port = _free_port()
    server = _start_server(port, workers=WORKERS)
    with ThreadPoolExecutor(16) as pool:  # warm up every worker thread before the release
        list(
            pool.map(lambda _n: _request(port, "GET", "/api/booking/availability/?service=filing"), range(64))
        )
    config = {
        "port": port,
        "clients": size["clients"],
        "release_at": release.timestamp(),
        "service": "filing",
        "if_taken": if_taken,
    }
    cpu_before = _server_cpu_seconds(server)
    try:
        generator = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("storm_clients.py")), json.dumps(config)],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        server_cpu = _server_cpu_seconds(server) - cpu_before
    finally:
        server.terminate()
        server.wait(timeout=30)
    outcomes = json.loads(generator.stdout.strip().splitlines()[-1])
    latencies = outcomes["latencies"]
    successes = outcomes["successes"]
    after_release = sorted(moment - outcomes["started_at"] for moment in successes) or [float("nan")]
    # the server's clock: when each booking was written (a client reads its answers late when the
    # load generator is short of CPU, bunching them up — its clock would flatter the rate)
    written = sorted(
        moment.timestamp()
        for moment in Booking.objects.filter(service_type=service).values_list("created_at", flat=True)
    )
    duration = (written[-1] - written[0]) if len(written) > 1 else float("nan")
    release_to_last = written[-1] - release.timestamp() if written else float("nan")
    booked_rows = Booking.objects.filter(service_type=service).count()
    overbooked = Slot.objects.filter(service_type=service, booked__gt=1).count()
    template = {
        "office_id": booking_office.pk,
        "reference": "",
        "slot_id": Slot.objects.filter(service_type=service).first().pk,
        "service_type_id": service.pk,
        "status": "served",
        "source": "online",
        "person_key": "",
        "identity_hash": "0" * 64,
        "document_kind": "passport",
        "case_reference": "",
        "full_name": "Raw Insert",
        "email": "",
        "phone": "",
        "language": "pl",
        "created_at": timezone.now(),
        "ticket_number": "",
        "priority": False,
    }
    raw_rate = _raw_insert_rate(size["raw_rows"], 8, template)
    app_rate = outcomes["booked"] / duration if duration == duration and duration > 0 else float("nan")
    print(
        f"\n[release storm, size={os.environ.get('PRZYSTAN_BENCH_SIZE', 'tiny')}, if_taken={if_taken}: "
        f"{WORKLOADS[if_taken]}] slots={size['slots']} "
        f"clients={size['clients']} gunicorn {WORKERS} workers x {THREADS} threads, production settings, "
        "PostgreSQL; clients: asyncio keep-alive HTTP/1.1 in a separate process\n"
        f"  booked={outcomes['booked']} slot_gone_409={outcomes['gone']} errors={outcomes['errors']} "
        f"gave_up_no_slots={outcomes['gave_up']}\n"
        f"  bookings/s={app_rate:.1f} (first to last booking written {duration:.2f} s, server clock; "
        f"release to last booking {release_to_last:.2f} s: {outcomes['booked'] / release_to_last:.1f}/s)\n"
        f"  POST latency p50={_percentile(latencies, 0.5) * 1000:.0f} ms p95={_percentile(latencies, 0.95) * 1000:.0f} ms "
        f"p99={_percentile(latencies, 0.99) * 1000:.0f} ms over {len(latencies)} requests\n"
        f"  answers received by clients after the storm began: first {after_release[0]:.2f} s, half {_percentile(after_release, 0.5):.2f} s, "
        f"last {after_release[-1]:.2f} s; CPU used: server workers {server_cpu:.1f} s, "
        f"load generator {outcomes['cpu_seconds']:.1f} s\n"
        f"  raw psycopg INSERT ceiling={raw_rate:.0f} rows/s ({size['raw_rows']} rows, 8 connections, "
        f"timed once connected); app/raw ratio={app_rate / raw_rate:.1%}"
    )
    assert overbooked == 0
    assert booked_rows == outcomes["booked"] == size["slots"]
    assert outcomes["errors"] == 0
