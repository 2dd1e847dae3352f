"""Put the request's actor, office, request id and client address into the audit context."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from przystan.web.client_ip import client_ip as policy_client_ip

from .context import AuditContext, reset_context, set_context
from .denials import flush_pending_denials

REQUEST_ID_HEADER = "HTTP_X_REQUEST_ID"
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
USER_AGENT_MAX = 200


class AuditContextMiddleware:
    """Runs after AuthenticationMiddleware and OfficeMiddleware; the user is read lazily."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        context = context_for_request(request)
        request.audit_request_id = context.request_id  # type: ignore[attr-defined]
        token = set_context(context)
        try:
            response = self.get_response(request)
        finally:
            flush_pending_denials()  # refusals whose transaction was rolled back
            reset_context(token)
        response.headers.setdefault("X-Request-ID", context.request_id)
        return response


def context_for_request(request: HttpRequest) -> AuditContext:
    office = getattr(request, "office", None)
    return AuditContext(
        user_getter=lambda: getattr(request, "user", None),
        office_id=getattr(office, "pk", None),
        request_id=request_id_for(request),
        ip=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX],
        from_request=True,
    )


def request_id_for(request: HttpRequest) -> str:
    existing = getattr(request, "audit_request_id", None)
    if existing:
        return existing
    return request_id_from_meta(request.META)


def request_id_from_meta(meta: dict) -> str:
    """The ``X-Request-ID`` a proxy supplied (if well-formed) or a new one, from WSGI environ/META."""
    supplied = meta.get(REQUEST_ID_HEADER, "").strip()
    if _REQUEST_ID_RE.match(supplied):
        return supplied
    return uuid.uuid4().hex


def client_ip(request: HttpRequest) -> str | None:
    """The request's client address under the one client-IP policy (``przystan.web.client_ip``)."""
    return policy_client_ip(request)
