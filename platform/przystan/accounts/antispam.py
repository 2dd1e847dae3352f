"""Anti-automation for public forms: a honeypot, a minimum fill time and rate limits.

The form carries a signed issue time (``form_token``); submitting sooner than
``PRZYSTAN_SIGNUP_MIN_SECONDS`` (default 3 s) after the form was served is refused. Rate limits
count in the shared cache (Redis when configured), in fixed windows given by a rate such as
``"10/h"``: per client IP (:func:`rate_limited`, :func:`record_failure` / :func:`too_many_failures`)
or per any other key, e.g. an e-mail address (:func:`key_rate_limited`; the key is hashed).
"""

from __future__ import annotations

import hashlib
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


def _count(key: str, limit: Rate, *, add: int = 1) -> int:
    """Add ``add`` to the counter ``key`` of the current window of ``limit``; return its value."""
    window_key = f"{key}:{int(time.time() // limit.seconds)}"
    if not add:
        return int(cache.get(window_key) or 0)
    cache.add(window_key, 0, timeout=limit.seconds + 5)
    try:
        return int(cache.incr(window_key, add))
    except ValueError:  # expired between add and incr
        cache.set(window_key, add, timeout=limit.seconds + 5)
        return add


def rate_limited(request: HttpRequest, scope: str, rate: str) -> bool:
    """Count this request against ``rate`` for its IP; True if the limit is exceeded."""
    limit = parse_rate(rate)
    return _count(f"przystan:ratelimit:{scope}:{client_ip(request)}", limit) > limit.count


def key_rate_limited(scope: str, key: str, rate: str) -> bool:
    """Count one use of ``key`` (e.g. an e-mail address) against ``rate``; True if it is exceeded."""
    digest = hashlib.sha256(key.strip().lower().encode("utf-8")).hexdigest()[:32]
    limit = parse_rate(rate)
    return _count(f"przystan:ratelimit:{scope}:key:{digest}", limit) > limit.count


def record_failure(request: HttpRequest, scope: str, rate: str) -> int:
    """Count one failure (e.g. a wrong password, any username) for the request's IP; return the count."""
    return _count(f"przystan:failures:{scope}:{client_ip(request)}", parse_rate(rate))


def too_many_failures(request: HttpRequest, scope: str, rate: str) -> bool:
    """True if the request's IP already had ``rate.count`` failures in the current window."""
    limit = parse_rate(rate)
    return _count(f"przystan:failures:{scope}:{client_ip(request)}", limit, add=0) >= limit.count


def signup_rate() -> str:
    return str(getattr(settings, "PRZYSTAN_SIGNUP_RATE", "10/h"))


def password_reset_rate() -> str:
    """Reset e-mails per address (``PRZYSTAN_PASSWORD_RESET_RATE``, default 3 an hour)."""
    return str(getattr(settings, "PRZYSTAN_PASSWORD_RESET_RATE", "3/h"))


def login_failure_rate() -> str:
    """Failed log-ins per client IP across all usernames (``PRZYSTAN_LOGIN_FAILURE_RATE``, 20/15 min)."""
    return str(getattr(settings, "PRZYSTAN_LOGIN_FAILURE_RATE", "20/15m"))
