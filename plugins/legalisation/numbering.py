"""Case numbers, status PINs and the stable person key."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone


def next_case_number(office: Any) -> str:
    """``<OFFICE>-<year>-<000001>``; numbers come from a row-locked counter (no duplicates across processes)."""
    from .models import CaseCounter

    year = timezone.localdate().year
    with transaction.atomic():
        CaseCounter.objects.get_or_create(office=office, year=year)
        counter = CaseCounter.objects.select_for_update().get(office=office, year=year)
        counter.last += 1
        counter.save(update_fields=["last"])
    prefix = "".join(ch for ch in office.code.upper() if ch.isalnum())[:8] or "WSC"
    return f"{prefix}-{year}-{counter.last:06d}"


def _key() -> bytes:
    return hashlib.sha256(f"przystan.legalisation:{settings.SECRET_KEY}".encode()).digest()


def new_pin(length: int = 8) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(length))


def hash_pin(number: str, pin: str) -> str:
    return hmac.new(_key(), f"pin:{number}:{pin}".encode(), hashlib.sha256).hexdigest()


def pin_matches(case: Any, pin: str) -> bool:
    return hmac.compare_digest(case.pin_hash, hash_pin(case.number, (pin or "").strip()))


def person_key(office: Any, passport_number: str, birth_date: Any, fallback: str) -> str:
    """A stable hash of the party (passport + birth date, else ``fallback``), never reversible."""
    identity = f"{(passport_number or '').replace(' ', '').upper()}|{birth_date or ''}"
    if identity == "|":
        identity = f"fallback:{fallback}"
    return hmac.new(_key(), f"person:{office.pk}:{identity}".encode(), hashlib.sha256).hexdigest()
