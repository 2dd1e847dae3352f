"""Offices and per-office plugin enablement in the Wagtail admin, as the access policy allows.

An office administrator sees and edits their own office and its modules only (``offices.office``,
``offices.plugin``: office scope); creating and deleting offices is for platform administrators
(installation-wide grants). No screen here relies on ``is_superuser``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from przystan.web.admin_access import PolicyViewSetMixin

from .forms import PluginEnablementForm, PrivacyNoticeTextForm
from .models import Office, PluginEnablement, PrivacyNoticeText


class OfficeViewSet(PolicyViewSetMixin, ModelViewSet):
    model = Office
    access_resource = "offices.office"
    access_installation_only = ("add", "delete")
    icon = "home"
    menu_label = _("Offices")
    list_display = ["name", "code", "city", "email"]
    search_fields = ["name", "code", "city"]
    copy_view_enabled = False


class PluginEnablementViewSet(PolicyViewSetMixin, ModelViewSet):
    model = PluginEnablement
    access_resource = "offices.plugin"
    icon = "cogs"
    menu_label = _("Plugins of offices")
    list_display = ["office", "plugin", "enabled", "changed_at"]
    list_filter = ["office", "enabled"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [FieldPanel("office"), FieldPanel("plugin"), FieldPanel("enabled"), FieldPanel("config")],
        base_form_class=PluginEnablementForm,
    )


class PrivacyNoticeTextViewSet(PolicyViewSetMixin, ModelViewSet):
    """The office's own wording of its forms' privacy notices (the DPO's contact is on the office)."""

    model = PrivacyNoticeText
    access_resource = "offices.privacy_notice"
    icon = "lock"
    menu_label = _("Privacy notices")
    list_display = ["clause", "language", "office"]
    list_filter = ["office", "language"]
    copy_view_enabled = False
    edit_handler = ObjectList(PrivacyNoticeText.panels, base_form_class=PrivacyNoticeTextForm)


class OfficesGroup(ModelViewSetGroup):
    menu_label = _("Offices")
    menu_icon = "site"
    menu_order = 900
    items = (
        OfficeViewSet("offices"),
        PluginEnablementViewSet("office_plugins"),
        PrivacyNoticeTextViewSet("office_privacy_notices"),
    )


@hooks.register("register_admin_viewset")
def register_offices_admin() -> OfficesGroup:
    return OfficesGroup()
