"""The one answer to "when is office X closed between A and B, and what is the day called in language L".

Three sources, merged by date:

1. **Statutory holidays** (ustawa o dniach wolnych od pracy): the ``holidays`` package, Poland — it
   knows 24 December from 2025 (package ≥ 0.64). Names in pl, uk and en from the package, in ru
   from our catalogue (:mod:`.holiday_names`).
2. **The office's closure rows** (:class:`~przystan.offices.models.OfficeClosure`): designated days
   off (the Prime Minister's order for a holiday falling on a Saturday, e.g. M.P. 2026 poz. 36), the
   office's own closures, and statutory holidays the package does not know yet.
3. **Plugins**, through the core hook ``office_closed_days`` (e.g. the visit-booking plugin's
   office-wide schedule exceptions).

Visits and opening hours close on every such day (:func:`closed_days`). Procedural deadlines do
not: KPA art. 57 § 4 moves a deadline only off a Saturday or a day that is a day off *by statute*
(Sundays and statutory holidays). A day off the Prime Minister designates, or an office's closure, is
not one, so :func:`statutory_days_off` — what legal clocks use — returns statutory holidays only.
Saturdays and Sundays are the callers' business (weekly hours, the clocks' own weekday test).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import holidays
from django.utils import translation
from django.utils.translation import gettext_lazy

#: languages the ``holidays`` package offers for Poland (ours → the package's)
PACKAGE_LANGUAGES = {"pl": "pl", "uk": "uk", "en": "en_US"}

PLUGIN_KIND = "plugin"
PLUGIN_CLOSED = gettext_lazy("The office is closed")
STATUTE = "ustawa z dnia 18 stycznia 1951 r. o dniach wolnych od pracy"


@dataclass(frozen=True)
class ClosedDay:
    """One day the office is closed: its name in the language asked, why, and on what basis."""

    date: datetime.date
    name: str
    kind: str  # "statutory" | "designated" | "office" | "plugin"
    source: str = ""

    @property
    def statutory(self) -> bool:
        """A day off by statute: it moves procedural deadlines (KPA art. 57 § 4)."""
        return self.kind == "statutory"


def _language(language: str | None) -> str:
    code = (language or translation.get_language() or "pl").split("-")[0].split("_")[0].lower()
    return code if code in ("pl", "en", "uk", "ru") else "en"


def _years(start: datetime.date, end: datetime.date) -> list[int]:
    return list(range(start.year, end.year + 1))


def statutory_holidays(
    start: datetime.date, end: datetime.date, language: str | None = "pl"
) -> dict[datetime.date, str]:
    """Polish statutory holidays from ``start`` to ``end`` (inclusive), named in ``language``."""
    code = _language(language)
    package_language = PACKAGE_LANGUAGES.get(code, "en_US")
    found = holidays.Poland(years=_years(start, end), language=package_language)
    days = {day: name for day, name in found.items() if start <= day <= end}
    if code == "ru":
        from .holiday_names import RU_FROM_ENGLISH

        with translation.override("ru"):
            days = {day: str(RU_FROM_ENGLISH.get(name, name)) for day, name in days.items()}
    return days


def _office_pk(office: Any) -> Any:
    return getattr(office, "pk", office)


def _rows(office: Any, start: datetime.date, end: datetime.date) -> list[Any]:
    from .models import OfficeClosure

    if office is None:
        return []
    return list(OfficeClosure.objects.filter(office_id=_office_pk(office), date__gte=start, date__lte=end))


def _plugin_days(office: Any, start: datetime.date, end: datetime.date) -> set[datetime.date]:
    if office is None or isinstance(office, int):
        return set()
    from .enablement import hooks_for_office

    found: set[datetime.date] = set()
    for answer in hooks_for_office(office).office_closed_days(office=office, start=start, end=end):
        found.update(day for day in answer or [] if start <= day <= end)
    return found


def closed_days(
    office: Any, start: datetime.date, end: datetime.date, language: str | None = "pl"
) -> dict[datetime.date, ClosedDay]:
    """Every day from ``start`` to ``end`` (inclusive) ``office`` is closed, named in ``language``.

    A statutory holiday keeps its statutory name even when the office also has a row for it.
    """
    code = _language(language)
    days: dict[datetime.date, ClosedDay] = {}
    for day in _plugin_days(office, start, end):
        days[day] = ClosedDay(day, _in(code, PLUGIN_CLOSED), PLUGIN_KIND)
    for row in _rows(office, start, end):
        days[row.date] = ClosedDay(row.date, row.name_in(code), row.kind, row.source)
    for day, name in statutory_holidays(start, end, code).items():
        days[day] = ClosedDay(day, name, "statutory", STATUTE)
    return dict(sorted(days.items()))


def is_closed(office: Any, day: datetime.date) -> bool:
    """Whether ``office`` is closed all day on ``day`` for visits (weekends not counted here)."""
    return day in closed_days(office, day, day)


def statutory_days_off(office: Any, start: datetime.date, end: datetime.date) -> set[datetime.date]:
    """Days off by statute from ``start`` to ``end``: what moves a procedural deadline (KPA art. 57 § 4)
    besides Saturdays and Sundays. Designated days off and the office's own closures are NOT in it."""
    days = set(statutory_holidays(start, end, "en"))
    days.update(row.date for row in _rows(office, start, end) if row.kind == "statutory")
    return days


def _in(language: str, message: Any) -> str:
    with translation.override(language):
        return str(message)
