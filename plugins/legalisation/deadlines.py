"""The legal deadline of a case, counted as the KPA counts it.

* The rule (length in days or months, what starts the clock) is data: :mod:`.deadline_rules`.
* The clock starts on the last of the events the rule counts (filing, personal appearance, complete
  formal requirements and documents); until every one has happened the deadline is not running.
* Days: the day of the event is not counted (KPA art. 57 § 1), so 60 days from 1 March end on 30 April.
  Months are calendar months (art. 57 § 3): the same day of the final month, or its last day when that
  month is shorter (31 January + 1 month = 28/29 February) — ``dateutil.relativedelta``.
* Pauses: every day a request to supplement is open (from the request to the answer; an open one up to
  today) and every day of a statutory suspension (e.g. the Ukrainian special act, art. 100d) after the
  clock started is added to the deadline.
* A deadline ending on a Saturday, Sunday, public holiday or a day the office is closed moves to the next
  working day (art. 57 § 4).
* The clock stops at the decision: nothing after it moves the deadline, and a decided case is never
  overdue (:func:`is_overdue`).

The staff case page, the person's case page, the API, the stored ``Case.legal_deadline`` (the
deadlines-at-risk panel, the lists and the statistics) all come from :func:`clock_for`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from .deadline_rules import Rule, WorkCalendar, rule_for, suspension_pauses
from .workflow import DECISIONS

#: Stages at or after the decision: the legal clock has stopped.
DONE = (*DECISIONS, "appeal", "card_ordered", "card_ready", "closed")

Pause = tuple[datetime.date, datetime.date | None]


@dataclass(frozen=True)
class Clock:
    start: datetime.date | None
    deadline: datetime.date | None
    paused: bool
    paused_days: int  # days of requests to supplement counted
    suspended_days: int = 0  # days of statutory suspension counted
    shifted_from: datetime.date | None = None  # the day it would end on, before moving to a working day
    stopped: bool = False
    rule: Rule | None = None


def add_period(start: datetime.date, length: int, unit: str) -> datetime.date:
    """``start`` + ``length`` days or calendar months (KPA art. 57 § 1 and § 3)."""
    if unit == "months":
        return start + relativedelta(months=length)
    return start + datetime.timedelta(days=length)


def _weekend_or_holiday() -> Callable[[datetime.date], bool]:
    return WorkCalendar().is_closed


def _merge(
    intervals: Iterable[tuple[datetime.date, datetime.date]],
) -> list[tuple[datetime.date, datetime.date]]:
    merged: list[tuple[datetime.date, datetime.date]] = []
    for begin, end in sorted(intervals):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged


def compute(
    *,
    events: dict[str, datetime.date | None],
    pauses: list[Pause],
    today: datetime.date,
    deadline_days: int | None = None,
    rule: Rule | None = None,
    stopped_on: datetime.date | None = None,
    suspensions: list[tuple[datetime.date, datetime.date]] = (),  # type: ignore[assignment]
    is_closed: Callable[[datetime.date], bool] | None = None,
) -> Clock:
    """Pure computation. ``events`` by name (``None`` = not yet); ``pauses`` = requests to supplement as
    (from, to or ``None`` = still open); ``suspensions`` as (from, day the clock runs again);
    ``stopped_on`` — the day of the decision; ``is_closed`` — the office's closed days (default:
    weekends and Polish holidays). ``rule`` (or ``deadline_days`` for a plain day count) gives the length."""
    if rule is None and deadline_days is not None:
        rule = Rule(length=deadline_days, unit="days", events=tuple(events))
    if stopped_on is not None:
        today = min(today, stopped_on)
    stop = stopped_on or today
    open_pause = stopped_on is None and any(end is None for _begin, end in pauses)
    if rule is None or any(day is None for day in events.values()) or not events:
        return Clock(None, None, open_pause, 0, stopped=stopped_on is not None, rule=rule)
    start = max(day for day in events.values() if day is not None)

    def clip(
        begin: datetime.date, end: datetime.date, limit: datetime.date
    ) -> tuple[datetime.date, datetime.date]:
        return max(begin, start), min(end, limit)

    supplement = [clip(b, e or today, stop) for b, e in pauses]
    supplement = [(b, e) for b, e in supplement if e > b]
    # statutory suspensions are known ahead: counted in full, up to the decision
    suspended = [clip(b, e, stopped_on or e) for b, e in suspensions]
    suspended = [(b, e) for b, e in suspended if e > b]

    end = add_period(start, rule.length, rule.unit)
    for begin, finish in _merge([*supplement, *suspended]):
        if begin > end:  # a pause after the deadline had passed does not revive it
            break
        end += finish - begin
    paused_days = sum((e - b).days for b, e in supplement if b <= end)
    suspended_days = sum((min(e, end) - b).days for b, e in suspended if b <= end)
    closed = is_closed or _weekend_or_holiday()
    deadline = end
    while closed(deadline):
        deadline += datetime.timedelta(days=1)
    return Clock(
        start,
        deadline,
        open_pause,
        paused_days,
        suspended_days=suspended_days,
        shifted_from=end if deadline != end else None,
        stopped=stopped_on is not None,
        rule=rule,
    )


def _decided_on(case: Any, today: datetime.date) -> datetime.date | None:
    if case.stage not in DONE:
        return None
    decided = (
        case.stage_changes.filter(new_stage__in=DONE)
        .order_by("at", "id")
        .values_list("at", flat=True)
        .first()
        if case.pk
        else None
    )
    return timezone.localdate(decided) if decided else today


def clock_for(case: Any, today: datetime.date | None = None, calendar: WorkCalendar | None = None) -> Clock:
    """The legal clock of ``case`` under the rule in force on its filing day."""
    today = today or timezone.localdate()
    rule = rule_for(case.office_id, case.application_type, case.filed_at or today)
    by_name = {
        "filed": case.filed_at,
        "documents": case.documents_complete_at,
        "fingerprints": case.fingerprints_at,
    }
    pauses: list[Pause] = []
    if case.pk:
        pauses = [(s.requested_on, s.answered_on) for s in case.supplements.all()]
    calendar = calendar or WorkCalendar(case.office)
    return compute(
        rule=rule,
        events={name: by_name[name] for name in (rule.events if rule else ("filed",))},
        pauses=pauses,
        today=today,
        stopped_on=_decided_on(case, today),
        suspensions=suspension_pauses(case.office_id, case.application_type),
        is_closed=calendar.is_closed,
    )


def is_overdue(case: Any, today: datetime.date | None = None) -> bool:
    """The legal deadline has passed and the case is not decided yet."""
    today = today or timezone.localdate()
    return bool(case.legal_deadline and case.legal_deadline < today and case.stage not in DONE)


def recompute(case: Any) -> Any:
    """Store the deadline and pause flag on ``case`` (not saved)."""
    clock = clock_for(case)
    case.legal_deadline = clock.deadline
    case.clock_paused = clock.paused
    return case


def recompute_open_cases(office: Any = None) -> int:
    """Recompute the stored deadline of every undecided case (of ``office``), e.g. after a rule or a
    suspension changed; returns how many changed."""
    from .models import Case

    cases = Case.objects.exclude(stage__in=DONE).select_related("office")
    if office is not None:
        cases = cases.filter(office=office)
    changed = 0
    calendars: dict[Any, WorkCalendar] = {}
    for case in cases.iterator(chunk_size=500):
        calendar = calendars.setdefault(case.office_id, WorkCalendar(case.office))
        clock = clock_for(case, calendar=calendar)
        if (clock.deadline, clock.paused) != (case.legal_deadline, case.clock_paused):
            Case.objects.filter(pk=case.pk).update(legal_deadline=clock.deadline, clock_paused=clock.paused)
            changed += 1
    return changed
