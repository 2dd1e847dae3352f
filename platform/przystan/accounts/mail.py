"""Account e-mails go through the notifications service (templates under notifications/account.*)."""

from __future__ import annotations

from typing import Any

VERIFY_EMAIL = "account.verify_email"
PASSWORD_RESET = "account.password_reset"
STAFF_INVITATION = "account.staff_invitation"
SIGNUP_EXISTING = "account.signup_existing"
MFA_ENROLMENT = "account.mfa_enrolment"


def send_account_mail(type_key: str, user: Any, *, request: Any = None, context: dict[str, Any]) -> list[Any]:
    """Queue an e-mail of ``type_key`` to ``user`` in their preferred language."""
    from przystan.notifications.service import notify

    office = getattr(request, "office", None) if request is not None else None
    return notify(
        type_key,
        office=office,
        user=user,
        email=user.email,
        language=user.preferred_language,
        context={"user": user.get_full_name() or user.email, "email": user.email, **context},
        channels=("email",),
    )
