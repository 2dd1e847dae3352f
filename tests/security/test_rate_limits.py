"""Reset e-mails are limited per address (silently); failed log-ins are limited per client IP."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import translation

from przystan.notifications.service import deliver_due
from przystan.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db
RESET = "/accounts/password-reset/"
LOGIN = "/accounts/login/"


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


def test_password_reset_mails_to_one_address_are_limited_silently(client, user_factory, settings):
    settings.PRZYSTAN_PASSWORD_RESET_RATE = "3/h"
    user_factory(email="ivan@example.com")
    answers = set()
    for n in range(6):
        # from different networks too: the limit is the address's, not the sender's
        response = client.post(RESET, {"email": "IVAN@example.com"}, REMOTE_ADDR=f"198.51.100.{n}")
        answers.add((response.status_code, response["Location"]))
    assert answers == {(302, "/accounts/password-reset/sent/")}  # the same answer every time
    deliver_due()
    assert [m.to for m in mail.outbox] == [["ivan@example.com"]] * 3


def test_password_spraying_from_one_ip_is_stopped_across_usernames(client, user_factory, settings):
    settings.PRZYSTAN_LOGIN_FAILURE_RATE = "20/15m"
    for n in range(21):
        user_factory(email=f"person{n}@example.com")
    for n in range(20):  # one wrong password per account: django-axes' per-account limit never trips
        response = client.post(LOGIN, {"username": f"person{n}@example.com", "password": "Summer2026!"})
        assert response.status_code == 200
    stopped = client.post(LOGIN, {"username": "person20@example.com", "password": PASSWORD})
    assert stopped.status_code == 429
    assert "_auth_user_id" not in client.session
    with translation.override("pl"):
        expected = translation.gettext(
            "Too many failed log-in attempts from your network. "
            "Wait 15 minutes and try again, or reset your password."
        )
    assert (
        expected
        != "Too many failed log-in attempts from your network. Wait 15 minutes and try again, or reset your password."
    )
    assert expected in stopped.content.decode()

    other_network = client.post(
        LOGIN, {"username": "person20@example.com", "password": PASSWORD}, REMOTE_ADDR="192.0.2.44"
    )
    assert other_network.status_code == 302


def test_successful_log_ins_do_not_count_as_failures(client, user_factory, settings):
    settings.PRZYSTAN_LOGIN_FAILURE_RATE = "2/15m"
    user = user_factory(email="olena@example.com")
    for _ in range(3):
        assert client.post(LOGIN, {"username": user.email, "password": PASSWORD}).status_code == 302
        client.post("/accounts/logout/")
