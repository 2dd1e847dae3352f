"""The queue officer's working day in a real browser against the demo data.

Log in with the second factor, open today's plan, check in two visitors who came today (a visit of
another day is refused with a translated message), call the next visitor to a desk and mark them
served, call the next and mark a no-show, and book a walk-in by hand: the free time is chosen on the
screen (no internal ids) and the request waits for a second person (the supervisor), who approves it.
In Polish on a desktop and in Ukrainian on a 375 px phone; no sideways scrolling, axe-core clean.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from django.utils import timezone

from przystan.testing.staff_day import (
    ScreenChecks,
    load_demo_for_live_server,
    log_in_staff,
    staff_context,
    staff_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("PRZYSTAN_SCREENSHOTS", "/tmp/queueday")
RUNS = {"pl-desktop": ("pl", 1280), "uk-phone": ("uk", 375)}
#: What the officer reads on the screens, per language (the translations the page must show).
WORDS = {
    "pl": {
        "plan": "Plan dnia",
        "check_in": "Potwierdź przybycie i wydrukuj bilet",
        "next_day": "Następny dzień",
        "only_on_the_day": "Zgłoszenie przybycia w dniu wizyty.",
        "call": "Wezwij następną osobę",
        "served": "Obsłużony",
        "no_show": "Nie przyszedł",
        "request": "Poproś o zatwierdzenie",
        "approve": "Zatwierdź",
        "saved": "Musi go zatwierdzić inny pracownik",
    },
    "uk": {
        "plan": "План дня",
        "check_in": "Зареєструвати та надрукувати талон",
        "next_day": "Наступний день",
        "only_on_the_day": "Реєстрація прибуття — у день візиту.",
        "call": "Викликати наступного відвідувача",
        "served": "Обслуговано",
        "no_show": "Не з'явився",
        "request": "Запросити затвердження",
        "approve": "Затвердити",
        "saved": "Його має затвердити інший працівник",
    },
}


@pytest.fixture
def demo(live_server: Any) -> Any:
    return load_demo_for_live_server()


def _desk_in_polish(text: str, where: str) -> list[str]:
    return [f"{where}: the desk is named in Polish"] if "Stanowisko" in text else []


def _check_in(page: Any, name: str, passport: str, words: dict[str, str]) -> None:
    row = page.locator("tbody tr", has_text=name)
    row.locator("input[name=document_number]").fill(passport)
    row.get_by_role("button", name=words["check_in"]).click()
    page.wait_for_url("**/ticket/")


@pytest.mark.parametrize("run", list(RUNS))
def test_the_queue_officers_day(browser: Any, live_server: Any, demo: Any, run: str) -> None:
    from plugins.queue_booking.demo import COUNTER_VISITORS
    from plugins.queue_booking.models import Booking, BookingStatus, OutOfQueueRequest, ServicePoint

    lang, width = RUNS[run]
    words = WORDS[lang]
    checks = ScreenChecks(run, lang, SHOTS, "officer", extra=_desk_in_polish if lang == "uk" else None)
    today_visitors = [v for v in COUNTER_VISITORS if v[4] == 0]
    later_visitor = next(v for v in COUNTER_VISITORS if v[4] == 1)
    assert Booking.objects.filter(
        full_name=today_visitors[0][0], slot__starts_at__date=timezone.localdate()
    ).exists()
    officer = staff_of(demo, "queue_officer")
    context = staff_context(browser, live_server.url, lang, width)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        log_in_staff(page, live_server.url, officer.email, officer.backup_codes[0])
        checks.page(page, "dashboard")
        page.locator("main").get_by_role("link", name=words["plan"]).first.click()
        page.wait_for_url("**/staff/booking/")
        text = checks.page(page, "plan-today")
        for name, *_rest in today_visitors:
            assert name in text, name

        # two visitors who came today are checked in (the passport shown is compared)
        _check_in(page, today_visitors[0][0], today_visitors[0][1], words)
        ticket = checks.page(page, "ticket")
        assert re.search(r"\bA\d{3}\b", ticket), ticket
        page.goto(f"{live_server.url}/staff/booking/")
        _check_in(page, today_visitors[1][0], today_visitors[1][1], words)

        # a visit of another day: the plan of that day says check-in happens on the day, no form
        later = Booking.objects.get(full_name=later_visitor[0])
        page.goto(
            f"{live_server.url}/staff/booking/?day={timezone.localdate(later.slot.starts_at).isoformat()}"
        )
        text = checks.page(page, "plan-later-day")
        row = page.locator("tbody tr", has_text=later_visitor[0])
        assert words["only_on_the_day"] in row.inner_text()
        assert row.locator("input[name=document_number]").count() == 0

        # the desk of the visit calls the next visitor: served; the next: a no-show
        point = ServicePoint.objects.get(
            pk=Booking.objects.get(full_name=today_visitors[0][0]).slot.service_point_id
        )
        page.goto(f"{live_server.url}/staff/booking/")
        page.locator("main nav").get_by_role("link", name=point.name_in(lang)).click()
        page.get_by_role("button", name=words["call"]).click()
        called = checks.page(page, "desk-called")
        assert today_visitors[0][0] in called
        page.get_by_role("button", name=words["served"]).click()
        page.get_by_role("button", name=words["call"]).click()
        assert today_visitors[1][0] in page.locator("main").inner_text()
        page.get_by_role("button", name=words["no_show"]).click()
        checks.page(page, "desk-after")
        statuses = dict(
            Booking.objects.filter(full_name__in=[v[0] for v in today_visitors[:2]]).values_list(
                "full_name", "status"
            )
        )
        assert statuses == {
            today_visitors[0][0]: BookingStatus.SERVED,
            today_visitors[1][0]: BookingStatus.NO_SHOW,
        }

        # a walk-in booked by hand: the time is picked from the free times on the screen
        page.goto(f"{live_server.url}/staff/booking/out-of-queue/")
        page.locator("select[name=kind]").select_option("placement")
        page.fill("textarea[name=reason]", "Osoba z niepełnosprawnością, przyszła bez rezerwacji")
        options = page.locator("select[name=slot] option:not([value=''])")
        label = options.first.inner_text()
        assert re.match(r"^\d{2}:\d{2} · .+ · ", label), label  # a time, the desk, the free places
        assert not re.search(r"\b\d{3,}\b", label.split("·")[1]), label  # no internal ids
        page.locator("select[name=slot]").select_option(index=1)
        page.fill("input[name=full_name]", "Walk-in Visitor")
        page.fill("input[name=document_number]", "WI1234567")
        page.get_by_role("button", name=words["request"]).click()
        text = checks.page(page, "walk-in-requested")
        assert words["saved"] in text, text
        request = OutOfQueueRequest.objects.get(full_name="Walk-in Visitor")
        assert request.status == "pending" and request.booking is None
        assert page.get_by_role("button", name=words["approve"]).count() == 0  # not by the one who asked
        context.close()

        # the supervisor (a second person) approves it: the booking is made
        supervisor = staff_of(demo, "supervisor")
        context = staff_context(browser, live_server.url, lang, width)
        page = context.new_page()
        page.set_default_timeout(15000)
        log_in_staff(page, live_server.url, supervisor.email, supervisor.backup_codes[0])
        page.goto(f"{live_server.url}/staff/booking/out-of-queue/")
        page.locator("tr", has_text="Walk-in Visitor").get_by_role("button", name=words["approve"]).click()
        checks.page(page, "walk-in-approved")
        request.refresh_from_db()
        assert request.status == "approved" and request.decided_by.email == supervisor.email
        assert request.booking is not None and request.booking.full_name == "Walk-in Visitor"
        row = page.locator("tr", has_text="Walk-in Visitor").inner_text()
        when = timezone.localtime(request.slot.starts_at).strftime("%d.%m.%Y %H:%M")
        assert request.booking.reference in row and when in row, row  # the number and the time
    finally:
        context.close()
    assert not checks.problems, "\n".join(checks.problems)
