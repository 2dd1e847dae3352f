"""Benchmark: a procedure page served by gunicorn with production settings, uncached vs cached vs static.

Prints requests/s and latency percentiles for: the page rendered on every request (a query string
bypasses the page cache), the page from the page cache, and a static file served by the same server
(WhiteNoise) as the ceiling. No timing assertions; behaviour (status, cache hits) is asserted.

    PRZYSTAN_BENCH_SIZE=full DATABASE_URL=postgres://postgres@127.0.0.1:5432/przystan_cms \
        ./przystan test tests/benchmarks/test_bench_portal.py -p no:cacheprovider -s
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"tiny": (150, 4), "full": (3000, 8)}  # requests per scenario, concurrent clients
PROCEDURE = "/uk/procedury/pobyt-czasowy-i-praca/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def _load(port: int, paths: list[str], clients: int) -> dict[str, float]:
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    queue = list(reversed(paths))

    def worker() -> None:
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            started = time.perf_counter()
            status, _headers, _body = _get(port, path)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses.append(status)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    assert set(statuses) == {200}, sorted(set(statuses))
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / wall,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
    }


@pytest.fixture
def production_server(office, tmp_path):
    from django.conf import settings
    from django.db import connection

    from cms_content.demo.loader import load_portal

    load_portal(
        office, procedures=["temp_work"] if os.environ.get("PRZYSTAN_BENCH_SIZE", "tiny") == "tiny" else None
    )
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "przystan.settings.production",
        "PYTHONPATH": f"{ROOT / 'platform'}{os.pathsep}{ROOT}",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": "https://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "PRZYSTAN_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{connection.settings_dict['NAME']}",
        "DB_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
    }
    python = sys.executable
    subprocess.run(
        [
            python,
            str(ROOT / "platform" / "manage.py"),
            "collectstatic",
            "--noinput",
            "-v0",
            "-i",
            "wagtail*",
            "-i",
            "rest_framework",
            "-i",
            "drf_spectacular*",
            "-i",
            "admin",
        ],
        env=env,
        check=True,
        cwd=ROOT,
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "przystan.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(port, "/uk/")[0] in (200, 301, 302):
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.3)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_bench_procedure_page_uncached_cached_static(production_server):
    from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: F401  (settings loaded)

    port = production_server
    size = os.environ.get("PRZYSTAN_BENCH_SIZE", "tiny")
    count, clients = SIZES[size]
    status, headers, body = _get(port, PROCEDURE)
    assert status == 200 and "Дозвіл на тимчасове проживання та роботу" in body.decode()
    static_path = next(
        line.split('href="')[1].split('"')[0]
        for line in body.decode().splitlines()
        if "portal" in line and 'rel="stylesheet"' in line
    )
    assert _get(port, static_path)[0] == 200
    for _ in range(clients * 2):  # warm every worker's page cache
        _get(port, PROCEDURE)
    hits = [_get(port, PROCEDURE)[1].get("X-Page-Cache") for _ in range(4)]
    assert "hit" in hits

    results = {
        "uncached page": _load(port, [f"{PROCEDURE}?r={i}" for i in range(count)], clients),
        "cached page": _load(port, [PROCEDURE] * count, clients),
        "static file": _load(port, [static_path] * count, clients),
    }
    print(
        f"\nPortal benchmark (size={size}, gunicorn 2 workers, {clients} concurrent clients, {count} requests each)"
    )
    print(f"{'scenario':<15} {'req/s':>9} {'p50 ms':>9} {'p95 ms':>9}")
    for name, r in results.items():
        print(f"{name:<15} {r['rps']:>9.1f} {r['p50_ms']:>9.1f} {r['p95_ms']:>9.1f}")
    ratio = results["cached page"]["rps"] / results["static file"]["rps"]
    print(
        f"cached / static = {ratio:.2f} (target >= 0.5); cached / uncached = "
        f"{results['cached page']['rps'] / results['uncached page']['rps']:.1f}x"
    )
