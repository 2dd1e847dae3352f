from __future__ import annotations

import pytest
from django.core import mail

from .sms_simulator import TOKEN, SmsApiSimulator


@pytest.fixture
def sms_api():
    with SmsApiSimulator() as simulator:
        yield simulator


@pytest.fixture
def http_gateway(settings, sms_api):
    settings.PRZYSTAN_SMS_GATEWAY = {
        "BACKEND": "http",
        "URL": sms_api.url,
        "TOKEN": TOKEN,
        "SENDER": "UW-TEST",
        "FILE_DIR": "",
        "TIMEOUT": 5.0,
    }
    return sms_api


@pytest.fixture
def file_gateway(settings, tmp_path):
    directory = tmp_path / "sms"
    settings.PRZYSTAN_SMS_GATEWAY = {"BACKEND": "file", "FILE_DIR": str(directory), "SENDER": "PRZYSTAN"}
    return directory


@pytest.fixture(autouse=True)
def empty_mail_outbox():
    mail.outbox = []
    yield
