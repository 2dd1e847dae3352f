"""The legal deadline of a case.

The clock starts on the last of the events the application type counts (personal filing, complete
documents, fingerprints — for temporary residence 60 days). Every day a request to supplement is
open after the clock started is added (the clock is paused). Until every event has happened the
deadline is not running (``None``).

The clock stops at the decision: a request to supplement still open then no longer pauses (nor moves)
the deadline, and a decided case is never overdue.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from .application_types import TYPES_BY_CODE
from .workflow import DECISIONS

#: Stages at or after the decision: the legal clock has stopped.
DONE = (*DECISIONS, "appeal", "card_ordered", "card_ready", "closed")


@dataclass(frozen=True)
class Clock:
    start: datetime.date | None
    deadline: datetime.date | None
    paused: bool
    paused_days: int


def compute(
    *,
    deadline_days: int | None,
    events: dict[str, datetime.date | None],
    pauses: list[tuple[datetime.date, datetime.date | None]],
    today: datetime.date,
    stopped_on: datetime.date | None = None,
) -> Clock:
    """Pure computation: ``events`` by name (``None`` = not yet), ``pauses`` as (from, to or None=open);
    ``stopped_on`` — the day of the decision (the clock counts nothing after it)."""
    if stopped_on is not None:
        today = min(today, stopped_on)
        pauses = [(begin, min(end or stopped_on, stopped_on)) for begin, end in pauses]
    open_pause = any(end is None for _start, end in pauses)
    if deadline_days is None or any(day is None for day in events.values()):
        return Clock(None, None, open_pause, 0)
    start = max(day for day in events.values() if day is not None)
    paused_days = 0
    for begin, end in pauses:
        stop = end or today
        begin = max(begin, start)
        if stop > begin:
            paused_days += (stop - begin).days
    return Clock(start, start + datetime.timedelta(days=deadline_days + paused_days), open_pause, paused_days)


def clock_for(case: Any, today: datetime.date | None = None) -> Clock:
    kind = TYPES_BY_CODE.get(case.application_type)
    names = kind.clock_events if kind else ("filed",)
    by_name = {
        "filed": case.filed_at,
        "documents": case.documents_complete_at,
        "fingerprints": case.fingerprints_at,
    }
    pauses = []
    stopped_on = None
    today = today or timezone.localdate()
    if case.pk:
        pauses = [(s.requested_on, s.answered_on) for s in case.supplements.all()]
    if case.stage in DONE:
        decided = (
            case.stage_changes.filter(new_stage__in=DONE)
            .order_by("at", "id")
            .values_list("at", flat=True)
            .first()
            if case.pk
            else None
        )
        stopped_on = timezone.localdate(decided) if decided else today
    return compute(
        deadline_days=kind.deadline_days if kind else None,
        events={name: by_name[name] for name in names},
        pauses=pauses,
        today=today,
        stopped_on=stopped_on,
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
