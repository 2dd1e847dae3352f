"""Staff view: the audit history of one record."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views.generic import ListView

from przystan import access

from .models import AuditAction, AuditEntry
from .recorder import build_entry, write
from .registry import is_sensitive

RESOURCE = "audit.entry"


def resolve_model(label: str) -> type[models.Model]:
    app_label, _sep, model_name = label.partition(".")
    try:
        return apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        raise Http404("Unknown record type") from None


@method_decorator(access.guard(RESOURCE, "view"), name="dispatch")
class RecordHistoryView(ListView):
    """Every audit entry of one record in the user's office, newest first; a sensitive record's is a read.

    The policy decides (``audit.entry``: view); entries of other offices are not listed.
    """

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
        # not ``content_type``: TemplateResponseMixin sends that attribute as the response's Content-Type
        self.record_type = ContentType.objects.get_for_model(self.model_class)
        self.record = self.model_class._base_manager.filter(pk=self.object_id).first()

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.get_queryset().exists() and self.all_entries().exists():
            raise Http404("The record's history belongs to another office")
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

    def all_entries(self) -> Any:
        return AuditEntry.objects.for_reference(self.record_type, self.object_id)

    def get_queryset(self) -> Any:
        entries = self.all_entries()
        visible = access.visible(
            self.request.user, "view", RESOURCE, entries, office=getattr(self.request, "office", None)
        )
        return visible.select_related("actor")

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
