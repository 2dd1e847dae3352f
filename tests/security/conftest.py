"""Fixtures of the security tests: a real HTTP server running the production WSGI handler.

The server (``wsgiref``, one thread per request) serves ``przystan.web.stateless.PrzystanWSGIHandler``
on a port of 127.0.0.1 in ``PRZYSTAN_TEST_PORTS`` (default 8400-8449), so requests go through the
same middleware stacks as in production (including the stateless one). Tests that use it need
``django_db(transaction=True)``: every request thread has its own database connection.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from django.core.cache import cache

from przystan.testing.factories import make_user


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # keep test output readable
        pass


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


def _port_range() -> range:
    first, _dash, last = os.environ.get("PRZYSTAN_TEST_PORTS", "8400-8449").partition("-")
    return range(int(first), int(last or first) + 1)


@dataclass
class LiveServer:
    url: str


@pytest.fixture
def przystan_server(transactional_db: Any) -> Iterator[LiveServer]:
    from przystan.web.stateless import PrzystanWSGIHandler

    handler = PrzystanWSGIHandler()
    server = None
    for port in _port_range():
        try:
            server = make_server(
                "127.0.0.1", port, handler, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
            )
            break
        except OSError:
            continue
    if server is None:
        raise RuntimeError("no free port for the test server")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LiveServer(f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def clean_cache() -> Iterator[None]:
    """Rate-limit counters live in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


def free_port() -> int:
    for port in _port_range():
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in PRZYSTAN_TEST_PORTS")


@pytest.fixture
def secured_office(office: Any, enable_plugin: Any) -> Any:
    """The default office with the register, cases and booking enabled."""
    from plugins.serce.demo import ensure_rules

    enable_plugin(office, "serce")
    ensure_rules(office)
    enable_plugin(office, "legalisation")
    enable_plugin(office, "queue_booking", config={"ip_rate": "10000/h", "identity_rate": "1000/h"})
    return office


@pytest.fixture
def resident(secured_office: Any) -> Any:
    from plugins.serce.tests.factories import make_person

    return make_person(secured_office)


@pytest.fixture
def applicant(db: Any) -> Any:
    return make_user("olena@example.com", kind="foreigner", preferred_language="uk")


@pytest.fixture
def case(secured_office: Any, applicant: Any) -> Any:
    from plugins.legalisation.tests.conftest import submitted_case

    found, _pin = submitted_case(secured_office, applicant)
    return found


@pytest.fixture
def supervisor(secured_office: Any) -> Any:
    """A staff member who sees every case and every register person of the office."""
    return make_user(
        "boss@uw.example.gov.pl", kind="staff", roles=("supervisor", "officer"), office=secured_office
    )


@pytest.fixture(scope="session")
def var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PRZYSTAN_VAR_DIR with collected static files, shared by the servers of the session."""
    from .live import collect_static

    path = tmp_path_factory.mktemp("security-var")
    collect_static(path)
    return path
