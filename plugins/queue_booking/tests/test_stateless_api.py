"""The booking API routes are served by the stateless middleware stack (``przystan.web.stateless``).

Requests go through the production WSGI handler itself (not the test client, which has its own).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import RequestFactory

from .conftest import make_slot

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),  # WhiteNoise, static not collected
]


@pytest.fixture
def handler() -> Any:
    """The production handler; like the test client, it must not close the test's connection."""
    from przystan.testing.fixtures import keeping_test_connection_open
    from przystan.web.stateless import PrzystanWSGIHandler

    with keeping_test_connection_open():
        yield PrzystanWSGIHandler()


def call(
    handler: Any, method: str, path: str, body: dict | None = None, **extra: Any
) -> tuple[int, dict, bytes]:
    factory = RequestFactory()
    if body is None:
        request = factory.generic(method, path, **extra)
    else:
        request = factory.generic(method, path, json.dumps(body), content_type="application/json", **extra)
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        answer["status"] = int(status.split()[0])
        answer["headers"] = headers

    content = b"".join(handler(request.environ, start_response))
    headers: dict[str, list[str]] = {}
    for name, value in answer["headers"]:
        headers.setdefault(name.lower(), []).append(value)
    return answer["status"], headers, content


def staff_session_cookie(client: Any, user_factory: Any, staff_login: Any, office: Any) -> str:
    officer = user_factory(email="officer@example.com", kind="staff", roles=("officer",), office=office)
    staff_login(client, officer)
    return f"sessionid={client.cookies['sessionid'].value}"


def test_stateless_booking_routes_skip_session_but_keep_security_headers(
    handler, client, service, user_factory, staff_login
):
    from plugins.queue_booking.models import Booking
    from przystan.audit.models import AuditEntry

    slot = make_slot(service)
    cookie = staff_session_cookie(client, user_factory, staff_login, service.office)
    status, headers, content = call(
        handler, "GET", "/api/booking/availability/?service=filing", HTTP_COOKIE=cookie
    )
    assert status == 200 and [row["id"] for row in json.loads(content)] == [slot.pk]
    assert "set-cookie" not in headers and "cookie" not in headers["vary"][0].lower()  # no session touched
    assert headers["x-content-type-options"] == ["nosniff"]
    assert headers["x-frame-options"] == ["DENY"]
    assert "content-security-policy" in headers and headers["x-request-id"]

    body = {
        "slot": slot.pk,
        "full_name": "Anna Nowak",
        "document_kind": "passport",
        "document_number": "AB1234567",
    }
    status, headers, content = call(
        handler,
        "POST",
        "/api/booking/bookings/",
        body,
        HTTP_COOKIE=cookie,  # a staff session cookie is ignored: the booking is anonymous
        HTTP_ACCEPT_LANGUAGE="uk",
        REMOTE_ADDR="203.0.113.7",
    )
    assert status == 201, content
    booking = Booking.objects.get(reference=json.loads(content)["reference"])
    assert booking.user_id is None
    entry = AuditEntry.objects.for_object(booking).get(action="create")
    assert entry.actor_id is None and entry.ip == "203.0.113.7"
    assert entry.request_id == headers["x-request-id"][0]

    # the language of a refusal still follows the request
    status, headers, content = call(
        handler,
        "POST",
        "/api/booking/bookings/",
        {**body, "document_number": "XY7654321"},
        HTTP_ACCEPT_LANGUAGE="uk",
    )
    assert status == 409 and headers["content-language"] == ["uk"]
    assert json.loads(content)["detail"] != "This time is no longer available."


def test_other_api_routes_keep_the_session(handler, client, service, user_factory, staff_login):
    cookie = staff_session_cookie(client, user_factory, staff_login, service.office)
    # check-ins authenticate: with the session the officer is known (405 for GET), without it not
    assert call(handler, "GET", "/api/booking/check-ins/", HTTP_COOKIE=cookie)[0] == 405
    assert call(handler, "GET", "/api/booking/check-ins/")[0] in (401, 403)


def test_disabled_plugin_still_answers_404_on_a_stateless_route(handler, service):
    from przystan.offices.enablement import set_enabled

    set_enabled(service.office, "queue_booking", enabled=False)
    status, _headers, content = call(handler, "GET", "/api/booking/availability/?service=filing")
    assert status == 404 and "detail" in json.loads(content)


def test_a_stateless_route_that_authenticates_fails_the_system_check(monkeypatch):
    from rest_framework import viewsets
    from rest_framework.authentication import SessionAuthentication

    from przystan.pluginsys import checks
    from przystan.pluginsys.contributions import ApiRoute

    class Leaky(viewsets.ViewSet):
        authentication_classes = [SessionAuthentication]

    class Quiet(viewsets.ViewSet):
        authentication_classes: list[Any] = []

    class System:
        def registry(self, name: str) -> list[ApiRoute]:
            return [
                ApiRoute("leaky", prefix="leaky", viewset=Leaky, stateless=True),
                ApiRoute("quiet", prefix="quiet", viewset=Quiet, stateless=True),
                ApiRoute("normal", prefix="normal", viewset=Leaky),
            ]

    monkeypatch.setattr(checks, "get_plugin_system", lambda: System())
    problems = checks.check_stateless_routes()
    assert [problem.id for problem in problems] == ["przystan.E003"]
    assert "leaky" in problems[0].msg
