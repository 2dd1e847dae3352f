"""Staff view: the audit history of one record."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.views.generic import ListView

from .api import record_denied
from .models import AuditAction, AuditEntry
from .recorder import build_entry, write
from .registry import is_sensitive

VIEW_PERMISSION = "audit.view_auditentry"


def resolve_model(label: str) -> type[models.Model]:
    app_label, _sep, model_name = label.partition(".")
    try:
        return apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        raise Http404("Unknown record type") from None


class RecordHistoryView(LoginRequiredMixin, PermissionRequiredMixin, ListView):
    """Every audit entry of one record, newest first. Opening it for a sensitive record is a read."""

    permission_required = VIEW_PERMISSION
    template_name = "audit/history.html"
    context_object_name = "entries"
    paginate_by = 50

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.model_class = resolve_model(kwargs["model_label"])
        try:
            self.object_id = str(self.model_class._meta.pk.to_python(kwargs["object_id"]))
        except ValidationError:
            raise Http404("Invalid record id") from None
        # not ``self.content_type``: that attribute is the response's Content-Type in Django's views
        self.record_type = ContentType.objects.get_for_model(self.model_class)
        self.record = self.model_class._base_manager.filter(pk=self.object_id).first()

    def handle_no_permission(self) -> HttpResponse:
        if self.request.user.is_authenticated:
            record_denied(
                self.request.user, VIEW_PERMISSION, self.record or self.model_class, request=self.request
            )
        return super().handle_no_permission()

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if is_sensitive(self.model_class):
            self.record_history_read()
        return super().get(request, *args, **kwargs)

    def record_history_read(self) -> None:
        latest = self.get_queryset().first()
        entry = build_entry(
            AuditAction.READ,
            obj=self.record,
            model=self.model_class,
            object_id=self.object_id,
            object_repr=None if self.record is not None else getattr(latest, "object_repr", ""),
            reason="audit history",
            user=self.request.user,
            request=self.request,
        )
        write(entry)

    def get_queryset(self) -> Any:
        return AuditEntry.objects.for_reference(self.record_type, self.object_id).select_related("actor")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        first = self.get_queryset().first()
        context.update(
            record=self.record,
            record_label=str(self.record) if self.record is not None else getattr(first, "object_repr", ""),
            model_verbose_name=self.model_class._meta.verbose_name,
            object_id=self.object_id,
        )
        return context
