"""Admin integration: legal acts as snippets, the translations/review overview in the menu."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import page_access
from .admin_views import translations_overview
from .models import LegalAct


class LegalActViewSet(SnippetViewSet):
    model = LegalAct
    icon = "clipboard-list"
    menu_label = _("Legal acts")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "title",
        Column("current_reference", label=_("current consolidated text")),
        "in_force",
        "checked_at",
    ]
    list_filter = ["in_force"]
    search_fields = ["title", "journal_reference", "eli"]


register_snippet(LegalActViewSet)


@hooks.register("register_admin_urls")
def register_translation_urls() -> list[Any]:
    return [path("portal/translations/", translations_overview, name="cms_content_translations")]


@hooks.register("register_admin_menu_item")
def register_translations_menu_item() -> MenuItem:
    return MenuItem(
        _("Translations and reviews"),
        reverse("cms_content_translations"),
        name="cms-translations",
        icon_name="globe",
        order=260,
    )


hooks.register("before_edit_page", page_access.before_edit_page)
hooks.register("before_create_page", page_access.before_create_page)
hooks.register("before_unpublish_page", page_access.before_unpublish_page)
hooks.register("before_delete_page", page_access.before_delete_page)
hooks.register("construct_page_action_menu", page_access.construct_page_action_menu)
