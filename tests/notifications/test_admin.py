"""Staff screens: outbox listing with status filter and retry, send-test form, template editor with SMS cost."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from przystan.notifications.models import MessageTemplate, OutboundMessage, Status
from przystan.notifications.service import notify

TYPE = "core.test_message"


def url(name, *args):
    with translation.override("en"):  # the officer's language; admin URLs carry a language prefix
        return reverse(name, args=args)


CONTEXT = {"office_name": "UW Testowy", "sent_by": "Anna Nowak"}


@pytest.fixture
def officer(office, user_factory):
    """An office administrator: the policy lets them see and manage their office's outbox and templates."""
    return user_factory(
        email="urzednik@example.gov.pl",
        kind="staff",
        office=office,
        roles=("office_admin",),
        preferred_language="en",
    )


@pytest.fixture
def outbox(office, other_office):
    sent = notify(TYPE, office=office, email="sent@example.com", language="pl", context=CONTEXT)[0]
    dead = notify(TYPE, office=office, phone="601234567", language="pl", context=CONTEXT)[0]
    foreign = notify(
        TYPE, office=other_office, email="other-office@example.com", language="pl", context=CONTEXT
    )[0]
    OutboundMessage.objects.filter(pk=sent.pk).update(status=Status.SENT)
    OutboundMessage.objects.filter(pk=dead.pk).update(status=Status.DEAD, attempts=6, last_error="HTTP 500")
    return {"sent": sent, "dead": dead, "foreign": foreign}


@pytest.mark.django_db
def test_outbox_lists_own_office_with_status_filter_and_parts(client, officer, outbox, staff_login):
    staff_login(client, officer)
    page = client.get(url("outbox:index"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "sent@example.com" in html and "+48601234567" in html
    assert "other-office@example.com" not in html  # another office's messages stay hidden
    assert "/admin/outbox/new/" not in html and "/admin/outbox/edit/" not in html  # read-only
    filtered = client.get(url("outbox:index") + "?status=dead").content.decode()
    assert "+48601234567" in filtered and "sent@example.com" not in filtered
    assert url("outbox:retry", outbox["dead"].pk) in filtered
    assert client.get(url("outbox:inspect", outbox["foreign"].pk)).status_code == 404


@pytest.mark.django_db
def test_retry_puts_a_dead_message_back_in_line(client, officer, outbox, staff_login):
    staff_login(client, officer)
    retry = url("outbox:retry", outbox["dead"].pk)
    assert "HTTP 500" in client.get(retry).content.decode()
    response = client.post(retry)
    assert response.status_code == 302
    dead = OutboundMessage.objects.get(pk=outbox["dead"].pk)
    assert (dead.status, dead.attempts) == (Status.QUEUED, 0)
    client.post(url("outbox:retry", outbox["sent"].pk))
    assert OutboundMessage.objects.get(pk=outbox["sent"].pk).status == Status.SENT  # sent ones are not resent
    assert client.post(url("outbox:retry", outbox["foreign"].pk), follow=True).status_code == 404
    assert OutboundMessage.objects.get(pk=outbox["foreign"].pk).status == Status.QUEUED


@pytest.mark.django_db
def test_retry_needs_change_permission(client, user_factory, office, outbox, staff_login):
    supervisor = user_factory(
        email="kierownik@example.gov.pl", kind="staff", office=office, roles=("supervisor",)
    )
    staff_login(client, supervisor)  # may look at the outbox, not retry
    response = client.post(url("outbox:retry", outbox["dead"].pk))
    assert response.status_code in (302, 403)
    assert OutboundMessage.objects.get(pk=outbox["dead"].pk).status == Status.DEAD


@pytest.mark.django_db
def test_send_test_message_from_the_outbox(client, officer, staff_login):
    staff_login(client, officer)
    response = client.post(
        url("outbox:send_test"), {"email": "check@example.com", "phone": "", "language": "ru"}
    )
    assert response.status_code == 302
    message = OutboundMessage.objects.get(recipient="check@example.com")
    assert message.type == TYPE and message.language == "ru" and "Тестовое сообщение" in message.subject
    invalid = client.post(url("outbox:send_test"), {"phone": "123", "language": "pl"})
    assert invalid.status_code == 200 and "123" in invalid.content.decode()
    assert not mail.outbox  # queued, not sent in the request


@pytest.mark.django_db
def test_template_editor_validates_and_shows_sms_cost(client, officer, office, staff_login):
    staff_login(client, officer)
    data = {
        "office": office.pk,
        "type": TYPE,
        "language": "pl",
        "channel": "sms",
        "subject": "",
        "body": "Błąd {% if %}",
        "active": "on",
    }
    response = client.post(url("message_templates:add"), data)
    assert response.status_code == 200 and not MessageTemplate.objects.exists()
    assert "Template syntax error" in response.content.decode()
    data["body"] = "Zaproszenie na wizytę: {{ office_name }}, " + "ż" * 80
    response = client.post(url("message_templates:add"), data)
    assert response.status_code == 302
    template = MessageTemplate.objects.get()
    edit = client.get(url("message_templates:edit", template.pk)).content.decode()
    assert "2 SMS parts (UCS-2, 67 characters per part)" in edit  # preview with [office_name]
    assert "[office_name]" in edit
    listing = client.get(url("message_templates:index")).content.decode()
    assert "SMS parts (UCS-2" in listing
