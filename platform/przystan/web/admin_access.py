"""Wagtail admin screens that ask the access policy (not Django model permissions, not ``is_superuser``).

:class:`AccessPermissionPolicy` answers Wagtail's permission questions (menu items, buttons, views) from
a policy resource; :class:`PolicyViewSetMixin` makes a ``ModelViewSet`` list only the records
:func:`przystan.access.visible` lets the user see in the request's office, open (edit, delete, inspect)
only those (another office's → 404) and offer only that office's records in its forms' choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.admin.views.generic.models import CreateView, DeleteView, EditView, IndexView, InspectView
from wagtail.permission_policies.base import BasePermissionPolicy

from przystan import access
from przystan.access import Scope

#: Wagtail's action names → policy actions (``None``: the screen does not offer the action).
DEFAULT_ACTIONS: Mapping[str, str | None] = {
    "view": "view",
    "add": "manage",
    "change": "manage",
    "delete": "manage",
}


class AccessPermissionPolicy(BasePermissionPolicy):
    """Wagtail permission policy of a model guarded by the policy ``resource``.

    ``installation_only`` lists Wagtail actions only installation-wide grants allow (e.g. creating or
    deleting an office: an office administrator manages their office, a platform administrator offices).
    """

    def __init__(
        self,
        model: Any,
        resource: str,
        actions: Mapping[str, str | None] = DEFAULT_ACTIONS,
        installation_only: tuple[str, ...] = (),
    ) -> None:
        super().__init__(model)
        self.resource = resource
        self.actions = dict(actions)
        self.installation_only = installation_only

    def policy_action(self, action: str) -> str | None:
        return self.actions.get(action)

    def user_has_permission(self, user: Any, action: str) -> bool:
        wanted = self.policy_action(action)
        if wanted is None or user is None or not getattr(user, "is_authenticated", False):
            return False
        if action in self.installation_only:
            return access.widest_scope(user, wanted, self.resource) is Scope.INSTALLATION
        return access.allows(user, wanted, self.resource)

    def user_has_permission_for_instance(self, user: Any, action: str, instance: Any) -> bool:
        if not self.user_has_permission(user, action):
            return False
        return access.allows(user, str(self.policy_action(action)), self.resource, instance)

    def instances_user_has_any_permission_for(self, user: Any, actions: Any) -> Any:
        queryset = self.model._default_manager.all()
        found = queryset.none()
        for action in actions:
            wanted = self.policy_action(action)
            if wanted and self.user_has_permission(user, action):
                found = found | access.visible(user, wanted, self.resource, queryset)
        return found.distinct()

    def users_with_any_permission(self, actions: Any) -> Any:
        from przystan.access.table import policy_table

        wanted = {self.policy_action(a) for a in actions} - {None}
        roles = {g.role for g in policy_table().grants_for(self.resource) if wanted & set(g.actions)}
        return get_user_model().objects.filter(is_active=True, groups__name__in=roles).distinct()


def _office(request: Any) -> Any:
    return getattr(request, "office", None)


class PolicyIndexView(IndexView):
    """Only the records the user may view: their office's, or every office's for installation-wide grants."""

    def get_base_queryset(self) -> Any:
        queryset = super().get_base_queryset()
        resource, user = self.permission_policy.resource, self.request.user
        wide = access.widest_scope(user, "view", resource) is Scope.INSTALLATION
        return access.visible(
            user, "view", resource, queryset, office=None if wide else _office(self.request)
        )


class OfficeChoicesMixin:
    """Choices of related office-bound records come from what the user may see in the request's office."""

    def get_form(self, *args: Any, **kwargs: Any) -> Any:
        form = super().get_form(*args, **kwargs)  # type: ignore[misc]
        limit_choices_to_office(form, self.request)  # type: ignore[attr-defined]
        return form


def limit_choices_to_office(form: Any, request: Any) -> None:
    """Offices in the form's choices: the request's office only, unless the user acts installation-wide."""
    from wagtail.models import Site

    from przystan.offices.models import Office

    wide = access.widest_scope(request.user, "manage", "offices.office") is Scope.INSTALLATION
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        office = _office(request) or getattr(request.user, "home_office", None)
        if queryset.model is Office and not wide:
            field.queryset = queryset.filter(pk=getattr(office, "pk", None))
            field.required = True  # "no office" means every office: installation-wide administration
            field.empty_label = None
        elif queryset.model is Site and not wide:
            field.queryset = queryset.filter(pk=getattr(office, "site_id", None))
        elif any(f.name == "office" for f in queryset.model._meta.fields) and not wide:
            field.queryset = queryset.filter(office_id=getattr(office, "pk", None))


class PolicyObjectMixin:
    """The record opened must be one the policy allows the view's action on (another office's → 404)."""

    policy_object_action = "view"

    def get_object(self, queryset: Any = None) -> Any:
        obj = super().get_object(queryset)  # type: ignore[misc]
        policy = self.permission_policy  # type: ignore[attr-defined]
        wagtail_action = getattr(self, "permission_required", None) or self.policy_object_action
        wanted = policy.policy_action(wagtail_action) or "view"
        decision = access.decide(
            self.request.user, wanted, policy.resource, obj, office=_office(self.request)
        )  # type: ignore[attr-defined]
        if not decision.allowed:
            if decision.status == 404:
                raise Http404(decision.reason)
            raise PermissionDenied(decision.reason)
        return obj


class PolicyCreateView(OfficeChoicesMixin, CreateView):
    pass


class PolicyEditView(OfficeChoicesMixin, PolicyObjectMixin, EditView):
    pass


class PolicyDeleteView(PolicyObjectMixin, DeleteView):
    pass


class PolicyInspectView(PolicyObjectMixin, InspectView):
    pass


class PolicyViewSetMixin:
    """Mix into a Wagtail ``ModelViewSet``; set ``access_resource`` (and ``access_actions`` if needed)."""

    access_resource: str = ""
    access_actions: Mapping[str, str | None] = DEFAULT_ACTIONS
    access_installation_only: tuple[str, ...] = ()
    copy_view_enabled = False
    index_view_class = PolicyIndexView
    add_view_class = PolicyCreateView
    edit_view_class = PolicyEditView
    delete_view_class = PolicyDeleteView
    inspect_view_class = PolicyInspectView

    @cached_property
    def permission_policy(self) -> AccessPermissionPolicy:
        return AccessPermissionPolicy(
            self.model,  # type: ignore[attr-defined]
            self.access_resource,
            self.access_actions,
            self.access_installation_only,
        )
