"""Audit entries of service credentials: every call (allowed or refused), creation and revocation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from przystan.audit.api import AuditAction, record_event

from .models import ServiceCredential


def record_service_call(
    request: HttpRequest, credential: ServiceCredential, route: str, action: str | None, *, allowed: bool
) -> None:
    record_event(
        AuditAction.USE if allowed else AuditAction.DENIED,
        credential,
        None,
        reason=f"{request.method} {request.path} ({route}:{action or '-'})",
        request=request,
        actor_repr=f"service:{credential.name} ({credential.public_id})",
    )


def record_issued(request: HttpRequest, credential: ServiceCredential) -> None:
    record_event(
        AuditAction.CREATE,
        credential,
        request.user,
        changes={"name": [None, credential.name], "scopes": [None, credential.scopes]},
        reason="service credential issued",
        request=request,
    )


def record_revoked(request: HttpRequest, credential: ServiceCredential) -> Any:
    return record_event(
        AuditAction.UPDATE,
        credential,
        request.user,
        changes={"revoked_at": [None, credential.revoked_at.isoformat() if credential.revoked_at else None]},
        reason="service credential revoked",
        request=request,
    )
