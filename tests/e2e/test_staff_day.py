"""Every demo staff role in a real browser: log in with MFA through the forms, reach the staff area
without a redirect loop, see only what the access policy gives the role, in Polish and Ukrainian, on a
desktop and a 375 px phone (no sideways scrolling), axe-core clean.
"""

from __future__ import annotations

import pytest
from django.utils import translation

from przystan import access
from przystan.pluginsys.manager import get_plugin_system
from przystan.testing.browser import axe_violations
from przystan.testing.staff_day import load_demo_for_live_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1280, "phone": 375}


@pytest.fixture
def demo(live_server):
    return load_demo_for_live_server()


def _log_in(page, url: str, email: str, code: str, password: str) -> None:
    page.goto(f"{url}/accounts/login/?next=/staff/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    try:
        page.wait_for_url("**/accounts/mfa/verify/**")
    except Exception:
        page.screenshot(path="/tmp/login-fail.png")
        raise AssertionError(page.url + "\n" + page.locator("main").inner_text()) from None
    page.fill("#id_code", code)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/**")


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_every_staff_role_reaches_its_work_with_mfa_in_two_languages_and_widths(browser, live_server, demo):
    from django.contrib.auth import get_user_model

    from przystan.demo.loader import DEMO_PASSWORD

    User = get_user_model()
    problems: list[str] = []
    for staff in demo.staff:
        role, email, codes = staff.role, staff.email, staff.backup_codes
        user = User.objects.get(email=email)
        for round_, (lang, width) in enumerate((("pl", "desktop"), ("uk", "phone"))):
            context = browser.new_context(
                viewport={"width": WIDTHS[width], "height": 900},
                locale="en-GB",  # browser language matches neither
            )
            context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
            page = context.new_page()
            page.set_default_timeout(15000)
            try:
                _log_in(page, live_server.url, email, codes[round_], DEMO_PASSWORD)
                where = f"{role} {lang} {width}"
                assert page.locator("html").get_attribute("lang") == lang, where
                if not _no_sideways_scroll(page):
                    problems.append(f"{where}: the dashboard scrolls sideways")
                # the administration link only for roles that may use it, and it never loops
                admin_link = page.locator("a[href='/admin/']")
                may_administer = access.allows(user, "view", "web.admin", office=demo.office)
                if admin_link.count() != int(may_administer):
                    problems.append(f"{where}: administration link shown={admin_link.count()}")
                if admin_link.count():
                    try:
                        response = page.goto(f"{live_server.url}/admin/")
                        if response is None or response.status != 200:
                            problems.append(f"{where}: /admin/ answered {response and response.status}")
                    except Exception as exc:  # noqa: BLE001 - a redirect loop is a finding, not a crash
                        problems.append(f"{where}: /admin/ {str(exc).splitlines()[0]}")
                    page.close()
                    page = context.new_page()
                    page.set_default_timeout(15000)
                    page.goto(f"{live_server.url}/staff/")
                if lang == "pl":
                    found = axe_violations(page)
                    if found:
                        problems.append(f"{where}: axe {[v['id'] for v in found]}")
                # the dashboard shows the panels and reports the policy gives this role, and no others
                text = page.locator("main").inner_text()
                assert "Traceback" not in text
                for hook in ("dashboard_panels", "reports", "admin_menu_items"):
                    for item in get_plugin_system().registry(hook):
                        if not item.access:
                            continue
                        allowed = access.allows(user, item.access[1], item.access[0], office=demo.office)
                        with translation.override(lang):
                            label = str(item.label)
                        if allowed != (label in text):
                            problems.append(
                                f"{where}: {hook} {item.name} shown={label in text} allowed={allowed}"
                            )
            finally:
                context.close()
    assert not problems, "\n".join(problems)
