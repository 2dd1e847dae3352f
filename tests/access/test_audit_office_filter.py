"""The audit screens show only the entries of the user's office, as the access policy decides; the
per-record history page is an HTML page (its Content-Type said otherwise)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from przystan.audit.api import acting_as, record_read
from przystan.audit.models import AuditEntry

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]


@pytest.fixture
def people(user_factory, office, other_office):
    """One account of each office, each changed by its office's clerk (entries carry the office)."""
    here_clerk = user_factory(email="clerk@testowy.gov.pl", kind="staff", office=office)
    there_clerk = user_factory(email="clerk@drugi.gov.pl", kind="staff", office=other_office)
    with acting_as(here_clerk, office=office):
        here = user_factory(email="ivan@example.com", first_name="Ivan")
        record_read(here, user=here_clerk)
    with acting_as(there_clerk, office=other_office):
        there = user_factory(email="olga@example.com", first_name="Olga")
        record_read(there, user=there_clerk)
    return here, there


@pytest.fixture
def supervisor(user_factory, office):
    return user_factory(email="kierownik@testowy.gov.pl", kind="staff", roles=("supervisor",), office=office)


def history(obj: Any) -> str:
    return f"/staff/audit/{obj._meta.label_lower}/{obj.pk}/"


def test_wagtail_audit_log_lists_only_the_offices_entries(client, supervisor, staff_login, people, office):
    staff_login(client, supervisor)
    response = client.get("/admin/audit_log/")
    assert response.status_code == 200
    listed = list(response.context["object_list"])
    assert listed and {e.office_id for e in listed} == {office.pk}
    foreign = AuditEntry.objects.exclude(office=office).exclude(office=None).first()
    assert foreign is not None
    assert client.get(f"/admin/audit_log/inspect/{foreign.pk}/").status_code == 404
    own = listed[0]
    assert client.get(f"/admin/audit_log/inspect/{own.pk}/").status_code == 200


def test_history_page_shows_own_office_and_hides_another(client, supervisor, staff_login, people, office):
    here, there = people
    staff_login(client, supervisor)
    page = client.get(history(here))
    assert page.status_code == 200
    assert {e.office_id for e in page.context["entries"]} == {office.pk}
    assert client.get(history(there)).status_code == 404


def test_history_page_asks_the_policy(client, user_factory, staff_login, people, office):
    officer = user_factory(email="urzednik@testowy.gov.pl", kind="staff", roles=("officer",), office=office)
    staff_login(client, officer)
    assert client.get(history(people[0])).status_code == 403
    assert AuditEntry.objects.filter(action="denied", actor=officer, reason="audit.entry:view").exists()


@pytest.fixture
def handler() -> Any:
    from przystan.testing.fixtures import keeping_test_connection_open
    from przystan.web.stateless import PrzystanWSGIHandler

    with keeping_test_connection_open():
        yield PrzystanWSGIHandler()


def test_history_page_is_served_as_html(handler, client, supervisor, staff_login, people):
    """Through the production WSGI handler, as a browser gets it."""
    staff_login(client, supervisor)
    request = RequestFactory().get(
        history(people[0]), HTTP_COOKIE=f"sessionid={client.cookies['sessionid'].value}"
    )
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)

    body = b"".join(handler(request.environ, start_response)).decode()
    assert answer["status"] == 200
    assert answer["headers"]["Content-Type"] == "text/html; charset=utf-8"
    assert "<!DOCTYPE html>" in body and "ivan@example.com" in body
