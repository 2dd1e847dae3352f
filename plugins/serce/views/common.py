"""Helpers shared by the staff views."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

from przystan.accounts import access
from przystan.web.access import staff_required


def serce_view(permission: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Staff only; with ``permission``, the user must hold it (a denial is logged)."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            if permission:
                access.require(request, permission)
            return view(request, *args, **kwargs)

        return staff_required(wrapped)

    return decorate
