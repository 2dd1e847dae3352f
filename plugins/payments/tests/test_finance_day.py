"""The finance officer's day: the daily report's day picker (today by default, the days with payments
offered) in the office's time zone."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from plugins.payments.models import Fee, Payment, PaymentStatus
from plugins.payments.models.payments import format_pln

from .test_transfer_statements_receipts import transfer_payment

pytestmark = pytest.mark.django_db


@pytest.fixture
def finance(user_factory, office):
    return user_factory(email="kasa@example.gov.pl", kind="staff", roles=("finance",), office=office)


def day_input_value(html: str) -> str:
    found = re.search(r'<input type="date" name="day" value="([^"]*)"', html)
    return found.group(1) if found else ""


def test_the_report_shows_today_in_the_day_picker_and_offers_the_days_with_payments(
    client, pay_office, finance, staff_login
):
    payment, _html = transfer_payment(client, pay_office)
    # paid at 23:30 in Warsaw two days ago: in UTC that is the evening before, the office's day is not
    paid_local = timezone.make_aware(
        dt.datetime.combine(timezone.localdate() - dt.timedelta(days=2), dt.time(23, 30))
    )
    Payment.objects.filter(pk=payment.pk).update(status=PaymentStatus.PAID, paid_at=paid_local)
    staff_login(client, finance)
    for language in ("pl", "uk"):
        client.cookies["django_language"] = language
        html = client.get("/staff/payments/report/").content.decode()
        assert day_input_value(html) == timezone.localdate().isoformat(), language
    paid_day = paid_local.date().isoformat()
    assert f'href="?day={paid_day}"' in html
    page = client.get(f"/staff/payments/report/?day={paid_day}").content.decode()
    assert day_input_value(page) == paid_day
    assert payment.payee_name in page
    assert format_pln(payment.amount_grosze) in page  # złote, never grosze


def test_a_day_typed_the_polish_way_is_understood(client, pay_office, finance, staff_login):
    staff_login(client, finance)
    client.cookies["django_language"] = "pl"
    html = client.get("/staff/payments/report/?day=03.12.2026").content.decode()
    assert day_input_value(html) == "2026-12-03"  # a date input shows only an ISO value
    assert "Płatności z dnia czwartek, 03.12.2026" in html


def test_the_payment_page_names_the_fees_in_the_staff_members_language(
    client, pay_office, finance, staff_login
):
    payment, _html = transfer_payment(client, pay_office)  # paid for in Ukrainian: the lines say so
    staff_login(client, finance)
    client.cookies["django_language"] = "pl"
    html = client.get(f"/staff/payments/payment/{payment.reference}/").content.decode()
    for line in payment.lines.all():
        fee = Fee.objects.filter(office=pay_office, code=line.fee_code).first()
        assert line.name == fee.name_uk != fee.name_pl
        assert f"{fee.name_pl}: {format_pln(line.amount_grosze)}" in html
        assert fee.name_uk not in html


def test_the_case_fees_page_names_the_fees_in_the_staff_members_language(
    client, pay_office, finance, staff_login
):
    payment, _html = transfer_payment(client, pay_office)  # paid for in Ukrainian
    staff_login(client, finance)
    client.cookies["django_language"] = "pl"
    html = client.get(f"/staff/payments/case/{payment.checkout.case_reference}/").content.decode()
    for line in payment.lines.all():
        fee = Fee.objects.filter(office=pay_office, code=line.fee_code).first()
        assert fee.name_pl in html and fee.name_uk not in html
