"""Offices and per-office plugin enablement are edited in the Wagtail admin (office admins)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .forms import PluginEnablementForm
from .models import Office, PluginEnablement


class OfficeViewSet(ModelViewSet):
    model = Office
    icon = "home"
    menu_label = _("Offices")
    list_display = ["name", "code", "city", "email"]
    search_fields = ["name", "code", "city"]
    copy_view_enabled = False


class PluginEnablementViewSet(ModelViewSet):
    model = PluginEnablement
    icon = "cogs"
    menu_label = _("Plugins of offices")
    list_display = ["office", "plugin", "enabled", "changed_at"]
    list_filter = ["office", "enabled"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("office"), FieldPanel("plugin"), FieldPanel("enabled"), FieldPanel("config")],
        base_form_class=PluginEnablementForm,
    )


class OfficesGroup(ModelViewSetGroup):
    menu_label = _("Offices")
    menu_icon = "site"
    menu_order = 900
    items = (OfficeViewSet("offices"), PluginEnablementViewSet("office_plugins"))


@hooks.register("register_admin_viewset")
def register_offices_admin() -> OfficesGroup:
    return OfficesGroup()
