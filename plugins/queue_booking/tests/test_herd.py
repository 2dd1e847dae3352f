"""At a release every thread of a process misses its memory at once: one reads, the others wait for it.

The reads are slowed down so that, without the waiting, every thread would be caught reading.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connections
from django.test import Client

from plugins.queue_booking.services import availability, slot_facts
from plugins.queue_booking.views import api

from .conftest import make_slot

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 8


def _all_at_once(work: Callable[[], Any]) -> list[Any]:
    """Run ``work`` in ``THREADS`` threads released together; their results (each closes its connection)."""
    gate = threading.Barrier(THREADS)
    results: list[Any] = [None] * THREADS

    def run(index: int) -> None:
        gate.wait()
        try:
            results[index] = work()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _slowed(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    """Count calls of ``owner.name`` and make each take 50 ms."""
    calls: list[int] = []
    original = getattr(owner, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        time.sleep(0.05)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, slow)
    return calls


def test_one_thread_reads_the_slot_the_others_wait_for(service, settings, monkeypatch):
    settings.PRZYSTAN_OFFICE_CACHE_SECONDS = 60
    slot_facts._remembered.clear()
    slot = make_slot(service)
    reads = _slowed(monkeypatch, slot_facts, "_read")
    try:
        found = _all_at_once(lambda: slot_facts.slot_for_booking(service.office, slot.pk))
    finally:
        slot_facts._remembered.clear()
    assert [each.pk for each in found] == [slot.pk] * THREADS
    assert len(reads) == 1


def test_without_memory_each_thread_reads_for_itself(service, settings, monkeypatch):
    settings.PRZYSTAN_OFFICE_CACHE_SECONDS = 0
    slot = make_slot(service)
    reads = _slowed(monkeypatch, slot_facts, "_read")
    found = _all_at_once(lambda: slot_facts.slot_for_booking(service.office, slot.pk))
    assert [each.pk for each in found] == [slot.pk] * THREADS
    assert len(reads) == THREADS


def test_one_request_reads_the_availability_the_others_wait_for(service, settings, monkeypatch):
    settings.PRZYSTAN_PUBLIC_ANSWER_SECONDS = 30
    availability.clear()
    slot = make_slot(service)
    reads = _slowed(monkeypatch, api, "_read_availability")

    def ask() -> list[int]:
        response = Client().get("/api/booking/availability/?service=filing")
        assert response.status_code == 200
        return [row["id"] for row in response.json()]

    try:
        answers = _all_at_once(ask)
    finally:
        availability.clear()
    assert answers == [[slot.pk]] * THREADS
    assert len(reads) == 1
