"""Wrap contributed views so that a plugin disabled for the request's office answers 404."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from django.http import Http404, HttpRequest, JsonResponse
from django.urls import URLPattern, URLResolver
from django.utils.translation import gettext as _


def plugin_unavailable_json() -> JsonResponse:
    """The API answer of a plugin route at an office that has not enabled the plugin."""
    return JsonResponse({"detail": _("This service is not available at this office.")}, status=404)


def plugin_gate(slug: str, *, api: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Answer 404 where ``slug`` is disabled: a JSON body for API routes, the normal 404 page otherwise."""

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def gated(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            from przystan.offices.enablement import is_enabled

            if not is_enabled(getattr(request, "office", None), slug):
                if api:
                    return plugin_unavailable_json()
                raise Http404(f"Plugin {slug} is not enabled for this office")
            return view(request, *args, **kwargs)

        gated.przystan_plugin = slug  # type: ignore[attr-defined]
        return gated

    return decorator


def gate_patterns(patterns: Sequence[Any], slug: str, *, api: bool = False) -> list[Any]:
    """Return copies of ``patterns`` (recursively) whose views are wrapped by :func:`plugin_gate`."""
    gate = plugin_gate(slug, api=api)
    gated: list[Any] = []
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            gated.append(
                URLPattern(pattern.pattern, gate(pattern.callback), pattern.default_args, pattern.name)
            )
        elif isinstance(pattern, URLResolver):
            gated.append(
                URLResolver(
                    pattern.pattern,
                    gate_patterns(pattern.url_patterns, slug, api=api),
                    pattern.default_kwargs,
                    pattern.app_name,
                    pattern.namespace,
                )
            )
        else:
            raise TypeError(f"Plugin '{slug}' contributed {pattern!r}, which is not a URL pattern")
    return gated
