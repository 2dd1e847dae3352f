"""``staff_guard``: the policy's coarse check for the officer portal's pages.

Like :func:`przystan.access.guard`, and the role's grant must reach further than the person's own
records: a foreigner or employer (``own`` scope only) has their portal, not the staff pages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _

from przystan import access
from przystan.access import Scope


def staff_guard(resource: str, action: str = "view") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def staff_only(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if access.widest_scope(request.user, action, resource) in (None, Scope.OWN):
                from przystan.audit.api import record_denied

                record_denied(request.user, f"{resource}:{action}", None, request=request)
                raise PermissionDenied(_("This page is for office staff."))
            return view(request, *args, **kwargs)

        return access.guard(resource, action)(staff_only)

    return decorator
