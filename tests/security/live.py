"""Real servers for the security tests: gunicorn with production settings, a header-setting reverse proxy,
and an HTTP client that connects from a chosen loopback address (127.0.0.0/8 is all loopback on Linux).

Ports come from ``PRZYSTAN_TEST_PORTS`` (``"8350-8399"``) when set, else the system picks a free one.
"""

from __future__ import annotations

import http.client
import http.server
import itertools
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
REDIS = ("127.0.0.1", 6379)
_next_port = itertools.count()


def redis_running() -> bool:
    try:
        socket.create_connection(REDIS, timeout=1).close()
        return True
    except OSError:
        return False


def free_port() -> int:
    span = os.environ.get("PRZYSTAN_TEST_PORTS", "")
    if span:
        low, high = (int(part) for part in span.split("-"))
        for _ in range(high - low + 1):
            port = low + next(_next_port) % (high - low + 1)
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
        raise RuntimeError(f"no free port in {span}")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str] = field(default_factory=dict)

    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def request(
    port: int,
    method: str,
    path: str,
    *,
    source: str = "127.0.0.1",
    form: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    cookies: dict[str, str] | None = None,
) -> Answer:
    """One HTTP request to 127.0.0.1:``port`` from the loopback address ``source``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    sent = {"Host": "127.0.0.1", **(headers or {})}
    body = None
    if form is not None:
        body = urlencode(form).encode()
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    if cookies:
        sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        jar = SimpleCookie()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                jar.load(value)
        return Answer(
            response.status,
            dict(response.getheaders()),
            response.read(),
            {k: morsel.value for k, morsel in jar.items()},
        )
    finally:
        conn.close()


def database_url() -> str:
    from django.conf import settings
    from django.db import connection

    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{connection.settings_dict['NAME']}"


def production_env(var_dir: Path, **overrides: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "przystan.settings.production",
        "PYTHONPATH": f"{ROOT / 'platform'}{os.pathsep}{ROOT}",
        "SECRET_KEY": "security-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "PRZYSTAN_VAR_DIR": str(var_dir),
        "DATABASE_URL": database_url() if "DATABASE_URL" not in overrides else overrides["DATABASE_URL"],
        "OFFICE_CACHE_SECONDS": "0",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "CACHE_KEY_PREFIX": f"sectest-{uuid.uuid4().hex}",
        "LOG_LEVEL": "WARNING",
        **overrides,
    }


def collect_static(var_dir: Path) -> None:
    """``collectstatic`` into ``var_dir`` (production settings need the manifest to render pages)."""
    ignored = ["wagtail*", "rest_framework", "drf_spectacular*", "admin"]
    subprocess.run(
        [sys.executable, str(ROOT / "platform" / "manage.py"), "collectstatic", "--noinput", "-v0"]
        + [arg for name in ignored for arg in ("-i", name)],
        env={**production_env(var_dir), "DATABASE_URL": "sqlite:///:memory:"},
        check=True,
        cwd=ROOT,
    )


@contextmanager
def gunicorn(var_dir: Path, workers: int = 2, **env_overrides: str) -> Iterator[int]:
    """The application under production settings in ``workers`` processes sharing a Redis cache.

    ``var_dir`` holds the collected static files (:func:`collect_static`)."""
    port = free_port()
    env = production_env(var_dir, PRZYSTAN_PROCESSES=str(workers), **env_overrides)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "przystan.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if request(port, "GET", "/accounts/login/").status in (200, 301, 302):
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.3)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    """Forwards to the upstream port and appends the peer address to ``X-Forwarded-For`` (as nginx's
    ``$proxy_add_x_forwarded_for``); hop-by-hop headers are not passed on."""

    upstream: int = 0
    protocol_version = "HTTP/1.1"

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {
            k: v for k, v in self.headers.items() if k.lower() not in {"connection", "x-forwarded-for"}
        }
        previous = self.headers.get("X-Forwarded-For")
        peer = self.client_address[0]
        headers["X-Forwarded-For"] = f"{previous}, {peer}" if previous else peer
        conn = http.client.HTTPConnection("127.0.0.1", self.upstream, timeout=30)
        try:
            conn.request(self.command, self.path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            self.send_response(response.status)
            for name, value in response.getheaders():
                if name.lower() not in {"connection", "transfer-encoding", "content-length"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)
        finally:
            conn.close()

    do_GET = do_POST = _forward

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


@contextmanager
def reverse_proxy(upstream: int) -> Iterator[int]:
    """A reverse proxy on 127.0.0.1 (its own port) in front of ``upstream``."""
    handler = type("Handler", (_ProxyHandler,), {"upstream": upstream})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
