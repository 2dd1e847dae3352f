"""A real browser (Playwright + Chromium, phone viewport) books, sees errors and cancels; axe-core clean."""

from __future__ import annotations

import pytest

from plugins.queue_booking.models import Booking, BookingStatus
from przystan.testing.browser import axe_violations

from .conftest import make_slot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert violations == [], violations


def test_foreigner_books_a_visit_in_the_browser(page, live_server, service, settings):
    settings.PRZYSTAN_SIGNUP_MIN_SECONDS = 0
    make_slot(service, capacity=1, hour=9)
    make_slot(service, capacity=1, hour=10)

    page.goto(f"{live_server.url}/booking/")
    assert_accessible(page)
    page.get_by_role("link", name="Rezerwacja: Złożenie wniosku osobiście").click()
    page.wait_for_url("**/booking/filing/")
    assert_accessible(page)

    # bad identity format: a clear Polish message, what was typed is kept, nothing booked
    page.get_by_role("radio").first.check()
    page.get_by_label("Imię i nazwisko (jak w dokumencie)").fill("Olena Kovalenko")
    page.get_by_label("Dokument tożsamości").select_option("passport")
    page.get_by_label("Numer dokumentu").fill("12")
    page.get_by_label("E-mail").fill("olena@example.com")
    page.get_by_role("button", name="Zarezerwuj wizytę").click()
    alert = page.get_by_role("alert")
    assert "Numer dokumentu tożsamości ma nieprawidłowy format." in alert.inner_text()
    assert page.get_by_label("Imię i nazwisko (jak w dokumencie)").input_value() == "Olena Kovalenko"
    assert_accessible(page)
    assert Booking.objects.count() == 0

    page.get_by_role("radio").first.check()
    page.get_by_label("Numer dokumentu").fill("FE 123456")
    page.get_by_role("button", name="Zarezerwuj wizytę").click()
    page.wait_for_url("**/booking/visit/**")
    booking = Booking.objects.get()
    assert booking.reference in page.get_by_role("main").inner_text()
    assert_accessible(page)

    page.get_by_role("button", name="Odwołaj wizytę").click()
    page.wait_for_url("**/booking/visit/**")
    assert "Wizyta została odwołana." in page.get_by_role("status").inner_text()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert_accessible(page)
