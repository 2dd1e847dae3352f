"""Search in any transliteration, notices with SMS part counts and delivery rows, reports, printouts."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from plugins.serce.models import Benefit, NoticeRecipient, Person
from plugins.serce.services import printouts
from plugins.serce.services.notices import SCHOOL_SUPPLIES_AVAILABLE, preview
from plugins.serce.services.search import search_persons
from plugins.serce.services.stays import admit
from przystan.notifications.models import OutboundMessage

from .factories import make_person

pytestmark = pytest.mark.django_db


def test_search_finds_any_spelling_identifier_and_barcode(serce_office):
    olena = make_person(serce_office, "Olena", "Shevchenko", last_name_native="Шевченко", pobyt_id="PB-77")
    make_person(serce_office, "Ivan", "Petrenko")
    persons = Person.objects.filter(office=serce_office)
    for fragment in ("shevch", "Szewcz", "Шевч", "Schewtsch", "olena shev"):
        assert search_persons(persons, fragment).persons == [olena], fragment
    assert search_persons(persons, olena.register_number.lower()).persons == [olena]
    assert search_persons(persons, "PB-77").exact
    assert search_persons(persons, "zzzz").persons == []


def test_bulk_notice_in_each_language_with_sms_parts(client, serce_office, centres, staff, staff_login):
    grupa, linin = centres
    uk = make_person(serce_office, "Olena", "Shevchenko", phone="+48501200300", language="uk")
    pl = make_person(
        serce_office, "Jan", "Nowak", phone="+48501200301", email="jan@example.org", language="pl"
    )
    other = make_person(serce_office, "Ivan", "Petrenko", phone="+48501200302")
    for p in (uk, pl):
        admit(p, grupa, dt.date(2026, 1, 1))
    admit(other, linin, dt.date(2026, 1, 1))
    rows = {
        r["language"]: r
        for r in preview(
            serce_office, SCHOOL_SUPPLIES_AVAILABLE, {"where": "Grupa", "from_date": "2026-09-01"}
        )
    }
    assert rows["uk"]["encoding"] == "UCS-2" and rows["pl"]["encoding"] in ("GSM-7", "UCS-2")
    assert rows["uk"]["parts"] >= rows["en"]["parts"]
    worker = staff("notice@example.gov.pl", "social_worker")
    from plugins.serce.access import assign_to_centre

    assign_to_centre(worker, grupa)
    staff_login(client, worker)
    form = {
        "notice_type": SCHOOL_SUPPLIES_AVAILABLE,
        "centre": grupa.pk,
        "where": "świetlica",
        "from_date": "2026-09-01",
        "send_sms": "on",
    }
    page = client.post(reverse("serce:notices"), {**form, "preview": "1"}).content.decode()
    assert "UCS-2" in page
    response = client.post(reverse("serce:notices"), {**form, "send": "1"})
    assert response.status_code == 302
    messages = OutboundMessage.objects.filter(type=SCHOOL_SUPPLIES_AVAILABLE)
    assert sorted(messages.values_list("recipient", flat=True)) == ["+48501200300", "+48501200301"]
    assert messages.get(recipient="+48501200300").language == "uk"
    assert NoticeRecipient.objects.filter(message__isnull=False).count() == 2
    status_page = client.get(response["Location"]).content.decode()
    assert "Shevchenko".upper() in status_page.upper()
    # a missing required detail is a clear form error, the typed values are kept
    page = client.post(reverse("serce:notices"), {**form, "where": "", "preview": "1"}).content.decode()
    assert 'value="2026-09-01"' in page and "errorlist" in page


def test_statistics_tables_chart_and_csv(client, serce_office, centres, staff, staff_login):
    grupa, _ = centres
    for i, nat in enumerate(("UA", "UA", "RU")):
        p = make_person(
            serce_office, f"P{i}", "Test", nationality=nat, date_of_birth=dt.date(2015 - i * 20, 1, 1)
        )
        admit(p, grupa, dt.date(2026, 1, 1))
    staff_login(client, staff("stat@example.gov.pl", "supervisor"))
    page = client.get(reverse("serce:statistics")).content.decode()
    assert "<svg" in page and "Ukraina" in page  # names, not codes
    csv_text = client.get(reverse("serce:statistics-csv", args=["nationalities"])).content.decode("utf-8-sig")
    assert "Ukraina;2" in csv_text and "Rosja;1" in csv_text


def test_printouts_are_readable(serce_office, centres):
    person = make_person(
        serce_office, "Olena", "Shevchenko", last_name_native="Шевченко", first_name_native="Олена"
    )
    admit(person, centres[0], dt.date(2026, 1, 1))
    benefit = Benefit.objects.create(
        person=person, kind="pocket_money", date_from=dt.date(2026, 1, 1), decision_number="DPS/1/2026"
    )
    for data, expected in (
        (printouts.person_card(person), "Шевченко"),
        (printouts.residence_certificate(person, "uk"), centres[0].name),
        (printouts.benefit_decision(benefit), "DPS/1/2026"),
    ):
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        assert expected in text and person.register_number in text


def test_sms_price_comes_from_the_office_config(serce_office, enable_plugin):
    context = {"where": "Grupa", "from_date": "2026-09-01"}
    default = {r["language"]: r for r in preview(serce_office, SCHOOL_SUPPLIES_AVAILABLE, context)}
    assert default["en"]["cost_grosze"] == default["en"]["parts"] * 8
    enable_plugin(serce_office, "serce", config={"sms_part_price_grosze": 11})
    priced = {r["language"]: r for r in preview(serce_office, SCHOOL_SUPPLIES_AVAILABLE, context)}
    assert priced["uk"]["cost_grosze"] == priced["uk"]["parts"] * 11
