"""Bugs seen by staff: refunds executed at once (four eyes now), statements with Polish bank dates
and results as words, amounts in grosze on the staff screens."""

from __future__ import annotations

import pytest
from django.utils import translation

from plugins.payments.models import PaymentStatus, Refund, RefundStatus
from plugins.payments.statements import StatementError, import_statement
from przystan.audit.models import AuditEntry

from .test_refunds_staff_hooks import paid_online
from .test_transfer_statements_receipts import transfer_payment

pytestmark = pytest.mark.django_db


@pytest.fixture
def finance(user_factory, office):
    return user_factory(email="kasa@example.gov.pl", kind="staff", roles=("finance",), office=office)


@pytest.fixture
def finance_two(user_factory, office):
    return user_factory(email="kasa2@example.gov.pl", kind="staff", roles=("finance",), office=office)


@pytest.fixture
def supervisor(user_factory, office):
    return user_factory(email="szef@example.gov.pl", kind="staff", roles=("supervisor",), office=office)


# ----------------------------------------------------------------------------- 8. four eyes


def test_refund_waits_for_a_second_person_and_records_the_approver(
    client, sim, pay_office, finance, supervisor, staff_login
):
    payment = paid_online(client, sim, pay_office)
    staff_login(client, finance)
    url = f"/staff/payments/payment/{payment.reference}/"
    assert client.post(url, {"amount": "50.00", "reason": "Nadpłata"}).status_code == 302
    refund = Refund.objects.get()
    payment.refresh_from_db()
    assert refund.status == RefundStatus.AWAITING and refund.approved_by is None
    assert payment.refunded_grosze == 0 and sim.by_session[payment.session_id].refunded == 0

    # the one who asked cannot approve: a clear translated message, nothing changed
    with translation.override("pl"):
        response = client.post(url, {"approve": refund.pk}, follow=True)
    assert "musi go zatwierdzić inna osoba" in response.content.decode()
    refund.refresh_from_db()
    payment.refresh_from_db()
    assert refund.status == RefundStatus.AWAITING and refund.approved_by is None
    assert payment.refunded_grosze == 0 and sim.by_session[payment.session_id].refunded == 0
    assert 'name="approve"' not in response.content.decode()  # no button for one's own request

    client.logout()
    staff_login(client, supervisor)
    assert client.post(url, {"amount": "1.00", "reason": "x"}).status_code == 403  # supervisors approve only
    assert client.post(url, {"approve": refund.pk}).status_code == 302
    refund.refresh_from_db()
    payment.refresh_from_db()
    assert refund.status == RefundStatus.REQUESTED and refund.approved_by == supervisor
    assert payment.refunded_grosze == 5000 and sim.by_session[payment.session_id].refunded == 5000
    approval = AuditEntry.objects.for_object(refund).filter(action="update").last()
    assert approval.actor == supervisor and "approved_by" in str(approval.changes)
    asked = AuditEntry.objects.for_object(refund).filter(action="create").last()
    assert asked.actor == finance
    assert client.post(url, {"approve": refund.pk}).status_code == 302  # a second approval changes nothing
    payment.refresh_from_db()
    assert payment.refunded_grosze == 5000


def test_awaiting_refunds_count_against_what_can_still_be_refunded(
    client, sim, pay_office, finance, finance_two, staff_login
):
    payment = paid_online(client, sim, pay_office)
    staff_login(client, finance)
    url = f"/staff/payments/payment/{payment.reference}/"
    assert client.post(url, {"amount": "400.00", "reason": "a"}).status_code == 302
    with translation.override("pl"):
        page = client.post(url, {"amount": "100.00", "reason": "b"})
    assert page.status_code == 200 and "40,00\u00a0zł" in page.content.decode()
    assert Refund.objects.count() == 1
    client.logout()
    staff_login(client, finance_two)  # another finance member holds "approve"
    assert client.post(url, {"approve": Refund.objects.get().pk}).status_code == 302
    payment.refresh_from_db()
    assert payment.refunded_grosze == 40000 and payment.status == PaymentStatus.PAID


# ----------------------------------------------------------------------------- 9. statements


def test_statement_accepts_polish_bank_dates(client, pay_office):
    first, _ = transfer_payment(client, pay_office)
    second, _ = transfer_payment(client, pay_office)
    third, _ = transfer_payment(client, pay_office)
    csv_text = (
        "Data księgowania;Kwota;Tytuł\n"
        f"20.11.2026;440,00;{first.reference}\n"
        f"21-11-2026;440,00;{second.reference}\n"
        f"2026-11-22;440,00;{third.reference}\n"
    )
    _statement, counts = import_statement(pay_office, csv_text.encode("cp1250"), "wyciag.csv")
    assert counts == {"settled": 3}
    days = sorted(line.booked_on.isoformat() for line in _statement.lines.all())
    assert days == ["2026-11-20", "2026-11-21", "2026-11-22"]


def test_statement_with_an_unreadable_date_names_the_line(pay_office):
    csv_text = "Data;Kwota;Tytuł\n20.11.2026;1,00;a\n11/20/2026;2,00;b\n"
    with translation.override("pl"), pytest.raises(StatementError) as error:
        import_statement(pay_office, csv_text.encode(), "wyciag.csv")
    assert "Wiersz 3" in str(error.value) and "11/20/2026" in str(error.value)


def test_statement_results_are_words_not_codes(client, pay_office, finance, staff_login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    payment, _ = transfer_payment(client, pay_office)
    csv_text = f"Data;Kwota;Tytuł\n20.11.2026;440,00;{payment.reference}\n20.11.2026;5,00;nieznany\n"
    staff_login(client, finance)
    with translation.override("pl"):
        page = client.post(
            "/staff/payments/statements/",
            {"file": SimpleUploadedFile("wyciag.csv", csv_text.encode("cp1250"))},
        ).content.decode()
    results = page.split('id="statement-results"')[1].split("</div>")[0]
    assert "Rozliczone płatności: 1" in results and "Wpływy bez znanego numeru płatności: 1" in results
    for code in ("settled", "unmatched", "already_imported"):
        assert code not in results


# ----------------------------------------------------------------------------- 10. amounts


def test_staff_payment_screens_show_zloty_not_grosze(client, sim, pay_office, finance, staff_login):
    payment = paid_online(client, sim, pay_office)  # 440 zł stamp duty
    staff_login(client, finance)
    screens = {
        "detail": f"/staff/payments/payment/{payment.reference}/",
        "fees": "/staff/payments/fees/",
        "case": "/staff/payments/case/WSC/9/2026/",
        "report": f"/staff/payments/report/?day={payment.paid_at.date().isoformat()}",
    }
    with translation.override("pl"):
        for name, url in screens.items():
            body = client.get(url).content.decode()
            assert "440,00\u00a0zł" in body, name
            assert "44000" not in body and " gr<" not in body and "(grosze)" not in body, name
        detail = client.get(screens["detail"]).content.decode()
    assert "stamp_temp_work —" not in detail  # the fee's name, not its code


def test_fee_form_takes_and_shows_zloty(client, pay_office, finance, staff_login):
    from plugins.payments.models import Fee

    fee = Fee.objects.get(office=pay_office, code="stamp_temp_work")
    staff_login(client, finance)
    with translation.override("pl"):
        page = client.get(f"/staff/payments/fees/{fee.pk}/").content.decode()
    assert "(grosze)" not in page and "44000" not in page and 'value="440,00"' in page
