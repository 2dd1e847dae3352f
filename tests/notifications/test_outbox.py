"""notify() renders into the outbox; deliver_due() sends; failures retry with backoff and end dead."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from przystan.notifications.delivery import backoff_delay
from przystan.notifications.errors import InvalidPhoneNumber, MissingRecipient, UnsupportedChannel
from przystan.notifications.models import OutboundMessage, Status
from przystan.notifications.service import deliver_due, notify

TYPE = "core.test_message"
CONTEXT = {"office_name": "UW Testowy", "sent_by": "Anna Nowak"}
TASK_PATH = "przystan.notifications.tasks.deliver_message"


@pytest.mark.django_db
def test_recipient_and_language_default_from_user_and_email_is_sent(office, user_factory):
    user = user_factory(email="olena@example.com", phone="601 234 567", preferred_language="uk")
    messages = notify(TYPE, office=office, user=user, context=CONTEXT, channels=("email",))
    assert [(m.channel, m.recipient, m.language, m.status) for m in messages] == [
        ("email", "olena@example.com", "uk", Status.QUEUED)
    ]
    assert "Тестове повідомлення" in messages[0].subject  # stored rendered, auditable
    assert deliver_due() == 1
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["olena@example.com"]
    assert sent.subject == "Тестове повідомлення від: UW Testowy"
    assert sent.reply_to == [office.email]
    assert sent.alternatives[0].mimetype == "text/html" and "Добрий день!" in sent.alternatives[0].content
    message = OutboundMessage.objects.get(pk=messages[0].pk)
    assert message.status == Status.SENT and message.sent_at is not None and message.attempts == 1
    assert message.provider_message_id == sent.message()["Message-ID"]  # traceable in the mail server's logs
    assert deliver_due() == 0  # sent once only
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_default_channels_are_those_with_a_recipient(office, user_factory, file_gateway):
    with_phone = user_factory(email="p@example.com", phone="+48 601 234 567", preferred_language="pl")
    without_phone = user_factory(email="q@example.com", preferred_language="en")
    both = notify(TYPE, office=office, user=with_phone, context=CONTEXT)
    assert sorted((m.channel, m.recipient) for m in both) == [
        ("email", "p@example.com"),
        ("sms", "+48601234567"),
    ]
    assert [m.channel for m in notify(TYPE, office=office, user=without_phone, context=CONTEXT)] == ["email"]
    sms = next(m for m in both if m.channel == "sms")
    assert (sms.sms_encoding, sms.sms_parts) == ("UCS-2", 1)  # Polish diacritics need UCS-2


@pytest.mark.django_db
def test_enqueues_delivery_task_on_commit(office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message = notify(TYPE, office=office, email="a@example.com", language="en", context=CONTEXT)[0]
        assert not DBTaskResult.objects.filter(task_path=TASK_PATH).exists()  # nothing before commit
    assert len(callbacks) == 1
    task = DBTaskResult.objects.get(task_path=TASK_PATH)
    assert task.queue_name == "notifications"
    assert task.args_kwargs["args"] == [message.pk]


@pytest.mark.django_db
def test_delivery_task_sends_the_message(office):
    from przystan.notifications.tasks import deliver_message

    message = notify(TYPE, office=office, email="a@example.com", language="pl", context=CONTEXT)[0]
    assert deliver_message.call(message.pk) == "sent"
    assert deliver_message.call(message.pk) == "skipped"
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_invalid_or_missing_recipients_are_clear_errors(office, user_factory):
    with pytest.raises(InvalidPhoneNumber):
        notify(TYPE, office=office, phone="12345", context=CONTEXT)
    with pytest.raises(MissingRecipient):
        notify(TYPE, office=office, email="a@example.com", context=CONTEXT, channels=("sms",))
    with pytest.raises(UnsupportedChannel):
        notify(TYPE, office=office, email="a@example.com", context=CONTEXT, channels=("fax",))
    user = user_factory(email="bad-phone@example.com", phone="123")
    assert [m.channel for m in notify(TYPE, office=office, user=user, context=CONTEXT)] == ["email"]
    assert not OutboundMessage.objects.filter(recipient__contains="123").exists()


@pytest.mark.django_db
def test_file_gateway_writes_one_json_file_per_sms(office, file_gateway):
    notify(TYPE, office=office, phone="601234567", language="ru", context=CONTEXT)
    notify(TYPE, office=office, phone="+380671234567", language="uk", context=CONTEXT)
    assert deliver_due() == 2
    files = sorted(file_gateway.glob("*.json"))
    assert len(files) == 2
    records = {r["to"]: r for r in (json.loads(f.read_text(encoding="utf-8")) for f in files)}
    assert records["+48601234567"]["message"] == "Тестовое SMS от: UW Testowy – доставка SMS работает."
    assert records["+380671234567"]["encoding"] == "UCS-2"
    sent = OutboundMessage.objects.get(recipient="+48601234567")
    assert sent.provider_message_id == records["+48601234567"]["id"]


@pytest.mark.django_db
def test_retry_with_backoff_after_gateway_failure_then_success(office, http_gateway):
    http_gateway.state.fail_with = [503]
    message = notify(TYPE, office=office, phone="601234567", language="en", context=CONTEXT)[0]
    t0 = timezone.now()
    assert deliver_due(now=t0) == 0
    message.refresh_from_db()
    assert message.status == Status.FAILED and message.attempts == 1
    assert "503" in message.last_error
    assert t0 + timedelta(seconds=24) <= message.next_attempt_at <= t0 + timedelta(seconds=36)
    assert deliver_due(now=t0 + timedelta(seconds=20)) == 0  # not due yet
    assert http_gateway.state.requests == 1
    assert deliver_due(now=message.next_attempt_at) == 1
    message.refresh_from_db()
    assert message.status == Status.SENT and message.attempts == 2
    assert message.provider_message_id == http_gateway.state.accepted[0]["id"]


@pytest.mark.django_db
def test_failure_schedules_a_delayed_task(office, http_gateway, django_capture_on_commit_callbacks):
    from przystan.notifications.delivery import deliver

    http_gateway.state.fail_with = [500]
    message = notify(TYPE, office=office, phone="601234567", language="en", context=CONTEXT)[0]
    with django_capture_on_commit_callbacks(execute=True):
        deliver(message.pk)
    message.refresh_from_db()
    task = DBTaskResult.objects.get(task_path=TASK_PATH, args_kwargs__args=[message.pk])
    assert task.run_after == message.next_attempt_at


@pytest.mark.django_db
def test_gives_up_after_max_attempts_and_marks_dead(office, http_gateway, settings):
    settings.PRZYSTAN_NOTIFICATION_MAX_ATTEMPTS = 4
    http_gateway.state.fail_with = [500] * 10
    message = notify(TYPE, office=office, phone="601234567", language="en", context=CONTEXT)[0]
    now, delays = timezone.now(), []
    for attempt in range(1, 5):
        assert deliver_due(now=now) == 0
        message.refresh_from_db()
        assert message.attempts == attempt
        if attempt < 4:
            assert message.status == Status.FAILED
            delays.append(message.next_attempt_at - now)
            now = message.next_attempt_at
    assert message.status == Status.DEAD and message.next_attempt_at is None
    assert delays[0] < delays[1] < delays[2]  # 30 s, 60 s, 120 s (±20 %)
    assert deliver_due(now=now + timedelta(days=1)) == 0
    assert http_gateway.state.requests == 4


@pytest.mark.django_db
def test_client_error_is_not_retried(office, http_gateway):
    http_gateway.state.fail_with = [400]
    message = notify(TYPE, office=office, phone="601234567", language="en", context=CONTEXT)[0]
    deliver_due()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.DEAD, 1)
    assert "error 13" in message.last_error


def test_backoff_grows_exponentially_with_jitter_and_is_capped():
    import random

    rng = random.Random(7)
    for attempts in range(1, 30):
        delay = backoff_delay(attempts, rng).total_seconds()
        base = min(30 * 2 ** (attempts - 1), 6 * 3600)
        assert 0.8 * base <= delay <= min(1.2 * base, 6 * 3600)
    assert {backoff_delay(3, rng) for _ in range(5)}.__len__() > 1  # jitter


@pytest.mark.django_db
def test_sweep_marks_stuck_emails_uncertain_and_enqueues_due_ones(office):
    stuck, due = (
        notify(TYPE, office=office, email=f"{n}@example.com", language="pl", context=CONTEXT)[0]
        for n in ("stuck", "due")
    )
    long_ago = timezone.now() - timedelta(minutes=11)
    OutboundMessage.objects.filter(pk=stuck.pk).update(
        status=Status.SENDING, attempts=1, sending_started_at=long_ago
    )
    OutboundMessage.objects.filter(pk=due.pk).update(next_attempt_at=long_ago)
    recent = notify(TYPE, office=office, email="recent@example.com", language="pl", context=CONTEXT)[0]
    OutboundMessage.objects.filter(pk=recent.pk).update(
        status=Status.SENDING, sending_started_at=timezone.now()
    )
    call_command("notifications_sweep", grace=0)
    stuck.refresh_from_db()
    # SMTP cannot drop a duplicate: a stuck e-mail is left for staff to check, never re-sent blindly
    assert stuck.status == Status.UNCERTAIN and "stopped while sending" in stuck.last_error
    assert stuck.can_retry
    enqueued = {t.args_kwargs["args"][0] for t in DBTaskResult.objects.filter(task_path=TASK_PATH)}
    assert due.pk in enqueued and stuck.pk not in enqueued and recent.pk not in enqueued
    call_command("notifications_sweep", sync=True)
    assert sorted(m.to[0] for m in mail.outbox) == ["due@example.com"]
    assert OutboundMessage.objects.get(pk=recent.pk).status == Status.SENDING  # another worker has it


@pytest.mark.django_db
def test_disabled_plugin_type_is_not_queued(office):
    from przystan.pluginsys.contributions import NotificationType
    from przystan.pluginsys.manager import get_plugin_system

    registry = get_plugin_system().registry("notification_types")
    registry.register(NotificationType("serce.test_only", label="x", channels=("email",), plugin="serce"))
    try:
        assert notify("serce.test_only", office=office, email="a@example.com", context={}) == []
    finally:
        registry._items.pop("serce.test_only")
