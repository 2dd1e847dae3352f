"""The office's legal deadline rules and statutory suspensions in the Wagtail admin (policy
``legalisation.deadline_rule``: office administrators manage, supervisors view).

An office administrator lists and edits the rows of their office (overrides of the national rows the
migration seeded, which stay as they are); saving or deleting one recomputes the stored deadlines of the
office's undecided cases.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from przystan.pluginsys.wagtail_admin import PluginAdminViewSetMixin
from przystan.web.admin_access import (
    AccessPermissionPolicy,
    PolicyCreateView,
    PolicyDeleteView,
    PolicyEditView,
    PolicyViewSetMixin,
)

from .models import DeadlineRule, SuspensionPeriod
from .policy import DEADLINE_RULE

for _model in (DeadlineRule, SuspensionPeriod):
    register_permission_policy(_model, AccessPermissionPolicy(_model, DEADLINE_RULE))


def _recompute(request: Any, instance: Any) -> None:
    from .deadlines import recompute_open_cases

    office = getattr(instance, "office", None) or getattr(request, "office", None)
    if office is not None:
        recompute_open_cases(office)


class RecomputeCreateView(PolicyCreateView):
    def save_instance(self) -> Any:
        instance = super().save_instance()
        _recompute(self.request, instance)
        return instance


class RecomputeEditView(PolicyEditView):
    def save_instance(self) -> Any:
        instance = super().save_instance()
        _recompute(self.request, instance)
        return instance


class RecomputeDeleteView(PolicyDeleteView):
    def delete_action(self) -> None:
        instance = self.object
        super().delete_action()
        _recompute(self.request, instance)


class DeadlineRuleViewSet(PluginAdminViewSetMixin, PolicyViewSetMixin, ModelViewSet):
    plugin_slug = "legalisation"
    model = DeadlineRule
    access_resource = DEADLINE_RULE
    add_view_class = RecomputeCreateView
    edit_view_class = RecomputeEditView
    delete_view_class = RecomputeDeleteView
    icon = "time"
    menu_label = _("Deadline rules")
    list_display = ["application_type", "length", "unit", "effective_from", "verify"]
    edit_handler = ObjectList(
        [
            FieldPanel("office"),
            FieldPanel("application_type"),
            FieldPanel("length"),
            FieldPanel("unit"),
            FieldPanel("starts_on_filing"),
            FieldPanel("starts_on_appearance"),
            FieldPanel("starts_on_documents"),
            FieldPanel("legal_basis"),
            FieldPanel("source"),
            FieldPanel("effective_from"),
            FieldPanel("verify"),
            FieldPanel("note"),
        ]
    )


class SuspensionPeriodViewSet(PluginAdminViewSetMixin, PolicyViewSetMixin, ModelViewSet):
    plugin_slug = "legalisation"
    model = SuspensionPeriod
    access_resource = DEADLINE_RULE
    add_view_class = RecomputeCreateView
    edit_view_class = RecomputeEditView
    delete_view_class = RecomputeDeleteView
    icon = "warning"
    menu_label = _("Suspensions of deadlines")
    list_display = ["starts_on", "ends_on", "legal_basis", "verify"]
    edit_handler = ObjectList(
        [
            FieldPanel("office"),
            FieldPanel("starts_on"),
            FieldPanel("ends_on"),
            FieldPanel("application_types"),
            FieldPanel("legal_basis"),
            FieldPanel("source"),
            FieldPanel("verify"),
            FieldPanel("note"),
        ]
    )


class DeadlinesGroup(PluginAdminViewSetMixin, ModelViewSetGroup):
    plugin_slug = "legalisation"
    menu_label = _("Legal deadlines")
    menu_icon = "time"
    menu_order = 920
    items = (DeadlineRuleViewSet("legal_deadline_rules"), SuspensionPeriodViewSet("legal_suspensions"))


@hooks.register("register_admin_viewset")
def register_deadlines_admin() -> DeadlinesGroup:
    return DeadlinesGroup()
