"""The day of the staff who work in a reception centre, in a real browser on the demo data.

Centre staff, a social worker and medical staff (all three work in Linin in the demo) log in with MFA
and do their usual work — each in Polish on a 1280 px desktop and in Ukrainian on a 375 px phone, with
no sideways scrolling and no axe-core (WCAG 2.1 AA) violations on the pages they use. A resident of
another centre stays closed to them. Screenshots: /tmp/register/<role>-<lang>-<step>.png.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from przystan.testing.browser import axe_violations
from przystan.testing.staff_day import load_demo_for_live_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROUNDS = (("pl", 1280), ("uk", 375))
SHOTS = Path("/tmp/register")
CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")


@pytest.fixture
def demo(live_server):
    return load_demo_for_live_server()


def _staff(demo: Any, role: str) -> Any:
    return next(staff for staff in demo.staff if staff.role == role)


def _residents(demo: Any) -> dict[str, Any]:
    """A serce resident of Linin with a name in Cyrillic, a hotel resident of Linin with an ID card,
    and a resident of another centre."""
    from plugins.hotel.models import Placement
    from plugins.serce.models import Stay

    linin = Stay.objects.filter(person__office=demo.office, centre__code="linin", date_to__isnull=True)
    cyrillic = next(
        stay.person
        for stay in linin.select_related("person").order_by("person__last_name", "pk")
        if CYRILLIC.search(stay.person.last_name_native or "")
        and stay.person.medical_filters.exists()
        and stay.person.date_of_birth.year < 2005  # an adult, for the centre's day; a child below
    )
    today = dt.date.today()
    child = next(  # of school age
        stay.person
        for stay in linin.select_related("person").order_by("person__last_name", "pk")
        if stay.person.household_role == "child"
        and 7 <= (today - stay.person.date_of_birth).days // 365 <= 15
    )
    hotel = (
        Placement.objects.filter(
            centre__code="linin", ended_at__isnull=True, person__hotel_cards__isnull=False
        )
        .select_related("person")
        .first()
        .person
    )
    elsewhere = (
        Stay.objects.filter(person__office=demo.office, date_to__isnull=True)
        .exclude(centre__code="linin")
        .exclude(person__in=linin.values("person"))
        .select_related("person")
        .first()
        .person
    )
    return {"named": cyrillic, "child": child, "hotel": hotel, "elsewhere": elsewhere}


class Day:
    """One role's session in one language and width: logs in, looks at each page it reaches."""

    def __init__(self, browser: Any, live_server: Any, staff: Any, lang: str, width: int, code: str) -> None:
        from przystan.demo.loader import DEMO_PASSWORD

        self.url, self.lang, self.width, self.role = live_server.url, lang, width, staff.role
        self.problems: list[str] = []
        browser_locale = {"pl": "pl-PL", "uk": "uk-UA"}[lang]  # date inputs are shown in the browser's
        self.context = browser.new_context(viewport={"width": width, "height": 900}, locale=browser_locale)
        self.context.add_cookies([{"name": "django_language", "value": lang, "url": self.url}])
        self.page = self.context.new_page()
        self.page.set_default_timeout(15000)
        page = self.page
        page.goto(f"{self.url}/accounts/login/?next=/staff/")
        page.fill("input[name=username]", staff.email)
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("main form button[type=submit]")
        page.wait_for_url("**/accounts/mfa/verify/**")
        page.fill("#id_code", code)
        page.click("main form button[type=submit]")
        page.wait_for_url("**/staff/**")

    def go(self, path: str) -> int:
        response = self.page.goto(self.url + path)
        return response.status if response else 0

    def look(self, step: str) -> str:
        """Check what the user sees now (language, no sideways scroll, axe) and keep a screenshot."""
        page, where = self.page, f"{self.role} {self.lang} {self.width}px {step}"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{self.role}-{self.lang}-{step}.png"), full_page=True)
        text = page.locator("main").inner_text()
        if "Traceback" in text:
            self.problems.append(f"{where}: error page")
        if page.locator("html").get_attribute("lang") != self.lang:
            self.problems.append(f"{where}: page not in {self.lang}")
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"):
            self.problems.append(f"{where}: scrolls sideways")
        found = axe_violations(page)
        if found:
            self.problems.append(f"{where}: axe {[(v['id'], v['targets'][:2]) for v in found]}")
        return text

    def close(self) -> None:
        self.context.close()


def _rounds(browser: Any, live_server: Any, demo: Any, role: str):
    staff = _staff(demo, role)
    for index, (lang, width) in enumerate(ROUNDS):
        day = Day(browser, live_server, staff, lang, width, staff.backup_codes[index])
        try:
            yield day
        finally:
            day.close()


