"""Real browser, one MOS case end to end: the signed package arrives from the MOS simulator (HTTP feed),
the foreigner (Ukrainian) claims it with the code from the SMS, the officer (Polish) reads the
electronic application, summons the person for fingerprints with the office's Ukrainian template,
moves the case through the stages, issues the decision from a template (numbered in the register) and
orders the card; the foreigner sees each step in Ukrainian, up to "card ready for pick-up"."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from plugins.legalisation.letters.seed import ensure_default_templates
from plugins.legalisation.models import Case, Letter, LetterTemplate
from plugins.legalisation.mos_simulator import Simulator, build_sample
from plugins.legalisation.stages import stage_name
from przystan.notifications.models import OutboundMessage
from przystan.testing.factories import make_user

from .test_browser import assert_accessible, session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
KEY = b"test-only-mos-signing-key"


def gettext_in(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def uk_stage(code: str) -> str:
    with translation.override("uk"):
        return str(stage_name(code))


def test_one_mos_case_from_arrival_to_card_pick_up(
    live_server, browser, legal_office, enable_plugin, tmp_path
):
    ensure_default_templates(legal_office)
    with Simulator(port=8722) as simulator:
        enable_plugin(legal_office, "legalisation", config={"mos_intake": {"feed_url": simulator.url}})
        simulator.state.add(legal_office.code, *build_sample(legal_office.code, kid="mos-test", key=KEY))
        call_command("intake_poll")
    case = Case.objects.get(source="mos")
    assert case.stage == "filed" and case.applicant is None
    sms = OutboundMessage.objects.get(type="legalisation.case_arrived", channel="sms")
    code = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b", sms.body).group(1)

    # the foreigner claims the case (Ukrainian, phone width)
    person = make_user("oksana@example.com", kind="foreigner", preferred_language="uk")
    mine = browser.new_context(locale="uk-UA", viewport={"width": 390, "height": 844})
    mine.add_cookies(
        [
            *session_cookie(person, live_server),
            {"name": "django_language", "value": "uk", "url": live_server.url},
        ]
    )
    me = mine.new_page()
    me.set_default_timeout(20000)
    me.goto(f"{live_server.url}/legalisation/claim/")
    me.fill("#id_case_number", case.number)
    me.fill("#id_code", code)
    me.click("#claim-form button[type=submit]")
    me.wait_for_url(f"**/legalisation/cases/{case.number}/")
    assert me.locator("#filing-receipt").count() == 0  # MOS confirmed the filing; no second "proof" here
    assert me.inner_text("#stage-name").strip() == uk_stage("filed")

    # the officer works the case in Polish
    officer = make_user("boss@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=legal_office)
    staff = browser.new_context(locale="pl-PL")
    staff.add_cookies(
        [
            *session_cookie(officer, live_server, staff=True),
            {"name": "django_language", "value": "pl", "url": live_server.url},
        ]
    )
    desk = staff.new_page()
    desk.set_default_timeout(20000)
    case_url = f"{live_server.url}/staff/cases/{case.number}/"

    def move(stage: str) -> None:
        desk.goto(case_url)
        desk.select_option("#id_stage", stage)
        desk.locator("form[action$='/transition/'] button").click()
        desk.wait_for_load_state()
        assert Case.objects.get(pk=case.pk).stage == stage
        me.goto(f"{live_server.url}/legalisation/cases/{case.number}/")
        assert me.inner_text("#stage-name").strip() == uk_stage(stage)

    desk.goto(case_url)
    assert desk.locator("#electronic-application").count() == 1  # the answers filed in MOS
    assert desk.locator("#electronic-application h3").count() >= 2
    assert_accessible(desk)
    desk.screenshot(path=str(tmp_path / "officer-case.png"), full_page=True)
    move("accepted")

    # summons for fingerprints, from the office's Ukrainian template, previewed then issued
    desk.goto(case_url)
    desk.click("a[href$='/letters/new/']")
    summons = LetterTemplate.objects.get(office=legal_office, kind="summons_fingerprints", language="uk")
    desk.select_option("#id_template", str(summons.pk))
    desk.fill("#id_due_date", (timezone.localdate() + datetime.timedelta(days=14)).isoformat())
    desk.get_by_role("button", name=gettext_in("pl", "Preview")).click()
    desk.wait_for_selector(".letter-preview")
    assert case.number in desk.inner_text(".letter-preview")
    desk.get_by_role("button", name=gettext_in("pl", "Issue the letter")).click()
    desk.wait_for_selector("#letters")
    assert Letter.objects.filter(case=case, kind="summons_fingerprints").count() == 1
    assert Case.objects.get(pk=case.pk).stage == "summons_fingerprints"  # the summons moves the case
    me.goto(f"{live_server.url}/legalisation/cases/{case.number}/")
    assert me.inner_text("#stage-name").strip() == uk_stage("summons_fingerprints")
    move("biometrics_taken")
    move("formal_check")
    move("evidence_review")
    move("draft_decision")

    # the decision from the template, numbered in the register; it moves the case itself
    granted = LetterTemplate.objects.get(office=legal_office, kind="decision_granted", language="pl")
    desk.goto(f"{case_url}letters/new/")
    desk.select_option("#id_template", str(granted.pk))
    desk.get_by_role("button", name=gettext_in("pl", "Preview")).click()
    desk.wait_for_selector(".letter-preview")
    desk.get_by_role("button", name=gettext_in("pl", "Issue the decision")).click()
    desk.wait_for_selector("#letters")
    decision = Letter.objects.get(case=case, kind="decision_granted")
    assert decision.register_number and Case.objects.get(pk=case.pk).stage == "decision_granted"
    move("card_ordered")
    move("card_ready")
    assert_accessible(me)
    me.screenshot(path=str(tmp_path / "card-ready-uk.png"), full_page=True)
    staff.close()
    mine.close()
