"""Opening hours: weekly hours, exceptions and Polish public holidays (the core's closures service)."""

import datetime as dt

from cms_content.hours import first_day_shown, week_for_service_point, week_navigation
from przystan.offices.closures import statutory_holidays


def polish_holidays(years: list[int], language: str = "pl") -> dict[dt.date, str]:
    return statutory_holidays(dt.date(min(years), 1, 1), dt.date(max(years), 12, 31), language)


POINT = {
    "hours": [{"weekday": str(d), "opens": dt.time(8), "closes": dt.time(16)} for d in range(5)],
    "exceptions": [
        {"date": dt.date(2026, 12, 24), "closed": True, "note": "Wigilia"},
        {
            "date": dt.date(2026, 11, 14),
            "closed": False,
            "opens": dt.time(9),
            "closes": dt.time(13),
            "note": "sobota",
        },
    ],
}


def test_holidays_close_the_office_and_have_names_in_the_language():
    week = week_for_service_point(POINT, start=dt.date(2026, 11, 9), days=7, language="uk")
    by_date = {day.date: day for day in week}
    assert by_date[dt.date(2026, 11, 10)].opens == dt.time(8)
    independence = by_date[dt.date(2026, 11, 11)]
    assert (
        independence.closed and independence.holiday == polish_holidays([2026], "uk")[dt.date(2026, 11, 11)]
    )
    assert independence.holiday != polish_holidays([2026], "pl")[dt.date(2026, 11, 11)]
    assert by_date[dt.date(2026, 11, 14)].opens == dt.time(9)  # exception opens a Saturday
    assert by_date[dt.date(2026, 11, 15)].closed and not by_date[dt.date(2026, 11, 15)].holiday  # Sunday


def test_exception_and_movable_holidays():
    week = week_for_service_point(POINT, start=dt.date(2026, 12, 23), days=5, language="pl")
    states = {day.date: day for day in week}
    assert states[dt.date(2026, 12, 23)].opens == dt.time(8)
    assert states[dt.date(2026, 12, 24)].closed and states[dt.date(2026, 12, 24)].note == "Wigilia"
    assert states[dt.date(2026, 12, 25)].holiday  # Christmas
    # Easter Monday 2027 is 29 March (movable, computed)
    assert dt.date(2027, 3, 29) in polish_holidays([2027])


def test_the_page_can_show_another_week_up_to_a_year_ahead():
    today = dt.date(2026, 12, 4)
    assert first_day_shown("2026-12-21", today=today) == dt.date(2026, 12, 21)
    assert first_day_shown("2026-11-01", today=today) == today  # the past: from today
    assert first_day_shown("2028-01-01", today=today) == today  # too far ahead
    assert first_day_shown("21.12.2026", today=today) == today
    nav = week_navigation(dt.date(2026, 12, 21), today=today)
    assert nav["previous"] == dt.date(2026, 12, 14) and nav["next"] == dt.date(2026, 12, 28)
    assert week_navigation(today, today=today)["previous"] is None
