"""Refunds (audited), staff views with permissions, fee editing, the daily report and the hooks."""

from __future__ import annotations

import csv
import io

import pytest
from pypdf import PdfReader

from plugins.payments.checkout import create_checkout
from plugins.payments.models import Fee, Payment, PaymentStatus, Refund, RefundStatus
from plugins.payments.p24 import signing
from plugins.payments.simulator import Behaviour
from przystan.audit.models import AuditEntry
from przystan.offices.enablement import hooks_for_office

from .conftest import MERCHANT, start_payment

pytestmark = pytest.mark.django_db


def paid_online(client, sim, office, codes=("stamp_temp_work",), case_reference="WSC/9/2026"):
    checkout = create_checkout(
        office, list(codes), payer_email="ivan@example.com", language="ru", case_reference=case_reference
    )
    payment = checkout.payments.get()
    start_payment(client, checkout, payment)
    sim.pay(payment.session_id, Behaviour(notify=False))
    payload = sim.notification_for(sim.by_session[payment.session_id])
    assert (
        client.post("/payments/przelewy24/notify/", data=payload, content_type="application/json").status_code
        == 200
    )
    payment.refresh_from_db()
    return payment


@pytest.fixture
def finance(user_factory, office):
    return user_factory(email="kasa@example.gov.pl", kind="staff", roles=("finance",), office=office)


@pytest.fixture
def second_finance(user_factory, office):
    return user_factory(email="kasa2@example.gov.pl", kind="staff", roles=("finance",), office=office)


def approve_all(client, staff_login, approver, payment):
    """A second person approves every refund awaiting approval on ``payment``."""
    client.logout()
    staff_login(client, approver)
    for refund in Refund.objects.filter(payment=payment, status=RefundStatus.AWAITING):
        response = client.post(f"/staff/payments/payment/{payment.reference}/", {"approve": refund.pk})
        assert response.status_code == 302


@pytest.fixture
def officer(user_factory, office):
    return user_factory(email="urzednik@example.gov.pl", kind="staff", roles=("officer",), office=office)


def refund_notification(payment, refund, status=0):
    payload = {
        "orderId": int(payment.provider_order_id),
        "sessionId": payment.session_id,
        "merchantId": MERCHANT.merchant_id,
        "requestId": refund.request_id,
        "refundsUuid": refund.refunds_uuid,
        "amount": refund.amount_grosze,
        "currency": "PLN",
        "timestamp": 1,
        "status": status,
    }
    payload["sign"] = signing.sign(payload, signing.REFUND_NOTIFICATION_FIELDS, MERCHANT.crc)
    return payload


def test_partial_then_full_refund_with_reason_audited(
    client, sim, pay_office, finance, second_finance, staff_login
):
    payment = paid_online(client, sim, pay_office)
    staff_login(client, finance)
    url = f"/staff/payments/payment/{payment.reference}/"
    response = client.post(url, {"amount": "100.00", "reason": "Wniosek wycofany w części"})
    assert response.status_code == 302, response.content.decode()[:3000]
    refund = Refund.objects.get()
    assert refund.requested_by == finance and refund.status == RefundStatus.AWAITING
    assert sim.by_session[payment.session_id].refunded == 0  # nothing moves before the approval
    approve_all(client, staff_login, second_finance, payment)
    refund.refresh_from_db()
    assert refund.status == RefundStatus.REQUESTED and refund.approved_by == second_finance
    assert sim.by_session[payment.session_id].refunded == 10000  # the gateway accepted it (201)
    answer = client.post(
        "/payments/przelewy24/refund-notify/",
        data=refund_notification(payment, refund),
        content_type="application/json",
    )
    assert answer.status_code == 200
    refund.refresh_from_db()
    assert refund.status == RefundStatus.COMPLETED
    assert AuditEntry.objects.filter(action="create", actor=finance, content_type__model="refund").exists()

    too_much = client.post(url, {"amount": "400.00", "reason": "x"})
    assert too_much.status_code == 200 and "340,00\u00a0zł" in too_much.content.decode()  # kept, explained
    assert client.post(url, {"amount": "340.00", "reason": "Decyzja umarzająca"}).status_code == 302
    approve_all(client, staff_login, finance, payment)
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED and payment.refunded_grosze == 44000
    rows = hooks_for_office(pay_office).case_payments(office=pay_office, case_reference="WSC/9/2026")
    assert [row["status"] for rows_ in rows for row in rows_] == ["refunded"]


def test_tampered_refund_notification_rejected(client, sim, pay_office, finance, second_finance, staff_login):
    payment = paid_online(client, sim, pay_office)
    staff_login(client, finance)
    client.post(f"/staff/payments/payment/{payment.reference}/", {"amount": "10.00", "reason": "test"})
    approve_all(client, staff_login, second_finance, payment)
    refund = Refund.objects.get()
    payload = refund_notification(payment, refund)
    payload["amount"] = 44000
    assert (
        client.post(
            "/payments/przelewy24/refund-notify/", data=payload, content_type="application/json"
        ).status_code
        == 400
    )
    refund.refresh_from_db()
    assert refund.status == RefundStatus.REQUESTED


