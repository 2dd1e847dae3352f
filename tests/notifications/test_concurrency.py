"""Two workers delivering the same messages at once on PostgreSQL send each message exactly once."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from przystan.notifications.delivery import deliver
from przystan.notifications.models import OutboundMessage, Status
from przystan.notifications.service import notify

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"
)


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_send_the_same_message_twice(office, http_gateway):
    http_gateway.state.delay = 0.2  # a slow provider widens the window for a double send
    messages = [
        notify(
            "core.test_message",
            office=office,
            phone=f"60123456{n}",
            language="en",
            context={"office_name": "UW", "sent_by": "T"},
        )[0]
        for n in range(4)
    ]
    outcomes: list[tuple[int, str]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)
    lock = threading.Lock()

    def worker() -> None:
        try:
            for message in messages:
                barrier.wait(timeout=30)
                outcome = deliver(message.pk)
                with lock:
                    outcomes.append((message.pk, outcome.status))
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert len(outcomes) == 8
    for message in messages:
        assert sorted(status for pk, status in outcomes if pk == message.pk) == ["sent", "skipped"]
    assert http_gateway.state.requests == 4
    assert sorted(a["to"] for a in http_gateway.state.accepted) == sorted(m.recipient[1:] for m in messages)
    assert set(OutboundMessage.objects.values_list("status", flat=True)) == {Status.SENT}
    assert set(OutboundMessage.objects.values_list("attempts", flat=True)) == {1}
