"""Benefit rules and a payment list in a real browser on the demo data, as a centre's social worker and
a finance officer: in Polish on a 1280 px desktop and in Russian on a 390 px phone.

The social worker sees the current amounts marked "to be confirmed by the office" (the 2016 regulation's
amounts only as history), generates the month's list for her centre and gets a draft that cannot go for
approval; the finance officer confirms the rules; the draft then can go. Every screen is in the chosen
language, has no sideways scrolling and no axe-core violations. Screenshots: /tmp/benefits-shots/.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from przystan.testing.staff_day import (
    ScreenChecks,
    load_demo_for_live_server,
    log_in_staff,
    staff_context,
    staff_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROUNDS = (("pl", 1280), ("ru", 390))
SHOTS = "/tmp/benefits-shots"
RAW = re.compile(r"\b(food_equivalent|outside_cash|pocket_money|\d{4,}\s?gr)\b")
TO_CONFIRM = {"pl": "do potwierdzenia przez urząd", "ru": "требует подтверждения управлением"}
HISTORY = {"pl": "Już nieobowiązujące (historia)", "ru": "Больше не действующие (история)"}


@pytest.fixture
def demo(live_server):
    return load_demo_for_live_server()


def _fresh_month(office: Any) -> None:
    """Each round starts as the demo does: rules to be confirmed, no list for this month yet."""
    from plugins.serce.models import BenefitRule, PaymentList

    BenefitRule.objects.filter(office=office).update(to_confirm=True, confirmed_at=None, confirmed_by=None)
    PaymentList.objects.filter(office=office).delete()


def test_social_worker_and_finance_see_dated_rules_and_a_list_waits_for_confirmation(
    browser, live_server, demo
):
    from plugins.serce.models import BenefitRule, Centre, PaymentList

    office, url = demo.office, live_server.url
    worker, finance = staff_of(demo, "social_worker"), staff_of(demo, "finance")
    linin = Centre.objects.get(office=office, code="linin")
    problems: list[str] = []
    for index, (lang, width) in enumerate(ROUNDS):
        _fresh_month(office)
        checks = ScreenChecks(f"{lang}-{width}", lang, SHOTS, "benefits", raw=RAW)
        # the social worker: the rules, then the month's list of her centre
        context = staff_context(browser, url, lang, width)
        page = context.new_page()
        page.set_default_timeout(20000)
        log_in_staff(page, url, worker.email, worker.backup_codes[index])
        page.goto(f"{url}/staff/serce/benefit-rules/")
        text = checks.page(page, "worker-rules")
        current = page.locator("#rules-current").locator("xpath=..").inner_text()
        assert TO_CONFIRM[lang] in current and "15,00" in current and "776,00" in current
        assert "11,00" not in current and "Dz.U. 2016 poz. 311" not in current  # the old law is history
        assert HISTORY[lang] in text and "11,00" in text and "2016 poz. 311" in text
        assert page.locator("form[action$='/confirm/']").count() == 0  # she cannot confirm
        page.goto(f"{url}/staff/serce/payments/")
        page.select_option("#id_centre", str(linin.pk))
        page.click("main form[method=post] button[type=submit]")
        page.wait_for_url("**/staff/serce/payments/*/")
        payment_list = PaymentList.objects.get(
            office=office, centre=linin, month=dt.date.today().replace(day=1)
        )
        text = checks.page(page, "worker-list-draft")
        assert TO_CONFIRM[lang] in text
        assert page.locator("form[action$='/submit/']").count() == 0
        context.close()
        # the finance officer confirms the rules valid today
        context = staff_context(browser, url, lang, width)
        page = context.new_page()
        page.set_default_timeout(20000)
        log_in_staff(page, url, finance.email, finance.backup_codes[index])
        page.goto(f"{url}/staff/serce/benefit-rules/")
        checks.page(page, "finance-rules")
        buttons = page.locator("#rules-current ~ div form[action$='/confirm/'] button")
        while buttons.count():
            buttons.first.click()
            page.wait_for_load_state()
        text = checks.page(page, "finance-rules-confirmed")
        current = page.locator("#rules-current").locator("xpath=..").inner_text()
        assert page.locator("#rules-current ~ div .badge-warning").count() == 0 and finance.email in current
        assert not BenefitRule.objects.filter(office=office, valid_until=None, to_confirm=True).exists()
        page.goto(f"{url}/staff/serce/payments/{payment_list.pk}/")
        checks.page(page, "finance-list")
        assert page.locator("main .badge-warning, main .warning").count() == 0
        context.close()
        # the social worker can now submit the draft
        context = staff_context(browser, url, lang, width)
        page = context.new_page()
        page.set_default_timeout(20000)
        log_in_staff(page, url, worker.email, worker.backup_codes[index + 2])
        page.goto(f"{url}/staff/serce/payments/{payment_list.pk}/")
        page.click("form[action$='/submit/'] button")
        page.wait_for_load_state()
        checks.page(page, "worker-list-submitted")
        payment_list.refresh_from_db()
        assert payment_list.status == "submitted"
        context.close()
        problems += checks.problems
    assert not problems, "\n".join(problems)
