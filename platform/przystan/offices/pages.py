"""Page types contributed by plugins can be created only under sites of offices that enable them."""

from __future__ import annotations

from typing import Any

from wagtail.models import Site

from .enablement import is_enabled


def office_for_page(page: Any) -> Any:
    from .models import Office

    site = page.get_site() if page is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return Office.objects.filter(site=site).first() if site else None


class PluginPageMixin:
    """Mix into a Wagtail ``Page`` subclass of a plugin and set ``plugin_slug``."""

    plugin_slug: str = ""

    @classmethod
    def can_create_at(cls, parent: Any) -> bool:
        return super().can_create_at(parent) and is_enabled(office_for_page(parent), cls.plugin_slug)  # type: ignore[misc]
