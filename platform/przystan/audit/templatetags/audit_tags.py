"""``{% load audit_tags %}{% audit_trail obj %}``: the latest audit entries of a record, for staff pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

from przystan import access
from przystan.audit.models import AuditEntry
from przystan.audit.views import RESOURCE

register = template.Library()
TRAIL_LENGTH = 20


@register.inclusion_tag("audit/trail.html", takes_context=True)
def audit_trail(context: template.Context, obj: Any, limit: int = TRAIL_LENGTH) -> dict[str, Any]:
    """Shown only to users the policy lets view the audit log (their office's entries); links to the history."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    office = getattr(request, "office", None)
    if obj is None or getattr(obj, "pk", None) is None or user is None:
        return {"show": False}
    if not access.allows(user, "view", RESOURCE, office=office):
        return {"show": False}
    entries = access.visible(user, "view", RESOURCE, AuditEntry.objects.for_object(obj), office=office)
    entries = list(entries.select_related("actor")[:limit])
    try:
        history_url = reverse("audit:history", args=[obj._meta.label_lower, obj.pk])
    except NoReverseMatch:  # the staff URLs are not served by this instance (public profile)
        history_url = ""
    return {
        "show": True,
        "entries": entries,
        "history_url": history_url,
        "trail_id": f"{obj._meta.label_lower.replace('.', '-')}-{obj.pk}",
        "request": request,
    }
