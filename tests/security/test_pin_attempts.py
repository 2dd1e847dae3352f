"""Wrong status-check PINs are counted per case, whatever address they come from.

Every guess below comes from a different client address, so no per-address limit ever applies: only
the per-case limit stops the guessing. After ``LEGALISATION_PIN_MAX_FAILURES`` (10) wrong PINs within an
hour the case's status check is locked — the right PIN is refused too, with a translated message —
and the person is told by a notification in their language.
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from plugins.legalisation.models import PinGuard
from plugins.legalisation.services import lookup
from plugins.legalisation.tests.conftest import submitted_case
from przystan.notifications.models import OutboundMessage
from przystan.notifications.service import deliver_due
from przystan.testing.factories import make_user

pytestmark = pytest.mark.django_db

API = "/api/legalisation/status/"
_addresses = (f"198.51.{i // 250}.{i % 250 + 1}" for i in itertools.count())


@pytest.fixture
def case_and_pin(office: Any, enable_plugin: Any) -> tuple[Any, str]:
    from django.core.cache import cache

    cache.clear()  # per-address counters of other tests
    enable_plugin(office, "legalisation")
    owner = make_user("olena@example.com", kind="foreigner", preferred_language="uk")
    return submitted_case(office, owner)


def _api(client: Any, number: str, pin: str, language: str = "uk") -> Any:
    return client.post(
        API, {"number": number, "pin": pin}, REMOTE_ADDR=next(_addresses), HTTP_ACCEPT_LANGUAGE=language
    )


def _portal(client: Any, number: str, pin: str) -> Any:
    return client.post(
        reverse("legalisation:status"), {"number": number, "pin": pin}, REMOTE_ADDR=next(_addresses)
    )


def _wrong(pin: str) -> str:
    return "9" * len(pin) if pin != "9" * len(pin) else "8" * len(pin)


def test_api_locks_the_case_after_ten_wrong_pins_from_ten_addresses(client, case_and_pin):
    case, pin = case_and_pin
    codes = [_api(client, case.number, _wrong(pin)).status_code for _ in range(10)]
    assert codes == [404] * 9 + [429]
    right = _api(client, case.number, pin)
    assert right.status_code == 429
    assert right.json()["detail"].startswith("Для цієї справи введено забагато неправильних PIN-кодів")
    guard = PinGuard.objects.get(case=case)
    assert guard.locked_until > timezone.now() + datetime.timedelta(minutes=59)


def test_portal_refuses_the_right_pin_while_locked(client, case_and_pin):
    case, pin = case_and_pin
    codes = [_portal(client, case.number, _wrong(pin)).status_code for _ in range(10)]
    assert codes == [404] * 9 + [429]
    right = _portal(client, case.number, pin)
    assert right.status_code == 429
    page = right.content.decode()
    assert "Do tej sprawy podano zbyt wiele błędnych PIN-ów" in page  # the portal's language: Polish
    assert 'id="stage-name"' not in page
    assert lookup(case.office, case.number, pin) is None  # the case_lookup hook is refused too


def test_the_owner_is_told_in_their_language(
    client, case_and_pin, settings, django_capture_on_commit_callbacks
):
    settings.LEGALISATION_PIN_MAX_FAILURES = 3
    case, pin = case_and_pin
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            _api(client, case.number, _wrong(pin))
    locked = OutboundMessage.objects.filter(type="legalisation.pin_locked", channel="email")
    assert locked.count() == 1 and locked.get().recipient == case.email
    mail.outbox.clear()
    deliver_due()
    (message,) = [m for m in mail.outbox if case.number in m.subject]
    assert message.to == [case.email]
    assert "перевірку статусу заблоковано" in message.subject
    assert "заблоковано до" in message.body and "навіть для правильного PIN-коду" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        _api(client, case.number, pin)  # refused while locked: no second notification
    assert locked.count() == 1


def test_the_lock_ends_and_the_right_pin_then_resets_the_count(client, case_and_pin, settings):
    settings.LEGALISATION_PIN_MAX_FAILURES = 3
    case, pin = case_and_pin
    for _ in range(3):
        _api(client, case.number, _wrong(pin))
    PinGuard.objects.filter(case=case).update(locked_until=timezone.now() - datetime.timedelta(seconds=1))
    assert _api(client, case.number, pin).status_code == 200
    assert [_api(client, case.number, _wrong(pin)).status_code for _ in range(2)] == [404, 404]
    assert _api(client, case.number, pin).status_code == 200  # two failures after a success: no lock


def test_failures_older_than_the_window_do_not_count(client, case_and_pin, settings):
    settings.LEGALISATION_PIN_MAX_FAILURES = 3
    case, pin = case_and_pin
    for _ in range(2):
        _api(client, case.number, _wrong(pin))
    PinGuard.objects.filter(case=case).update(window_started_at=timezone.now() - datetime.timedelta(hours=2))
    assert _api(client, case.number, _wrong(pin)).status_code == 404  # a new window: 1 of 3
    assert _api(client, case.number, pin).status_code == 200


def test_the_lock_is_per_case(client, case_and_pin, office):
    case, pin = case_and_pin
    other, other_pin = submitted_case(office, make_user("ivan@example.com", kind="foreigner"))
    for _ in range(10):
        _api(client, case.number, _wrong(pin))
    assert _api(client, case.number, pin).status_code == 429
    assert _api(client, other.number, other_pin).status_code == 200
