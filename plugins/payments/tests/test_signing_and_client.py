"""The sign rule, our client against the simulator (real HTTP), and secrets kept out of logs."""

from __future__ import annotations

import hashlib
import json
import logging

import pytest

from plugins.payments.p24 import signing
from plugins.payments.p24.client import P24Credentials, P24Error, Przelewy24Client, RegisterRequest
from plugins.payments.p24.languages import gateway_language

from .conftest import MERCHANT


def client_for(sim, **kw):
    creds = P24Credentials(
        MERCHANT.merchant_id, MERCHANT.pos_id, MERCHANT.crc, kw.pop("api_key", MERCHANT.api_key)
    )
    return Przelewy24Client(creds, base_url=sim.base_url, **kw)


def test_sign_is_sha384_of_compact_json_with_unicode_kept():
    values = {"sessionId": "s-1", "merchantId": 1, "amount": 44000, "currency": "PLN"}
    expected = hashlib.sha384(
        '{"sessionId":"s-1","merchantId":1,"amount":44000,"currency":"PLN","crc":"kłucz"}'.encode()
    ).hexdigest()
    assert signing.sign(values, signing.REGISTER_FIELDS, "kłucz") == expected
    assert signing.sign_matches({**values, "sign": expected}, signing.REGISTER_FIELDS, "kłucz")
    assert not signing.sign_matches({**values, "sign": expected[:-1] + "0"}, signing.REGISTER_FIELDS, "kłucz")
    assert not signing.sign_matches({"sign": expected}, signing.REGISTER_FIELDS, "kłucz")


def test_register_verify_lookup_refund_201_against_simulator(sim):
    with client_for(sim) as client:
        assert client.test_access()
        token = client.register(
            RegisterRequest(
                session_id="sess-1",
                amount=44000,
                description="Opłata skarbowa — zażółć",
                email="a@example.com",
                url_return="http://127.0.0.1/return",
                url_status="",
                language="en",
            )
        )
        assert client.redirect_url(token).endswith(f"/trnRequest/{token}")
        assert client.lookup("sess-1").status == 0
        sim.pay("sess-1")
        found = client.lookup("sess-1")
        assert found.status == 1 and found.order_id
        payload = sim.notification_for(sim.by_session["sess-1"])
        assert "Płatność" in payload["statement"]  # non-ASCII statement still verifies
        assert client.notification_is_authentic(payload)
        with pytest.raises(P24Error):
            client.verify(session_id="sess-1", order_id=found.order_id, amount=43999)
        assert client.verify(session_id="sess-1", order_id=found.order_id, amount=44000)
        assert client.lookup("sess-1").status == 2
        results = client.refund(
            request_id="r1",
            refunds_uuid="u1",
            order_id=found.order_id,
            session_id="sess-1",
            amount=10000,
            description="partial",
        )
        assert results[0].status is True
        with pytest.raises(P24Error) as excinfo:  # same requestId again
            client.refund(
                request_id="r1",
                refunds_uuid="u2",
                order_id=found.order_id,
                session_id="sess-1",
                amount=100,
                description="again",
            )
        assert excinfo.value.status == 400
        assert client.lookup("missing") is None


def test_wrong_api_key_is_401_and_secrets_never_logged(sim, caplog):
    caplog.set_level(logging.DEBUG)
    with client_for(sim, api_key="wrong-key") as client:
        with pytest.raises(P24Error) as excinfo:
            client.register(
                RegisterRequest(
                    session_id="s",
                    amount=100,
                    description="d",
                    email="a@example.com",
                    url_return="http://x/r",
                    url_status="",
                )
            )
    assert excinfo.value.status == 401
    assert "wrong-key" not in caplog.text and MERCHANT.crc not in caplog.text
    assert "wrong-key" not in repr(client) and MERCHANT.crc not in repr(client.credentials)


def test_tampered_refund_notification_is_rejected(sim):
    with client_for(sim) as client:
        payload = {
            "orderId": 5,
            "sessionId": "s",
            "merchantId": MERCHANT.merchant_id,
            "requestId": "r",
            "refundsUuid": "u",
            "amount": 100,
            "currency": "PLN",
            "timestamp": 1,
            "status": 0,
        }
        payload["sign"] = signing.sign(payload, signing.REFUND_NOTIFICATION_FIELDS, MERCHANT.crc)
        assert client.parse_refund_notification(dict(payload)).completed
        assert client.parse_refund_notification({**payload, "amount": 1000}) is None


def test_timeout_is_retryable():
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    port = listener.getsockname()[1]
    creds = P24Credentials(1, 1, "c", "k")
    with Przelewy24Client(creds, base_url=f"http://127.0.0.1:{port}", timeout=0.3) as client:
        with pytest.raises(P24Error) as excinfo:
            client.test_access()
    listener.close()
    assert excinfo.value.retryable


@pytest.mark.parametrize(
    ("ours", "theirs", "exact"),
    [("pl", "pl", True), ("en", "en", True), ("uk", "en", False), ("ru", "en", False)],
)
def test_language_mapping(ours, theirs, exact):
    assert gateway_language(ours) == (theirs, exact)
    assert json.dumps(gateway_language("ru", "pl")) == '["pl", false]'
