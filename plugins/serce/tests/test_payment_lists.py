"""Payment lists: amounts from the rules, second-person approval, locked lists, adjustments, PDF and CSV."""

import csv
import datetime as dt
import io
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from plugins.serce.access import assign_to_centre
from plugins.serce.models import Benefit, Household, PaymentEntry, Stay
from plugins.serce.services import payments, printouts

from .factories import make_person

pytestmark = pytest.mark.django_db
NOV = dt.date(2026, 11, 1)


@pytest.fixture
def setup(serce_office, centres, staff):
    grupa, _linin = centres
    # Olena: in Grupa the whole of November, cash food + pocket money + hygiene
    olena = make_person(serce_office, "Olena", "Shevchenko")
    Stay.objects.create(person=olena, centre=grupa, date_from=dt.date(2026, 10, 1))
    for kind in ("food_equivalent", "pocket_money", "hygiene"):
        Benefit.objects.create(person=olena, kind=kind, date_from=dt.date(2026, 10, 1))
    # Ivan: in Grupa until 10 Nov, then outside (family of 3) -> split between the two lists
    family = Household.objects.create(office=serce_office, reference="F1")
    ivan = make_person(serce_office, "Ivan", "Petrenko", household=family, household_role="head")
    make_person(serce_office, "Oksana", "Petrenko", household=family, household_role="spouse")
    make_person(serce_office, "Taras", "Petrenko", household=family, household_role="child")
    Stay.objects.create(
        person=ivan, centre=grupa, date_from=dt.date(2026, 9, 1), date_to=dt.date(2026, 11, 10)
    )
    Benefit.objects.create(person=ivan, kind="pocket_money", date_from=dt.date(2026, 9, 1))
    Benefit.objects.create(person=ivan, kind="outside_cash", date_from=dt.date(2026, 11, 11))
    preparer = staff("przygotowal@example.gov.pl", "social_worker")
    approver = staff("zatwierdzil@example.gov.pl", "supervisor")
    cashier = staff("kasa@example.gov.pl", "finance")
    assign_to_centre(preparer, grupa)
    return grupa, olena, ivan, preparer, approver, cashier


def test_amounts_follow_rules_and_days(serce_office, setup):
    grupa, olena, ivan, preparer, *_ = setup
    centre_list = payments.generate(serce_office, grupa, NOV, preparer)
    amounts = {(e.person_id, e.kind): (e.days, e.amount_grosze) for e in centre_list.entries.all()}
    assert amounts[(olena.pk, "food_equivalent")] == (30, 30 * 1500)  # 15 zł a day
    assert amounts[(olena.pk, "pocket_money")] == (30, 5000)
    assert amounts[(olena.pk, "hygiene")] == (30, 3000)
    assert amounts[(ivan.pk, "pocket_money")] == (10, round(5000 * 10 / 30))
    assert (ivan.pk, "outside_cash") not in amounts
    outside = payments.generate(serce_office, None, NOV, preparer)
    rows = list(outside.entries.values_list("person_id", "kind", "days", "amount_grosze"))
    assert rows == [(ivan.pk, "outside_cash", 20, 40000)]  # in a family: 600 zł a month, 20/30 of it
    # regenerating a draft replaces, never duplicates
    again = payments.generate(serce_office, grupa, NOV, preparer)
    assert again.pk == centre_list.pk and again.entries.count() == 4


def test_second_person_approves_then_list_is_locked(serce_office, setup):
    grupa, olena, _ivan, preparer, approver, cashier = setup
    payment_list = payments.generate(serce_office, grupa, NOV, preparer)
    payments.submit(payment_list, preparer)
    with pytest.raises(PermissionDenied):
        payments.approve(payment_list, preparer)
    payments.approve(payment_list, approver)
    with pytest.raises(ValidationError):
        payments.generate(serce_office, grupa, NOV, preparer)
    assert payments.mark_paid(payment_list, cashier) == 4
    entry = payment_list.entries.get(person=olena, kind="hygiene")
    before = entry.amount_grosze
    adjustment = payments.adjust(payment_list, entry, olena, -500, "Hygiene pack given in kind", preparer)
    entry.refresh_from_db()
    assert entry.amount_grosze == before and entry.paid_at is not None  # original never edited
    assert adjustment.is_adjustment and adjustment.adjusts == entry and adjustment.paid_at is None
    # the adjustment waits for a second person: not counted, not paid
    assert adjustment.awaiting_approval
    assert payments.totals(payment_list)["unpaid"] == 0
    assert payments.totals(payment_list)["pending"] == -500
    assert payments.mark_paid(payment_list, cashier) == 0
    with pytest.raises(PermissionDenied):
        payments.approve_adjustment(adjustment, preparer)
    payments.approve_adjustment(adjustment, approver)
    assert payments.totals(payment_list)["unpaid"] == -500
    assert payments.mark_paid(payment_list, cashier) == 1
    with pytest.raises(ValidationError):
        payments.adjust(payment_list, entry, olena, 100, "  ", preparer)


