"""API tokens expire, die with what they were issued for, and never stand in for a staff second factor."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from przystan.api.models import ApiToken
from przystan.testing.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db
STAFF_WITHOUT_MFA = (
    "This is a staff account and the token was issued without two-step verification; "
    "get a new token with your second-factor code."
)


@pytest.fixture(autouse=True)
def fresh_throttle_counters():
    cache.clear()
    yield
    cache.clear()


def post_token(client, email, password=PASSWORD, **data):
    return client.post(
        "/api/auth/token/",
        {"email": email, "password": password, **data},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )


def me(client, key, language="en"):
    return client.get("/api/me/", HTTP_AUTHORIZATION=f"Token {key}", HTTP_ACCEPT_LANGUAGE=language)


@pytest.fixture
def foreigner_key(client, secured_office):
    make_user("anna@example.com")
    response = post_token(client, "anna@example.com")
    assert response.status_code == 200, response.content
    return response.json()["token"]


def test_a_token_is_stored_hashed_and_expires_after_the_public_lifetime(client, foreigner_key):
    token = ApiToken.objects.get()
    assert token.key_hash != foreigner_key and foreigner_key not in token.key_hash
    lifetime = token.expires_at - token.created_at
    assert dt.timedelta(days=29, hours=23) < lifetime <= dt.timedelta(days=30)
    assert me(client, foreigner_key).status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    expired = me(client, foreigner_key)
    assert expired.status_code == 401 and expired.json()["detail"] == "The token has expired; get a new one."


def test_a_foreigners_token_stops_working_when_the_account_becomes_staff(
    client, foreigner_key, resident, staff_login
):
    user = ApiToken.objects.get().user
    assert me(client, foreigner_key).status_code == 200
    user.kind = "staff"
    user.home_office = resident.office
    user.save()
    user.groups.add(Group.objects.get(name="supervisor"))
    for path in ("/api/me/", f"/api/serce/persons/{resident.pk}/", "/api/legalisation/officer/cases/"):
        assert client.get(path, HTTP_AUTHORIZATION=f"Token {foreigner_key}").status_code == 401, path
    assert ApiToken.objects.get().revoked_reason.startswith("changed: kind")


@pytest.mark.parametrize(
    "change",
    [
        lambda user: (user.set_password("a-new-long-password-42"), user.save()),
        lambda user: (setattr(user, "is_active", False), user.save()),
        lambda user: (setattr(user, "is_staff", True), user.save()),
        lambda user: (setattr(user, "is_superuser", True), user.save()),
        lambda user: user.groups.add(Group.objects.get(name="officer")),
        lambda user: Group.objects.get(name="officer").user_set.add(user),
    ],
    ids=["password", "deactivated", "is_staff", "is_superuser", "groups", "group members"],
)
def test_a_token_is_revoked_when_the_account_changes(client, foreigner_key, change):
    user = ApiToken.objects.get().user
    change(user)
    assert me(client, foreigner_key).status_code == 401
    assert ApiToken.objects.get().revoked_at is not None


def test_a_password_reset_revokes_the_token(client, foreigner_key):
    from django.contrib.auth.forms import SetPasswordForm

    user = ApiToken.objects.get().user
    form = SetPasswordForm(
        user, {"new_password1": "Zupelnie-Nowe-Haslo-77", "new_password2": "Zupelnie-Nowe-Haslo-77"}
    )
    assert form.is_valid(), form.errors
    form.save()
    assert me(client, foreigner_key).status_code == 401


def test_unrelated_saves_and_a_new_sign_in_keep_the_token(client, foreigner_key):
    user = ApiToken.objects.get().user
    user.phone = "+48600100200"
    user.save()
    assert post_token(client, "anna@example.com").status_code == 200  # last_login saved again
    assert me(client, foreigner_key).status_code == 200


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", STAFF_WITHOUT_MFA),
        ("pl", None),
    ],
)
def test_a_staff_token_issued_without_mfa_is_refused_with_a_translated_401(
    client, secured_office, language, expected
):
    staff = make_user("officer@uw.example.gov.pl", kind="staff", roles=("officer",), office=secured_office)
    _token, key = ApiToken.issue(staff, mfa_verified=False)
    answer = me(client, key, language)
    assert answer.status_code == 401
    detail = answer.json()["detail"]
    if expected:
        assert detail == expected
    else:
        assert detail != STAFF_WITHOUT_MFA and "weryfikacji dwuetapowej" in detail


def test_staff_get_a_token_only_with_their_second_factor_and_it_lives_8_hours(
    client, secured_office, resident
):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    staff = make_user("boss@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=secured_office)
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    refused = post_token(client, "boss@uw.example.gov.pl")
    assert refused.status_code == 403 and "two-step verification code" in refused.json()["detail"]
    assert post_token(client, "boss@uw.example.gov.pl", otp="000000").status_code in (403,)
    device.refresh_from_db()
    device.throttle_reset()  # the wrong code above made the device wait before the next try
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    issued = post_token(client, "boss@uw.example.gov.pl", otp=code)
    assert issued.status_code == 200, issued.content
    token = ApiToken.objects.get(user=staff)
    assert token.mfa_verified
    assert dt.timedelta(hours=7, minutes=59) < token.expires_at - token.created_at <= dt.timedelta(hours=8)
    key = issued.json()["token"]
    person = client.get(f"/api/serce/persons/{resident.pk}/", HTTP_AUTHORIZATION=f"Token {key}")
    assert person.status_code == 200


def test_a_staff_session_without_mfa_still_gets_the_middlewares_403(client, secured_office):
    staff = make_user("officer@uw.example.gov.pl", kind="staff", roles=("officer",), office=secured_office)
    client.force_login(staff)
    answer = client.get("/api/me/", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 403 and answer.json()["detail"] == "Two-step verification (MFA) required."


def test_the_migration_moves_drf_tokens_into_hashed_expiring_ones(client, secured_office):
    from rest_framework.authtoken.models import Token

    user = make_user("old@example.com")
    staff = make_user("old-staff@uw.example.gov.pl", kind="staff", office=secured_office)
    old, old_staff = Token.objects.create(user=user), Token.objects.create(user=staff)
    migration = importlib.import_module("przystan.api.migrations.0002_migrate_drf_tokens")
    migration.forwards(apps, None)
    assert not Token.objects.exists()
    assert me(client, old.key).status_code == 200
    assert me(client, old_staff.key).status_code == 401  # issued without a second factor
    assert all(token.expires_at < timezone.now() + dt.timedelta(days=31) for token in ApiToken.objects.all())
