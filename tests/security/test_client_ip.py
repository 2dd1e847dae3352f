"""The one client-IP policy, over real HTTP: gunicorn (two processes, production settings, Redis cache)
directly and behind a reverse proxy that appends ``X-Forwarded-For``.

* Without a declared proxy a client-sent ``X-Forwarded-For`` is ignored: spoofing it gives no new
  throttle bucket (the PIN status API and the token endpoint).
* Behind a declared proxy (CIDRs or a count) two real clients get two buckets, and a client that
  spoofs the header through the proxy still stays in its own.
* django-axes locks out the client that failed, not the proxy everybody shares.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from przystan.testing.factories import PASSWORD, make_user
from przystan.web.client_ip import client_ip

from .live import gunicorn, redis_running, request, reverse_proxy

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not redis_running(), reason="no Redis server on 127.0.0.1:6379"),
]

STATUS_API = "/api/legalisation/status/"
TOKEN_API = "/api/auth/token/"
LOGIN = "/accounts/login/"
CLIENT_A, CLIENT_B = "127.0.0.2", "127.0.0.3"
PROXY_MODES = {
    "cidrs": {"PRZYSTAN_TRUSTED_PROXIES": "127.0.0.1/32"},
    "count": {"PRZYSTAN_TRUSTED_PROXY_COUNT": "1"},
}


@pytest.fixture
def public_office(office: Any, enable_plugin: Any) -> Any:
    enable_plugin(office, "legalisation")
    return office


def _guess(port: int, source: str, spoof: str | None) -> int:
    headers = {"X-Forwarded-For": spoof} if spoof else {}
    return request(
        port,
        "POST",
        STATUS_API,
        source=source,
        form={"number": "TESTOWY-2026-000001", "pin": "1"},
        headers=headers,
    ).status


def test_spoofed_forwarded_for_gives_no_new_bucket_without_a_declared_proxy(public_office, var_dir):
    with gunicorn(var_dir) as port:
        statuses = [_guess(port, CLIENT_A, f"198.51.100.{i}") for i in range(15)]
        tokens = [
            request(
                port,
                "POST",
                TOKEN_API,
                source=CLIENT_A,
                form={"email": f"nobody{i}@example.com", "password": "x"},
                headers={"X-Forwarded-For": f"203.0.113.{i}"},
            ).status
            for i in range(15)
        ]
    # StatusThrottle and TokenRateThrottle allow 10 a minute per client address
    assert statuses[:10] == [404] * 10 and set(statuses[10:]) == {429}, statuses
    assert 429 not in tokens[:10] and set(tokens[10:]) == {429}, tokens


@pytest.mark.parametrize("mode", sorted(PROXY_MODES))
def test_behind_a_trusted_proxy_each_client_has_its_own_bucket(mode, public_office, var_dir):
    with gunicorn(var_dir, **PROXY_MODES[mode]) as port, reverse_proxy(port) as proxy:
        spoofing_a = [_guess(proxy, CLIENT_A, f"198.51.100.{i}") for i in range(12)]
        first_of_b = _guess(proxy, CLIENT_B, None)
        b_spoofing_as_a = _guess(proxy, CLIENT_B, CLIENT_A)
    assert spoofing_a[:10] == [404] * 10 and set(spoofing_a[10:]) == {429}, spoofing_a
    assert first_of_b == 404  # B is not throttled by A's guesses through the same proxy
    assert b_spoofing_as_a == 404  # and claiming to be A does not put B in A's bucket


def _login(port: int, source: str, password: str, spoof: str | None = None) -> int:
    page = request(port, "GET", LOGIN, source=source)
    token = page.cookies["csrftoken"]
    headers = {"X-Forwarded-For": spoof} if spoof else {}
    answer = request(
        port,
        "POST",
        LOGIN,
        source=source,
        form={"username": "officer@uw.example.gov.pl", "password": password, "csrfmiddlewaretoken": token},
        cookies={"csrftoken": token},
        headers=headers,
    )
    return answer.status


def test_axes_locks_out_the_client_not_the_proxy(public_office, var_dir):
    from axes.models import AccessAttempt
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    officer = make_user("officer@uw.example.gov.pl", kind="staff", roles=("officer",), office=public_office)
    officer.password = PBKDF2PasswordHasher().encode(PASSWORD, "securitytestsalt")  # production's hasher
    officer.save(update_fields=["password"])
    with gunicorn(var_dir, **PROXY_MODES["cidrs"]) as port, reverse_proxy(port) as proxy:
        failures = [_login(proxy, CLIENT_A, "wrong-password", spoof=f"198.51.100.{i}") for i in range(5)]
        a_right_password = _login(proxy, CLIENT_A, PASSWORD)
        b_right_password = _login(proxy, CLIENT_B, PASSWORD)
    assert failures[:4] == [200] * 4 and failures[4] == 429, failures
    assert a_right_password == 429  # A stays locked out, spoofed addresses notwithstanding
    assert b_right_password == 302  # B signs in (on to the second factor): the proxy is not locked
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT_A}


# ----------------------------------------------------------------------------- the policy itself


def _meta(remote: str, forwarded: str | None = None) -> Any:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_policy_without_proxies_ignores_every_forwarding_header(settings):
    settings.PRZYSTAN_TRUSTED_PROXIES, settings.PRZYSTAN_TRUSTED_PROXY_COUNT = [], 0
    assert client_ip(_meta("192.0.2.5", "6.6.6.6")) == "192.0.2.5"


def test_policy_with_cidrs_skips_trusted_hops_and_ignores_headers_from_elsewhere(settings):
    settings.PRZYSTAN_TRUSTED_PROXIES, settings.PRZYSTAN_TRUSTED_PROXY_COUNT = ["10.0.0.0/24", "10.9.0.1"], 0
    assert client_ip(_meta("10.0.0.7", "6.6.6.6, 203.0.113.9, 10.9.0.1")) == "203.0.113.9"
    assert client_ip(_meta("10.0.0.7")) == "10.0.0.7"  # the proxy itself, nothing forwarded
    assert client_ip(_meta("198.51.100.1", "6.6.6.6")) == "198.51.100.1"  # not via a proxy: header ignored


def test_policy_with_a_count_takes_the_address_the_outermost_proxy_saw(settings):
    settings.PRZYSTAN_TRUSTED_PROXIES, settings.PRZYSTAN_TRUSTED_PROXY_COUNT = [], 2
    assert client_ip(_meta("10.0.0.1", "6.6.6.6, 203.0.113.9, 10.0.0.2")) == "203.0.113.9"
    assert client_ip(_meta("10.0.0.1", "203.0.113.9")) == "10.0.0.1"  # fewer hops than proxies: the peer


def test_every_throttle_of_the_project_uses_the_policy():
    """Walks DRF throttle classes defined in the core and the plugins (imported with their URLs)."""
    from django.urls import get_resolver
    from rest_framework.throttling import BaseThrottle

    from przystan.api.throttling import ClientIPThrottleMixin

    get_resolver().url_patterns  # noqa: B018  (imports every view module)

    def subclasses(cls: type) -> list[type]:
        return [cls, *(sub for direct in cls.__subclasses__() for sub in subclasses(direct))]

    ours = [
        cls
        for cls in subclasses(BaseThrottle)
        if cls.__module__.startswith(("przystan.", "plugins.")) and cls is not ClientIPThrottleMixin
    ]
    names = {cls.__name__ for cls in ours}
    assert {"TokenRateThrottle", "StatusThrottle"} <= names
    assert [cls.__name__ for cls in ours if not issubclass(cls, ClientIPThrottleMixin)] == []
