"""The public availability answer of the API, rendered once and reused for a moment.

At a release thousands of clients poll the availability while it changes with every booking. With
``PRZYSTAN_PUBLIC_ANSWER_SECONDS > 0`` (production: 1 s) the rendered JSON of an office's service is
kept in the shared cache for that long and dropped whenever a booking, cancellation or reschedule of
that service commits (in every process when the cache is shared, i.e. Redis). A stale answer can
only offer a place that is gone: the booking itself is decided by the conditional UPDATE in
PostgreSQL and answers 409, so the cache never lets anyone overbook.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache


def lifetime() -> int:
    return int(getattr(settings, "PRZYSTAN_PUBLIC_ANSWER_SECONDS", 0) or 0)


def key(office_id: Any, service_code: str) -> str:
    return f"queue_booking:availability:{office_id}:{service_code}"


def remembered(office_id: Any, service_code: str) -> bytes | None:
    return cache.get(key(office_id, service_code)) if lifetime() > 0 else None


def remember(office_id: Any, service_code: str, body: bytes) -> None:
    if lifetime() > 0:
        cache.set(key(office_id, service_code), body, lifetime())


def forget(office_id: Any, service_code: str) -> None:
    if lifetime() > 0:
        cache.delete(key(office_id, service_code))
