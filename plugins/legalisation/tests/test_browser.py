"""Real browser (Playwright + Chromium) against a live server: a foreigner in Ukrainian fills an
application with one mistake, sees the error in Ukrainian without losing input, fixes it, attaches a
scan, submits and downloads the PDF whose barcode decodes to the case number; an officer moves the
case through stages; the foreigner sees each stage and receives the notifications; axe-core is clean."""

from __future__ import annotations

import subprocess

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from plugins.legalisation.models import Case
from plugins.legalisation.stages import stage_name
from przystan.notifications.delivery import deliver_due
from przystan.notifications.models import OutboundMessage
from przystan.testing.auth import login_with_mfa
from przystan.testing.browser import axe_violations
from przystan.testing.factories import make_user

from .conftest import VALID, png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def session_cookie(user, live_server, *, staff: bool = False) -> list[dict]:
    client = Client()
    if staff:
        login_with_mfa(client, user)
    else:
        client.force_login(user)
    return [
        {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url},
    ]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert violations == [], violations


def ukrainian(text: str) -> str:
    with translation.override("uk"):
        return translation.gettext(text)


def test_foreigner_applies_in_ukrainian_and_follows_the_case(live_server, browser, legal_office, tmp_path):
    from PIL import Image
    from pyzbar.pyzbar import decode

    foreigner = make_user(
        "olena@example.com", kind="foreigner", preferred_language="uk", phone="+48600100200"
    )
    supervisor = make_user("boss@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=legal_office)
    context = browser.new_context(locale="uk-UA", accept_downloads=True)
    context.add_cookies(
        [
            *session_cookie(foreigner, live_server),
            {"name": "django_language", "value": "uk", "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15000)

    page.goto(f"{live_server.url}/legalisation/apply/")
    page.locator("form[action$='/apply/card_exchange/'] button").click()
    for name in ("surname", "given_names", "birth_date", "citizenship", "passport_number", "passport_expiry"):
        page.fill(f"#id_{name}", VALID[name])
    page.click("button[name=next]")

    # step 2: one mistake in the postal code
    page.fill("#id_street", VALID["street"])
    page.fill("#id_postal_code", "00624")
    page.fill("#id_city", VALID["city"])
    page.locator("#id_city").press("Tab")
    expected = ukrainian("A Polish postal code looks like 00-624.")
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel).textContent.includes(text)",
        arg=["#err_postal_code", expected],
    )
    page.click("button[name=next]")  # the server refuses the step too, keeping what was typed
    assert page.locator("#err_postal_code").inner_text() == expected
    assert (
        page.input_value("#id_street") == VALID["street"] and page.input_value("#id_postal_code") == "00624"
    )
    assert page.locator("#id_postal_code").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    page.fill("#id_postal_code", "00-624")
    page.click("button[name=next]")

    page.fill("#id_card_number", "RP1234567")
    page.click("button[name=next]")

    scan = {"name": "skan.png", "mimeType": "image/png", "buffer": png_bytes()}
    for kind in ("photo", "passport_copy"):
        page.select_option("#id_kind", kind)
        page.set_input_files("#id_file", scan)
        page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
        page.wait_for_load_state()
    assert page.locator("h3 + ul > li", has_text="skan.png").count() == 2
    assert_accessible(page)
    page.goto(page.url.rsplit("/step/", 1)[0] + "/step/4/")
    assert page.locator("form[action$='/submit/'] button").count() == 1, page.inner_text("main")
    page.locator("form[action$='/submit/'] button").click()

    number = page.inner_text("#case-number").strip()
    assert page.inner_text("#case-pin").strip().isdigit()
    assert_accessible(page)
    with page.expect_download() as download:
        page.click("#download-pdf")
    pdf = tmp_path / "application.pdf"
    download.value.save_as(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(tmp_path / "page")], check=True
    )
    assert {symbol.data.decode() for symbol in decode(Image.open(tmp_path / "page.png"))} == {number}

    # the officer (another browser context, MFA passed) moves the case; the foreigner sees each stage
    officer_context = browser.new_context(locale="pl-PL")
    officer_context.add_cookies(session_cookie(supervisor, live_server, staff=True))
    officer = officer_context.new_page()
    officer.set_default_timeout(15000)
    stages = ["accepted", "summons_fingerprints", "biometrics_taken", "formal_check"]
    for code in stages:
        officer.goto(f"{live_server.url}/staff/cases/{number}/")
        officer.select_option("#id_stage", code)
        officer.locator("form[action$='/transition/'] button").click()
        officer.wait_for_load_state()
        page.goto(f"{live_server.url}/legalisation/cases/{number}/")
        with translation.override("uk"):
            assert page.inner_text("#stage-name").strip() == stage_name(code)
    assert_accessible(page)
    assert Case.objects.get(number=number).legal_deadline is not None  # fingerprints taken: clock runs

    deliver_due()
    emails = [m for m in mail.outbox if number in m.subject]
    with translation.override("uk"):
        for code in stages:
            assert any(stage_name(code) in m.subject for m in emails), code
    assert (
        OutboundMessage.objects.filter(
            type="legalisation.stage_changed", channel="sms", language="uk"
        ).count()
        == 4
    )
    officer_context.close()
    context.close()
