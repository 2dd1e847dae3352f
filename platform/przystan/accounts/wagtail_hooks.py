"""Wagtail's Users admin creates no account: adding a user is the onboarding screen's job.

An account made in Wagtail's own form has no staff kind, role, office or scope (it then meets bare
403s everywhere), so "Add a user" leads to ``/staff/accounts/new/`` — the one screen where the
account, its roles, its office and its scope are given together and an invitation is sent. Whoever
may onboard staff (``manage`` on ``accounts.staff`` in the access policy) sees the button; everything
else in the Users admin keeps Wagtail's model permissions.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from przystan import access

STAFF = "accounts.staff"


class UserPermissionPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions on users, but "add" is the access policy's staff onboarding."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action == "add" and getattr(user, "is_authenticated", False):
            # anyone who could add one in Wagtail is sent to the onboarding screen (its guard decides)
            return access.allows(user, "manage", STAFF) or super().user_has_permission(user, action)
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(get_user_model(), UserPermissionPolicy(get_user_model()))


@hooks.register("before_create_user")
def create_users_on_the_onboarding_screen(request: Any) -> Any:
    """Nothing is created here (a GET or a posted form alike): go to the onboarding screen."""
    return redirect("staff_accounts:create")
