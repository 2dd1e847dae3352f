"""Per-object permissions for every module (on django-guardian).

``grant``/``revoke`` give or take a permission on one object (to a user or a group); ``can`` answers
(a global permission counts for every object); ``require`` raises :class:`PermissionDenied` and
records the denial in the audit log; ``objects_for`` filters a queryset to what a user may act on.
``ObjectPermission`` (DRF) and ``ObjectPermissionRequiredMixin`` (class-based views) use the same rules.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from guardian.shortcuts import assign_perm, get_objects_for_user, remove_perm
from rest_framework.permissions import BasePermission

logger = logging.getLogger(__name__)


def grant(user_or_group: Any, perm: str, obj: Model) -> None:
    """Give ``perm`` ("app_label.codename") on ``obj`` to a user or a group."""
    assign_perm(perm, user_or_group, obj)


def revoke(user_or_group: Any, perm: str, obj: Model) -> None:
    """Take ``perm`` on ``obj`` away from a user or a group (no error if it was not given)."""
    remove_perm(perm, user_or_group, obj)


def can(user: Any, perm: str, obj: Model | None = None) -> bool:
    """True if ``user`` holds ``perm`` globally (through a role) or on ``obj`` itself."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.has_perm(perm):
        return True
    return obj is not None and user.has_perm(perm, obj)


def require(request_or_user: Any, perm: str, obj: Model | None = None) -> None:
    """Raise :class:`PermissionDenied` unless the user may ``perm`` on ``obj``; denials are audited."""
    request = request_or_user if isinstance(request_or_user, HttpRequest) else None
    user = getattr(request, "user", None) if request is not None else request_or_user
    if can(user, perm, obj):
        return
    _record_denied(request=request, user=user, perm=perm, obj=obj)
    raise PermissionDenied(f"Permission '{perm}' required")


def objects_for(user: Any, perm: str, queryset: QuerySet[Any]) -> QuerySet[Any]:
    """The part of ``queryset`` on which ``user`` holds ``perm`` (globally or per object)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return queryset.none()
    return get_objects_for_user(user, perm, klass=queryset, accept_global_perms=True)


def _record_denied(*, request: HttpRequest | None, user: Any, perm: str, obj: Model | None) -> None:
    try:
        from przystan.audit.api import record_denied
    except ImportError:
        logger.warning("Permission '%s' denied to %s on %r", perm, getattr(user, "pk", None), obj)
        return
    record_denied(user, perm, obj, request=request)


def role_group(name: str) -> Group:
    """The group of a role slug (a convenience for ``grant(role_group("officer"), ...)``)."""
    return Group.objects.get(name=name)


# ----------------------------------------------------------------------------- DRF and class-based views


class ObjectPermission(BasePermission):
    """DRF permission: the user must hold ``view.object_permission`` ("app.codename") on the object.

    ``object_permissions = {"GET": ..., "PATCH": ..., "*": ...}`` picks a permission per method.
    List endpoints should narrow their queryset with :func:`objects_for`.
    """

    message = "You do not have permission to perform this action."

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(getattr(getattr(request, "user", None), "is_authenticated", False))

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        perm = _view_permission(view, request)
        if perm is None:
            return False
        if can(getattr(request, "user", None), perm, obj):
            return True
        _record_denied(
            request=getattr(request, "_request", request),
            user=getattr(request, "user", None),
            perm=perm,
            obj=obj,
        )
        return False


def _view_permission(view: Any, request: Any) -> str | None:
    """The permission a view asks for: ``object_permissions[method]`` or ``object_permission``."""
    by_method = getattr(view, "object_permissions", None)
    if by_method:
        return by_method.get(request.method, by_method.get("*"))
    return getattr(view, "object_permission", None)


class ObjectPermissionRequiredMixin:
    """Class-based view mixin: ``get_object()`` must pass ``object_permission`` for the user.

    Unauthenticated users are sent to the login page; others get 403 (and an audit record).
    """

    object_permission: str = ""
    object_permissions: dict[str, str] | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_object(self, queryset: QuerySet[Any] | None = None) -> Any:
        obj = super().get_object(queryset)  # type: ignore[misc]
        checker = ObjectPermission()
        if not checker.has_object_permission(self.request, self, obj):  # type: ignore[attr-defined]
            raise PermissionDenied(checker.message)
        return obj
