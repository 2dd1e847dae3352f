"""A foreigner pays two fees in Russian through the simulator in a real browser; pages are axe-clean."""

from __future__ import annotations

import re

import pytest

from plugins.payments.models import Payment, PaymentStatus, Settlement
from przystan.testing.browser import axe_violations

from .conftest import configure_office

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pay_stamp_duty_and_card_fee_in_russian(page, live_server, office, sim, settings):
    settings.PRZYSTAN_SIGNUP_MIN_SECONDS = 0
    configure_office(office, sim)
    page.goto(f"{live_server.url}/payments/?fee=stamp_temp_work&fee=card_issue")
    page.select_option("#language-select", "ru")  # the site's own language switcher
    page.locator(".language-switcher button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.get_by_role("heading", level=1).inner_text() == "Оплатить сборы онлайн"
    assert axe_violations(page) == []
    page.get_by_label("Ваш адрес электронной почты").fill("ivan.petrov@example.com")
    page.get_by_label("Ваши имя и фамилия").fill("Иван Петров")
    page.get_by_role("button", name="Перейти к оплате").click()

    page.wait_for_url(re.compile(r"/payments/checkout/"))
    assert "Ваш платёж" in page.inner_text("h1")
    note = page.get_by_test_id("language-note")
    assert "недоступна на вашем языке" in note.inner_text()  # P24 has no Russian: we say so
    assert axe_violations(page) == []

    for payee, amount in (("stamp_duty", "440,00"), ("office", "100,00")):
        page.get_by_role("button", name=re.compile(f"Оплатить {amount}")).click()
        page.wait_for_url(re.compile(re.escape(sim.base_url)))  # the simulator's payment page
        assert f"{amount} PLN" in page.get_by_test_id("amount").inner_text()
        page.get_by_role("button", name="Pay").click()
        page.wait_for_url(re.compile(r"/payments/przelewy24/return/"))
        assert "Спасибо — платёж подтверждён." in page.inner_text("#payment-status")
        assert axe_violations(page) == []
        page.get_by_role("link", name=re.compile("Осталс|Вернуться к сводке")).click()
        page.wait_for_url(re.compile(r"/payments/checkout/"))
        assert page.get_by_test_id(f"status-{payee}").inner_text() == "Оплачен"

    assert Payment.objects.filter(status=PaymentStatus.PAID).count() == 2
    assert Settlement.objects.count() == 2
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Скачать квитанцию (PDF)").first.click(modifiers=["Alt"])
    assert download_info.value.suggested_filename.startswith("receipt-")
