"""The public availability answer of the API, rendered once and kept up to date for a moment.

At a release thousands of clients poll the availability while it changes with every booking. With
``PRZYSTAN_PUBLIC_ANSWER_SECONDS > 0`` (production: 1 s) each app process keeps the answer of an
office's service in its memory for at most that long after it was read from PostgreSQL (never past
the next release of the service), and edits it in place instead of reading it again: a booking takes
one place off its slot, a refused booking (409, the place is gone) takes the slot off the list; a
cancellation or reschedule drops the answer. A booking of a slot the kept answer saw go is refused
(409) without asking PostgreSQL again.

The answer lives in the process, not in the shared cache: it is read by every request of a storm,
and a cache round trip (with Redis, or LocMem's pickling of a few hundred rows) cost more than the
whole rest of the request. Another process learns of a booking by its own 409 or, at the latest,
when its answer expires; a place that came back (cancellation) may be left out by another process
for the rest of the lifetime.

When the answer has expired (or at a release, when the one read before it ends) every thread of a
process asks at the same instant; :func:`refilling` lets one of them read PostgreSQL while the
others wait for its answer.

A stale answer can only offer a place that is gone: the booking itself is decided by the conditional
UPDATE in PostgreSQL and answers 409, so this memory never lets anyone overbook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils import timezone


def lifetime() -> int:
    return int(getattr(settings, "PRZYSTAN_PUBLIC_ANSWER_SECONDS", 0) or 0)


@dataclass
class _Answer:
    expires: float  # ``time.time()`` after which the answer is read again
    rows: list[dict[str, Any]]  # JSON-ready: ``id``, ``free`` and strings
    body: bytes | None  # ``rows`` rendered; ``None`` after an edit until asked for
    gone: set[int] = field(default_factory=set)  # slots whose last place this answer saw go
    full_days: set[str] = field(default_factory=set)  # local dates (ISO) a booking found with no place


_answers: dict[tuple[Any, str], _Answer] = {}
_lock = threading.Lock()
_refills: dict[tuple[Any, str], threading.Lock] = {}


def render(rows: list[dict[str, Any]]) -> bytes:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()


def _alive(office_id: Any, service_code: str) -> _Answer | None:
    answer = _answers.get((office_id, service_code))
    if answer is None or answer.expires <= time.time():
        return None
    return answer


def remembered(office_id: Any, service_code: str) -> bytes | None:
    """The rendered answer, if one younger than the lifetime is kept."""
    if lifetime() <= 0:
        return None
    answer = _alive(office_id, service_code)
    if answer is None:
        return None
    body = answer.body
    if body is None:
        with _lock:
            if answer.body is None:
                answer.body = render(answer.rows)
            body = answer.body
    return body


@contextlib.contextmanager
def refilling(office_id: Any, service_code: str) -> Iterator[None]:
    """Held while one thread reads the answer again: ask :func:`remembered` once more inside it (the
    thread waited for may have kept a fresh answer). Without a lifetime nothing is kept: no waiting."""
    if lifetime() <= 0:
        yield
        return
    with _lock:
        refill = _refills.setdefault((office_id, service_code), threading.Lock())
    with refill:
        yield


def expires_at(office_id: Any, service_code: str) -> float | None:
    """When the kept answer will be read again (``time.time()``), or ``None`` if none is kept."""
    answer = _alive(office_id, service_code)
    return answer.expires if answer is not None else None


def known_gone(office_id: Any, service_code: str, slot_id: int) -> bool:
    """True if the kept answer (still within its lifetime) saw the last place of ``slot_id`` go.

    Places come back only by a cancellation or reschedule, which drop this process's answer (another
    process may refuse that slot at most for the rest of its answer's lifetime).
    """
    if lifetime() <= 0:
        return False
    answer = _alive(office_id, service_code)
    return answer is not None and slot_id in answer.gone


def remember(
    office_id: Any, service_code: str, rows: list[dict[str, Any]], *, until: dt.datetime | None = None
) -> bytes:
    """Keep ``rows`` (JSON-ready: ``id``, ``free`` and strings) and return them rendered.

    ``until`` (the next release of the service) ends the life early: an answer read before a release
    is never served after it.
    """
    body = render(rows)
    if lifetime() > 0:
        expires = time.time() + lifetime()
        if until is not None:
            expires = min(expires, until.timestamp())
        if expires > time.time():
            with _lock:
                _answers[(office_id, service_code)] = _Answer(expires, rows, body)
    return body


def place_taken(office_id: Any, service_code: str, slot_id: int, *, gone: bool = False) -> None:
    """One place of ``slot_id`` was booked (``gone``: a booking found it full): edit the kept answer."""
    if lifetime() <= 0:
        return
    with _lock:
        answer = _alive(office_id, service_code)
        if answer is None or slot_id in answer.gone:
            return
        for index, row in enumerate(answer.rows):
            if row["id"] == slot_id:
                if gone or row["free"] <= 1:
                    answer.gone.add(slot_id)
                    # a new list: a reader rendering the old one is not disturbed
                    answer.rows = answer.rows[:index] + answer.rows[index + 1 :]
                else:
                    answer.rows = [
                        *answer.rows[:index],
                        {**row, "free": row["free"] - 1},
                        *answer.rows[index + 1 :],
                    ]
                answer.body = None
                return
        if gone:  # a slot beyond the listed ones (the answer has a limit) found full
            answer.gone.add(slot_id)


def known_day_full(office_id: Any, service_code: str, day: dt.date) -> bool:
    """True if the kept answer (still within its lifetime) saw a booking find no place left on ``day``."""
    if lifetime() <= 0:
        return False
    answer = _alive(office_id, service_code)
    return answer is not None and day.isoformat() in answer.full_days


def day_full(office_id: Any, service_code: str, day: dt.date) -> None:
    """A booking of the nearest time found no place left on ``day``: take the day off the kept answer."""
    if lifetime() <= 0:
        return
    date = day.isoformat()
    with _lock:
        answer = _alive(office_id, service_code)
        if answer is None or date in answer.full_days:
            return
        answer.full_days.add(date)
        # the answer's times are ISO strings (UTC or with an offset): the office's local date decides
        on_day = {row["id"] for row in answer.rows if _local_date(row["starts_at"]) == day}
        if on_day:
            answer.gone.update(on_day)
            answer.rows, answer.body = [row for row in answer.rows if row["id"] not in on_day], None


def _local_date(moment: str) -> dt.date:
    return timezone.localtime(dt.datetime.fromisoformat(moment)).date()


def forget(office_id: Any, service_code: str) -> None:
    with _lock:
        _answers.pop((office_id, service_code), None)


def clear() -> None:
    """Forget every kept answer of this process (tests; a process that changed slots wholesale)."""
    with _lock:
        _answers.clear()
