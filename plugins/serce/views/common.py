"""Helpers shared by the staff views: every view declares its policy entry with :func:`serce_view`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from przystan import access


def serce_view(resource: str, action: str = "view") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Signed-in users whose role holds ``action`` on ``resource`` (in some scope); the view then asks
    for the record itself (:func:`przystan.access.get_or_404`)."""
    return access.guard(resource, action)