def test_workflow_over_http_and_exports(client, serce_office, setup, staff_login):
    grupa, olena, _ivan, preparer, approver, cashier = setup
    staff_login(client, preparer)
    response = client.post(reverse("serce:payment-lists"), {"month": "2026-11", "centre": grupa.pk})
    assert response.status_code == 302
    payment_list = grupa.payment_lists.get()
    client.post(reverse("serce:payment-action", args=[payment_list.pk, "submit"]))
    # the preparer cannot approve (no approve permission): refused and logged
    assert client.post(reverse("serce:payment-action", args=[payment_list.pk, "approve"])).status_code == 403
    client.logout()
    staff_login(client, approver)
    client.post(reverse("serce:payment-action", args=[payment_list.pk, "approve"]))
    payment_list.refresh_from_db()
    assert payment_list.status == "approved" and payment_list.approved_by == approver
    pdf = client.get(reverse("serce:payment-pdf", args=[payment_list.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert olena.register_number in text and "1 046,67" not in text
    assert "Shevchenko Olena" in text and "450,00" in text  # 30 days x 15 zł
    assert "546,67" in text  # total: Olena 450 + 50 + 30, Ivan 10/30 of 50 zł
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(reverse("serce:payment-csv", args=[payment_list.pk])).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert {r["amount_pln"] for r in rows if r["register_number"] == olena.register_number} == {
        "450.00",
        "50.00",
        "30.00",
    }
    client.logout()
    staff_login(client, cashier)
    client.post(reverse("serce:payment-action", args=[payment_list.pk, "paid"]))
    assert not PaymentEntry.objects.filter(payment_list=payment_list, paid_at__isnull=True).exists()


def test_pdf_reference_barcode_decodes(serce_office, setup, tmp_path):
    grupa, _olena, _ivan, preparer, *_ = setup
    payment_list = payments.generate(serce_office, grupa, NOV, preparer)
    path = tmp_path / "list.pdf"
    path.write_bytes(printouts.payment_list_pdf(payment_list))
    subprocess.run(
        ["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "p")], check=True
    )
    png = next(tmp_path.glob("p*.png"))
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True
    ).stdout.split()
    assert payment_list.reference in decoded


def test_adjustment_needs_second_person_over_http_and_is_audited(
    client, serce_office, setup, staff, staff_login
):
    from przystan.audit.models import AuditEntry

    grupa, olena, _ivan, preparer, approver, cashier = setup
    payment_list = payments.generate(serce_office, grupa, NOV, preparer)
    payments.submit(payment_list, preparer)
    payments.approve(payment_list, approver)
    # the supervisor enters a correction herself: she cannot approve it too
    staff_login(client, approver)
    entry = payment_list.entries.get(person=olena, kind="hygiene")
    adjustment = payments.adjust(payment_list, entry, olena, 700, "Missed day", approver)
    url = reverse("serce:adjustment-approve", args=[payment_list.pk, adjustment.pk])
    page = client.get(reverse("serce:payment-list", args=[payment_list.pk])).content.decode()
    assert "Missed day" in page and url not in page
    refused = client.post(url, follow=True)
    assert refused.status_code == 200
    assert "someone other than the person who entered it" in refused.content.decode() or (
        "inna osoba niż ta" in refused.content.decode()
    )
    adjustment.refresh_from_db()
    assert adjustment.approved_at is None
    assert AuditEntry.objects.filter(
        action="denied",
        object_id=str(adjustment.pk),
        actor=approver,
        reason="serce.benefit:approve (four eyes)",
    ).exists()
    # the PDF and CSV show it as pending, outside the total
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(reverse("serce:payment-csv", args=[payment_list.pk])).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert [r["adjustment_approved"] for r in rows if r["adjustment"] == "1"] == ["0"]
    client.logout()
    # a social worker cannot approve at all; another supervisor can
    staff_login(client, preparer)
    assert client.post(url).status_code == 403
    client.logout()
    second = staff("druga@example.gov.pl", "supervisor")
    staff_login(client, second)
    page = client.get(reverse("serce:payment-list", args=[payment_list.pk])).content.decode()
    assert url in page
    assert client.post(url).status_code == 302
    adjustment.refresh_from_db()
    assert adjustment.approved_by == second and adjustment.approved_at is not None
    update = AuditEntry.objects.filter(action="update", object_id=str(adjustment.pk)).latest("pk")
    assert update.actor == second and "approved_by" in update.changes
    assert payments.totals(payment_list)["total"] == 54667 + 700
    assert payments.mark_paid(payment_list, cashier) == 5
