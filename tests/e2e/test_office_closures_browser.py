"""Days off in a real browser: the location page's opening hours for the week of 24 December (and
28 December, the day off designated for the 26 December Saturday holiday, M.P. 2026 poz. 36) in Polish
and Russian, on a 1280 px desktop and a 390 px phone; the booking calendar offering nothing on those
days; the office administrator adding a day off in Polish (on a day with booked visits: warned with
their number, chooses to cancel them) and in Ukrainian. Screenshots: /tmp/closures-shots/.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

from przystan.testing.browser import axe_violations
from przystan.testing.staff_day import load_demo_for_live_server, log_in_staff, scrolls_sideways, staff_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/closures-shots")
WIDTHS = {"desktop": 1280, "phone": 390}
CHRISTMAS_EVE = {"pl": "Wigilia Bożego Narodzenia", "ru": "Сочельник"}
DAY_OFF_28_DEC = {"pl": "Dzień wolny za święto 26 grudnia", "ru": "Выходной день за праздник 26 декабря"}
CLOSED = {"pl": "nieczynne", "ru": "закрыто"}


def _next_christmas_week() -> dt.date:
    today = timezone.localdate()
    year = today.year if today <= dt.date(today.year, 12, 21) else today.year + 1
    return dt.date(year, 12, 21)  # the Monday-ish start: 21–27 Dec, then the next 7 days


@pytest.fixture
def demo(live_server):
    from plugins.queue_booking.models import Slot
    from plugins.queue_booking.services.slots import generate_slots

    summary = load_demo_for_live_server()
    start = _next_christmas_week()
    generate_slots(summary.office, start=start, days=11)
    Slot.objects.filter(office=summary.office, starts_at__date__gte=start).update(
        released_at=timezone.now() - dt.timedelta(hours=1)
    )
    return summary


def _context(browser, url: str, lang: str, width: str):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900}, locale="en-GB")
    context.add_cookies([{"name": "django_language", "value": lang, "url": url}])
    page = context.new_page()
    page.set_default_timeout(20000)
    return context, page


def _check(page, problems: list[str], where: str, lang: str, name: str) -> str:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    if page.locator("html").get_attribute("lang") != lang:
        problems.append(f"{where}: page language {page.locator('html').get_attribute('lang')}")
    if scrolls_sideways(page):
        problems.append(f"{where}: the page scrolls sideways")
    found = axe_violations(page)
    if found:
        problems.append(f"{where}: axe {[(v['id'], v['targets']) for v in found]}")
    return page.locator("main").inner_text()


def _row(page, day: dt.date) -> str:
    return page.locator(f"table.hours tr:has(time[datetime='{day.isoformat()}'])").first.inner_text()


def test_opening_hours_and_the_booking_calendar_close_on_holidays_and_designated_days_off(
    browser, live_server, demo
):
    from cms_content.models import LocationPage

    start = _next_christmas_week()
    eve, designated = start + dt.timedelta(days=3), start + dt.timedelta(days=7)
    problems: list[str] = []
    for lang in ("pl", "ru"):
        location = LocationPage.objects.live().filter(locale__language_code=lang).first()
        for width in WIDTHS:
            where = f"location {lang} {width}"
            context, page = _context(browser, live_server.url, lang, width)
            try:
                page.goto(f"{live_server.url}{location.url}?from={start.isoformat()}")
                _check(page, problems, where, lang, f"location-{lang}-{width}-24dec")
                caption = page.locator("table.hours caption").first.inner_text()
                if str(start.year) not in caption or str(start.day) not in caption:
                    problems.append(f"{where}: the table's caption does not say which days: {caption!r}")
                row = _row(page, eve)
                if CLOSED[lang] not in row or CHRISTMAS_EVE[lang] not in row:
                    problems.append(f"{where}: 24 December row is {row!r}")
                page.click("a[rel=next]")  # the next 7 days: 28 December onwards
                page.wait_for_url(f"**from={designated.isoformat()}**")
                _check(page, problems, where, lang, f"location-{lang}-{width}-28dec")
                row = _row(page, designated)
                if designated.year == 2026 and (CLOSED[lang] not in row or DAY_OFF_28_DEC[lang] not in row):
                    problems.append(f"{where}: 28 December row is {row!r}")
                working = _row(page, designated + dt.timedelta(days=1))
                if CLOSED[lang] in working:
                    problems.append(f"{where}: 29 December is shown closed: {working!r}")
            finally:
                context.close()
    context, page = _context(browser, live_server.url, "pl", "phone")
    try:
        page.goto(f"{live_server.url}/booking/information/")
        text = _check(page, problems, "booking calendar pl phone", "pl", "booking-calendar-pl-phone")
        shown = set(page.locator("h2.qb-day").all_inner_texts())
        for closed in (eve, eve + dt.timedelta(days=1)) + ((designated,) if designated.year == 2026 else ()):
            if any(closed.strftime("%d.%m.%Y") in day for day in shown):
                problems.append(f"booking calendar offers the closed day {closed}")
        for open_day in (start + dt.timedelta(days=2), designated + dt.timedelta(days=1)):
            if open_day.weekday() < 5 and not any(open_day.strftime("%d.%m.%Y") in day for day in shown):
                problems.append(f"booking calendar lacks the working day {open_day}: {text[:200]}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_the_office_admin_adds_days_off_in_polish_and_ukrainian(browser, live_server, demo):
    from plugins.queue_booking.models import Booking, BookingStatus
    from przystan.offices.models import OfficeClosure

    admin = staff_of(demo, "office_admin")
    booked = (
        Booking.objects.filter(
            office=demo.office, status=BookingStatus.BOOKED, slot__starts_at__gt=timezone.now()
        )
        .order_by("slot__starts_at")
        .first()
    )
    busy_day = timezone.localdate(booked.slot.starts_at)
    on_busy_day = Booking.objects.filter(
        office=demo.office, status=BookingStatus.BOOKED, slot__starts_at__date=busy_day
    ).count()
    problems: list[str] = []
    steps = (
        ("pl", "desktop", busy_day, admin.backup_codes[0]),
        ("uk", "phone", _next_christmas_week() + dt.timedelta(days=9), admin.backup_codes[1]),
    )
    for lang, width, day, code in steps:
        where = f"closures {lang} {width}"
        context, page = _context(browser, live_server.url, lang, width)
        try:
            log_in_staff(page, live_server.url, admin.email, code, next_url="/staff/closures/")
            text = _check(page, problems, where, lang, f"admin-{lang}-{width}-1-list")
            expected = {"pl": "Wigilia Bożego Narodzenia", "uk": "Святий вечір"}[lang]
            if expected not in text:
                problems.append(f"{where}: the year's list lacks {expected}")
            page.fill("#id_date", day.isoformat())
            page.select_option("#id_kind", "office")
            names = {
                "pl": ("Awaria instalacji", "Building failure", "Аварія в будівлі", "Авария в здании"),
                "uk": ("Inwentaryzacja", "Stocktaking", "Інвентаризація", "Инвентаризация"),
            }[lang]
            for field, name in zip(("name_pl", "name_en", "name_uk", "name_ru"), names, strict=True):
                page.fill(f"#id_{field}", name)
            page.fill("#id_source", "Decyzja dyrektora generalnego urzędu")
            page.click("main form button[type=submit]")
            if lang == "pl":  # visits are booked: warned with their number, asked what to do
                page.wait_for_selector("input[name=bookings]")
                text = _check(page, problems, where, lang, f"admin-{lang}-{width}-2-warning")
                if f"zarezerwowane wizyty: {on_busy_day}" not in text:
                    problems.append(f"{where}: no warning with {on_busy_day} visits: {text[:400]!r}")
                page.check("input[name=bookings][value=cancel]")
                page.click("main form button[type=submit]")
            page.wait_for_selector(".messages")
            text = _check(page, problems, where, lang, f"admin-{lang}-{width}-3-added")
            done = {"pl": "Urząd jest zamknięty", "uk": "Управління не працює"}[lang]
            if done not in text or names[0 if lang == "pl" else 2] not in text:
                problems.append(f"{where}: after adding: {text[:400]!r}")
            if not OfficeClosure.objects.filter(office=demo.office, date=day).exists():
                problems.append(f"{where}: the day off was not saved")
            # the same day again: refused in the staff member's language
            page.fill("#id_date", day.isoformat())
            for field, name in zip(("name_pl", "name_en", "name_uk", "name_ru"), names, strict=True):
                page.fill(f"#id_{field}", name)
            page.click("main form button[type=submit]")
            page.wait_for_selector(".message.error")
            text = _check(page, problems, where, lang, f"admin-{lang}-{width}-4-duplicate")
            refused = {"pl": "Urząd ma już dzień wolny", "uk": "Управління вже має вихідний день"}[lang]
            if refused not in text:
                problems.append(f"{where}: no translated duplicate error: {text[:400]!r}")
        finally:
            context.close()
    assert not Booking.objects.filter(
        office=demo.office, status=BookingStatus.BOOKED, slot__starts_at__date=busy_day
    ).exists()
    assert not problems, "\n".join(problems)
