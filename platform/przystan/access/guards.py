"""Declaring access on views and API viewsets.

Every view a plugin contributes carries its policy entry, set by one of these decorators:

* ``@guard("serce.person", "view")`` — signed-in users whose role holds the action on the resource
  in some scope; the view then asks for the record itself with :func:`~przystan.access.get_or_404`
  (or narrows a list with :func:`~przystan.access.visible`);
* ``@public`` — deliberately open to anyone (portal pages, booking by anonymous foreigners; their
  own checks, such as a PIN, stay in the view).

The access-matrix test reads ``view.przystan_access`` from every URL pattern, so a URL without an
entry fails it. API viewsets set ``access_resource`` (and optionally ``access_actions``) and use
:class:`PolicyPermission`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest
from rest_framework.permissions import BasePermission

from .decisions import allows, decide
from .policy import Action


@dataclass(frozen=True)
class AccessEntry:
    """What a view declares: ``resource``/``action``, or ``public=True``."""

    resource: str = ""
    action: str = ""
    public: bool = False
    staff: bool = False  # a staff page: a grant on one's own records only does not open it

    def allows(self, user: Any, obj: Any = None, *, office: Any = None) -> bool:
        """Whether ``user`` passes this entry (and, given ``obj``, may act on that record)."""
        if self.public:
            return True
        if self.staff and not holds_staff_grant(user, self.action, self.resource):
            return False
        return allows(user, self.action, self.resource, obj, office=office)


PUBLIC = AccessEntry(public=True)


def holds_staff_grant(user: Any, action: str, resource: str) -> bool:
    """A grant wider than one's own records (what staff pages ask beyond the action itself)."""
    from .decisions import widest_scope
    from .policy import Scope

    return widest_scope(user, action, resource) not in (None, Scope.OWN)


def guard(resource: str, action: str = Action.VIEW) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Only signed-in users whose role holds ``action`` on ``resource`` (anywhere in their scope)."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            from .decisions import require

            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require(request, action, resource)
            return view(request, *args, **kwargs)

        guarded.przystan_access = AccessEntry(resource, str(action))  # type: ignore[attr-defined]
        return guarded

    return decorator


def staff_guard(
    resource: str, action: str = Action.VIEW
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """:func:`guard` for staff pages: a role holding the action only on its own records (a foreigner,
    an employer) has the portal, not these pages — refused (and audited) even though it holds the action.
    """

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def staff_only(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            from django.core.exceptions import PermissionDenied
            from django.utils.translation import gettext as _

            from przystan.audit.api import record_denied

            if not holds_staff_grant(request.user, action, resource):
                record_denied(request.user, f"{resource}:{action}", None, request=request)
                raise PermissionDenied(_("This page is for office staff."))
            return view(request, *args, **kwargs)

        guarded = guard(resource, action)(staff_only)
        guarded.przystan_access = AccessEntry(resource, str(action), staff=True)  # type: ignore[attr-defined]
        return guarded

    return decorator


def public(view: Callable[..., Any]) -> Callable[..., Any]:
    """Mark ``view`` as deliberately open to everyone (the matrix test expects no denial)."""
    view.przystan_access = PUBLIC  # type: ignore[attr-defined]
    return view


def access_entry(view: Any) -> AccessEntry | None:
    """The entry a view (function, class-based or DRF viewset) declares, if any."""
    entry = getattr(view, "przystan_access", None)
    if entry is not None:
        return entry
    cls = getattr(view, "cls", None) or getattr(view, "view_class", None)
    if cls is not None:
        if getattr(cls, "access_public", False):
            return PUBLIC
        resource = getattr(cls, "access_resource", "")
        if resource:
            return AccessEntry(resource, Action.VIEW)
    return None


# ----------------------------------------------------------------------------- DRF

DRF_ACTIONS = {
    "list": Action.VIEW,
    "retrieve": Action.VIEW,
    "create": Action.EDIT,
    "update": Action.EDIT,
    "partial_update": Action.EDIT,
    "destroy": Action.EDIT,
}
METHOD_ACTIONS = {"GET": Action.VIEW, "HEAD": Action.VIEW, "OPTIONS": Action.VIEW}


def viewset_action(view: Any, request: Any) -> str:
    """The policy action of a DRF request: ``access_actions[view.action]`` or by the method."""
    custom = getattr(view, "access_actions", {}) or {}
    name = getattr(view, "action", None)
    if name in custom:
        return str(custom[name])
    if name in DRF_ACTIONS:
        return str(DRF_ACTIONS[name])
    return str(METHOD_ACTIONS.get(request.method, Action.EDIT))


class PolicyPermission(BasePermission):
    """DRF: the viewset's ``access_resource`` and the request's action, asked of the policy."""

    def has_permission(self, request: Any, view: Any) -> bool:
        if getattr(view, "access_public", False):
            return True
        resource = getattr(view, "access_resource", "")
        if not resource:
            return False
        return allows(
            request.user, viewset_action(view, request), resource, office=getattr(request, "office", None)
        )

    def has_object_permission(self, request: Any, view: Any, obj: Any) -> bool:
        if getattr(view, "access_public", False):
            return True
        resource = getattr(view, "access_resource", "")
        action = viewset_action(view, request)
        decision = decide(request.user, action, resource, obj, office=getattr(request, "office", None))
        if not decision.allowed:
            from przystan.audit.api import record_denied

            record_denied(
                request.user, f"{resource}:{action}", obj, request=getattr(request, "_request", request)
            )
        return decision.allowed


class StaffPolicyPermission(PolicyPermission):
    """:class:`PolicyPermission` for staff API routes: a role holding the action only on its own
    records (a foreigner, an employer) is refused, as :func:`staff_guard` refuses it on pages."""

    def has_permission(self, request: Any, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        resource = getattr(view, "access_resource", "")
        return holds_staff_grant(request.user, viewset_action(view, request), resource)
