"""Real browser: what a foreigner reads about fees, and a finance officer halving a card fee.

The procedure pages for the CUKR card, permanent residence and visa extension (Polish on a desktop,
Ukrainian on a 390 px phone) show the catalogue's amounts — CUKR 340 zł stamp duty and 100 zł card,
640 zł with its exemptions, 406 zł and "the equivalent of €30" — and no codes or grosze; the MOS
guide for permanent residence shows the same. A finance officer records a 50 % card-fee reduction
on a case; the case's checkout then asks for 50 zł and says why."""

from __future__ import annotations

import datetime
import os
import re

import pytest

from plugins.payments.defaults import install_standard_fees
from przystan.testing.factories import make_user

from .test_fee_facts import cases  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("FEES_SHOTS", "")


def shot(page, tmp_path, name: str) -> None:
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


@pytest.fixture
def fee_portal(office, enable_plugin):
    from cms_content.demo.loader import load_portal
    from przystan.accounts.roles import sync_roles

    sync_roles()
    enable_plugin(office, "legalisation")
    enable_plugin(office, "payments")
    install_standard_fees(office)
    load_portal(office, procedures=["cukr", "permanent", "visa_extension"])
    return office


def assert_no_codes_or_grosze(text: str) -> None:
    assert not re.search(r"\b(stamp_|card_issue)", text), text
    assert not re.search(r"\b\d{4,}\s*gr", text)


@pytest.mark.parametrize(("language", "width"), [("pl", 1280), ("uk", 390)])
def test_foreigner_reads_the_true_fees(live_server, browser, fee_portal, language, width, tmp_path):
    from plugins.legalisation.tests.test_browser import assert_accessible

    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(20000)
    euro = {"pl": "równowartość 30 euro", "uk": "еквівалент 30 євро в злотих"}[language]
    polaka = {"pl": "Karty Polaka", "uk": "Карти поляка"}[language]

    page.goto(f"{live_server.url}/{language}/procedury/karta-cukr/")
    fees = page.locator("#fees")
    assert fees.locator("[data-fee-code=stamp_cukr] td").first.inner_text().startswith("340")
    assert fees.locator("[data-fee-code=card_issue] td").first.inner_text().startswith("100")
    assert_no_codes_or_grosze(fees.inner_text())
    shot(page, tmp_path, f"cukr-{language}-{width}")
    # the fees table stacks on a phone (it overflowed a 390 px screen in Ukrainian by up to 105 px)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.goto(f"{live_server.url}/{language}/procedury/pobyt-staly/")
    row = page.locator("#fees [data-fee-code=stamp_permanent]")
    assert row.locator("td").first.inner_text().startswith("640")
    assert polaka in row.inner_text()
    card = page.locator("#fees [data-fee-code=card_issue]").inner_text()
    assert "50 %" in card
    assert_no_codes_or_grosze(page.locator("#fees").inner_text())
    assert_accessible(page)
    shot(page, tmp_path, f"permanent-{language}-{width}")

    page.goto(f"{live_server.url}/{language}/procedury/przedluzenie-wizy/")
    assert page.locator("#fees [data-fee-code=stamp_visa_extension] td").first.inner_text().startswith("406")
    assert page.locator("#fees [data-fee-code=stamp_schengen_visa_extension] td").first.inner_text() == euro
    shot(page, tmp_path, f"visa-{language}-{width}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.goto(f"{live_server.url}/legalisation/mos/permanent/")
    guide = page.locator("[data-fee-code=stamp_permanent]")
    assert "640" in guide.inner_text() and polaka in guide.inner_text()
    assert_no_codes_or_grosze(page.locator("#fees-heading").locator("..").inner_text())
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, tmp_path, f"mos-guide-permanent-{language}-{width}")
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_finance_officer_halves_a_card_fee_and_the_payer_sees_it(
    live_server,
    browser,
    fee_portal,
    cases,  # noqa: F811
    width,
    tmp_path,
):
    from plugins.legalisation.tests.test_browser import session_cookie
    from plugins.payments.checkout import create_checkout
    from plugins.payments.models import CaseFeeRelief
    from przystan.audit.models import AuditEntry

    cases.cases["WSC-II-S.6151.7.2026"] = ("temp_studies", datetime.date(2026, 6, 1))
    finance = make_user("finance@uw.example.gov.pl", kind="staff", roles=("finance",), office=fee_portal)
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies(
        [
            *session_cookie(finance, live_server, staff=True),
            {"name": "django_language", "value": "pl", "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(f"{live_server.url}/staff/payments/case/WSC-II-S.6151.7.2026/")
    assert "100" in page.locator("[data-fee-row=card_issue]").inner_text()
    section = page.locator("section.case-relief", has=page.locator("#relief-card_issue"))
    choice = section.get_by_label("Ulga lub zwolnienie")
    choice.select_option(choice.locator("option", has_text="studenci").get_attribute("value"))
    section.get_by_label("powód i okazany dokument", exact=False).fill(
        "legitymacja studencka UW do 30.09.2027"
    )
    section.get_by_role("button", name="Zapisz ulgę").click()
    row = page.locator("[data-fee-row=card_issue]")
    assert "50,00" in row.inner_text() and "studenci" in row.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, tmp_path, f"staff-case-relief-{width}")
    granted = CaseFeeRelief.objects.get(case_reference="WSC-II-S.6151.7.2026")
    assert AuditEntry.objects.for_object(granted).filter(action="create", actor=finance).exists()

    checkout = create_checkout(
        fee_portal,
        ["stamp_temp_other", "card_issue"],
        payer_email="student@example.com",
        language="uk",
        case_reference="WSC-II-S.6151.7.2026",
    )
    payer = browser.new_context(viewport={"width": width, "height": 900})
    payer.add_cookies([{"name": "django_language", "value": "uk", "url": live_server.url}])
    payer_page = payer.new_page()
    payer_page.goto(f"{live_server.url}/payments/checkout/{checkout.token}/")
    text = payer_page.locator("main").inner_text()
    assert "50 %" in text and "50,00" in text
    shot(payer_page, tmp_path, f"checkout-relief-uk-{width}")
    payer.close()
    context.close()
