"""GET/PATCH /api/me/: the signed-in user's own profile."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from przystan.api.models import ApiToken

pytestmark = pytest.mark.django_db
URL = "/api/me/"


@pytest.fixture(autouse=True)
def fresh_throttle_counters():
    cache.clear()


@pytest.fixture
def foreigner(user_factory, office):
    return user_factory(email="hanna@example.com", phone="+48600700800", preferred_language="pl")


@pytest.fixture
def auth(foreigner):
    return {"HTTP_AUTHORIZATION": f"Token {ApiToken.issue(foreigner)[1]}"}


def test_me_requires_authentication(client, office):
    response = client.get(URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert client.patch(URL, {"phone": "+48600000000"}, content_type="application/json").status_code == 401


def test_wrong_token_is_401(client, office, foreigner):
    assert client.get(URL, HTTP_AUTHORIZATION="Token 0123456789abcdef").status_code == 401


def test_me_shows_exactly_the_profile_fields(client, auth):
    response = client.get(URL, **auth)
    assert response.status_code == 200
    assert response.json() == {
        "email": "hanna@example.com",
        "kind": "foreigner",
        "preferred_language": "pl",
        "phone": "+48600700800",
        "email_verified": True,
    }


def test_me_works_with_a_session_too(client, foreigner):
    client.force_login(foreigner)
    assert client.get(URL).json()["email"] == "hanna@example.com"


def test_session_patch_needs_the_csrf_token(foreigner):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(foreigner)
    response = browser.patch(URL, {"phone": "+48600000001"}, content_type="application/json")
    assert response.status_code == 403
    foreigner.refresh_from_db()
    assert foreigner.phone == "+48600700800"


def test_patch_changes_language_and_normalises_phone(client, foreigner, auth):
    response = client.patch(
        URL, {"preferred_language": "uk", "phone": "+48 601-702 803"}, content_type="application/json", **auth
    )
    assert response.status_code == 200, response.content
    assert response.json()["preferred_language"] == "uk"
    foreigner.refresh_from_db()
    assert (foreigner.preferred_language, foreigner.phone) == ("uk", "+48601702803")


def test_patch_ignores_read_only_fields(client, foreigner, auth):
    response = client.patch(
        URL,
        {"email": "other@example.com", "kind": "staff", "email_verified": False},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 200
    foreigner.refresh_from_db()
    assert (foreigner.email, foreigner.kind, foreigner.email_verified) == (
        "hanna@example.com",
        "foreigner",
        True,
    )


def test_patch_rejects_unknown_language_and_bad_phone(client, foreigner, auth):
    response = client.patch(
        URL,
        {"preferred_language": "de", "phone": "call me"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **auth,
    )
    assert response.status_code == 400
    assert set(response.json()) == {"preferred_language", "phone"}
    foreigner.refresh_from_db()
    assert (foreigner.preferred_language, foreigner.phone) == ("pl", "+48600700800")


def test_me_has_no_collection_methods_or_detail_route(client, foreigner, auth):
    assert client.post(URL, {}, content_type="application/json", **auth).status_code == 405
    assert client.delete(URL, **auth).status_code == 405
    assert client.get(f"{URL}{foreigner.pk}/", **auth).status_code == 404
