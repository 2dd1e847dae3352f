"""Claiming a case that arrived from MOS: a one-time code, sent with the first notice, binds the case
to the foreigner's account.

Only a hash of the code is stored. Wrong attempts are limited per account and per typed case number
(``claim_attempts_per_hour``, default 5) — counted by the number typed, whether or not such a case
exists, so the limit reveals nothing either. Every attempt is a :class:`ClaimAttempt` (audited); a
used code never works again; the answer to a wrong number and to a wrong code is the same.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from przystan.offices.enablement import plugin_config

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 12
WINDOW = datetime.timedelta(hours=1)
CLAIM_NOTICE = "legalisation.case_arrived"


def _key() -> bytes:
    return hashlib.sha256(f"przystan.legalisation.claim:{settings.SECRET_KEY}".encode()).digest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def normalise_number(number: str) -> str:
    return "".join((number or "").upper().split())[:40]


def hash_code(case_number: str, code: str) -> str:
    return hmac.new(
        _key(), f"claim:{case_number}:{normalise_code(code)}".encode(), hashlib.sha256
    ).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def issue_claim_code(case: Any) -> str:
    """A new one-time code for ``case`` (any earlier unused one stops working); returns the code."""
    from .models import ClaimCode

    code = new_code()
    ClaimCode.objects.update_or_create(
        case=case, defaults={"code_hash": hash_code(case.number, code), "used_at": None, "used_by": None}
    )
    return code


def attempts_per_hour(office: Any) -> int:
    return int(plugin_config(office, "legalisation").get("claim_attempts_per_hour", 5))


@dataclass(frozen=True)
class ClaimResult:
    ok: bool
    case: Any = None
    limited: bool = False


def claim(office: Any, user: Any, case_number: str, code: str) -> ClaimResult:
    """Bind the MOS case ``case_number`` of ``office`` to ``user`` if ``code`` is its unused code."""
    from .models import Application, Case, ClaimAttempt, ClaimCode

    number = normalise_number(case_number)
    since = timezone.now() - WINDOW
    limit = attempts_per_hour(office)
    with transaction.atomic():
        wrong = ClaimAttempt.objects.filter(succeeded=False, at__gte=since)
        if (
            wrong.filter(user=user).count() >= limit
            or wrong.filter(office=office, case_number=number).count() >= limit
        ):
            ClaimAttempt.objects.create(office=office, user=user, case_number=number, succeeded=False)
            return ClaimResult(False, limited=True)
        case = Case.objects.select_for_update().filter(office=office, number=number, source="mos").first()
        record = ClaimCode.objects.select_for_update().filter(case=case).first() if case else None
        if (
            record is None
            or record.used_at is not None
            or not hmac.compare_digest(record.code_hash, hash_code(number, code))
        ):
            ClaimAttempt.objects.create(office=office, user=user, case_number=number, succeeded=False)
            return ClaimResult(False)
        record.used_at = timezone.now()
        record.used_by = user
        record.save()
        case.applicant = user
        case.save()
        Application.objects.filter(case=case, applicant__isnull=True).update(applicant=user)
        ClaimAttempt.objects.create(office=office, user=user, case_number=number, succeeded=True)
    return ClaimResult(True, case)


def claim_url() -> str:
    base = str(getattr(settings, "PRZYSTAN_SITE_URL", "")).rstrip("/")
    return base + reverse("legalisation:claim")


def announce_arrival(case: Any, code: str) -> None:
    """The first notice to the person: the office received the MOS application; number + claim code."""
    from .notifying import _send

    _send(CLAIM_NOTICE, case, {"claim_code": code, "claim_url": claim_url()})
