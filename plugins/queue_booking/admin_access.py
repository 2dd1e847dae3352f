"""The booking set-up screens of the Wagtail admin ask the access policy (``queue_booking.setup``).

Wagtail asks a permission policy per model with the user only (menu items, buttons); the views
themselves also require the action for the request's office, so an administrator of another office
is refused (404) rather than shown this office's set-up.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from przystan import access
from przystan.access.table import policy_table

from .policy import SETUP

#: Wagtail's model actions and the policy action each needs.
WAGTAIL_ACTIONS = {"view": "view", "add": "manage", "change": "manage", "delete": "manage"}


def setup_action(wagtail_action: str) -> str:
    return WAGTAIL_ACTIONS.get(wagtail_action, "manage")


class SetupPermissionPolicy(BasePermissionPolicy):
    """Add/change/delete need ``manage``, view needs ``view`` on ``queue_booking.setup``."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return access.allows(user, setup_action(action), SETUP)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        home = getattr(user, "home_office_id", None)
        return self.user_has_permission(user, action) and instance.office_id == home

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> Any:
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(office_id=getattr(user, "home_office_id", None))

    def users_with_any_permission(self, actions: Any) -> Any:
        wanted = {setup_action(action) for action in actions}
        table = policy_table()
        roles = {grant.role for grant in table.grants_for(SETUP) if wanted & set(grant.actions)}
        return get_user_model().objects.filter(is_active=True, groups__name__in=roles).distinct()


class SetupAccessMixin:
    """Require the view's policy action for the request's office before Wagtail's own checks."""

    setup_action_name = "manage"

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        access.require(request, self.setup_action_name, SETUP)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
