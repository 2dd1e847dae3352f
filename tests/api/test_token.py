"""POST /api/auth/token/: e-mail + password -> token, through authenticate() so django-axes counts failures."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import cache

from przystan.api.models import ApiToken as Token
from przystan.api.models import hash_secret
from przystan.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db
URL = "/api/auth/token/"


@pytest.fixture(autouse=True)
def fresh_throttle_counters():
    cache.clear()
    yield
    cache.clear()


def post_token(client, email, password, **extra):
    extra.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return client.post(URL, {"email": email, "password": password}, content_type="application/json", **extra)


def test_correct_password_returns_a_token_that_authenticates(client, office, user_factory):
    user = user_factory(email="anna@example.com")
    response = post_token(client, "Anna@Example.com ", PASSWORD)
    assert response.status_code == 200, response.content
    key = response.json()["token"]
    assert Token.objects.get(user=user).key_hash == hash_secret(key)  # only its hash is kept
    again = post_token(client, "anna@example.com", PASSWORD).json()["token"]
    assert again != key and Token.objects.filter(user=user).active().count() == 2  # a new one each time

    me = client.get("/api/me/", HTTP_AUTHORIZATION=f"Token {key}")
    assert me.status_code == 200
    assert me.json()["email"] == "anna@example.com"
    user.refresh_from_db()
    assert user.last_login is not None


def test_wrong_password_is_400_and_counts_towards_the_axes_lockout(client, office, user_factory):
    user_factory(email="olena@example.com")
    limit = settings.AXES_FAILURE_LIMIT
    for attempt in range(1, limit):
        response = post_token(client, "olena@example.com", "not-the-password")
        assert response.status_code == 400, response.content
        assert "non_field_errors" in response.json()
        assert AccessAttempt.objects.get(username="olena@example.com").failures_since_start == attempt

    locked = post_token(client, "olena@example.com", "not-the-password")
    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/json"
    assert locked.json()["detail"].startswith("Too many failed sign-in attempts")

    # Locked out: even the right password gets no token now.
    again = post_token(client, "olena@example.com", PASSWORD)
    assert again.status_code == 429
    assert not Token.objects.filter(user__email="olena@example.com").exists()


def test_a_successful_sign_in_resets_the_failure_count(client, office, user_factory):
    user_factory(email="ivan@example.com")
    for _ in range(2):
        assert post_token(client, "ivan@example.com", "wrong").status_code == 400
    assert AccessAttempt.objects.get(username="ivan@example.com").failures_since_start == 2
    assert post_token(client, "ivan@example.com", PASSWORD).status_code == 200
    assert not AccessAttempt.objects.filter(username="ivan@example.com").exists()


def test_unknown_email_is_400_like_a_wrong_password(client, office):
    response = post_token(client, "nobody@example.com", PASSWORD)
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == [
        "Wrong e-mail address or password. The password is case-sensitive."
    ]


def test_errors_are_in_the_language_of_the_request(client, office):
    response = post_token(client, "nobody@example.com", PASSWORD, HTTP_ACCEPT_LANGUAGE="uk")
    assert response.json()["non_field_errors"] == [
        "Неправильна адреса електронної пошти або пароль. Пароль чутливий до регістру."
    ]
    missing = client.post(URL, {}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="pl")
    assert missing.status_code == 400
    assert missing.json()["password"] == ["To pole jest wymagane."]  # DRF's own translation


def test_staff_accounts_get_no_token(client, office, user_factory):
    user_factory(email="officer@example.com", kind="staff", office=office)
    response = post_token(client, "officer@example.com", PASSWORD)
    assert response.status_code == 403
    assert "two-step verification code" in response.json()["detail"]
    assert not Token.objects.exists()


def test_unverified_email_gets_no_token(client, office, user_factory):
    user_factory(email="new@example.com", email_verified=False)
    response = post_token(client, "new@example.com", PASSWORD)
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == ["Your e-mail address is not verified yet."]
    assert not Token.objects.exists()


def test_token_requests_are_throttled_per_client(client, office):
    rate = getattr(settings, "PRZYSTAN_API_TOKEN_RATE", "10/min")
    allowed = int(rate.split("/")[0])
    for number in range(allowed):
        assert post_token(client, f"guess{number}@example.com", "x").status_code == 400
    throttled = post_token(client, "guess-last@example.com", "x")
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) > 0
