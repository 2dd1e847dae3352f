"""Build and insert audit entries (the one place that writes to the audit log)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest

from przystan.fast_insert import insert_new

from .context import AuditContext, current_context
from .middleware import USER_AGENT_MAX, context_for_request
from .models import ANONYMOUS_ACTOR, SYSTEM_ACTOR, AuditEntry
from .registry import options_for

REPR_MAX = 200


def actor_repr(user: Any) -> str:
    if user is None:
        return SYSTEM_ACTOR
    if not getattr(user, "is_authenticated", False) or getattr(user, "pk", None) is None:
        return ANONYMOUS_ACTOR
    return f"{user.get_username()} (#{user.pk})"[:REPR_MAX]


def office_id_for(obj: Any, context: AuditContext | None) -> int | None:
    """The record's own office when it has one, else the office of the request or job."""
    from przystan.offices.models import Office

    if isinstance(obj, Office):
        return obj.pk
    options = options_for(obj) if isinstance(obj, models.Model) else None
    if options and options.office_field:
        office_id = getattr(obj, f"{options.office_field}_id", None)
        if office_id is not None:
            return office_id
    return context.office_id if context else None


def build_entry(
    action: str,
    *,
    obj: models.Model | None = None,
    model: type[models.Model] | None = None,
    object_id: str | None = None,
    object_repr: str | None = None,
    changes: dict[str, Any] | None = None,
    reason: str = "",
    user: Any = ...,
    request: HttpRequest | None = None,
) -> AuditEntry:
    """An unsaved entry; ``user=...`` means "the actor of the current context"."""
    context = context_for_request(request) if request is not None else current_context()
    if user is ...:
        user = context.user if context else None
    if model is None and obj is not None:
        model = type(obj)
    if obj is not None and object_id is None:
        object_id = "" if obj.pk is None else str(obj.pk)
    if obj is not None and object_repr is None:
        object_repr = str(obj)
    authenticated = user is not None and getattr(user, "is_authenticated", False) and user.pk is not None
    return AuditEntry(
        action=action,
        actor=user if authenticated else None,
        actor_repr=actor_repr(user),
        office_id=office_id_for(obj, context),
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=True) if model else None,
        object_id=object_id or "",
        object_repr=(object_repr or "")[:REPR_MAX],
        changes=changes or {},
        reason=reason or (context.reason if context else ""),
        request_id=context.request_id if context else "",
        ip=context.ip if context else None,
        user_agent=(context.user_agent if context else "")[:USER_AGENT_MAX],
    )


def write(entry: AuditEntry, using: str | None = None) -> AuditEntry:
    """Append ``entry`` (written with every audited change, so its INSERT is built once)."""
    if not entry._state.adding:
        entry.save(using=using)  # refused: the log is append-only
    insert_new(entry, using)
    return entry
