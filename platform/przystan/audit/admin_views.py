"""Read-only audit log in the Wagtail admin: a listing with filters and an inspect page, nothing else.

The access policy decides (``audit.entry``: view): staff see the entries of their own office only;
nobody may add, change or delete an entry.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.urls import path
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from przystan.web.admin_access import AccessPermissionPolicy, PolicyInspectView, PolicyViewSetMixin

from .labels import EMPTY
from .models import AuditAction, AuditEntry
from .recorder import build_entry, write
from .registry import is_sensitive

READ_ONLY = {"view": "view", "add": None, "change": None, "delete": None}


def audit_permission_policy() -> AccessPermissionPolicy:
    """Only ``view`` exists for the audit log — not even a platform administrator may add, change or delete."""
    return AccessPermissionPolicy(AuditEntry, "audit.entry", READ_ONLY)


class AuditEntryFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(label=_("Action"), choices=AuditAction.choices, empty_label=_("All"))
    actor_repr = django_filters.CharFilter(label=_("User"), lookup_expr="icontains")
    at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = AuditEntry
        fields = ["action", "actor_repr", "at"]


class AuditEntryInspectView(PolicyInspectView):
    """Opening an entry about a sensitive record is itself recorded as a read of that record."""

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        entry = self.object
        model = entry.content_type.model_class() if entry.content_type_id else None
        if model is not None and is_sensitive(model):
            write(
                build_entry(
                    AuditAction.READ,
                    model=model,
                    object_id=entry.object_id,
                    object_repr=entry.object_repr,
                    reason="audit log",
                    user=request.user,
                    request=request,
                )
            )
        return super().get(request, *args, **kwargs)

    # The fields of an entry in the reader's language: labels of the record's fields, not their names.

    def get_at_display_value(self) -> str:
        return date_format(localtime(self.object.at), "SHORT_DATETIME_FORMAT")

    def get_changes_display_value(self) -> str:
        rows = self.object.change_rows()
        if not rows:
            return EMPTY
        return format_html(
            '<ul class="audit-changes">{}</ul>',
            format_html_join(
                "",
                '<li><strong>{}</strong>: <span class="before">{}</span> → <span class="after">{}</span></li>',
                ((row["field"], row["before"], row["after"]) for row in rows),
            ),
        )

    def get_reason_display_value(self) -> str:
        return self.object.reason_display or EMPTY

    def get_ip_display_value(self) -> str:
        return self.object.ip or EMPTY


class AuditEntryViewSet(PolicyViewSetMixin, ModelViewSet):
    model = AuditEntry
    access_resource = "audit.entry"
    access_actions = READ_ONLY
    icon = "history"
    menu_label = _("Audit log")
    menu_order = 950
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = AuditEntryInspectView
    list_per_page = 50
    list_display = [
        DateColumn("at", label=_("When")),
        Column("actor_label", label=_("Who")),
        Column("get_action_display", label=_("Action")),
        Column("object_repr", label=_("Record")),
        Column("content_type", label=_("Record type")),
    ]
    filterset_class = AuditEntryFilterSet
    search_fields = ["object_repr", "actor_repr", "reason"]
    search_backend_name = None  # plain database lookups; audit rows are not put into the search index
    inspect_view_fields = [
        "at",
        "actor_repr",
        "office",
        "action",
        "content_type",
        "object_id",
        "object_repr",
        "changes",
        "reason",
        "request_id",
        "ip",
        "user_agent",
    ]

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
        )
        return view_kwargs

    def get_urlpatterns(self) -> list[Any]:
        """Listing and inspect only: add, edit, delete, copy and history URLs do not exist."""
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
