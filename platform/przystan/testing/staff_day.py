"""Helpers of the staff-day browser tests (one per role's day): the demo office loaded behind a live
server, a browser context in a language and width, the log-in with the second factor through the forms,
and the checks every screen of a day passes — its language, no sideways scrolling, axe-core, no broken
text or raw codes — collected for one assertion at the end of the day.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from typing import Any

from przystan.testing.browser import axe_violations


def load_demo_for_live_server() -> Any:
    """The demo (offices, staff, plugins' data) in the live server's database; its summary."""
    from django.core.cache import cache
    from wagtail.models import Site

    from przystan.demo.loader import load_demo
    from przystan.testing.factories import make_office

    cache.clear()
    if not Site.objects.filter(is_default_site=True).exists():  # flushed by an earlier transactional test
        make_office(code="mazowiecki", hostname="localhost", default=True)
    return load_demo(stdout=io.StringIO())


def staff_of(demo: Any, role: str) -> Any:
    """The demo staff member of ``role`` (e-mail, backup codes, TOTP secret)."""
    return next(staff for staff in demo.staff if staff.role == role)


def staff_context(browser: Any, url: str, lang: str, width: int, height: int = 900) -> Any:
    """A browser whose own language matches none of ours, with the site's language chosen."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    context.add_cookies([{"name": "django_language", "value": lang, "url": url}])
    return context


def log_in_staff(page: Any, url: str, email: str, code: str, next_url: str = "/staff/") -> None:
    """Password, then the second factor (a backup code or a TOTP code), through the forms."""
    from przystan.demo.loader import DEMO_PASSWORD

    page.goto(f"{url}/accounts/login/?next={next_url}")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/accounts/mfa/verify/**")
    page.fill("#id_code", code)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**{next_url}**")


def scrolls_sideways(page: Any) -> bool:
    return not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


class ScreenChecks:
    """What a user would stumble on, collected over a whole day (assert ``not checks.problems`` at the end).

    ``raw`` matches text that must never reach the screen (internal codes, grosze); ``extra(text, where)``
    returns further problems of one plugin's screens.
    """

    def __init__(
        self,
        run: str,
        lang: str,
        shots: str,
        prefix: str,
        raw: re.Pattern[str] | None = None,
        extra: Callable[[str, str], list[str]] | None = None,
    ) -> None:
        self.run, self.lang, self.shots_dir, self.prefix = run, lang, shots, prefix
        self.raw, self.extra = raw, extra
        self.problems: list[str] = []
        self.shots = 0

    def page(self, page: Any, step: str) -> str:
        """Screenshot ``page`` and check it; returns the text of its main part."""
        self.shots += 1
        os.makedirs(self.shots_dir, exist_ok=True)
        page.screenshot(
            path=f"{self.shots_dir}/{self.prefix}-{self.run}-{self.shots:02d}-{step}.png", full_page=True
        )
        where = f"{self.run} {step}"
        language = page.locator("html").get_attribute("lang")
        if language != self.lang:
            self.problems.append(f"{where}: page language {language}")
        if scrolls_sideways(page):
            self.problems.append(f"{where}: the page scrolls sideways")
        found = axe_violations(page)
        if found:
            self.problems.append(f"{where}: axe {[(v['id'], v['targets']) for v in found]}")
        text = page.locator("main").inner_text()
        if "Traceback" in text or re.search(r"·\s*·", text):
            self.problems.append(f"{where}: broken text {text[:200]!r}")
        if self.raw is not None and self.raw.search(text):
            self.problems.append(f"{where}: a raw code on the screen: {self.raw.search(text).group(0)}")
        if self.extra is not None:
            self.problems += self.extra(text, where)
        return text
