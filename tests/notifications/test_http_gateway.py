"""HttpSmsGateway (production code) against an SMSAPI-like simulator on 127.0.0.1."""

from __future__ import annotations

import logging

import pytest

from przystan.notifications.gateways import GatewayError, HttpSmsGateway, get_gateway

from .sms_simulator import TOKEN


def test_sends_form_fields_with_bearer_token(sms_api):
    gateway = HttpSmsGateway(sms_api.url, TOKEN, timeout=5)
    result = gateway.send("+48601234567", "Wizyta jutro o 9:00 – pokój 12.", "UW-TEST")
    accepted = sms_api.state.accepted
    assert len(accepted) == 1
    assert accepted[0]["to"] == "48601234567"
    assert accepted[0]["message"] == "Wizyta jutro o 9:00 – pokój 12."
    assert (accepted[0]["from"], accepted[0]["encoding"], accepted[0]["format"]) == (
        "UW-TEST",
        "utf-8",
        "json",
    )
    assert result.message_id == accepted[0]["id"]
    assert result.parts == 1


def test_parts_come_from_the_provider(sms_api):
    result = HttpSmsGateway(sms_api.url, TOKEN).send("+48601234567", "ż" * 140, "X")
    assert result.parts == 3


def test_wrong_token_is_not_retryable_and_token_is_never_logged(sms_api, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "very-secret-token-do-not-log"
    gateway = HttpSmsGateway(sms_api.url, secret)
    with pytest.raises(GatewayError) as error:
        gateway.send("+48601234567", "x", "X")
    assert error.value.retryable is False
    assert "101" in str(error.value)
    assert secret not in str(error.value) and secret not in repr(gateway) and secret not in caplog.text


def test_server_error_is_retryable_then_succeeds(sms_api):
    sms_api.state.fail_with = [500, 502]
    gateway = HttpSmsGateway(sms_api.url, TOKEN)
    for _ in range(2):
        with pytest.raises(GatewayError) as error:
            gateway.send("+48601234567", "x", "X")
        assert error.value.retryable is True
    assert gateway.send("+48601234567", "x", "X").message_id == sms_api.state.accepted[0]["id"]


def test_error_in_200_answer_is_recognised(sms_api):
    sms_api.state.error_code = 201  # provider-side internal error: retryable
    with pytest.raises(GatewayError) as error:
        HttpSmsGateway(sms_api.url, TOKEN).send("+48601234567", "x", "X")
    assert error.value.retryable is True
    sms_api.state.error_code = 14  # wrong sender name: not retryable
    with pytest.raises(GatewayError) as error:
        HttpSmsGateway(sms_api.url, TOKEN).send("+48601234567", "x", "X")
    assert error.value.retryable is False and "14" in str(error.value)


def test_timeout_and_connection_refused_are_retryable(sms_api):
    sms_api.state.delay = 1.0
    with pytest.raises(GatewayError, match="timed out") as error:
        HttpSmsGateway(sms_api.url, TOKEN, timeout=0.2).send("+48601234567", "x", "X")
    assert error.value.retryable is True
    with pytest.raises(GatewayError, match="unreachable") as error:
        HttpSmsGateway("http://127.0.0.1:9/sms.do", TOKEN, timeout=2).send("+48601234567", "x", "X")
    assert error.value.retryable is True


def test_gateway_is_built_from_settings(settings, sms_api, tmp_path):
    settings.PRZYSTAN_SMS_GATEWAY = {"BACKEND": "http", "URL": sms_api.url, "TOKEN": TOKEN, "TIMEOUT": 3}
    assert isinstance(get_gateway(), HttpSmsGateway)
    settings.PRZYSTAN_SMS_GATEWAY = {"BACKEND": "carrier-pigeon"}
    with pytest.raises(GatewayError, match="carrier-pigeon"):
        get_gateway()
