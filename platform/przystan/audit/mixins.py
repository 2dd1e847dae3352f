"""View mixins that record reads of records registered as sensitive."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

from .api import record_read, record_reads
from .registry import is_sensitive


class AuditReadMixin:
    """For Django detail views (``SingleObjectMixin``): opening a sensitive record is recorded."""

    audit_read_reason = ""

    def get_object(self, queryset: Any = None) -> Any:
        obj = super().get_object(queryset)  # type: ignore[misc]
        if is_sensitive(obj):
            record_read(obj, request=self.request, reason=self.audit_read_reason)  # type: ignore[attr-defined]
        return obj


class AuditedApiReadsMixin:
    """For DRF viewsets: every sensitive record an answer returns is recorded as read.

    ``retrieve`` records the record, ``list`` each record of the page it returns (one entry per
    record, written in one INSERT). Custom actions that return records call :meth:`audit_reads` with
    them (``self.audit_reads([message], reason="api message")``). Records of models not registered
    ``sensitive=True`` are skipped. The reads are recorded with the request (actor, office, address,
    request id), so token and service-credential callers are named like session users.
    """

    audit_read_reason = "api"

    def audit_reads(self, records: Iterable[models.Model], reason: str | None = None) -> None:
        sensitive = [record for record in records if is_sensitive(record)]
        if sensitive:
            request = getattr(self.request, "_request", self.request)  # type: ignore[attr-defined]
            # DRF authenticates lazily on its own wrapper: hand its user to the audit
            record_reads(
                sensitive,
                request=request,
                user=getattr(self.request, "user", None),  # type: ignore[attr-defined]
                reason=self.audit_read_reason if reason is None else reason,
            )

    def retrieve(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        from rest_framework.response import Response

        instance = self.get_object()  # type: ignore[attr-defined]
        self.audit_reads([instance])
        return Response(self.get_serializer(instance).data)  # type: ignore[attr-defined]

    def list(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        from rest_framework.response import Response

        queryset = self.filter_queryset(self.get_queryset())  # type: ignore[attr-defined]
        page = self.paginate_queryset(queryset)  # type: ignore[attr-defined]
        records = list(page if page is not None else queryset)
        self.audit_reads(records)
        data = self.get_serializer(records, many=True).data  # type: ignore[attr-defined]
        if page is not None:
            return self.get_paginated_response(data)  # type: ignore[attr-defined]
        return Response(data)


# the name of the first version, which recorded ``retrieve`` only
AuditRetrieveMixin = AuditedApiReadsMixin
