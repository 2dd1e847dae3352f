"""The core's sending contract: the loopback HTTP adapter against the inbox simulator (real HTTP)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from przystan import dispatch
from przystan.dispatch_simulator import InboxSimulator


@pytest.fixture
def inbox(settings):
    simulator = InboxSimulator("127.0.0.1", 8723).start()
    settings.PRZYSTAN_DISPATCH_URL = simulator.url
    yield simulator
    simulator.stop()


def message(**changes):
    data = {
        "recipient": "police",
        "reference": "TESTOWY-2026-000001",
        "subject": "Wystąpienie",
        "body": "Treść zapytania — zażółć",
        "attachments": (dispatch.Attachment("a.pdf", "application/pdf", b"%PDF-1.4 x"),),
    }
    return dispatch.OutgoingMessage(**{**data, **changes})


@pytest.mark.django_db
def test_send_without_a_plugin_uses_the_loopback_adapter(office, inbox):
    result = dispatch.send(office, message())
    assert result.adapter == "loopback-http" and result.status == "delivered" and result.delivered_at
    received = inbox.received[0]
    assert received["dispatch_id"] == result.dispatch_id and received["recipient"] == "police"
    assert received["body"] == "Treść zapytania — zażółć" and received["sender"] == office.name


def test_inbox_refuses_an_attachment_whose_checksum_does_not_match(inbox):
    payload = message().as_json(sender="UW")
    payload["attachments"][0]["sha256"] = "0" * 64
    request = urllib.request.Request(
        f"{inbox.url}/inbox/police/", data=json.dumps(payload).encode(), method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=5)
    assert caught.value.code == 400 and b"SHA-256" in caught.value.read()
    assert inbox.received == []


def test_unavailable_or_unreachable_inbox_is_a_dispatch_error(inbox):
    inbox.refuse_next = 1
    with pytest.raises(dispatch.DispatchError, match="503"):
        dispatch.LoopbackHttpAdapter(inbox.url).send(None, message())
    with pytest.raises(dispatch.DispatchError):
        dispatch.LoopbackHttpAdapter("http://127.0.0.1:9", timeout=2).send(None, message())


def test_unknown_dispatch_has_no_confirmation(inbox):
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(f"{inbox.url}/dispatches/DSP-NOPE/", timeout=5)
    assert caught.value.code == 404
