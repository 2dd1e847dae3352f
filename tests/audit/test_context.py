"""Who acted: request context from the middleware, acting_as for jobs, isolation between threads."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from przystan.audit.api import acting_as
from przystan.audit.context import current_context
from przystan.audit.middleware import AuditContextMiddleware
from przystan.audit.models import AuditEntry
from przystan.offices.models import Office


def _rename_office_view(office_pk):
    def view(request):
        office = Office.objects.get(pk=office_pk)
        office.phone = "+48 22 000 00 00"
        office.save()
        return HttpResponse("ok")

    return view


@pytest.mark.django_db
def test_middleware_records_user_ip_request_id_and_agent(user_factory, office):
    officer = user_factory(email="desk@example.gov.pl", kind="staff")
    request = RequestFactory().post(
        "/", HTTP_X_REQUEST_ID="req-42", HTTP_USER_AGENT="Firefox/140", REMOTE_ADDR="10.1.2.3"
    )
    request.user = officer
    request.office = office
    response = AuditContextMiddleware(_rename_office_view(office.pk))(request)

    assert response["X-Request-ID"] == "req-42"
    entry = AuditEntry.objects.for_object(office).first()
    assert (entry.actor_id, entry.ip, entry.request_id, entry.user_agent) == (
        officer.pk,
        "10.1.2.3",
        "req-42",
        "Firefox/140",
    )
    assert current_context() is None  # reset after the response


@pytest.mark.django_db
def test_middleware_generates_request_id_and_honours_trusted_proxies(settings, office):
    from django.contrib.auth.models import AnonymousUser

    settings.PRZYSTAN_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().post(
        "/",
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_REQUEST_ID="bad id with spaces",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9",
    )
    request.user = AnonymousUser()
    response = AuditContextMiddleware(_rename_office_view(office.pk))(request)

    entry = AuditEntry.objects.for_object(office).first()
    assert entry.ip == "203.0.113.9"  # what our one proxy saw, not what the client claimed
    assert entry.request_id == response["X-Request-ID"] and len(entry.request_id) == 32
    assert entry.actor is None and entry.actor_repr == "anonymous"


@pytest.mark.django_db
def test_forwarded_for_is_ignored_without_trusted_proxies(office):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    AuditContextMiddleware(_rename_office_view(office.pk))(request)
    assert AuditEntry.objects.for_object(office).first().ip == "10.0.0.1"


@pytest.mark.django_db
def test_acting_as_nests_and_restores(user_factory, office):
    first = user_factory(email="first@example.gov.pl", kind="staff")
    second = user_factory(email="second@example.gov.pl", kind="staff")
    with acting_as(first, reason="import"):
        with acting_as(second):
            office.city = "Opole"
            office.save()
        office.city = "Kielce"
        office.save()
    office.city = "Rzeszów"
    office.save()
    latest_three = list(AuditEntry.objects.for_object(office)[:3])
    assert [e.actor_id for e in latest_three] == [None, first.pk, second.pk]
    assert [e.reason for e in latest_three] == ["", "import", "import"]


@pytest.mark.django_db(transaction=True)
def test_acting_as_in_threads_keeps_actors_apart(user_factory, office):
    users = [user_factory(email=f"worker{i}@example.gov.pl", kind="staff") for i in range(2)]
    offices = [
        office,
        Office.objects.create(
            site=office.site.__class__.objects.create(
                hostname="t2.testserver", root_page=office.site.root_page
            ),
            code="t2",
            name="UW t2",
            short_name="t2",
            street="x",
            postal_code="00-001",
            city="A",
            email="t2@example.gov.pl",
            stamp_duty_payee="x",
            stamp_duty_iban=office.stamp_duty_iban,
            fees_payee="x",
            fees_iban=office.fees_iban,
        ),
    ]
    both_inside = threading.Barrier(2)
    errors: list[BaseException] = []

    def work(user, target, reason):
        try:
            with acting_as(user, reason=reason):
                both_inside.wait(timeout=30)  # both threads hold their own actor at the same time
                target.city = f"City of {user.email}"
                target.save()
                both_inside.wait(timeout=30)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(users[i], offices[i], f"job {i}")) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    for i in range(2):
        entry = AuditEntry.objects.for_object(offices[i]).first()
        assert (entry.actor_id, entry.reason) == (users[i].pk, f"job {i}")
    assert current_context() is None  # the main thread never saw the workers' actors
