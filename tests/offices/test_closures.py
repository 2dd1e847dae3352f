"""Days off of an office: the one core service (statutory holidays + the office's closures + plugins),
its seed (the designated days off of 2026, M.P. 2026 poz. 36), names in pl/en/uk/ru, and who uses it:
opening hours, slot generation and legal deadlines (which keep to statutory holidays, KPA art. 57 § 4)."""

from __future__ import annotations

import datetime

import pytest

from przystan.offices import closures
from przystan.offices.models import OfficeClosure

pytestmark = pytest.mark.django_db
d = datetime.date


def test_christmas_eve_is_a_statutory_holiday_since_2025():
    assert d(2026, 12, 24) in closures.statutory_holidays(d(2026, 12, 1), d(2026, 12, 31))
    assert d(2024, 12, 24) not in closures.statutory_holidays(d(2024, 12, 1), d(2024, 12, 31))
    assert len(closures.statutory_holidays(d(2026, 1, 1), d(2026, 12, 31))) == 14


def test_every_office_starts_with_the_designated_days_off_of_2026(office):
    rows = {row.date: row for row in OfficeClosure.objects.filter(office=office)}
    assert set(rows) >= {d(2026, 8, 14), d(2026, 12, 28)}
    for day in (d(2026, 8, 14), d(2026, 12, 28)):
        assert rows[day].kind == "designated" and "M.P. 2026 poz. 36" in rows[day].source
        assert all(getattr(rows[day], f"name_{code}") for code in ("pl", "en", "uk", "ru"))


def test_closed_days_merge_statutory_holidays_and_the_office_closures(office, other_office):
    OfficeClosure.objects.create(office=office, date=d(2026, 12, 31), kind="office", name_pl="Inwentaryzacja")
    days = closures.closed_days(office, d(2026, 12, 21), d(2026, 12, 31), "pl")
    assert list(days) == [d(2026, 12, 24), d(2026, 12, 25), d(2026, 12, 26), d(2026, 12, 28), d(2026, 12, 31)]
    assert days[d(2026, 12, 24)].statutory and days[d(2026, 12, 24)].name == "Wigilia Bożego Narodzenia"
    assert days[d(2026, 12, 28)].kind == "designated" and not days[d(2026, 12, 28)].statutory
    assert d(2026, 8, 14) in closures.closed_days(office, d(2026, 8, 10), d(2026, 8, 16))
    assert d(2026, 12, 31) not in closures.closed_days(other_office, d(2026, 12, 21), d(2026, 12, 31))
    # legal clocks: statutory holidays only
    assert closures.statutory_days_off(office, d(2026, 12, 21), d(2026, 12, 31)) == {
        d(2026, 12, 24),
        d(2026, 12, 25),
        d(2026, 12, 26),
    }


@pytest.mark.parametrize(
    ("language", "christmas_eve", "day_off"),
    [
        ("pl", "Wigilia Bożego Narodzenia", "Dzień wolny za święto 26 grudnia"),
        ("en", "Christmas Eve", "Day off for the 26 December holiday"),
        ("uk", "Святий вечір", "Вихідний день за свято 26 грудня"),
        ("ru", "Сочельник", "Выходной день за праздник 26 декабря"),
    ],
)
def test_names_in_every_language(office, language, christmas_eve, day_off):
    days = closures.closed_days(office, d(2026, 12, 24), d(2026, 12, 28), language)
    assert days[d(2026, 12, 24)].name == christmas_eve
    assert days[d(2026, 12, 28)].name.startswith(day_off)


def test_russian_names_of_all_14_holidays_are_russian_not_english():
    english = closures.statutory_holidays(d(2026, 1, 1), d(2026, 12, 31), "en")
    russian = closures.statutory_holidays(d(2026, 1, 1), d(2026, 12, 31), "ru")
    assert set(russian) == set(english)
    for day, name in russian.items():
        assert name != english[day], f"{day}: {name} is the English name"
        assert any("а" <= ch.lower() <= "я" for ch in name), f"{day}: {name} is not Cyrillic"


def test_opening_hours_are_closed_with_the_name_of_the_day(office):
    from cms_content.hours import week_for_service_point

    point = {
        "hours": [
            {"weekday": str(n), "opens": datetime.time(8), "closes": datetime.time(16)} for n in range(5)
        ]
    }
    for language, eve, designated in (
        ("pl", "Wigilia Bożego Narodzenia", "Dzień wolny za święto 26 grudnia"),
        ("ru", "Сочельник", "Выходной день за праздник 26 декабря"),
    ):
        week = {
            day.date: day
            for day in week_for_service_point(point, start=d(2026, 12, 22), language=language, office=office)
        }
        assert week[d(2026, 12, 22)].opens == datetime.time(8)
        assert week[d(2026, 12, 24)].closed and week[d(2026, 12, 24)].holiday == eve
        assert week[d(2026, 12, 28)].closed and week[d(2026, 12, 28)].holiday.startswith(designated)
    august = {day.date: day for day in week_for_service_point(point, start=d(2026, 8, 10), office=office)}
    assert august[d(2026, 8, 14)].closed and august[d(2026, 8, 13)].opens == datetime.time(8)
    without_office = {day.date: day for day in week_for_service_point(point, start=d(2026, 12, 22))}
    assert not without_office[d(2026, 12, 28)].closed  # no office: statutory holidays only


def test_a_plugin_closed_day_joins_the_answer(office, enable_plugin):
    from plugins.queue_booking.models import ScheduleException

    enable_plugin(office, "queue_booking")
    ScheduleException.objects.create(office=office, date=d(2026, 12, 30), reason="Awaria")
    day = closures.closed_days(office, d(2026, 12, 30), d(2026, 12, 30), "uk")[d(2026, 12, 30)]
    assert day.kind == "plugin" and day.name == "Управління не працює"
