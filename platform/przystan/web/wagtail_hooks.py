"""Plugin menu items in the Wagtail admin: only those of plugins enabled for the request's office."""

from __future__ import annotations

from typing import Any

from wagtail import hooks
from wagtail.admin.menu import MenuItem as WagtailMenuItem

from .views import menu_url, visible_contributions


@hooks.register("construct_main_menu")
def add_plugin_menu_items(request: Any, menu_items: list[Any]) -> None:
    for item in visible_contributions(request, "admin_menu_items"):
        url = menu_url(item.url)
        if url:
            menu_items.append(
                WagtailMenuItem(item.label, url, name=item.name, icon_name=item.icon_name, order=item.order)
            )
