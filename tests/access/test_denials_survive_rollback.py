"""A refusal found inside a transaction is audited although the refusal rolls the transaction back."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.handlers.exception import convert_exception_to_response
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from przystan import access
from przystan.audit.api import record_denied
from przystan.audit.denials import flush_pending_denials
from przystan.audit.middleware import AuditContextMiddleware
from przystan.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def _denials(reason: str) -> int:
    return AuditEntry.objects.filter(action=AuditAction.DENIED, reason=reason).count()


def _request():
    request = RequestFactory().post("/staff/cases/X/decide/")
    request.user = AnonymousUser()
    request.office = None
    return request


def test_a_refusal_inside_an_atomic_view_is_audited_after_the_rollback():
    def locking_view(request):
        with transaction.atomic():  # e.g. select_for_update() of the case, then the policy refuses
            access.require(request, "approve", "legalisation.case")
        return HttpResponse("never")

    handler = AuditContextMiddleware(convert_exception_to_response(locking_view))
    response = handler(_request())

    assert response.status_code == 403
    assert _denials("legalisation.case:approve") == 1


def test_a_refusal_in_a_transaction_that_commits_is_written_once():
    def checking_view(request):
        with transaction.atomic():
            record_denied(request.user, "legalisation.case:assign", None, request=request)
        return HttpResponse("went on")  # the caller handled the refusal and committed

    handler = AuditContextMiddleware(convert_exception_to_response(checking_view))
    assert handler(_request()).status_code == 200
    assert _denials("legalisation.case:assign") == 1


def test_outside_a_request_the_kept_refusal_is_written_by_the_flush():
    with pytest.raises(RuntimeError), transaction.atomic():
        record_denied(None, "serce.benefit:approve (four eyes)")
        raise RuntimeError("rolled back")
    assert _denials("serce.benefit:approve (four eyes)") == 0
    assert flush_pending_denials() == 1
    assert _denials("serce.benefit:approve (four eyes)") == 1
    assert flush_pending_denials() == 0
