"""Register the read-only audit log in the Wagtail admin."""

from __future__ import annotations

from typing import Any

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import AuditEntryViewSet, ReadOnlyPermissionPolicy
from .models import AuditEntry

register_permission_policy(AuditEntry, ReadOnlyPermissionPolicy(AuditEntry))


@hooks.register("register_admin_viewset")
def register_audit_viewset() -> Any:
    return AuditEntryViewSet("audit_log")
