"""Which deadline rule and which suspension periods apply to a case, and the office's working days.

Rules and suspensions are data (:mod:`.models.deadline_rules`, seeded by migration
``0008_deadline_rules``). The rule of a case is the one in force on the day the case was filed: a
rule for its type before the fallback rule (blank type), the office's own before the national one,
then the latest ``effective_from``.

Working days (KPA art. 57 § 4: "if the end of a time limit falls on a day that is a day off by statute
or on a Saturday, the time limit expires on the next day that is neither"): not a Saturday or Sunday,
not a statutory holiday — the core's :func:`przystan.offices.closures.statutory_days_off` (the
``holidays`` package, which knows 24 December from 2025, plus the office's rows of kind "statutory").
Days off the Prime Minister designates for a Saturday holiday (e.g. 14 Aug and 28 Dec 2026, M.P. 2026
poz. 36) and the office's own closures are NOT days off by statute: the office's doors are shut, but a
deadline ending on them does not move (visits and opening hours do close — ``closures.closed_days``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q


@dataclass(frozen=True)
class Rule:
    """A deadline rule as the clock uses it (a detached copy of :class:`DeadlineRule`)."""

    length: int
    unit: str  # "days" | "months"
    events: tuple[str, ...]
    legal_basis: str = ""
    source: str = ""
    effective_from: datetime.date | None = None
    verify: bool = False
    pk: int | None = None


def _office_id(office: Any) -> Any:
    return getattr(office, "pk", office)


def _as_rule(row: Any) -> Rule:
    return Rule(
        length=row.length,
        unit=row.unit,
        events=row.clock_events,
        legal_basis=row.legal_basis,
        source=row.source,
        effective_from=row.effective_from,
        verify=row.verify,
        pk=row.pk,
    )


def _best(rows: list[Any], type_code: str) -> Rule | None:
    best = max(
        (r for r in rows if r.application_type in (type_code, "")),
        key=lambda r: (r.application_type == type_code, r.office_id is not None, r.effective_from),
        default=None,
    )
    return _as_rule(best) if best is not None else None


def _candidates(office: Any, on: datetime.date, codes: list[str] | None = None) -> list[Any]:
    from .models import DeadlineRule

    rows = DeadlineRule.objects.filter(
        Q(office_id=_office_id(office)) | Q(office__isnull=True), effective_from__lte=on
    )
    if codes is not None:
        rows = rows.filter(application_type__in=[*codes, ""])
    return list(rows)


def rule_for(office: Any, type_code: str, on: datetime.date) -> Rule | None:
    """The rule in force on ``on`` for ``type_code`` at ``office`` (``None``: no rule was in force)."""
    return _best(_candidates(office, on, [type_code]), type_code)


def rules_for(office: Any, codes: list[str], on: datetime.date) -> dict[str, Rule | None]:
    """:func:`rule_for` for several types in one query."""
    rows = _candidates(office, on, codes)
    return {code: _best(rows, code) for code in codes}


def suspension_pauses(office: Any, type_code: str) -> list[tuple[datetime.date, datetime.date]]:
    """The statutory suspensions for ``type_code`` at ``office`` as clock pauses (from, day after the end)."""
    from .models import SuspensionPeriod

    periods = SuspensionPeriod.objects.filter(Q(office_id=_office_id(office)) | Q(office__isnull=True))
    return [p.pause for p in periods if p.applies_to(type_code)]


class WorkCalendar:
    """``is_closed(day)``: a Saturday, Sunday or day off by statute for ``office`` (KPA art. 57 § 4).

    Statutory days off are fetched once per year asked. Designated days off and the office's own
    closures do not count (see the module's docstring).
    """

    def __init__(self, office: Any = None, extra_closed: set[datetime.date] | None = None) -> None:
        self.office = office
        self.extra_closed = set(extra_closed or ())
        self._years: dict[int, set[datetime.date]] = {}

    def _closed_in(self, year: int) -> set[datetime.date]:
        if year not in self._years:
            from przystan.offices.closures import statutory_days_off

            office = self.office if self.office is not None and not isinstance(self.office, int) else None
            start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            self._years[year] = statutory_days_off(office, start, end)
        return self._years[year]

    def is_closed(self, day: datetime.date) -> bool:
        return day.weekday() >= 5 or day in self.extra_closed or day in self._closed_in(day.year)

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """``day`` itself if the office works then, else the first working day after it."""
        while self.is_closed(day):
            day += datetime.timedelta(days=1)
        return day


def ensure_seeded() -> None:
    """Put back the national rules and suspensions migration ``0008_deadline_rules`` seeds, where missing
    (idempotent; e.g. for the demo after a database flush). Rows an office changed are left alone."""
    import importlib

    from django.apps import apps

    importlib.import_module("plugins.legalisation.migrations.0008_deadline_rules").seed(apps, None)
