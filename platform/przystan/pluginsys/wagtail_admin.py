"""Wagtail admin viewsets a plugin registers itself (``register_admin_viewset``), gated like its URLs.

A plugin's own contributions (``urls``, ``admin_menu_items``) are gated by the core; a Wagtail viewset a
plugin registers directly bypasses that, so mix :class:`PluginAdminViewSetMixin` into it (and into its
``ViewSetGroup``): its menu item is hidden and its admin URLs answer 404 for an office that has not
enabled the plugin.
"""

from __future__ import annotations

from typing import Any

from .gating import gate_patterns


def shown_only_where_enabled(item: Any, slug: str) -> Any:
    """Make a Wagtail menu item hidden for offices where plugin ``slug`` is disabled."""
    shown = item.is_shown

    def is_shown(request: Any) -> bool:
        from przystan.offices.enablement import is_enabled

        return is_enabled(getattr(request, "office", None), slug) and shown(request)

    item.is_shown = is_shown
    return item


class PluginAdminViewSetMixin:
    plugin_slug: str = ""

    def get_urlpatterns(self) -> list[Any]:
        return gate_patterns(super().get_urlpatterns(), self.plugin_slug)  # type: ignore[misc]

    def get_menu_item(self, order: int | None = None) -> Any:
        return shown_only_where_enabled(super().get_menu_item(order), self.plugin_slug)  # type: ignore[misc]
