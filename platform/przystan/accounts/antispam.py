"""Anti-automation for public forms: a honeypot, a minimum fill time and a per-IP rate limit.

The form carries a signed issue time (``form_token``); submitting sooner than
``PRZYSTAN_SIGNUP_MIN_SECONDS`` (default 3 s) after the form was served is refused. The rate
limit counts submissions per client IP in the shared cache (Redis when configured), in fixed
windows given by a rate such as ``"10/h"``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

from przystan.web.client_ip import client_ip_or_unknown

FORM_TOKEN_SALT = "przystan.accounts.form-token"
FORM_TOKEN_MAX_AGE = 24 * 3600
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\w*\s*$")


def min_fill_seconds() -> float:
    return float(getattr(settings, "PRZYSTAN_SIGNUP_MIN_SECONDS", 3))


def issue_form_token(issued_at: float | None = None) -> str:
    """A signed form issue time (``issued_at`` defaults to now)."""
    return signing.Signer(salt=FORM_TOKEN_SALT).sign(
        str(int(issued_at if issued_at is not None else time.time()))
    )


def form_token_age(token: str) -> float | None:
    """Seconds since the token was issued, or ``None`` if it is forged, missing or too old."""
    try:
        issued = int(signing.Signer(salt=FORM_TOKEN_SALT).unsign(token or ""))
    except (signing.BadSignature, ValueError):
        return None
    age = time.time() - issued
    return age if 0 <= age + 1 <= FORM_TOKEN_MAX_AGE else None


def filled_too_fast(token: str) -> bool:
    age = form_token_age(token)
    return age is None or age < min_fill_seconds()


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def parse_rate(rate: str) -> Rate:
    """``"10/h"`` -> 10 per 3600 s; also ``"5/15m"``, ``"100/d"``."""
    match = _RATE_RE.match(rate or "")
    if not match:
        raise ValueError(f"Invalid rate {rate!r}; expected e.g. '10/h' or '5/15m'")
    count, multiplier, unit = match.groups()
    return Rate(int(count), int(multiplier or 1) * _UNITS[unit])


def client_ip(request: HttpRequest) -> str:
    """The client address under the one client-IP policy (``przystan.web.client_ip``), or ``"unknown"``."""
    return client_ip_or_unknown(request)


def rate_limited(request: HttpRequest, scope: str, rate: str) -> bool:
    """Count this request against ``rate`` for its IP; True if the limit is exceeded."""
    limit = parse_rate(rate)
    window = int(time.time() // limit.seconds)
    key = f"przystan:ratelimit:{scope}:{client_ip(request)}:{window}"
    cache.add(key, 0, timeout=limit.seconds + 5)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.seconds + 5)
        used = 1
    return used > limit.count


def signup_rate() -> str:
    return str(getattr(settings, "PRZYSTAN_SIGNUP_RATE", "10/h"))