def test_officer_cannot_refund_finance_sees_case_fees(client, sim, pay_office, officer, finance, staff_login):
    payment = paid_online(client, sim, pay_office, codes=("stamp_temp_work",))
    create_checkout(
        pay_office, ["card_issue"], payer_email="ivan@example.com", language="ru", case_reference="WSC/9/2026"
    )
    staff_login(client, officer)
    assert (
        client.post(
            f"/staff/payments/payment/{payment.reference}/", {"amount": "1.00", "reason": "x"}
        ).status_code
        == 403
    )
    assert AuditEntry.objects.filter(action="denied", actor=officer, reason="payments.payment:view").exists()
    # officers have no grant on payments; the fees of a case reach them only for cases in their scope
    # (no case plugin here: no case of theirs — plugins/legalisation/tests/test_case_fees_scope.py)
    assert client.get("/staff/payments/case/WSC/9/2026/").status_code == 403
    assert Refund.objects.count() == 0
    client.logout()
    staff_login(client, finance)
    page = client.get("/staff/payments/case/WSC/9/2026/")
    body = page.content.decode()
    assert page.status_code == 200
    assert 'data-testid="fee-stamp_temp_work">zapłacona<' in body  # staff language: Polish
    assert 'data-testid="fee-card_issue">niezapłacona<' in body
    statuses = {
        r["fee_code"]: r["status"]
        for rows in hooks_for_office(pay_office).case_payments(office=pay_office, case_reference="WSC/9/2026")
        for r in rows
    }
    assert statuses == {"stamp_temp_work": "paid", "card_issue": "unpaid"}
    receipt = client.get(f"/staff/payments/payment/{payment.reference}/receipt/")
    assert receipt["Content-Type"] == "application/pdf"


def test_foreigner_cannot_open_staff_pages(client, pay_office, user_factory):
    client.force_login(user_factory(email="obcy@example.com"))
    assert client.get("/staff/payments/").status_code == 403


def test_finance_edits_fee_catalogue_audited(client, pay_office, finance, staff_login):
    staff_login(client, finance)
    fee = Fee.objects.get(office=pay_office, code="stamp_invitation")
    data = {
        "code": "stamp_invitation",
        "name_pl": fee.name_pl,
        "name_en": fee.name_en,
        "name_uk": fee.name_uk,
        "name_ru": fee.name_ru,
        "amount": "30,00",
        "legal_basis": fee.legal_basis,
        "payee": "stamp_duty",
        "exemptions": "",
        "valid_from": "2025-01-01",
        "valid_until": "",
    }
    from przystan.offices.signals import public_content_changed

    told: list[int] = []

    def listener(sender, office_id=None, **kwargs):
        told.append(office_id)

    public_content_changed.connect(listener)
    try:
        assert client.post(f"/staff/payments/fees/{fee.pk}/", data).status_code == 302
    finally:
        public_content_changed.disconnect(listener)
    assert told == [pay_office.pk]  # cached procedure pages showing the fee are dropped
    fee.refresh_from_db()
    assert fee.amount_grosze == 3000
    assert AuditEntry.objects.filter(action="update", actor=finance, content_type__model="fee").exists()
    bad = client.post(f"/staff/payments/fees/{fee.pk}/", {**data, "amount": "0"})
    assert bad.status_code == 200 and 'value="0"' in bad.content.decode()
    fee.refresh_from_db()
    assert fee.amount_grosze == 3000
    checkout = create_checkout(pay_office, ["stamp_invitation"], payer_email="a@example.com", language="en")
    assert checkout.payments.get().amount_grosze == 3000


def test_daily_report_per_payee_account_csv_and_pdf(client, sim, pay_office, finance, staff_login):
    paid_online(client, sim, pay_office, codes=("stamp_temp_work",))
    paid_online(client, sim, pay_office, codes=("card_issue",), case_reference="WSC/10/2026")
    staff_login(client, finance)
    response = client.get("/staff/payments/report/?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    totals = {row[0]: row[7] for row in rows if row[2] in ("RAZEM", "TOTAL")}
    assert totals == {"PL21103015080000000550000070": "440,00", "PL61109010140000071219812874": "100,00"}
    text_rows = " ".join(";".join(row) for row in rows)
    assert "stamp_temp_work" not in text_rows and "card_issue" not in text_rows  # fee names, not codes
    assert "grosze" not in rows[0][7]
    pdf = client.get("/staff/payments/report/?format=pdf")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "440,00" in text and "100,00" in text


def test_cross_plugin_hooks(pay_office):
    hooks = hooks_for_office(pay_office)
    [fees] = hooks.fee_catalogue(office=pay_office, codes=["card_issue", "stamp_temp_work"], language="uk")
    assert [(f["code"], f["amount_grosze"], f["payee"]) for f in fees] == [
        ("card_issue", 10000, "office"),
        ("stamp_temp_work", 44000, "stamp_duty"),
    ]
    assert fees[0]["name"] == "Плата за видачу карти побиту"  # the glossary term
    url = hooks.payment_request(
        office=pay_office,
        payer={"email": "x@example.com", "language": "uk"},
        fee_codes=["stamp_temp_work", "card_issue"],
        case_reference="WSC/1/2026",
        return_url="/case/1/",
    )
    assert url.startswith("/payments/checkout/")
    payments = Payment.objects.filter(checkout__case_reference="WSC/1/2026")
    assert sorted(p.amount_grosze for p in payments) == [10000, 44000]
    [actions] = hooks.procedure_actions(office=pay_office, application_type="temp_work", language="ru")
    assert actions[0]["kind"] == "pay_fee" and "fee=stamp_temp_work" in actions[0]["url"]
    assert actions[0]["label"] == "Оплатить сбор онлайн"
    assert (
        hooks.payment_request(
            office=pay_office,
            payer={"email": "x@example.com"},
            fee_codes=["nope"],
            case_reference=None,
            return_url="",
        )
        is None
    )


def test_disabled_plugin_hides_everything(client, pay_office, enable_plugin):
    enable_plugin(pay_office, "payments", enabled=False)
    assert client.get("/payments/").status_code == 404
    hooks = hooks_for_office(pay_office)
    assert hooks.fee_catalogue(office=pay_office, codes=None, language="pl") == []
