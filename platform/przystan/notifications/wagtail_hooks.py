"""Wagtail admin: message templates (editable per office) and the outbox (read-only, with retry)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton

from przystan.web.admin_access import PolicyIndexView, PolicyViewSetMixin

from .admin_views import RESOURCE, RetryView, SendTestView, may_manage, visible_messages
from .forms import MessageTemplateForm
from .models import MessageTemplate, OutboundMessage
from .panels import TemplatePreviewPanel


class MessageTemplateViewSet(PolicyViewSetMixin, ModelViewSet):
    """Office administrators edit their office's templates; the installation-wide ones (no office) are
    for platform administrators."""

    model = MessageTemplate
    access_resource = "notifications.template"
    icon = "doc-full"
    menu_label = _("Message templates")
    add_to_admin_menu = False
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["type", "subject", "body"]
    list_filter = ["language", "channel", "active"]
    list_display = ["__str__", "office", Column("sms_cost", label=_("SMS cost")), "active", UpdatedAtColumn()]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("office"),
                    FieldRowPanel([FieldPanel("type"), FieldPanel("language"), FieldPanel("channel")]),
                ],
                heading=_("Which message"),
            ),
            FieldPanel("subject"),
            FieldPanel("body"),
            FieldPanel("active"),
            TemplatePreviewPanel(heading=_("Preview and SMS cost")),
        ],
        base_form_class=MessageTemplateForm,
    )


class OutboxIndexView(PolicyIndexView):
    retry_url_name = ""
    send_test_url_name = ""

    def get_list_more_buttons(self, instance: OutboundMessage) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)
        if instance.can_retry and may_manage(self.request):
            buttons.append(
                MenuItem(
                    _("Retry"),
                    url=reverse(self.retry_url_name, args=[instance.pk]),
                    icon_name="resubmit",
                    priority=5,
                )
            )
        return buttons

    @cached_property
    def header_buttons(self) -> list[Any]:
        buttons = list(super().header_buttons)
        if may_manage(self.request):
            buttons.append(
                HeaderButton(_("Send a test message"), url=reverse(self.send_test_url_name), icon_name="mail")
            )
        return buttons


class OutboxInspectView(InspectView):
    def get_object(self, queryset: Any = None) -> OutboundMessage:
        return get_object_or_404(visible_messages(self.request.user), pk=self.pk)


class OutboxViewSet(PolicyViewSetMixin, ModelViewSet):
    """Read-only: no add, edit, copy or delete views; the policy's ``notifications.outbox`` decides."""

    model = OutboundMessage
    access_resource = RESOURCE
    access_actions = {"view": "view", "add": None, "change": None, "delete": None}
    icon = "mail"
    menu_label = _("Outbox")
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["recipient", "subject", "type"]
    list_filter = ["status", "channel", "language"]
    list_display = [
        "recipient",
        "type",
        "channel",
        "status",
        "attempts",
        "sms_parts",
        "created_at",
        "sent_at",
    ]
    inspect_view_fields = [
        "office",
        "type",
        "channel",
        "recipient",
        "user",
        "language",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "provider_message_id",
        "sms_encoding",
        "sms_parts",
        "created_at",
        "sent_at",
        "subject",
        "body",
    ]

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_index_view_kwargs(
            retry_url_name=self.get_url_name("retry"),
            send_test_url_name=self.get_url_name("send_test"),
            **kwargs,
        )

    def get_urlpatterns(self) -> list[Any]:
        index = self.get_url_name("index")
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("retry/<int:pk>/", RetryView.as_view(index_url_name=index), name="retry"),
            path("send-test/", SendTestView.as_view(index_url_name=index), name="send_test"),
        ]


class NotificationsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Notifications")
    menu_icon = "mail"
    menu_order = 800
    items = (OutboxViewSet("outbox"), MessageTemplateViewSet("message_templates"))


@hooks.register("register_admin_viewset")
def register_notifications_viewsets() -> NotificationsViewSetGroup:
    return NotificationsViewSetGroup()
