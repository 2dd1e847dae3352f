"""The payment flow end to end over HTTP: checkout, register, notification, verify, settlement."""

from __future__ import annotations

import io
import logging

import pytest
from pypdf import PdfReader

from plugins.payments.checkout import create_checkout
from plugins.payments.models import GatewayEvent, Payment, PaymentStatus, Settlement
from plugins.payments.reconciliation import reconcile_pending
from plugins.payments.settlement import finish_settlement
from plugins.payments.simulator import Behaviour

from .conftest import old_form_token, start_payment

pytestmark = pytest.mark.django_db


def run_finish_tasks():
    """Run the queued ``finish_settlement_task`` rows like the worker would; returns their arguments."""
    from django_tasks_db.models import DBTaskResult

    from plugins.payments.tasks import finish_settlement_task

    ran = []
    for row in DBTaskResult.objects.filter(task_path=finish_settlement_task.module_path, status="READY"):
        [settlement_id] = row.args_kwargs["args"]
        assert finish_settlement_task.call(settlement_id) == "done"
        DBTaskResult.objects.filter(pk=row.pk).update(status="SUCCESSFUL")
        ran.append(settlement_id)
    return ran


def notify(client, payload):
    return client.post("/payments/przelewy24/notify/", data=payload, content_type="application/json")


def new_checkout(office, codes=("stamp_temp_work", "card_issue"), **kw):
    kw.setdefault("payer_email", "ivan@example.com")
    kw.setdefault("language", "ru")
    return create_checkout(office, list(codes), **kw)


def registered(client, sim, office, **kw):
    checkout = new_checkout(office, **kw)
    payment = checkout.payments.get(payee="stamp_duty")
    url = start_payment(client, checkout, payment)
    assert url.startswith(sim.base_url + "/trnRequest/")
    return checkout, payment


def test_two_payees_two_payments_amounts_from_catalogue(pay_office):
    checkout = new_checkout(pay_office)
    stamp, card = checkout.payments.get(payee="stamp_duty"), checkout.payments.get(payee="office")
    assert (stamp.amount_grosze, card.amount_grosze) == (44000, 10000)
    assert stamp.payee_iban == "PL21103015080000000550000070" and card.payee_iban.endswith("19812874")


