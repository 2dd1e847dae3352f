"""Opening hours of a service point for the coming days: weekly hours, exceptions and closed days.

Closed days are the office's, from the core (:func:`przystan.offices.closures.closed_days`):
statutory holidays, designated days off (e.g. 28 Dec 2026, M.P. 2026 poz. 36), the office's own
closures — each named in the page's language (pl, en, uk, ru).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from przystan.offices.closures import closed_days


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


def closed_day_names(office: Any, start: dt.date, end: dt.date, language: str = "pl") -> dict[dt.date, str]:
    """Days from ``start`` to ``end`` (inclusive) ``office`` is closed (None: statutory holidays only)."""
    return {day: closed.name for day, closed in closed_days(office, start, end, language).items()}


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
    service_point: Any,
    start: dt.date | None = None,
    days: int = 7,
    language: str = "pl",
    office: Any = None,
    names: dict[dt.date, str] | None = None,
) -> list[DayHours]:
    """``days`` days of ``service_point`` from ``start`` (today); ``names`` — the closed days already
    looked up (several service points of one page share them)."""
    start = start or timezone.localdate()
    dates = [start + dt.timedelta(days=offset) for offset in range(days)]
    if names is None:
        names = closed_day_names(office, dates[0], dates[-1], language)
    return [day_hours(service_point, day, names) for day in dates]


#: how far ahead the location page lets people look (a year: the next holidays and days off)
MAX_DAYS_AHEAD = 366


def first_day_shown(asked: str | None, today: dt.date | None = None) -> dt.date:
    """The first day of the week the page shows: ``?from=YYYY-MM-DD`` between today and a year
    ahead, else today."""
    today = today or timezone.localdate()
    try:
        day = dt.date.fromisoformat(asked or "")
    except ValueError:
        return today
    return day if today <= day <= today + dt.timedelta(days=MAX_DAYS_AHEAD) else today


def week_navigation(start: dt.date, today: dt.date | None = None) -> dict[str, Any]:
    """Links of the location page to the previous and next 7 days (``None`` where out of range)."""
    today = today or timezone.localdate()
    earlier, later = start - dt.timedelta(days=7), start + dt.timedelta(days=7)
    return {
        "start": start,
        "end": start + dt.timedelta(days=6),
        "from_today": start == today,
        "previous": (earlier if earlier > today else today) if start > today else None,
        "next": later if later <= today + dt.timedelta(days=MAX_DAYS_AHEAD) else None,
    }
