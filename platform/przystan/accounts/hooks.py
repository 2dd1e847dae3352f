"""Core hooks of przystan.accounts (registered as the always-enabled plugin core.accounts)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import NotificationType, UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure

from .mail import MFA_ENROLMENT, PASSWORD_RESET, SIGNUP_EXISTING, VERIFY_EMAIL


@hookimpl
def urls() -> list[UrlContribution]:
    from .urls import urlpatterns

    return [UrlContribution("accounts", prefix="accounts", patterns=urlpatterns, exposure=Exposure.BOTH)]


@hookimpl
def notification_types() -> list[NotificationType]:
    return [
        NotificationType(
            VERIFY_EMAIL,
            label=_("Verify your e-mail address"),
            channels=("email",),
            placeholders=("verify_url", "user", "valid_days"),
            description=_("Sent after sign-up and on request; the link confirms the e-mail address."),
        ),
        NotificationType(
            PASSWORD_RESET,
            label=_("Password reset"),
            channels=("email",),
            placeholders=("reset_url", "user"),
            description=_("Sent when someone asks to reset the password of an account."),
        ),
        NotificationType(
            SIGNUP_EXISTING,
            label=_("Sign-up with an address that has an account"),
            channels=("email",),
            placeholders=("login_url", "reset_url", "user"),
            description=_(
                "Sent instead of an on-screen error when someone signs up with the address of an "
                "existing account: log in or reset the password."
            ),
        ),
        NotificationType(
            MFA_ENROLMENT,
            label=_("Set up two-step verification"),
            channels=("email",),
            placeholders=("enrol_url", "user", "valid_hours"),
            description=_(
                "Sent to a staff account without a second factor: the one-time link that allows "
                "setting up an authenticator app."
            ),
        ),
    ]
