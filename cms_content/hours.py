"""Opening hours of a service point for the coming days: weekly hours, exceptions and Polish holidays."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import holidays
from django.utils import timezone

# languages the holidays package offers for Poland; others fall back to English
HOLIDAY_LANGUAGES = {"pl": "pl", "uk": "uk", "en": "en_US"}


@dataclass(frozen=True)
class DayHours:
    date: dt.date
    opens: dt.time | None
    closes: dt.time | None
    note: str = ""
    holiday: str = ""

    @property
    def closed(self) -> bool:
        return self.opens is None


def polish_holidays(years: list[int], language: str = "pl") -> dict[dt.date, str]:
    lang = HOLIDAY_LANGUAGES.get(language, "en_US")
    return dict(holidays.Poland(years=years, language=lang).items())


def _get(value: Any, name: str) -> Any:
    return value.get(name) if hasattr(value, "get") else getattr(value, name, None)


def day_hours(service_point: Any, day: dt.date, holiday_names: dict[dt.date, str]) -> DayHours:
    for exception in _get(service_point, "exceptions") or []:
        if _get(exception, "date") == day:
            note = _get(exception, "note") or ""
            if _get(exception, "closed"):
                return DayHours(day, None, None, note=note, holiday=holiday_names.get(day, ""))
            return DayHours(day, _get(exception, "opens"), _get(exception, "closes"), note=note)
    if day in holiday_names:
        return DayHours(day, None, None, holiday=holiday_names[day])
    for row in _get(service_point, "hours") or []:
        if int(_get(row, "weekday")) == day.weekday():
            return DayHours(day, _get(row, "opens"), _get(row, "closes"))
    return DayHours(day, None, None)


def week_for_service_point(
    service_point: Any, start: dt.date | None = None, days: int = 7, language: str = "pl"
) -> list[DayHours]:
    start = start or timezone.localdate()
    dates = [start + dt.timedelta(days=offset) for offset in range(days)]
    names = polish_holidays(sorted({d.year for d in dates}), language)
    return [day_hours(service_point, day, names) for day in dates]
