"""The reconciliation job through django-tasks' database worker and the management command; demo data."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from plugins.payments.checkout import create_checkout
from plugins.payments.defaults import STANDARD_FEES
from plugins.payments.flow import start_online
from plugins.payments.models import Checkout, Fee, Payment, PaymentStatus, Settlement
from plugins.payments.simulator import Behaviour


def pending_paid_at_gateway(office, sim):
    checkout = create_checkout(office, ["stamp_certificate"], payer_email="a@example.com", language="pl")
    payment = checkout.payments.get()
    start_online(payment, site_url="http://testserver")
    sim.pay(payment.session_id, Behaviour(notify=False))  # the notification is lost
    payment.refresh_from_db()
    return payment


@pytest.mark.django_db(transaction=True)  # the worker manages its own connection
def test_reconciliation_task_runs_in_the_db_worker(pay_office, sim):
    from plugins.payments.tasks import reconcile_pending_payments

    payment = pending_paid_at_gateway(pay_office, sim)
    Payment.objects.filter(pk=payment.pk).update(registered_at=payment.registered_at.replace(year=2025))
    result = reconcile_pending_payments.enqueue()
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--queue-name", "default", stdout=io.StringIO()
    )
    result.refresh()
    assert result.return_value["settled"] == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert Settlement.objects.get(payment=payment).source == "reconciliation"


def notified(client, office, sim):
    """A payment paid at the gateway and notified to us (settled, receipt and listeners still queued)."""
    payment = pending_paid_at_gateway(office, sim)
    payload = sim.notification_for(sim.by_session[payment.session_id])
    response = client.post("/payments/przelewy24/notify/", data=payload, content_type="application/json")
    assert response.status_code == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.receipt_pdf is None
    return payment


def payment_mails() -> int:
    from przystan.notifications.models import OutboundMessage

    return OutboundMessage.objects.filter(type="payments.settled").count()


def run_worker() -> None:
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--queue-name", "default", stdout=io.StringIO()
    )


@pytest.mark.django_db(transaction=True)  # the worker manages its own connection
def test_receipt_and_listeners_follow_in_the_db_worker(client, pay_office, sim, case_plugin):
    payment = notified(client, pay_office, sim)
    assert case_plugin.settled == []
    run_worker()
    payment.refresh_from_db()
    settlement = Settlement.objects.get(payment=payment)
    assert settlement.listeners_notified and bytes(payment.receipt_pdf).startswith(b"%PDF")
    assert [p["reference"] for p in case_plugin.settled] == [payment.reference]
    assert bytes(case_plugin.settled[0]["receipt_pdf"]) == bytes(payment.receipt_pdf)
    assert settlement.payer_notified and payment_mails() == 1
    from plugins.payments.settlement import finish_pending, finish_settlement

    assert finish_settlement(settlement.pk) == "done" and finish_pending() == 0  # nothing twice
    assert payment_mails() == 1 and len(case_plugin.settled) == 1


@pytest.mark.django_db(transaction=True)
def test_failed_follow_up_is_retried_by_reconciliation(client, pay_office, sim, case_plugin, monkeypatch):
    import datetime

    from django_tasks_db.models import DBTaskResult

    from plugins.payments import receipts
    from plugins.payments.reconciliation import reconcile_pending

    def broken(*args, **kwargs):
        raise RuntimeError("renderer down")

    payment = notified(client, pay_office, sim)
    monkeypatch.setattr(receipts, "render_receipt", broken)
    run_worker()
    assert DBTaskResult.objects.failed().count() == 1  # visible as a failed task
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.receipt_pdf is None  # the money stays settled
    assert case_plugin.settled == [] and payment_mails() == 0
    monkeypatch.undo()
    counts = reconcile_pending(grace=datetime.timedelta(0))
    assert counts["settlements_finished"] == 1
    payment.refresh_from_db()
    assert payment.receipt_pdf and len(case_plugin.settled) == 1 and payment_mails() == 1
    assert reconcile_pending(grace=datetime.timedelta(0))["settlements_finished"] == 0


@pytest.mark.django_db(transaction=True)
def test_follow_up_of_a_crashed_worker_is_resumed(client, pay_office, sim, case_plugin):
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from plugins.payments.tasks import reconcile_pending_payments

    payment = notified(client, pay_office, sim)
    # a worker claimed the task and died: the row stays "running" forever
    DBTaskResult.objects.filter(task_path__endswith="finish_settlement_task").update(
        status="RUNNING", started_at=timezone.now()
    )
    run_worker()
    payment.refresh_from_db()
    assert payment.receipt_pdf is None
    Settlement.objects.filter(payment=payment).update(
        settled_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    result = reconcile_pending_payments.enqueue()  # the periodic job
    run_worker()
    result.refresh()
    assert result.return_value["settlements_finished"] == 1
    payment.refresh_from_db()
    assert payment.receipt_pdf and len(case_plugin.settled) == 1


@pytest.mark.django_db
def test_reconcile_command(pay_office, sim):
    payment = pending_paid_at_gateway(pay_office, sim)
    out = io.StringIO()
    call_command("payments_reconcile", "--grace-minutes", "0", stdout=out)
    assert "settled=1" in out.getvalue()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID


@pytest.mark.django_db
def test_demo_data_is_idempotent(office, enable_plugin):
    from przystan.offices.enablement import hooks_for_office

    enable_plugin(office, "payments")
    out = io.StringIO()
    hooks_for_office(office).demo_data(office=office, stdout=out)
    counts = (
        Fee.objects.count(),
        Checkout.objects.count(),
        Payment.objects.count(),
        Settlement.objects.count(),
    )
    hooks_for_office(office).demo_data(office=office, stdout=out)
    assert (
        Fee.objects.count(),
        Checkout.objects.count(),
        Payment.objects.count(),
        Settlement.objects.count(),
    ) == counts
    assert counts[0] == len(STANDARD_FEES) and counts[3] >= 2