def test_pay_form_creates_checkout_with_server_side_amounts(client, pay_office, case_plugin):
    response = client.post(
        "/payments/",
        {
            "fees": ["stamp_temp_work", "card_issue"],
            "email": "ivan@example.com",
            "name": "Ivan",
            "case_reference": "WSC-II/123/2026",
            "case_pin": "4321",
            "form_token": old_form_token(),
            "amount": "1",  # a forged amount field is simply ignored
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    payment = Payment.objects.get(payee="stamp_duty")
    assert payment.amount_grosze == 44000 and payment.checkout.case_reference == "WSC-II/123/2026"


def test_pay_form_rejects_unknown_case_and_keeps_input(client, pay_office, case_plugin):
    response = client.post(
        "/payments/",
        {
            "fees": ["stamp_temp_work"],
            "email": "ivan@example.com",
            "case_reference": "NOPE/1",
            "case_pin": "1",
            "form_token": old_form_token(),
        },
    )
    assert response.status_code == 200
    assert "NOPE/1" in response.content.decode() and not Payment.objects.exists()


def test_registration_is_signed_and_uses_closest_language(client, sim, pay_office):
    checkout, payment = registered(client, sim, pay_office)
    body = sim.by_session[payment.session_id].body
    assert body["amount"] == 44000 and body["language"] == "en"
    page = client.get(f"/payments/checkout/{checkout.token}/", HTTP_ACCEPT_LANGUAGE="ru")
    assert 'data-testid="language-note"' in page.content.decode()


def test_tampered_signature_rejected_and_logged(client, sim, pay_office, caplog):
    _checkout, payment = registered(client, sim, pay_office)
    sim.pay(payment.session_id, Behaviour(notify=False))
    payload = sim.notification_for(sim.by_session[payment.session_id])
    payload["sign"] = "0" * 96
    with caplog.at_level(logging.WARNING):
        response = notify(client, payload)
    assert response.status_code == 400
    assert GatewayEvent.objects.filter(outcome="bad_signature").count() == 1
    assert "bad_signature" in caplog.text
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING and sim.verify_calls(payment.session_id) == 0


def test_amount_mismatch_is_not_verified(client, sim, pay_office):
    _checkout, payment = registered(client, sim, pay_office)
    sim.pay(payment.session_id, Behaviour(notify=False))
    payload = sim.notification_for(sim.by_session[payment.session_id], amount_delta=-100)  # validly signed
    response = notify(client, payload)
    assert response.status_code == 400
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert sim.verify_calls(payment.session_id) == 0
    assert GatewayEvent.objects.filter(outcome="amount_mismatch").exists()


def test_duplicate_notification_settles_once(client, sim, pay_office, case_plugin):
    _checkout, payment = registered(client, sim, pay_office, case_reference="WSC-II/123/2026")
    sim.pay(payment.session_id, Behaviour(notify=False))
    payload = sim.notification_for(sim.by_session[payment.session_id])
    assert [notify(client, payload).status_code for _ in range(3)] == [200, 200, 200]
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert Settlement.objects.filter(payment=payment).count() == 1
    assert sim.verify_calls(payment.session_id) == 1
    # the receipt and the listeners follow in one background task, enqueued with the settlement
    assert payment.receipt_pdf is None and case_plugin.settled == []
    [settlement_id] = run_finish_tasks()
    assert settlement_id == Settlement.objects.get(payment=payment).pk
    payment.refresh_from_db()
    assert payment.receipt_pdf and Settlement.objects.get(payment=payment).listeners_notified
    assert run_finish_tasks() == []  # nothing more queued; running it again changes nothing
    assert finish_settlement(settlement_id) == "done" and len(case_plugin.settled) == 1
    settled = case_plugin.settled[0]
    assert settled["case_reference"] == "WSC-II/123/2026" and settled["fee_codes"] == ["stamp_temp_work"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(settled["receipt_pdf"])).pages)
    assert payment.reference in text and "440" in text
    assert "Квитанция об оплате" in text  # the payer's language (Russian)
    from przystan.notifications.models import OutboundMessage

    [mail] = OutboundMessage.objects.filter(type="payments.settled")
    assert mail.recipient == "ivan@example.com" and mail.language == "ru"
    assert payment.reference in mail.subject and "440,00" in mail.body
    assert f"/payments/checkout/{payment.checkout.token}/{payment.reference}/receipt/" in mail.body


def test_return_without_notification_pending_then_reconciled(client, sim, pay_office):
    checkout, payment = registered(client, sim, pay_office)
    sim.pay(payment.session_id, Behaviour(notify=False))
    page = client.get(f"/payments/przelewy24/return/{checkout.token}/{payment.reference}/")
    assert page.status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert client.get(
        f"/payments/przelewy24/return/{checkout.token}/{payment.reference}/?format=json"
    ).json() == {"status": "pending"}
    import datetime

    counts = reconcile_pending(grace=datetime.timedelta(0))
    assert counts["settled"] == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.settlement.source == "reconciliation"
    assert sim.verify_calls(payment.session_id) == 1
    assert reconcile_pending(grace=datetime.timedelta(0))["settled"] == 0  # nothing more to do


def test_unpaid_pending_payment_expires(client, sim, pay_office):
    import datetime

    _checkout, payment = registered(client, sim, pay_office)
    counts = reconcile_pending(grace=datetime.timedelta(0), expire_after=datetime.timedelta(0))
    assert counts["expired"] == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.EXPIRED


def test_notification_for_other_office_is_unknown(client, sim, pay_office, other_office):
    from .conftest import configure_office

    configure_office(other_office, sim)
    _checkout, payment = registered(client, sim, pay_office)
    sim.pay(payment.session_id, Behaviour(notify=False))
    payload = sim.notification_for(sim.by_session[payment.session_id])
    response = client.post(
        "/payments/przelewy24/notify/",
        data=payload,
        content_type="application/json",
        HTTP_HOST="drugi.testserver",
    )
    assert response.status_code == 404
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING


def test_notification_source_ip_filter(client, sim, office):
    from .conftest import configure_office

    configure_office(office, sim, notification_ips=["5.252.202.254/32"])
    response = client.post("/payments/przelewy24/notify/", data={}, content_type="application/json")
    assert response.status_code == 403
    assert GatewayEvent.objects.filter(outcome="forbidden_source").exists()


def test_notification_allowlist_uses_the_platform_client_ip_policy(client, sim, office, settings):
    """Behind a declared proxy the gateway's address is read from X-Forwarded-For; a forged header
    from anywhere else does not pass the allowlist (przystan.web.client_ip)."""
    from .conftest import configure_office

    configure_office(office, sim, notification_ips=["5.252.202.254/32"])
    settings.PRZYSTAN_TRUSTED_PROXIES, settings.PRZYSTAN_TRUSTED_PROXY_COUNT = ["10.0.0.0/24"], 0
    url = "/payments/przelewy24/notify/"
    via_proxy = client.post(
        url,
        data={},
        content_type="application/json",
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="5.252.202.254",
    )
    forged = client.post(
        url,
        data={},
        content_type="application/json",
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="5.252.202.254",
    )
    forged_through_proxy = client.post(
        url,
        data={},
        content_type="application/json",
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="5.252.202.254, 203.0.113.9",
    )
    assert via_proxy.status_code != 403
    assert forged.status_code == 403 and forged_through_proxy.status_code == 403
