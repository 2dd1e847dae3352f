"""Who may enrol a staff account's second factor: one-time, expiring permissions.

Knowing a staff account's password is not enough to attach an authenticator to it. Before the set-up
page shows a TOTP secret, the person must prove control of the account's e-mail (a link sent there)
or hold a one-time code an office administrator issued (``manage.py mfa_enrolment_code <e-mail>``).
Either is usable once, expires after ``PRZYSTAN_MFA_ENROLMENT_MAX_AGE`` seconds (default 24 h), and
only its SHA-256 is stored. Using one marks the *session* as allowed to enrol that user; confirming
the device ends the permission.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from .models import MfaEnrolment

SESSION_KEY = "przystan_mfa_enrolment_user"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 12


def max_age() -> int:
    return int(getattr(settings, "PRZYSTAN_MFA_ENROLMENT_MAX_AGE", 24 * 3600))


def _hash(secret: str) -> str:
    normalised = "".join(secret.split()).replace("-", "").upper()
    return hashlib.sha256(f"przystan.mfa-enrolment:{normalised}".encode()).hexdigest()


def _issue(user: Any, kind: str, secret: str, created_by: Any = None) -> MfaEnrolment:
    return MfaEnrolment.objects.create(
        user=user,
        kind=kind,
        secret_hash=_hash(secret),
        created_by=created_by,
        expires_at=timezone.now() + timedelta(seconds=max_age()),
    )


def issue_admin_code(user: Any, created_by: Any = None) -> str:
    """A one-time enrolment code for ``user`` (shown once: give it to the person, not by e-mail)."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    _issue(user, MfaEnrolment.Kind.ADMIN_CODE, code, created_by)
    return "-".join(code[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def send_link(request: HttpRequest, user: Any) -> None:
    """E-mail ``user`` a one-time enrolment link (in their language, via the notifications outbox)."""
    from .mail import MFA_ENROLMENT, send_account_mail

    token = secrets.token_urlsafe(32)
    _issue(user, MfaEnrolment.Kind.EMAIL_LINK, token)
    url = request.build_absolute_uri(reverse("accounts:mfa_enrol", kwargs={"token": token}))
    send_account_mail(
        MFA_ENROLMENT,
        user,
        request=request,
        context={"enrol_url": url, "valid_hours": max(1, max_age() // 3600)},
    )


def has_active_link(user: Any) -> bool:
    return MfaEnrolment.objects.filter(
        user=user, kind=MfaEnrolment.Kind.EMAIL_LINK, used_at__isnull=True, expires_at__gt=timezone.now()
    ).exists()


def redeem(user: Any, secret: str, kind: str) -> bool:
    """Use ``secret`` (a link token or an administrator's code) for ``user``; True if it was valid.

    The row is locked and marked used in one transaction: a secret works once even if sent twice
    at the same moment.
    """
    if not secret:
        return False
    with transaction.atomic():
        found = (
            MfaEnrolment.objects.select_for_update()
            .filter(
                user=user,
                kind=kind,
                secret_hash=_hash(secret),
                used_at__isnull=True,
                expires_at__gt=timezone.now(),
            )
            .first()
        )
        if found is None:
            return False
        found.used_at = timezone.now()
        found.save(update_fields=["used_at"])
    return True


def allow_in_session(request: HttpRequest, user: Any) -> None:
    request.session[SESSION_KEY] = user.pk


def allowed(request: HttpRequest, user: Any) -> bool:
    return request.session.get(SESSION_KEY) == user.pk


def finish(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
