"""The lock-out page in a real browser, in Ukrainian and Russian: the counts read in the language (no English
"5 failed attempts" / "15 minutes"), axe-core clean on a phone."""

from __future__ import annotations

import os

import pytest

from przystan.testing.browser import axe_violations
from przystan.testing.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXPECTED = {
    "uk": ("після 5 невдалих спроб", "через 15 хвилин"),
    "ru": ("после 5 неудачных попыток", "через 15 минут"),
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_lock_out_page_reads_in_the_language(browser, live_server, user_factory, language):
    from django.core.cache import cache

    cache.clear()
    user_factory(email="olena@example.com")
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale=language)
    page = context.new_page()
    try:
        for password in ["wrong"] * 5 + [PASSWORD]:
            page.goto(f"{live_server.url}/accounts/login/")
            page.fill("input[name=username]", "olena@example.com")
            page.fill("input[name=password]", password)
            page.click("main form button[type=submit]")
        text = page.inner_text("main")
        shots = os.environ.get("PRZYSTAN_SCREENSHOTS")
        if shots:
            page.screenshot(path=f"{shots}/lockout-{language}.png", full_page=True)
        for phrase in EXPECTED[language]:
            assert phrase in text
        assert "attempt" not in text and "minute" not in text
        assert axe_violations(page) == []
    finally:
        context.close()
        cache.clear()
