"""E-mail verification links: signed, expiring tokens bound to the user and the address."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

SALT = "przystan.accounts.verify-email"


def max_age() -> int:
    return int(getattr(settings, "PRZYSTAN_EMAIL_VERIFICATION_MAX_AGE", 3 * 24 * 3600))


def make_token(user: Any) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object({"u": user.pk, "e": user.email.lower()})


class InvalidLink(Exception):
    """The link is broken or does not match any account."""


class ExpiredLink(InvalidLink):
    """The link was genuine but is older than PRZYSTAN_EMAIL_VERIFICATION_MAX_AGE."""


def user_for_token(token: str) -> Any:
    """The user the token was issued for, or :class:`ExpiredLink` / :class:`InvalidLink`."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        data = signer.unsign_object(token, max_age=max_age())
    except signing.SignatureExpired as exc:
        raise ExpiredLink(str(exc)) from exc
    except (signing.BadSignature, ValueError) as exc:
        raise InvalidLink(str(exc)) from exc
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    if user is None or user.email.lower() != data.get("e"):
        raise InvalidLink("no such account")
    return user


def verification_url(request: Any, user: Any) -> str:
    path = reverse("accounts:verify_email", kwargs={"token": make_token(user)})
    if request is not None:
        return request.build_absolute_uri(path)
    return getattr(settings, "PRZYSTAN_SITE_URL", "").rstrip("/") + path


def send_verification(request: Any, user: Any) -> None:
    """Queue the verification e-mail in the user's preferred language."""
    from .mail import send_account_mail

    send_account_mail(
        "account.verify_email",
        user,
        request=request,
        context={"verify_url": verification_url(request, user), "valid_days": max(1, max_age() // 86400)},
    )
