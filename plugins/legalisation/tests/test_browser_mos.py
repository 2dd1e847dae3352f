"""Real browser: a foreigner reading Ukrainian meets a type filed only in MOS. The procedure page
says so and offers the "prepare for MOS" guide and MOS itself, never a filing here; the guide and the
private checklist work on a desktop and a 390 px phone, are labelled as not a filing, and create no
application, case, number or PIN. A type still filed at the office keeps its "apply" button."""

from __future__ import annotations

import pytest
from django.utils import translation

from plugins.legalisation.models import Application, Case, PreparationChecklist
from przystan.testing.factories import make_user

from .test_browser import assert_accessible, session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROCEDURE = "/uk/procedury/pobyt-czasowy-i-praca/"


def uk(text: str, **values: str) -> str:
    with translation.override("uk"):
        found = translation.gettext(text)
    return found % values if values else found


@pytest.fixture
def portal_pages(legal_office):
    from cms_content.demo.loader import load_portal
    from przystan.accounts.roles import sync_roles

    sync_roles()
    load_portal(legal_office, procedures=["temp_work", "visa_extension"])
    return legal_office


@pytest.mark.parametrize("width", [1280, 390])
def test_mos_type_offers_the_guide_and_a_private_checklist_never_a_filing(
    live_server, browser, portal_pages, width, tmp_path
):
    foreigner = make_user("olena@example.com", kind="foreigner", preferred_language="uk")
    context = browser.new_context(locale="uk-UA", viewport={"width": width, "height": 900})
    context.add_cookies(
        [
            *session_cookie(foreigner, live_server),
            {"name": "django_language", "value": "uk", "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15000)

    page.goto(live_server.url + PROCEDURE)
    notice = page.locator(".filing-route")
    assert "MOS" in notice.inner_text()
    assert page.locator("a.button-apply").count() == 0  # nothing on the page files here
    assert page.locator("a.button-file_in_mos").get_attribute("href") == "https://mos.cudzoziemcy.gov.pl/"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / f"procedure-{width}.png"), full_page=True)

    page.locator("a.button-prepare_mos").click()
    assert page.url.endswith("/legalisation/mos/temp_work/")
    from plugins.legalisation.application_types import get_type

    with translation.override("uk"):
        name = str(get_type("temp_work").name)
    assert page.inner_text("h1") == uk("Prepare for MOS: %(name)s", name=name)
    assert "MOS" in page.inner_text("#not-a-filing")
    assert page.locator("#annex-heading").count() == 1  # the employer's annex step of this type
    assert page.locator("a", has_text=uk("Go to MOS")).first.get_attribute("href").startswith("https://mos.")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / f"guide-{width}.png"), full_page=True)

    page.locator("a", has_text=uk("Open my checklist")).click()
    assert uk(
        "This is not an application. Nothing is filed here, there is no case number, no PIN and no confirmation of filing. You file only in MOS."
    ) in page.inner_text("#not-a-filing")
    boxes = page.locator("input[name=ready]")
    total = boxes.count()
    assert total >= 6
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.locator("main form button[type=submit]").click()
    assert page.inner_text("#ready-count").strip() == uk(
        "Ready: %(ready)s of %(total)s.", ready="2", total=str(total)
    )
    page.reload()
    assert page.locator("input[name=ready]:checked").count() == 2  # kept with the account
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / f"checklist-{width}.png"), full_page=True)
    # a checklist only: no application, no case, no number, no PIN
    assert Application.objects.count() == 0 and Case.objects.count() == 0
    assert PreparationChecklist.objects.get(user=foreigner).ticked[:2]

    # the list of applications offers MOS types only as guides; the office's own types can be started
    page.goto(live_server.url + "/legalisation/apply/")
    assert page.locator("form[action$='/apply/temp_work/']").count() == 0
    assert page.locator("a[href$='/legalisation/mos/temp_work/']").count() == 1
    assert page.locator("form[action$='/apply/visa_extension/']").count() == 1
    assert_accessible(page)

    page.goto(live_server.url + "/uk/procedury/przedluzenie-wizy/")  # filed at the office: "apply" stays
    assert page.locator("a.button-apply").count() == 1
    assert page.locator("a.button-prepare_mos").count() == 0
    context.close()
