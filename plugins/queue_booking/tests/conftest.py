"""Fixtures of the queue_booking tests: an office with the plugin on, one service, open slots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone

from przystan.testing.plugins import build_system, entry_point, use_plugin_system

LOOSE_LIMITS = {"ip_rate": "10000/h", "identity_rate": "1000/h"}
#: The listen backlog of the live server while a test fires simultaneous requests at it.
BURST_BACKLOG = 256


@pytest.fixture
def burst_server(live_server: Any) -> Iterator[Any]:
    """The live server, ready for a burst of simultaneous connections.

    Django's test server listens with a backlog of 10 (``WSGIServer.request_queue_size``). When more
    clients connect at the same instant than the accept queue holds, the kernel drops their
    handshakes and (with SYN cookies) resets some connections: the client gets a
    ``ConnectionResetError`` instead of the answer of the code under test. Production servers
    listen with a backlog in the thousands; here the socket is given one larger than any burst.
    """
    from django.core.servers.basehttp import WSGIServer

    sock = live_server.thread.httpd.socket
    sock.listen(BURST_BACKLOG)  # listening again on a listening socket sets its backlog
    try:
        yield live_server
    finally:
        sock.listen(WSGIServer.request_queue_size)


@pytest.fixture
def booking_office(office: Any, enable_plugin: Any) -> Any:
    enable_plugin(office, "queue_booking", config=LOOSE_LIMITS)
    return office


@pytest.fixture
def service(booking_office: Any) -> Any:
    from plugins.queue_booking.models import ServicePoint, ServiceType

    point = ServicePoint.objects.create(office=booking_office, code="s1", name="Stanowisko 1")
    service_type = ServiceType.objects.create(office=booking_office, code="filing", duration_minutes=20)
    service_type.point = point
    return service_type


def make_slot(
    service_type: Any, *, capacity: int = 1, days: int = 2, hour: int = 9, released: bool = True
) -> Any:
    from plugins.queue_booking.models import ServicePoint, Slot

    point = ServicePoint.objects.filter(office=service_type.office).first()
    starts = timezone.make_aware(
        dt.datetime.combine(timezone.localdate() + dt.timedelta(days=days), dt.time(hour))
    )
    return Slot.objects.create(
        office=service_type.office,
        service_type=service_type,
        service_point=point,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=20),
        capacity=capacity,
        released_at=timezone.now() - dt.timedelta(hours=1)
        if released
        else timezone.now() + dt.timedelta(days=1),
    )


def person(number: int, **extra: Any) -> Any:
    from plugins.queue_booking.identity import Applicant, identity_hash

    document = f"AB{number:07d}"
    hashed = identity_hash("passport", document)
    return Applicant(
        full_name=f"Person {number}",
        document_kind="passport",
        identity_hash=hashed,
        person_key=hashed,
        email=f"person{number}@example.com",
        language=extra.get("language", "uk"),
    )


@pytest.fixture
def case_module(booking_office: Any, enable_plugin: Any, monkeypatch: Any) -> Iterator[dict[str, Any]]:
    """The test-only case plugin, registered and enabled for the office (answers ``case_lookup``).

    Its Django app is not in INSTALLED_APPS (the reviewed list), so the plugin system is shown its
    app config directly instead of re-populating the app registry.
    """
    from przystan.pluginsys.manager import PluginSystem

    from . import fake_cases
    from .fake_cases.apps import FakeCasesConfig
    from .fake_cases.hooks import CASES

    original = PluginSystem._app_config_for
    fake_config = FakeCasesConfig(fake_cases.__name__, fake_cases)

    def app_config_for(module: Any) -> Any:
        return fake_config if module.__name__ == fake_cases.__name__ else original(module)

    monkeypatch.setattr(PluginSystem, "_app_config_for", staticmethod(app_config_for))
    system = build_system(extra=[entry_point("fake_cases", fake_cases.__name__)])
    with use_plugin_system(system):
        enable_plugin(booking_office, "fake_cases")
        yield CASES
