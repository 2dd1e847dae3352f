"""Per-IP and per-identity rate limits in the shared cache (Redis when several app processes run)."""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest

from przystan.accounts.antispam import parse_rate, rate_limited
from przystan.offices.enablement import plugin_config
from przystan.offices.middleware import cache_seconds

from ..errors import RateLimited

DEFAULT_IP_RATE = "30/h"
DEFAULT_IDENTITY_RATE = "6/d"


_remembered: dict[Any, tuple[float, tuple[str, str]]] = {}


def _rates(office: Any) -> tuple[str, str]:
    """The office's rates: read once per office instance (request), and with
    ``PRZYSTAN_OFFICE_CACHE_SECONDS`` remembered by the process for that long (as the office is)."""
    cached = getattr(office, "_queue_booking_rates", None)
    if cached is None:
        lifetime = cache_seconds()
        hit = _remembered.get(office.pk) if lifetime > 0 else None
        if hit is not None and hit[0] > time.monotonic():
            cached = hit[1]
        else:
            config = plugin_config(office, "queue_booking")
            cached = (
                str(config.get("ip_rate", DEFAULT_IP_RATE)),
                str(config.get("identity_rate", DEFAULT_IDENTITY_RATE)),
            )
            if lifetime > 0:
                _remembered[office.pk] = (time.monotonic() + lifetime, cached)
        office._queue_booking_rates = cached
    return cached


def forget_rates(**_kwargs: Any) -> None:
    """Drop the remembered rates (connected to saving or deleting a plugin enablement)."""
    _remembered.clear()


def check_ip(request: HttpRequest, office: Any, scope: str = "book") -> None:
    """Count the request against the office's per-IP rate; :class:`RateLimited` when over it."""
    ip_rate, _identity_rate = _rates(office)
    if rate_limited(request, f"queue_booking:{office.pk}:{scope}", ip_rate):
        raise RateLimited()


def check_identity(office: Any, identity_hash: str) -> None:
    """Count an attempt for one identity (document HMAC); :class:`RateLimited` when over the rate."""
    _ip_rate, identity_rate = _rates(office)
    limit = parse_rate(identity_rate)
    window = int(time.time() // limit.seconds)
    key = f"przystan:ratelimit:queue_booking:{office.pk}:identity:{identity_hash}:{window}"
    cache.add(key, 0, timeout=limit.seconds + 5)
    try:
        used = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=limit.seconds + 5)
        used = 1
    if used > limit.count:
        raise RateLimited()
