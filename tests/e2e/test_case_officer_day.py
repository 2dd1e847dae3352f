"""The case officer's and the supervisor's day on the demo data, in a real browser, logged in with MFA.

Officer: her own cases (filter "me"), a name search, one assigned case worked through — paper file moved,
a message to the person, an inquiry to another authority — and a case of another team refused with a
translated message. Supervisor: the dashboard's "cases waiting for a handler" (MOS arrivals land with
no handler), one of them assigned to the officer. Each in Polish on a desktop and in Ukrainian on a
375 px phone (no sideways scrolling), axe-core clean on every screen.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from przystan.demo.loader import DEMO_PASSWORD
from przystan.testing.browser import axe_violations

from .test_staff_day import WIDTHS, _log_in, _no_sideways_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ROUNDS = (("pl", "desktop"), ("uk", "phone"))


def t(language: str, text: str, context: str | None = None) -> str:
    with translation.override(language):
        return translation.pgettext(context, text) if context else translation.gettext(text)


def _staff(demo, role: str):
    return next(s for s in demo.staff if s.role == role)


def _open(browser, live_server, lang: str, width: str):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900}, locale="en-GB")
    context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(20000)
    return context, page


def _check_screen(page, where: str, problems: list[str]) -> None:
    if not _no_sideways_scroll(page):
        problems.append(f"{where}: scrolls sideways")
    found = axe_violations(page)
    if found:
        problems.append(f"{where}: axe {[(v['id'], v['targets'][:2]) for v in found]}")
    text = page.locator("main").inner_text()
    for raw in ("summons_fingerprints", "temp_work", "supplement_requested", "Traceback"):
        if raw in text:
            problems.append(f"{where}: shows the internal code {raw!r}")


def _case_of_another_team(office):
    from plugins.legalisation.models import Case, Team
    from plugins.legalisation.numbering import hash_pin, next_case_number, person_key

    team = Team.objects.create(office=office, name="Zespół ds. pobytów stałych")
    number = next_case_number(office)
    return Case.objects.create(
        office=office,
        number=number,
        pin_hash=hash_pin(number, "87654321"),
        mos_number="MOS-E2E-OTHER-TEAM",
        source="mos",
        application_type="permanent",
        stage="formal_check",
        person_name="Bohdan Tkachenko",
        passport_number="FX000111",
        birth_date=datetime.date(1980, 1, 2),
        person_key=person_key(office, "FX000111", "1980-01-02", "MOS-E2E-OTHER-TEAM"),
        filed_at=timezone.localdate() - datetime.timedelta(days=3),
        team=team,
    )


def test_the_case_officer_works_her_cases_and_is_kept_out_of_another_team(browser, live_server, demo):
    from plugins.legalisation.models import Case, FileMove, Inquiry, Message

    officer = _staff(demo, "officer")
    stranger_case = _case_of_another_team(demo.office)
    mine = Case.objects.filter(office=demo.office, assignee__email=officer.email)
    assert mine.exists()
    problems: list[str] = []
    for index, (lang, width) in enumerate(ROUNDS):
        where = f"officer {lang} {width}"
        context, page = _open(browser, live_server, lang, width)
        try:
            _log_in(page, live_server.url, officer.email, officer.backup_codes[index], DEMO_PASSWORD)
            # the supervisor's panel is not hers
            assert t(lang, "Cases waiting for a handler") not in page.locator("main").inner_text()

            # her own cases
            page.goto(f"{live_server.url}/staff/cases/")
            page.select_option("#f-assignee", "me")
            page.click("form.filters button[type=submit]")
            listed = set(page.locator("main table tbody tr td:first-child a").all_inner_texts())
            assert listed == set(mine.values_list("number", flat=True)), where
            _check_screen(page, f"{where} list", problems)

            # a name search (surname first, any case)
            page.fill("#f-q", "kovalenko andrii" if lang == "pl" else "Kovalenko")
            page.select_option("#f-assignee", "")
            page.click("form.filters button[type=submit]")
            assert page.locator("main table tbody tr").count() == 1, where
            assert "Andrii Kovalenko" in page.locator("main table tbody").inner_text()

            # one of her cases, worked through
            case = mine.filter(stage="summons_fingerprints").first() or mine.first()
            page.goto(f"{live_server.url}/staff/cases/{case.number}/")
            _check_screen(page, f"{where} case", problems)
            location = f"pokój 2{index}5, regał 1"
            page.fill("#id_location", location)
            page.locator("#id_location").locator("xpath=ancestor::form").locator("button").click()
            page.wait_for_load_state()
            assert location in page.locator("main").inner_text(), where
            body = f"Proszę o kontakt ({lang})."
            page.fill("#id_msg", body)
            page.locator("#id_msg").locator("xpath=ancestor::form").locator("button[type=submit]").click()
            page.wait_for_load_state()
            assert body in page.locator("main").inner_text(), where
            page.select_option("#id_authority", index=index)
            page.locator("#id_authority").locator("xpath=ancestor::form").locator("button").click()
            page.wait_for_load_state()

            # a case of another team: refused, in her language, nothing shown of it
            response = page.goto(f"{live_server.url}/staff/cases/{stranger_case.number}/")
            assert response is not None and response.status == 403, where
            refused = page.locator("main").inner_text()
            assert "Bohdan Tkachenko" not in refused
            assert t(lang, "This record is outside your scope of work.") in refused, (where, refused)
            _check_screen(page, f"{where} refusal", problems)
        finally:
            context.close()
    assert (
        FileMove.objects.filter(case__assignee__email=officer.email, moved_by__email=officer.email).count()
        >= 2
    )
    assert (
        Message.objects.filter(author__email=officer.email, body__startswith="Proszę o kontakt").count() == 2
    )
    assert Inquiry.objects.filter(created_by__email=officer.email, case__in=mine).count() >= 2
    assert not problems, "\n".join(problems)


def test_the_supervisor_assigns_the_cases_waiting_for_a_handler(browser, live_server, demo):
    from plugins.legalisation.deadlines import DONE
    from plugins.legalisation.models import Case

    supervisor = _staff(demo, "supervisor")
    officer = _staff(demo, "officer")
    handler = get_user_model().objects.get(email=officer.email)
    problems: list[str] = []
    for index, (lang, width) in enumerate(ROUNDS):
        where = f"supervisor {lang} {width}"
        waiting = Case.objects.filter(office=demo.office, assignee__isnull=True).exclude(stage__in=DONE)
        before = waiting.count()
        assert before, "the demo has cases nobody handles yet"
        context, page = _open(browser, live_server, lang, width)
        try:
            _log_in(page, live_server.url, supervisor.email, supervisor.backup_codes[index], DEMO_PASSWORD)
            panel = page.locator("#unassigned-count")
            assert panel.count() == 1, where
            assert re.search(rf"\b{before}\b", panel.inner_text()), (where, panel.inner_text())
            _check_screen(page, f"{where} dashboard", problems)
            first = panel.locator("xpath=following-sibling::table[1]").locator("tbody tr a").first
            number = first.inner_text().strip()
            first.click()
            page.wait_for_url(f"**/staff/cases/{number}/")
            _check_screen(page, f"{where} case", problems)
            page.select_option("#id_assignee", value=str(handler.pk))
            page.locator("#id_assignee").locator("xpath=ancestor::form").locator("button").click()
            page.wait_for_load_state()
            assert Case.objects.get(number=number).assignee.email == officer.email, where
            page.goto(f"{live_server.url}/staff/")
            assert waiting.count() == before - 1
        finally:
            context.close()
    assert not problems, "\n".join(problems)
