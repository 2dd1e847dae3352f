"""The editors' day in a real browser: the editor logs in with MFA, edits a procedure page in Wagtail
and submits it for review — no way to publish it himself; the reviewer approves, which publishes; the
public page shows the change. In Polish (desktop 1280) and in Ukrainian: our screens (log-in, second
factor, the public page) on a 375 px phone, axe-core clean in Polish; the Wagtail admin itself is
desktop-only (1280 px) in both rounds. Screenshots: /tmp/onboard/editor-*.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from przystan.testing.browser import axe_violations
from przystan.testing.staff_day import load_demo_for_live_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/onboard")
PHONE, DESKTOP = {"width": 375, "height": 900}, {"width": 1280, "height": 900}


@pytest.fixture
def demo(live_server):
    return load_demo_for_live_server()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"editor-{name}.png"), full_page=True)


def _sideways(page) -> bool:
    return not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def _signed_in(browser, live_server, staff, code: str, lang: str, viewport: dict, tag: str, problems: list):
    from przystan.demo.loader import DEMO_PASSWORD

    context = browser.new_context(viewport=viewport, locale="en-GB")
    context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(f"{live_server.url}/accounts/login/?next=/staff/")
    page.fill("input[name=username]", staff.email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/accounts/mfa/verify/**")
    _shot(page, f"{tag}-mfa")
    if lang == "pl" and (found := axe_violations(page)):
        problems.append(f"{tag} mfa: axe {found}")
    page.fill("#id_code", code)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/staff/**")
    if _sideways(page):
        problems.append(f"{tag}: the dashboard scrolls sideways")
    page.set_viewport_size(DESKTOP)  # the Wagtail admin is desktop-only
    return context, page


def _submit_button(page, name: str) -> None:
    """Press a button of the editor's action menu (the menu's dropdown hides all but the first)."""
    page.evaluate(
        "name => { const b = document.querySelector(`footer button[name='${name}']`);"
        " b.closest('form').requestSubmit(b); }",
        name,
    )


def test_the_editor_submits_for_review_the_reviewer_publishes(browser, live_server, demo):
    from cms_content.models import ProcedurePage

    editor = next(s for s in demo.staff if s.role == "editor")
    reviewer = next(s for s in demo.staff if s.role == "reviewer")
    problems: list[str] = []
    for round_, (lang, viewport) in enumerate((("pl", DESKTOP), ("uk", PHONE))):
        page_obj = ProcedurePage.objects.filter(locale__language_code=lang, live=True).order_by("pk").first()
        new_title = f"{page_obj.title} — zmiana {round_}" if lang == "pl" else f"{page_obj.title} — зміна"
        edit_url = f"{live_server.url}/admin/pages/{page_obj.pk}/edit/"

        context, page = _signed_in(
            browser,
            live_server,
            editor,
            editor.backup_codes[round_],
            lang,
            viewport,
            f"{lang}-editor",
            problems,
        )
        try:
            page.goto(edit_url)
            assert page.locator("footer button[name='action-publish']").count() == 0  # no way to publish
            assert page.locator("footer button[name='action-submit']").count() == 1
            page.fill("#id_title", new_title)
            _shot(page, f"{lang}-editor-1-edit")
            _submit_button(page, "action-submit")
            page.wait_for_selector(".messages li")
            _shot(page, f"{lang}-editor-2-submitted")
            # a hand-made "publish" is refused and changes nothing
            page.goto(edit_url)
            page.evaluate(
                "() => { const f = document.getElementById('page-edit-form');"
                " const i = document.createElement('input'); i.type='hidden'; i.name='action-publish';"
                " i.value='action-publish'; f.appendChild(i); f.requestSubmit(); }"
            )
            page.wait_for_selector(".messages li.error, .messages .error")
            _shot(page, f"{lang}-editor-3-publish-refused")
        finally:
            context.close()
        page_obj.refresh_from_db()
        assert page_obj.title != new_title, "the editor's change went live without review"
        state = page_obj.current_workflow_state
        assert state is not None and state.status == "in_progress"

        context, page = _signed_in(
            browser,
            live_server,
            reviewer,
            reviewer.backup_codes[round_],
            lang,
            viewport,
            f"{lang}-reviewer",
            problems,
        )
        try:
            page.goto(edit_url)
            _shot(page, f"{lang}-reviewer-1-review")
            assert page.locator("#id_title").input_value() == new_title
            approve = page.locator("footer [data-workflow-action-name='approve']").first
            with_comment = approve.get_attribute("data-workflow-action-modal-url")
            approve.evaluate("b => b.click()")
            if with_comment:  # Wagtail asks for an optional comment first
                dialog = page.locator("[role=dialog] form, .modal form").first
                dialog.wait_for()
                _shot(page, f"{lang}-reviewer-2-approve")
                dialog.locator("button[type=submit], input[type=submit]").first.click()
            page.wait_for_url(f"**/admin/pages/{page_obj.get_parent().pk}/**")
            _shot(page, f"{lang}-reviewer-3-approved")
        finally:
            context.close()
        page_obj.refresh_from_db()
        assert page_obj.live and page_obj.title == new_title, "the reviewer's approval did not publish"

        context = browser.new_context(viewport=viewport, locale="en-GB")
        public = context.new_page()
        try:
            public.goto(f"{live_server.url}{page_obj.get_url()}")
            _shot(public, f"{lang}-public")
            assert new_title in public.locator("h1").first.inner_text()
            if _sideways(public):
                problems.append(f"{lang}: the public page scrolls sideways")
            if lang == "pl" and (found := axe_violations(public)):
                problems.append(f"public page: axe {found}")
        finally:
            context.close()
    assert not problems, "\n".join(problems)
