"""Opening hours: weekly hours, exceptions and Polish public holidays (computed by `holidays`)."""

import datetime as dt

from cms_content.hours import polish_holidays, week_for_service_point

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
