"""Real browser: a case arrives from MOS (signed package from the simulator, fetched over HTTP from its
feed); the foreigner, in Ukrainian, types a wrong code and sees the error in Ukrainian, then the code
from the SMS and lands on the case; a supervisor sees a refused package in the quarantine in Polish;
axe-core finds nothing on either page."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.utils import translation

from plugins.legalisation.models import Case
from plugins.legalisation.mos_simulator import Simulator, build_sample
from przystan.notifications.models import OutboundMessage
from przystan.testing.factories import make_user

from .test_browser import assert_accessible, session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
KEY = b"test-only-mos-signing-key"


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def test_a_mos_case_is_claimed_in_ukrainian_and_the_quarantine_is_shown_in_polish(
    live_server, browser, legal_office, enable_plugin, tmp_path
):
    with Simulator(port=8722) as simulator:
        enable_plugin(legal_office, "legalisation", config={"mos_intake": {"feed_url": simulator.url}})
        simulator.state.add(legal_office.code, *build_sample(legal_office.code, kid="mos-test", key=KEY))
        simulator.state.add(legal_office.code, *build_sample(legal_office.code, kid="mos-test", key=None))
        call_command("intake_poll")
    case = Case.objects.get(source="mos")
    sms = OutboundMessage.objects.get(type="legalisation.case_arrived", channel="sms")
    code = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b", sms.body).group(1)

    foreigner = make_user("oksana@example.com", kind="foreigner", preferred_language="uk")
    context = browser.new_context(locale="uk-UA")
    context.add_cookies(
        [
            *session_cookie(foreigner, live_server),
            {"name": "django_language", "value": "uk", "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/legalisation/")
    page.click("a[href='/legalisation/claim/']")
    assert in_language("uk", "Add a case filed in MOS") in page.locator("h1").inner_text()
    page.fill("#id_case_number", case.number)
    page.fill("#id_code", "AAAA-BBBB-CCCC")
    page.click("#claim-form button[type=submit]")
    alert = page.locator("[role=alert]").inner_text()
    wrong = (
        "The case number and code do not match a case waiting to be added, or the code was already used. "
        "Check both and try again."
    )
    assert alert.strip() == in_language("uk", wrong) != wrong
    assert page.input_value("#id_case_number") == case.number  # what was typed is kept
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / "claim-error-uk.png"), full_page=True)
    page.fill("#id_code", code.lower())
    page.click("#claim-form button[type=submit]")
    page.wait_for_url(f"**/legalisation/cases/{case.number}/")
    page.screenshot(path="/tmp/intake-claimed-uk.png", full_page=True)
    case.refresh_from_db()
    assert case.applicant == foreigner
    context.close()

    supervisor = make_user("boss@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=legal_office)
    staff = browser.new_context(locale="pl-PL")
    staff.add_cookies(
        [
            *session_cookie(supervisor, live_server, staff=True),
            {"name": "django_language", "value": "pl", "url": live_server.url},
        ]
    )
    page = staff.new_page()
    page.goto(f"{live_server.url}/staff/cases/intake/quarantine/")
    reason = page.locator("#quarantine td.reason").first.inner_text()
    assert reason == in_language("pl", "The package is not signed")
    assert case.number in page.locator("main").inner_text()  # recently imported
    assert_accessible(page)
    page.screenshot(path="/tmp/intake-quarantine-pl.png", full_page=True)
    staff.close()
