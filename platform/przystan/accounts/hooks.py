"""Core hooks of przystan.accounts (registered as the always-enabled plugin core.accounts)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import MenuItem, NotificationType, UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure

from .mail import MFA_ENROLMENT, PASSWORD_RESET, SIGNUP_EXISTING, STAFF_INVITATION, VERIFY_EMAIL


@hookimpl
def urls() -> list[UrlContribution]:
    from .urls import staff_patterns, urlpatterns

    return [
        UrlContribution("accounts", prefix="accounts", patterns=urlpatterns, exposure=Exposure.BOTH),
        UrlContribution(
            "staff_accounts", prefix="staff/accounts", patterns=staff_patterns, exposure=Exposure.INTERNAL
        ),
    ]


@hookimpl
def admin_menu_items() -> list[MenuItem]:
    return [
        MenuItem(
            "staff-accounts",
            label=_("Staff of the office"),
            url="staff_accounts:list",
            icon_name="group",
            order=850,
            access=("accounts.staff", "manage"),
        )
    ]


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
            STAFF_INVITATION,
            label=_("Your staff account"),
            channels=("email",),
            placeholders=("set_password_url", "user", "office"),
            description=_(
                "Sent to a new staff member: the link verifies the address and sets the first password."
            ),
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


def _is_self(user: Any, obj: Any) -> bool:
    return getattr(obj, "pk", None) == getattr(user, "pk", None)


@hookimpl
def access_resources() -> list[Any]:
    from przystan.access import Action, Resource, Scope, ScopeRule

    return [
        Resource(
            "accounts.profile",
            label=_("Own account"),
            actions=(Action.VIEW, Action.EDIT),
            model="accounts.User",
            office_field=None,
            scopes={Scope.OWN: ScopeRule(narrow=lambda user, qs: qs.filter(pk=user.pk), check=_is_self)},
            description=_("One's own profile: preferred language, phone, password, second factor."),
        ),
        Resource(
            "accounts.staff",
            label=_("Staff accounts"),
            actions=(Action.VIEW, Action.MANAGE),
            model="accounts.User",
            office_field="home_office",
            description=_("Staff accounts of an office, their roles and scopes."),
        ),
        Resource(
            "offices.office",
            label=_("Office settings"),
            actions=(Action.VIEW, Action.MANAGE),
            model="offices.Office",
            office_field="pk",
            description=_("The office's address, contacts, payees and enabled modules with their settings."),
        ),
        Resource(
            "offices.plugin",
            label=_("Modules of an office"),
            actions=(Action.VIEW, Action.MANAGE),
            model="offices.PluginEnablement",
            office_field="office",
            description=_("Which modules an office has enabled and their configuration."),
        ),
        Resource(
            "offices.privacy_notice",
            label=_("Privacy notices of an office"),
            actions=(Action.VIEW, Action.MANAGE),
            model="offices.PrivacyNoticeText",
            office_field="office",
            description=_("The office's own wording of the privacy notices shown next to its forms."),
        ),
    ]


@hookimpl
def access_grants() -> list[Any]:
    from przystan.access import Grant, Scope
    from przystan.access.policy import ACCOUNT_KIND_ROLES
    from przystan.accounts.roles import role_slugs

    own = [
        Grant(role=role, resource="accounts.profile", actions=("view", "edit"), scope=Scope.OWN)
        for role in (*role_slugs(), *ACCOUNT_KIND_ROLES)
    ]
    return [
        *own,
        Grant(role="office_admin", resource="accounts.staff", actions=("view", "manage"), scope=Scope.OFFICE),
        Grant(role="supervisor", resource="accounts.staff", actions=("view",), scope=Scope.OFFICE),
        Grant(role="office_admin", resource="offices.office", actions=("view", "manage"), scope=Scope.OFFICE),
        Grant(role="office_admin", resource="offices.plugin", actions=("view", "manage"), scope=Scope.OFFICE),
        Grant(
            role="office_admin",
            resource="offices.privacy_notice",
            actions=("view", "manage"),
            scope=Scope.OFFICE,
        ),
        Grant(
            role="platform_admin",
            resource="accounts.staff",
            actions=("view", "manage"),
            scope=Scope.INSTALLATION,
        ),
        Grant(
            role="platform_admin",
            resource="offices.office",
            actions=("view", "manage"),
            scope=Scope.INSTALLATION,
        ),
        Grant(
            role="platform_admin",
            resource="offices.privacy_notice",
            actions=("view", "manage"),
            scope=Scope.INSTALLATION,
        ),
        Grant(
            role="platform_admin",
            resource="offices.plugin",
            actions=("view", "manage"),
            scope=Scope.INSTALLATION,
        ),
    ]


@hookimpl
def privacy_clauses() -> list[Any]:
    from .privacy import clauses

    return clauses()
