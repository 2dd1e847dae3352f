"""Office configuration of visit booking in the Wagtail admin: points, services, schedules, exceptions.

Lists show only the records of the office the admin is signed in to (by host); new records are
created for that office (the office is not a form field). The menu group and its URLs exist only for
offices that enabled visit booking. Slots are generated from the schedules by ``queue_booking_tick``.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic.models import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from przystan.pluginsys.wagtail_admin import PluginAdminViewSetMixin

from .admin_access import SetupAccessMixin, SetupPermissionPolicy
from .models import ScheduleException, ServicePoint, ServiceType, WeeklySchedule

for _model in (ServicePoint, ServiceType, WeeklySchedule, ScheduleException):
    register_permission_policy(_model, SetupPermissionPolicy(_model))


def _office_pk(request: Any) -> Any:
    return getattr(getattr(request, "office", None), "pk", None)


class OfficeIndexView(SetupAccessMixin, IndexView):
    setup_action_name = "view"

    def get_base_queryset(self) -> Any:
        return super().get_base_queryset().filter(office_id=_office_pk(self.request))


class OfficeChoicesMixin:
    """Choices of related records (service types, points) come from the request's office only."""

    def get_form(self, *args: Any, **kwargs: Any) -> Any:
        form = super().get_form(*args, **kwargs)  # type: ignore[misc]
        for field in form.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and any(f.name == "office" for f in queryset.model._meta.fields):
                field.queryset = queryset.filter(office_id=_office_pk(self.request))  # type: ignore[attr-defined]
        return form


class OfficeCreateView(SetupAccessMixin, OfficeChoicesMixin, CreateView):
    def get_initial_form_instance(self) -> Any:
        office = getattr(self.request, "office", None)
        if office is None:
            raise Http404
        instance = super().get_initial_form_instance() or self.model()
        instance.office = office
        return instance


class OfficeObjectMixin:
    def get_object(self, queryset: Any = None) -> Any:
        obj = super().get_object(queryset)  # type: ignore[misc]
        if obj.office_id != _office_pk(self.request):  # type: ignore[attr-defined]
            raise Http404
        return obj


class OfficeEditView(SetupAccessMixin, OfficeChoicesMixin, OfficeObjectMixin, EditView):
    pass


class OfficeDeleteView(SetupAccessMixin, OfficeObjectMixin, DeleteView):
    pass


class OfficeScopedViewSet(PluginAdminViewSetMixin, ModelViewSet):
    """Only the records of the request's office are listed, edited or deleted."""

    plugin_slug = "queue_booking"
    copy_view_enabled = False
    add_view_class = OfficeCreateView
    index_view_class = OfficeIndexView
    edit_view_class = OfficeEditView
    delete_view_class = OfficeDeleteView


def _office_panels(*names: str) -> ObjectList:
    return ObjectList([FieldPanel(name) for name in names])


class ServicePointViewSet(OfficeScopedViewSet):
    model = ServicePoint
    icon = "desktop"
    menu_label = _("Service points")
    list_display = ["name", "code", "active"]
    edit_handler = _office_panels("code", "name", "name_en", "name_uk", "name_ru", "active")


class ServiceTypeViewSet(OfficeScopedViewSet):
    model = ServiceType
    icon = "tag"
    menu_label = _("Service types")
    list_display = ["code", "duration_minutes", "requires_live_case", "release_days_ahead", "active"]
    edit_handler = _office_panels(
        "code",
        "duration_minutes",
        "requires_live_case",
        "active",
        "release_days_ahead",
        "release_time",
        "release_waves",
        "wave_interval_minutes",
        "hold_minutes",
    )


class WeeklyScheduleViewSet(OfficeScopedViewSet):
    model = WeeklySchedule
    icon = "time"
    menu_label = _("Weekly schedules")
    list_display = ["service_type", "service_point", "weekday", "start_time", "end_time", "capacity_per_slot"]
    edit_handler = _office_panels(
        "service_type", "service_point", "weekday", "start_time", "end_time", "capacity_per_slot"
    )


class ScheduleExceptionViewSet(OfficeScopedViewSet):
    model = ScheduleException
    icon = "warning"
    menu_label = _("Schedule exceptions")
    list_display = ["date", "service_point", "reason"]
    edit_handler = _office_panels("date", "service_point", "reason")


class BookingSetupGroup(PluginAdminViewSetMixin, ModelViewSetGroup):
    plugin_slug = "queue_booking"
    menu_label = _("Visit booking")
    menu_icon = "date"
    menu_order = 910
    items = (
        ServicePointViewSet("qb_points"),
        ServiceTypeViewSet("qb_services"),
        WeeklyScheduleViewSet("qb_schedules"),
        ScheduleExceptionViewSet("qb_exceptions"),
    )


@hooks.register("register_admin_viewset")
def register_booking_setup() -> BookingSetupGroup:
    return BookingSetupGroup()
