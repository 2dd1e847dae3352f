"""Real browser (Playwright + Chromium): admit a family, print and decode their cards, meals, transfer."""

from __future__ import annotations

import pytest
from django.test import Client

from plugins.hotel.access import grant_centre
from plugins.hotel.models import AccommodationNeeds, Placement, Transfer
from przystan.testing.browser import axe_violations

from .conftest import make_family
from .zbar import pdf_barcodes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logged_in_context(browser, live_server, user, staff_login):
    client = Client()
    staff_login(client, user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


def test_family_admission_cards_meals_and_transfer(
    browser, live_server, hotel_office, centres, user_factory, staff_login
):
    a, b = centres
    family = make_family(hotel_office)
    AccommodationNeeds.objects.create(person=family[0], notes="Prefers the ground floor (knee surgery)")
    sender = user_factory("alfa@example.com", kind="staff", roles=("centre_staff",), office=hotel_office)
    # the receiving centre's nurse reads the health notes of the report
    receiver = user_factory(
        "beta@example.com", kind="staff", roles=("centre_staff", "medical"), office=hotel_office
    )
    boss = user_factory("kierownik@example.com", kind="staff", roles=("supervisor",), office=hotel_office)
    grant_centre(sender, a)
    grant_centre(receiver, b)
    url = live_server.url

    context, page = _logged_in_context(browser, live_server, sender, staff_login)
    try:
        # referral: the ranked suggestion with its reason, then admission with the suggested beds
        page.goto(f"{url}/staff/hotel/persons/{family[0].pk}/referral/")
        assert a.name in page.locator("#suggestion").inner_text()
        page.click(f'button[name="refer"][value="{a.pk}"]')
        page.wait_for_url("**/admit/?referral=*")
        page.click("#admit-form button[type=submit]")
        page.wait_for_url(f"**/staff/hotel/persons/{family[0].pk}/")
        assert Placement.objects.filter(person__in=family, centre=a, ended_at__isnull=True).count() == 3

        # cards for the whole family, printed as PDF, barcodes decoded with zbar
        page.click("#issue-cards")
        page.wait_for_load_state()
        href = page.get_attribute("#print-cards", "href")
        response = page.request.get(url + href)
        assert response.status == 200 and response.headers["content-type"] == "application/pdf"
        decoded = pdf_barcodes(response.body())
        numbers = {person.hotel_cards.get().number for person in family}
        assert len(decoded) == 3
        assert {text for codes in decoded for kind, text in codes if kind == "CODE128"} == numbers
        scanned = sorted(text for kind, text in decoded[0] if kind == "CODE128")[0]

        # the scanning desk: a keyboard-wedge scanner types the code and Enter; the second meal is blocked
        page.goto(f"{url}/staff/hotel/centres/{a.pk}/scan/")
        page.check('input[name="action"][value="meal"]')
        page.select_option('select[name="meal"]', "lunch")
        for expected in ("ok", "refused"):
            page.focus("#id_code")
            page.keyboard.type(scanned)
            page.keyboard.press("Enter")
            page.wait_for_selector(f"#scan-result.{expected}")
        assert page.locator('input[name="action"][value="meal"]').is_checked()
        assert axe_violations(page) == []

        # transfer the family: request, approve, departure
        page.goto(f"{url}/staff/hotel/persons/{family[0].pk}/")
        page.click("#request-transfer")
        page.select_option('select[name="to_centre"]', str(b.pk))
        page.fill('textarea[name="reason"]', "Przeniesienie bliżej szkoły córki")
        page.click("form.stacked button[type=submit]")
        page.wait_for_url("**/staff/hotel/transfers/*/")
        assert page.locator("#approve").count() == 0  # four eyes: not the requester
        transfer_url = page.url
    finally:
        context.close()
    context, page = _logged_in_context(browser, live_server, boss, staff_login)
    try:
        page.goto(transfer_url)
        page.click("#approve")
        page.wait_for_selector("#depart")
    finally:
        context.close()
    context, page = _logged_in_context(browser, live_server, sender, staff_login)
    try:
        page.goto(transfer_url)
        page.click("#depart")
        page.wait_for_selector("#admit-arrival", state="detached")
        transfer = Transfer.objects.get()
        assert transfer.status == Transfer.Status.IN_TRANSIT and transfer.report_pdf
    finally:
        context.close()

    # the receiving centre sees the report during the transfer and admits the family on arrival
    context, page = _logged_in_context(browser, live_server, receiver, staff_login)
    try:
        page.goto(f"{url}/staff/hotel/")
        page.click(f'a[href="/staff/hotel/transfers/{transfer.pk}/"]')
        report = page.locator("#transfer-report").inner_text()
        assert "KOVALENKO Olena" in report and "KOVALENKO Sofiia" in report
        assert "Prefers the ground floor (knee surgery)" in report
        pdf = page.request.get(url + page.get_attribute("#report-pdf", "href"))
        assert pdf.status == 200 and pdf.body() == bytes(transfer.report_pdf)
        assert axe_violations(page) == []
        page.click("#admit-arrival")
        page.click("#admit-form button[type=submit]")
        page.wait_for_url("**/staff/hotel/persons/*/")
        transfer.refresh_from_db()
        assert transfer.status == Transfer.Status.COMPLETED
        assert Placement.objects.filter(person__in=family, centre=b, ended_at__isnull=True).count() == 3
    finally:
        context.close()
