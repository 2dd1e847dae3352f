"""Real HTTP against a live server: notification before the return page; concurrent duplicates."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from plugins.payments.checkout import create_checkout
from plugins.payments.flow import start_online
from plugins.payments.models import Payment, PaymentStatus, Settlement
from plugins.payments.simulator import Behaviour

from .conftest import configure_office

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live_office(office, sim, live_server):
    configure_office(office, sim)
    return office


def registered_payment(office, live_server):
    checkout = create_checkout(office, ["stamp_permanent"], payer_email="a@example.com", language="pl")
    payment = checkout.payments.get()
    gateway_url = start_online(payment, site_url=live_server.url)
    return checkout, Payment.objects.get(pk=payment.pk), gateway_url


def test_notification_arrives_before_the_payer_returns(live_office, sim, live_server):
    checkout, payment, gateway_url = registered_payment(live_office, live_server)
    with httpx.Client() as browser:
        page = browser.get(gateway_url)
        assert page.status_code == 200 and "640,00 PLN" in page.text
        answer = browser.post(gateway_url + "/pay")  # the simulator notifies us, then redirects the payer
        assert answer.status_code == 303
        assert sim.sent_notifications == [(payment.session_id, 200)]
        back = browser.get(answer.headers["location"])
    assert back.status_code == 200
    assert 'data-status="paid"' in back.text
    assert Settlement.objects.filter(payment=payment).count() == 1


def test_delayed_notification_page_is_pending_first(live_office, sim, live_server):
    checkout, payment, gateway_url = registered_payment(live_office, live_server)
    sim.behaviour = Behaviour(delay=0.5, duplicates=1, wrong_signature_first=True)
    with httpx.Client() as browser:
        answer = browser.post(gateway_url + "/pay")
        back = browser.get(answer.headers["location"])
        assert 'data-status="pending"' in back.text  # truthful: not "failed"
        for _ in range(50):
            if len(sim.sent_notifications) >= 3:
                break
            threading.Event().wait(0.1)
        status = browser.get(answer.headers["location"] + "?format=json").json()["status"]
    assert [code for _session, code in sim.sent_notifications] == [400, 200, 200]
    assert status == "paid"
    assert Settlement.objects.filter(payment=payment).count() == 1


def test_concurrent_duplicate_notifications_settle_exactly_once(live_office, sim, burst_server):
    live_server = burst_server  # 16 simultaneous connections: more than Django's backlog of 10
    _checkout, payment, _url = registered_payment(live_office, live_server)
    sim.pay(payment.session_id, Behaviour(notify=False))
    payload = sim.notification_for(sim.by_session[payment.session_id])
    copies = 16
    barrier = threading.Barrier(copies)
    url = f"{live_server.url}/payments/przelewy24/notify/"

    def send(_n: int) -> int:
        with httpx.Client(timeout=30) as http:
            barrier.wait()
            return http.post(url, json=payload).status_code

    with ThreadPoolExecutor(copies) as pool:
        statuses = list(pool.map(send, range(copies)))
    assert statuses == [200] * copies
    assert Settlement.objects.filter(payment=payment).count() == 1
    assert sim.verify_calls(payment.session_id) == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
