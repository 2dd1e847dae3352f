from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from przystan.notifications.service import deliver_due
from przystan.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def test_login_with_email_is_case_insensitive_and_logout_works(client, user_factory):
    user = user_factory(email="anna@example.com")
    response = client.post(LOGIN, {"username": "Anna@Example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.post("/accounts/logout/").status_code in (200, 302)
    assert "_auth_user_id" not in client.session


def test_wrong_password_shows_a_translated_error_and_keeps_the_email(client, user_factory):
    user_factory(email="anna@example.com")
    response = client.post(
        LOGIN, {"username": "anna@example.com", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE="pl"
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="anna@example.com"' in content
    assert "Podaj poprawny adres e-mail i hasło" in content


def test_axes_locks_the_account_after_five_failures_even_with_the_right_password(client, user_factory):
    user_factory(email="anna@example.com")
    for _ in range(4):
        assert client.post(LOGIN, {"username": "anna@example.com", "password": "wrong"}).status_code == 200
    fifth = client.post(LOGIN, {"username": "anna@example.com", "password": "wrong"})
    assert fifth.status_code == 429
    locked = client.post(
        LOGIN, {"username": "anna@example.com", "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="uk"
    )
    assert locked.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in locked.templates]
    assert "Забагато невдалих спроб входу" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="anna@example.com").failures_since_start >= 5


def test_password_reset_mail_in_the_users_language_and_completion(client, user_factory):
    user = user_factory(email="ivan@example.com", preferred_language="ru")
    response = client.post("/accounts/password-reset/", {"email": "IVAN@example.com"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_done")
    client.post("/accounts/password-reset/", {"email": "nobody@example.com"})
    assert deliver_due() == 1
    (message,) = mail.outbox
    assert message.to == ["ivan@example.com"]
    assert CYRILLIC.search(message.subject) and CYRILLIC.search(message.body)
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": "Nowe-Haslo-Dla-Ivana-7", "new_password2": "Nowe-Haslo-Dla-Ivana-7"}
    )
    assert done.status_code == 302 and done["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("Nowe-Haslo-Dla-Ivana-7")
    assert client.get(link, follow=True).context["validlink"] is False  # the link worked once
    assert (
        client.post(LOGIN, {"username": "ivan@example.com", "password": "Nowe-Haslo-Dla-Ivana-7"}).status_code
        == 302
    )
