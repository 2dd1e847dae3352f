from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_profile_changes_language_and_phone(client, user_factory):
    user = user_factory(email="olena@example.com", preferred_language="en")
    client.force_login(user)
    response = client.post("/accounts/profile/", {"preferred_language": "uk", "phone": "+48 600 700 800"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.preferred_language, user.phone) == ("uk", "+48600700800")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "uk"


def test_profile_rejects_a_bad_phone_and_keeps_it(client, user_factory):
    user = user_factory(email="olena@example.com")
    client.force_login(user)
    response = client.post("/accounts/profile/", {"preferred_language": "pl", "phone": "12ab"})
    assert response.status_code == 200
    assert "phone" in response.context["form"].errors
    assert 'value="12ab"' in response.content.decode()


def test_profile_requires_login(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_pages_use_the_users_language_until_they_pick_one_with_the_switcher(client, user_factory):
    user = user_factory(email="olena@example.com", preferred_language="uk")
    client.force_login(user)
    page = client.get("/accounts/profile/", HTTP_ACCEPT_LANGUAGE="pl")
    assert '<html lang="uk">' in page.content.decode()

    switched = client.post("/i18n/setlang/", {"language": "ru", "next": "/accounts/profile/"})
    assert switched.status_code == 302
    user.refresh_from_db()
    assert user.preferred_language == "ru"
    assert '<html lang="ru">' in client.get("/accounts/profile/").content.decode()

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="en">' in client.get("/accounts/profile/").content.decode()
