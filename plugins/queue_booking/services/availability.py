"""The public availability answer of the API, rendered once and kept up to date for a moment.

At a release thousands of clients poll the availability while it changes with every booking. With
``PRZYSTAN_PUBLIC_ANSWER_SECONDS > 0`` (production: 1 s) the answer of an office's service is kept in
the cache for at most that long after it was read from PostgreSQL (never past the next release of
the service), and edited in place instead of
being read again: a booking takes one place off its slot, a refused booking (409, the place is gone)
takes the slot off the list; a cancellation or reschedule drops the answer. A booking of a slot the
kept answer saw go is refused (409) without asking PostgreSQL again. With a shared cache
(Redis) every process sees the edits; with the per-process default, another process's answer learns
of a booking by its own 409s or at the latest when it expires.

A stale answer can only offer a place that is gone: the booking itself is decided by the conditional
UPDATE in PostgreSQL and answers 409, so the cache never lets anyone overbook.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache


def lifetime() -> int:
    return int(getattr(settings, "PRZYSTAN_PUBLIC_ANSWER_SECONDS", 0) or 0)


def key(office_id: Any, service_code: str) -> str:
    return f"queue_booking:availability:{office_id}:{service_code}"


def render(rows: list[dict[str, Any]]) -> bytes:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()


def remembered(office_id: Any, service_code: str) -> bytes | None:
    """The rendered answer, if one younger than the lifetime is kept."""
    if lifetime() <= 0:
        return None
    kept = cache.get(key(office_id, service_code))
    return kept[2] if kept is not None and kept[0] > time.time() else None


def known_gone(office_id: Any, service_code: str, slot_id: int) -> bool:
    """True if the kept answer (still within its lifetime) saw the last place of ``slot_id`` go.

    Places come back only by a cancellation or reschedule, which drop the kept answer (everywhere
    with a shared cache; with the per-process default, another process may refuse that slot at most
    for the rest of the lifetime).
    """
    if lifetime() <= 0:
        return False
    kept = cache.get(key(office_id, service_code))
    return kept is not None and kept[0] > time.time() and slot_id in kept[3]


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
        _store(office_id, service_code, expires, rows, body, frozenset())
    return body


def _store(
    office_id: Any, service_code: str, expires: float, rows: list, body: bytes, gone: frozenset[int]
) -> None:
    remaining = expires - time.time()
    if remaining > 0:  # edits never extend the life of what was read from the database
        cache.set(key(office_id, service_code), (expires, rows, body, gone), remaining + 1)
    else:
        cache.delete(key(office_id, service_code))


def place_taken(office_id: Any, service_code: str, slot_id: int, *, gone: bool = False) -> None:
    """One place of ``slot_id`` was booked (``gone``: a booking found it full): edit the kept answer."""
    if lifetime() <= 0:
        return
    kept = cache.get(key(office_id, service_code))
    if kept is None:
        return
    expires, rows, _body, gone_ids = kept
    if slot_id in gone_ids:
        return
    edited = []
    for row in rows:
        if row["id"] == slot_id:
            if gone or row["free"] <= 1:
                continue
            row = {**row, "free": row["free"] - 1}
        edited.append(row)
    if gone or len(edited) != len(rows):
        gone_ids = gone_ids | {slot_id}
    _store(office_id, service_code, expires, edited, render(edited), gone_ids)


def forget(office_id: Any, service_code: str) -> None:
    if lifetime() > 0:
        cache.delete(key(office_id, service_code))