def test_centre_staff_find_a_resident_record_meals_see_the_admission_and_print_the_card(
    browser, live_server, demo
):
    from plugins.serce.models import FoodArrangement

    people = _residents(demo)
    named, hotel, elsewhere = people["named"], people["hotel"], people["elsewhere"]
    problems: list[str] = []
    for day in _rounds(browser, live_server, demo, "centre_staff"):
        page = day.page
        # found by name: in Latin letters in Polish, in Cyrillic in Ukrainian
        query = named.last_name if day.lang == "pl" else named.last_name_native
        day.go(f"/staff/serce/?q={query}")
        if page.url.rstrip("/").endswith(f"/persons/{named.pk}"):  # one exact match opens the record
            day.go("/staff/serce/")
            page.fill("#q", query)
            page.click("main form[role=search] button[type=submit]")
        text = day.look("search")
        if str(named) not in text and f"/persons/{named.pk}/" not in page.url:
            problems.append(f"{day.lang}: {query} not found")
        day.go(f"/staff/serce/persons/{named.pk}/")
        day.look("person")
        # a meal arrangement (meals in the centre, a diet)
        page.click(f"a[href='/staff/serce/persons/{named.pk}/food/foodarrangement/new/']")
        page.select_option("#id_mode", "meals")
        page.select_option("#id_diet", "vegetarian")
        page.fill("#id_diet_notes", f"bez laktozy {day.lang}")
        page.fill("#id_date_from", "2026-12-04")
        day.look("meal-form")
        page.click("main form button[type=submit]")
        page.wait_for_url(f"**/staff/serce/persons/{named.pk}/")
        assert FoodArrangement.objects.filter(person=named, diet_notes=f"bez laktozy {day.lang}").exists()
        food = page.locator("#h-food").locator("xpath=..").inner_text()
        assert f"bez laktozy {day.lang}" in food and "04.12.2026" in food
        day.look("person-after-meal")
        # the hotel admission and the ID card
        assert day.go(f"/staff/hotel/persons/{hotel.pk}/") == 200
        text = day.look("hotel-resident")
        assert hotel.hotel_cards.first().number in text
        href = page.get_attribute("#print-cards", "href")
        pdf = page.request.get(day.url + href)
        assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
        assert pdf.body()[:5] == b"%PDF-"
        # a resident of another centre is not hers
        assert day.go(f"/staff/serce/persons/{elsewhere.pk}/") in (403, 404)
        day.look("other-centre")
        problems += day.problems
    assert not problems, "\n".join(problems)


def test_social_worker_adds_education_and_a_note_but_sees_no_medical_notes(browser, live_server, demo):
    from plugins.serce.models import SchoolEnrolment

    people = _residents(demo)
    child, elsewhere = people["child"], people["elsewhere"]
    problems: list[str] = []
    for day in _rounds(browser, live_server, demo, "social_worker"):
        page = day.page
        assert day.go(f"/staff/serce/persons/{child.pk}/") == 200
        text = day.look("person")
        assert "/medical/" not in page.content()
        # an education entry, reached from the resident's page
        page.click("#h-education ~ p a[href$='/education/schoolenrolment/new/']")
        school = f"Szkoła Podstawowa nr {1 if day.lang == 'pl' else 2} w Górze Kalwarii"
        page.fill("#id_school_year", "2026/2027")
        page.fill("#id_school_name", school)
        page.fill("#id_grade", "3")
        page.fill("#id_enrolled_on", "2026-09-01")
        page.check("#id_polish_lessons")
        day.look("education-form")
        page.click("main form button[type=submit]")
        page.wait_for_url(f"**/staff/serce/persons/{child.pk}/")
        assert SchoolEnrolment.objects.filter(person=child, school_name=school).exists()
        assert school in page.locator("#h-education").locator("xpath=..").inner_text()
        # a social note on the person's record
        page.click(f"a[href='/staff/serce/persons/{child.pk}/edit/#id_notes']")
        note = f"Rodzina prosi o pomoc w zapisie na zajęcia pozalekcyjne ({day.lang})."
        page.fill("#id_notes", note)
        day.look("note-form")
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        if page.url.endswith("/edit/"):
            day.look("note-form-refused")
            raise AssertionError(page.locator("main").inner_text())
        text = day.look("person-after")
        assert note in page.locator("#person-notes").inner_text()
        # no medical notes: no link, and the page itself is refused
        assert day.go(f"/staff/serce/persons/{child.pk}/medical/") == 403
        day.look("medical-refused")
        assert day.go(f"/staff/serce/persons/{elsewhere.pk}/") in (403, 404)
        assert text  # the person's page was read
        problems += day.problems
    assert not problems, "\n".join(problems)


def test_medical_staff_read_and_edit_health_notes_of_their_centre_only(browser, live_server, demo):
    from django.contrib.auth import get_user_model

    from przystan.audit.models import AuditEntry

    people = _residents(demo)
    named, elsewhere = people["named"], people["elsewhere"]
    doctor = get_user_model().objects.get(email=_staff(demo, "medical").email)
    problems: list[str] = []
    for day in _rounds(browser, live_server, demo, "medical"):
        page = day.page
        before = AuditEntry.objects.filter(actor=doctor, action="read", reason="serce medical").count()
        assert day.go(f"/staff/serce/persons/{named.pk}/") == 200
        day.look("person")
        page.click(f"a[href='/staff/serce/persons/{named.pk}/medical/']")
        page.wait_for_url(f"**/persons/{named.pk}/medical/")
        day.look("medical")
        assert AuditEntry.objects.filter(actor=doctor, action="read", reason="serce medical").count() > before
        page.locator(f"a[href^='/staff/serce/persons/{named.pk}/medical/medicalfilter/']").first.click()
        note = f"Kontrola RTG za 3 miesiące ({day.lang})."
        page.fill("#id_notes", note)
        day.look("medical-form")
        page.click("main form button[type=submit]")
        page.wait_for_url(f"**/persons/{named.pk}/medical/")
        assert note in day.look("medical-after")
        assert named.medical_filters.filter(notes=note).exists()
        # another centre's resident stays closed, the medical page too
        assert day.go(f"/staff/serce/persons/{elsewhere.pk}/") in (403, 404)
        assert day.go(f"/staff/serce/persons/{elsewhere.pk}/medical/") in (403, 404)
        day.look("other-centre")
        problems += day.problems
    assert not problems, "\n".join(problems)
