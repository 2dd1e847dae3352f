"""Real browser: an officer (Polish UI) opens a MOS case with Polish and Ukrainian answers, sees the
answers by section, the thumbnails and the type-check warning, downloads the staff PDF, then at the
counter types the case number into the focused field with Enter as a scanner does, ticks the
checklist and saves; in Ukrainian an unknown number gives the translated message. axe-core is clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation

from plugins.legalisation.models import CounterCheck
from przystan.testing.factories import make_user

from .electronic_data import CYRILLIC_PURPOSE, POLISH_STREET, UPO, electronic_case
from .test_browser import assert_accessible, session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path("/tmp")


def words(text: str, language: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def test_officer_reads_the_application_and_compares_at_the_counter(live_server, browser, legal_office):
    foreigner = make_user("olena@example.com", kind="foreigner", preferred_language="uk")
    officer = make_user("officer@uw.example.gov.pl", kind="staff", roles=("officer",), office=legal_office)
    case = electronic_case(legal_office, foreigner, assignee=officer)
    context = browser.new_context(
        locale="pl-PL", accept_downloads=True, viewport={"width": 1280, "height": 1000}
    )
    context.add_cookies(
        [
            *session_cookie(officer, live_server, staff=True),
            {"name": "django_language", "value": "pl", "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.set_default_timeout(20000)

    page.goto(f"{live_server.url}/staff/cases/{case.number}/")
    panel = page.locator("#electronic-application")
    assert "Dane osobowe" in panel.inner_text()
    assert "12 kwietnia 1990" in panel.inner_text()
    assert POLISH_STREET in panel.inner_text() and CYRILLIC_PURPOSE in panel.inner_text()
    assert "Zadeklarowano jako dokument PDF, ale zawartość to obraz PNG." in panel.inner_text()
    assert UPO in panel.inner_text() and "NIEWAŻNY" in panel.inner_text()
    thumbs = panel.locator("img.attachment-thumb")
    assert thumbs.count() == 3
    for index in range(3):  # the thumbnails load lazily, when scrolled to
        thumbs.nth(index).scroll_into_view_if_needed()
        source = thumbs.nth(index).get_attribute("src")
        assert page.request.get(f"{live_server.url}{source}").headers["content-type"] == "image/png"
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.attachment-thumb')].every(i => i.complete && i.naturalWidth > 0)"
    )
    panel.screenshot(path=str(SCREENSHOTS / "appview-case-panel.png"))
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.click(f"a[href$='/staff/cases/{case.number}/application.pdf']")
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    (SCREENSHOTS / "appview-staff.pdf").write_bytes(pdf)

    # the counter: the number field has focus; a scanner types the number and Enter
    page.goto(f"{live_server.url}/staff/cases/counter/")
    assert page.evaluate("document.activeElement.id") == "id_number"
    page.keyboard.type(case.number)
    page.keyboard.press("Enter")
    page.wait_for_selector("#h-counter-checklist")
    assert POLISH_STREET in page.inner_text("main")
    for code in ("photo", "passport_copy", "insurance"):
        page.check(f"input[name=status_{code}][value=seen]")
    page.check("input[name=status_contract][value=missing]")
    page.click("button:has-text('Zapisz sprawdzenie')")
    page.wait_for_selector(".message.success, .message.error")
    assert "Dodaj notatkę do brakującego dokumentu" in page.inner_text("main")  # missing needs a note
    page.fill("#note_contract", "Doniesie oryginał umowy w piątek")
    page.click("button:has-text('Zapisz sprawdzenie')")
    page.wait_for_selector(".message.success")
    assert page.evaluate("document.activeElement.id") == "id_number"  # ready for the next printout
    assert CounterCheck.objects.filter(case=case).count() == 1
    assert "Doniesie oryginał umowy w piątek" in page.inner_text("#counter-checks")
    page.screenshot(path=str(SCREENSHOTS / "appview-counter-pl.png"), full_page=True)
    assert_accessible(page)

    # in Ukrainian: the applicant's data side by side, and an unknown number explained in Ukrainian
    context.add_cookies([{"name": "django_language", "value": "uk", "url": live_server.url}])
    page.goto(f"{live_server.url}/staff/cases/counter/?number={case.number}")
    assert words("Documents checklist", "uk") in page.inner_text("main")
    assert CYRILLIC_PURPOSE in page.inner_text("main")
    page.screenshot(path=str(SCREENSHOTS / "appview-counter-uk.png"), full_page=True)
    page.goto(f"{live_server.url}/staff/cases/counter/")
    # the scanner types into the focused field: wait until focus has landed there, or the
    # first keystrokes go to the page (seen once in CI as "ESTOWY-…")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'id_number'")
    page.keyboard.type("TESTOWY-2026-999999")
    page.keyboard.press("Enter")
    page.wait_for_selector(".message.error")
    assert "Справу з номером TESTOWY-2026-999999 не знайдено" in page.inner_text(".message.error")
    assert_accessible(page)
    context.close()
