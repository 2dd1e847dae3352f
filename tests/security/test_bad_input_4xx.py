"""Malformed or racing input gets a clear 4xx answer, never HTTP 500 (real HTTP, real PostgreSQL)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from plugins.queue_booking.tests.conftest import LOOSE_LIMITS

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),  # WhiteNoise, static not collected
]


def csrf(http: httpx.Client, path: str) -> str:
    http.get(path)
    return http.cookies["csrftoken"]


def test_a_null_byte_in_a_query_or_a_form_field_is_a_400(przystan_server, office, enable_plugin):
    enable_plugin(office, "queue_booking", config=LOOSE_LIMITS)
    with httpx.Client(base_url=przystan_server.url) as http:
        for path in (
            "/booking/?service=%00",
            "/api/booking/availability/?service=%00",  # the stateless stack too
            "/accounts/login/?next=%00",
            "/?q=a%00b",
        ):
            response = http.get(path)
            assert response.status_code == 400, (path, response.status_code)
        token = csrf(http, "/accounts/login/")
        response = http.post(
            "/accounts/login/",
            data={"username": "a\x00b@example.com", "password": "x", "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 400
        assert "NUL" in response.text or "null" in response.text.lower()


def test_a_login_username_longer_than_255_characters_is_refused_cleanly(przystan_server, office):
    with httpx.Client(base_url=przystan_server.url) as http:
        token = csrf(http, "/accounts/login/")
        response = http.post(
            "/accounts/login/",
            data={"username": "a" * 300 + "@example.com", "password": "x", "csrfmiddlewaretoken": token},
        )
    assert response.status_code in (200, 400)  # the form with its error, not a server error
    assert 'name="username"' in response.text


def test_deeply_nested_json_on_the_payment_notification_is_a_400(przystan_server, office, enable_plugin):
    from plugins.payments.simulator import P24Simulator
    from plugins.payments.tests.conftest import MERCHANT, configure_office

    with P24Simulator() as sim:
        sim.add_merchant(MERCHANT)
        configure_office(office, sim)
        body = "[" * 100_000 + "]" * 100_000
        response = httpx.post(
            f"{przystan_server.url}/payments/przelewy24/notify/",
            content=body,
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 400, response.status_code


def test_deeply_nested_json_on_an_api_route_is_a_400(przystan_server, office, enable_plugin):
    enable_plugin(office, "queue_booking", config=LOOSE_LIMITS)
    body = '{"slot": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = httpx.post(
        f"{przystan_server.url}/api/booking/bookings/",
        content=body,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400, response.status_code


def _parallel(count: int, send) -> list[int]:
    barrier = threading.Barrier(count)

    def one(n: int) -> int:
        barrier.wait(timeout=30)
        return send(n)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def test_concurrent_deliveries_of_one_mos_package_import_one_case_and_answer_duplicate_to_the_rest(
    przystan_server, office, enable_plugin
):
    from plugins.legalisation.models import Attachment, Case, QuarantinedPackage
    from plugins.legalisation.mos_simulator import build_sample
    from przystan.api.models import ServiceCredential

    enable_plugin(office, "legalisation")
    _credential, value = ServiceCredential.issue(
        name="MOS", office=office, scopes=["legalisation-mos-packages"], created_by=None
    )
    _package_id, payload = build_sample(office.code, kid="mos-test", key=b"test-only-mos-signing-key")

    def send(_n: int) -> int:
        with httpx.Client(base_url=przystan_server.url) as http:
            return http.post(
                "/api/legalisation/mos/packages/",
                content=payload,
                headers={"Content-Type": "application/zip", "Authorization": f"Service {value}"},
            ).status_code

    statuses = _parallel(6, send)
    assert 500 not in statuses, statuses
    assert sorted(statuses) == [200] * 5 + [201], statuses
    assert Case.objects.filter(source="mos").count() == 1 and Attachment.objects.count() == 3
    assert not QuarantinedPackage.objects.exists()


def test_concurrent_duplicate_signups_create_one_account_and_answer_alike(przystan_server, office, settings):
    import time

    from django.contrib.auth import get_user_model

    from przystan.accounts.antispam import issue_form_token
    from przystan.testing.factories import PASSWORD

    settings.PRZYSTAN_SIGNUP_RATE = "1000/h"
    with httpx.Client(base_url=przystan_server.url) as http:
        token = csrf(http, "/accounts/signup/")
    form = {
        "email": "race@example.com",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "preferred_language": "en",
        "kind": "foreigner",
        "consent": "on",
        "website": "",
        "form_token": issue_form_token(time.time() - 60),
        "csrfmiddlewaretoken": token,
    }

    def send(_n: int) -> int:
        with httpx.Client(base_url=przystan_server.url, cookies={"csrftoken": token}) as http:
            return http.post("/accounts/signup/", data=form).status_code

    statuses = _parallel(6, send)
    assert 500 not in statuses, statuses
    # the same answer as any sign-up with an address that has an account (no account probing)
    assert statuses == [302] * 6, statuses
    assert get_user_model().objects.filter(email="race@example.com").count() == 1
