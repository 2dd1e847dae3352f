"""Helpers shared by the portal and the officer views."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import translation

from przystan.audit.api import record_denied, record_read

from ..models import Case
from ..policy import CASE
from ..scoping import party_cases


def party_case_or_404(request: HttpRequest, number: str) -> Any:
    """The case if the user is its person or employer (the policy's ``own`` scope); otherwise 404, so
    a guessed number reveals nothing (the attempt is audited)."""
    case = party_cases(request.user, request.office).filter(number=number).first()
    if case is None:
        existing = Case.objects.filter(number=number).first()
        if existing is not None:
            record_denied(request.user, f"{CASE}:view", existing, request=request)
        raise Http404
    record_read(case, request=request)
    return case


def applicant_case_or_404(request: HttpRequest, number: str) -> Any:
    """As :func:`party_case_or_404`, then 404 unless the user is the case's own person (not its employer)."""
    case = party_case_or_404(request, number)
    if case.applicant_id != request.user.pk:
        raise Http404
    return case


def language(request: HttpRequest) -> str:
    return getattr(request, "LANGUAGE_CODE", None) or translation.get_language() or "pl"
