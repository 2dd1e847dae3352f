"""The reconciliation job through django-tasks' database worker and the management command; demo data."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from plugins.payments.checkout import create_checkout
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
    assert counts[0] == 14 and counts[3] >= 2
