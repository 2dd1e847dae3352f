"""``insert_new``: the same row, signals and audit as ``save()`` of a new instance."""

from __future__ import annotations

import pytest
from django.db.models.signals import post_save, pre_save

from przystan.audit.models import AppendOnlyError, AuditEntry
from przystan.fast_insert import insert_new

pytestmark = pytest.mark.django_db


def _row(entry: AuditEntry) -> dict:
    values = AuditEntry.objects.filter(pk=entry.pk).values().get()
    return {name: value for name, value in values.items() if name not in ("id", "at")}


def test_insert_new_writes_what_save_writes_and_sends_the_signals(office):
    seen = []

    def record(signal_name):
        return lambda sender, instance, **kwargs: seen.append((signal_name, kwargs.get("created")))

    on_pre, on_post = record("pre"), record("post")
    pre_save.connect(on_pre, sender=AuditEntry)
    post_save.connect(on_post, sender=AuditEntry)
    try:
        common = {"action": "read", "object_repr": "x", "office_id": office.pk, "changes": {"a": [1, 2]}}
        fast, saved = AuditEntry(**common, reason="fast"), AuditEntry(**common, reason="saved")
        insert_new(fast)
        saved.save()
    finally:
        pre_save.disconnect(on_pre, sender=AuditEntry)
        post_save.disconnect(on_post, sender=AuditEntry)
    assert fast.pk and not fast._state.adding and fast._state.db == "default"
    assert {**_row(fast), "reason": "saved"} == _row(saved)
    assert fast.at is not None  # the field default ran
    assert seen == [("pre", None), ("post", True), ("pre", None), ("post", True)]
    with pytest.raises(AppendOnlyError):  # an entry already written is never written again
        from przystan.audit.recorder import write

        write(fast)
