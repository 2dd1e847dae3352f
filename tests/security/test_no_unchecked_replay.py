"""Nothing is answered before Django: repeated cookie-less GETs keep every check of the stack.

The requests go through the production WSGI handler (``przystan.web.stateless.PrzystanWSGIHandler``,
what ``przystan.wsgi`` serves), with the availability answer kept in memory as in production
(``PRZYSTAN_PUBLIC_ANSWER_SECONDS``): a plugin disabled for the office answers 404 and a throttled
client 429 on the very next identical GET.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from rest_framework.throttling import AnonRateThrottle

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),  # WhiteNoise, static not collected
]
PATH = "/api/booking/availability/?service=filing"


@pytest.fixture
def handler() -> Any:
    from przystan.testing.fixtures import keeping_test_connection_open
    from przystan.web.stateless import PrzystanWSGIHandler

    with keeping_test_connection_open():
        yield PrzystanWSGIHandler()


@pytest.fixture
def kept_availability(secured_office: Any, settings: Any) -> Any:
    """A released slot of the ``filing`` service, its availability answer kept for 30 s."""
    from plugins.queue_booking.models import ServicePoint, ServiceType
    from plugins.queue_booking.services import availability
    from plugins.queue_booking.tests.conftest import make_slot

    settings.PRZYSTAN_PUBLIC_ANSWER_SECONDS = 30
    ServicePoint.objects.create(office=secured_office, code="s1", name="Stanowisko 1")
    make_slot(ServiceType.objects.create(office=secured_office, code="filing", duration_minutes=20))
    availability.clear()
    cache.clear()
    yield secured_office
    availability.clear()
    cache.clear()


def get(handler: Any, path: str = PATH, **extra: Any) -> int:
    request = RequestFactory().get(path, **extra)
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        answer["status"] = int(status.split()[0])

    b"".join(handler(request.environ, start_response))
    return answer["status"]


def test_a_plugin_disabled_between_two_identical_gets_answers_404(handler, kept_availability):
    from przystan.offices.enablement import set_enabled

    assert get(handler) == 200
    assert get(handler) == 200
    set_enabled(kept_availability, "queue_booking", enabled=False)
    assert get(handler) == 404
    assert get(handler) == 404


class TwoPerMinute(AnonRateThrottle):
    scope = "test-availability"
    rate = "2/min"


def test_a_throttled_client_gets_429_on_repeated_identical_gets(handler, kept_availability, monkeypatch):
    from plugins.queue_booking.views.api import AvailabilityViewSet

    monkeypatch.setattr(AvailabilityViewSet, "throttle_classes", [TwoPerMinute])
    client = {"REMOTE_ADDR": "203.0.113.9"}
    assert [get(handler, **client) for _ in range(4)] == [200, 200, 429, 429]
    assert get(handler, REMOTE_ADDR="203.0.113.10") == 200  # another client is not held back


def test_the_wsgi_handler_has_no_answers_of_its_own():
    """The replay store (answers sent before the middleware) is gone, not merely unused."""
    import importlib.util

    from przystan.web.stateless import PrzystanWSGIHandler

    assert importlib.util.find_spec("przystan.web.replay") is None
    assert PrzystanWSGIHandler.__call__ is PrzystanWSGIHandler.__mro__[1].__call__
