"""View mixins that record reads of records registered as sensitive."""

from __future__ import annotations

from typing import Any

from .api import record_read
from .registry import is_sensitive


class AuditReadMixin:
    """For Django detail views (``SingleObjectMixin``): opening a sensitive record is recorded."""

    audit_read_reason = ""

    def get_object(self, queryset: Any = None) -> Any:
        obj = super().get_object(queryset)  # type: ignore[misc]
        if is_sensitive(obj):
            record_read(obj, request=self.request, reason=self.audit_read_reason)  # type: ignore[attr-defined]
        return obj


class AuditRetrieveMixin:
    """For DRF viewsets: ``retrieve`` of a sensitive record is recorded (list and writes are not reads)."""

    audit_read_reason = "api"

    def retrieve(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        from rest_framework.response import Response

        instance = self.get_object()  # type: ignore[attr-defined]
        if is_sensitive(instance):
            record_read(instance, request=request, reason=self.audit_read_reason)
        serializer = self.get_serializer(instance)  # type: ignore[attr-defined]
        return Response(serializer.data)
