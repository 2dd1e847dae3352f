"""Fixtures: the loopback P24 simulator and an office whose payments go through it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from plugins.payments.simulator import Merchant, P24Simulator

MERCHANT = Merchant(merchant_id=123456, pos_id=123456, crc="crc-ąę-test-key", api_key="api-test-key-9f8e")


@pytest.fixture
def sim() -> Iterator[P24Simulator]:
    simulator = P24Simulator().start()
    simulator.add_merchant(MERCHANT)
    try:
        yield simulator
    finally:
        simulator.stop()


def configure_office(office: Any, sim: P24Simulator, **extra: Any) -> Any:
    from plugins.payments.defaults import install_standard_fees
    from plugins.payments.models import GatewayCredentials
    from przystan.offices.enablement import set_enabled

    set_enabled(
        office,
        "payments",
        True,
        {
            "provider": "przelewy24",
            "sandbox": True,
            "merchant_id": MERCHANT.merchant_id,
            "pos_id": MERCHANT.pos_id,
            "api_url": sim.base_url,
            **extra,
        },
    )
    GatewayCredentials.objects.update_or_create(
        office=office, provider="przelewy24", defaults={"crc_key": MERCHANT.crc, "api_key": MERCHANT.api_key}
    )
    install_standard_fees(office)
    return office


@pytest.fixture
def pay_office(office: Any, sim: P24Simulator) -> Any:
    return configure_office(office, sim)


def start_payment(client: Any, checkout: Any, payment: Any) -> str:
    """POST the "pay online" button like a browser; returns the gateway URL we were sent to."""
    response = client.post(f"/payments/przelewy24/start/{checkout.token}/{payment.reference}/")
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def old_form_token() -> str:
    from przystan.accounts.antispam import issue_form_token

    return issue_form_token(time.time() - 30)


class FakeCasePlugin:
    """Stands in for the case plugin: answers case_lookup and records payment_settled calls."""

    def __init__(self) -> None:
        self.settled: list[dict[str, Any]] = []

    from przystan.pluginsys.markers import hookimpl as _hookimpl

    @_hookimpl
    def payment_settled(self, office: Any, payment: dict[str, Any]) -> None:
        self.settled.append(payment)

    @_hookimpl
    def case_lookup(self, office: Any, reference: str, secret: str | None) -> dict[str, Any] | None:
        if reference == "WSC-II/123/2026" and secret in (None, "4321"):
            return {
                "reference": reference,
                "person_name": "Ivan Petrov",
                "person_key": "k",
                "application_type": "temp_work",
                "stage": "filed",
                "live": True,
            }
        return None


@pytest.fixture
def case_plugin() -> Iterator[FakeCasePlugin]:
    from przystan.pluginsys.manager import get_plugin_system

    plugin = FakeCasePlugin()
    pm = get_plugin_system().pm
    pm.register(plugin, name="fake-case-plugin")
    try:
        yield plugin
    finally:
        pm.unregister(plugin)


@pytest.fixture
def burst_server(live_server: Any) -> Iterator[Any]:
    """The live server with a listen backlog larger than a test's burst of simultaneous requests.

    Django's test server listens with a backlog of 10: more connections at the same instant overflow
    the accept queue and the kernel resets some (``ConnectionResetError``) before any view runs.
    """
    from django.core.servers.basehttp import WSGIServer

    sock = live_server.thread.httpd.socket
    sock.listen(256)  # listening again on a listening socket sets its backlog
    try:
        yield live_server
    finally:
        sock.listen(WSGIServer.request_queue_size)
