"""The privacy walk in a real browser: the booking form, sign-up, contact page, privacy page and
accessibility declaration, in Polish, Ukrainian and Russian, on a desktop and a 390 px phone.

Each form shows the privacy notice (the office as controller, its data protection officer) and its
"more" layer opens; every page has the DPO in the footer, reads in its language, does not scroll
sideways, and axe-core finds neither violations nor checks it could not decide (incomplete).
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest

from przystan.testing.browser import WCAG_TAGS
from przystan.testing.staff_day import load_demo_for_live_server, scrolls_sideways

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1280, "phone": 390}
LANGUAGES = ("pl", "uk", "ru")
HEADINGS = {  # the notice's heading and the privacy page's controller section, per language
    "pl": ("Twoje dane osobowe", "Administrator"),
    "uk": ("Ваші персональні дані", "Контролер"),
    "ru": ("Ваши персональные данные", "Контролёр"),
}


def axe_findings(page: Any) -> list[dict[str, Any]]:
    """WCAG 2.1 AA violations and the checks axe-core could not decide (incomplete)."""
    from axe_playwright_python.sync_playwright import Axe

    results = (
        Axe()
        .run(
            page,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations", "incomplete"],
            },
        )
        .response
    )
    return [
        {"kind": kind, "id": item["id"], "targets": [node["target"] for node in item["nodes"]][:5]}
        for kind in ("violations", "incomplete")
        for item in results[kind]
    ]


def _booking_path(client_url: str, page: Any) -> str:
    """The first service whose booking page offers free times (a form to fill)."""
    from plugins.queue_booking.models import ServiceType

    for code in ServiceType.objects.values_list("code", flat=True).order_by("code"):
        page.goto(f"{client_url}/booking/{code}/")
        if page.locator("main form input[name=full_name]").count():
            return f"/booking/{code}/"
    raise AssertionError("no service in the demo has free times to book")


def test_privacy_walk(browser: Any, live_server: Any) -> None:
    demo = load_demo_for_live_server()
    office = demo.office
    shots = os.environ.get("PRZYSTAN_SCREENSHOTS", "")
    problems: list[str] = []
    booking = None
    for language in LANGUAGES:
        pages = {
            "booking": None,
            "signup": "/accounts/signup/",
            "contact": f"/{language}/kontakt/",
            "privacy": f"/{language}/ochrona-danych-osobowych/",
            "accessibility": f"/{language}/deklaracja-dostepnosci/",
        }
        for width_name, width in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-GB")
            context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
            page = context.new_page()
            page.set_default_timeout(20000)
            try:
                booking = booking or _booking_path(live_server.url, page)
                pages["booking"] = booking
                for name, path in pages.items():
                    tag = f"{name}-{language}-{width_name}"
                    page.goto(f"{live_server.url}{path}")
                    if page.evaluate("document.documentElement.lang") != language:
                        problems.append(f"{tag}: page language is not {language}")
                    footer = page.inner_text("footer")
                    if office.dpo_email not in footer:
                        problems.append(f"{tag}: no DPO contact in the footer")
                    if name in ("booking", "signup", "contact"):
                        notice = page.locator("section.privacy-notice")
                        if notice.count() != 1:
                            problems.append(f"{tag}: {notice.count()} privacy notices")
                        else:
                            text = notice.inner_text()
                            for fact in (HEADINGS[language][0], office.name, office.dpo_email):
                                if fact not in text:
                                    problems.append(f"{tag}: the notice lacks {fact!r}")
                            notice.locator("summary").click()  # the second layer opens
                            if not notice.locator("dl.privacy-facts").is_visible():
                                problems.append(f"{tag}: the notice's details do not open")
                            if not re.search(r"Stawki 2", notice.inner_text()):
                                problems.append(f"{tag}: no complaint to the supervisory authority")
                    if name == "privacy" and HEADINGS[language][1] not in page.inner_text("main"):
                        problems.append(f"{tag}: no controller section")
                    if name == "accessibility" and page.locator("#a11y-review-date").count() != 1:
                        problems.append(f"{tag}: no review date")
                    if scrolls_sideways(page):
                        problems.append(f"{tag}: scrolls sideways")
                    findings = axe_findings(page)
                    if findings:
                        problems.append(f"{tag}: axe {findings}")
                    if shots:
                        page.screenshot(path=f"{shots}/{tag}.png", full_page=True)
            finally:
                context.close()
    assert not problems, "\n".join(problems)
