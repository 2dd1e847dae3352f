"""Register the read-only audit log in the Wagtail admin."""

from __future__ import annotations

from typing import Any

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import AuditEntryViewSet, audit_permission_policy
from .models import AuditEntry

register_permission_policy(AuditEntry, audit_permission_policy())


@hooks.register("register_admin_viewset")
def register_audit_viewset() -> Any:
    return AuditEntryViewSet("audit_log")
