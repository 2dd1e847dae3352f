"""Sign-up and password reset answer alike for addresses with and without an account (staff too)."""

from __future__ import annotations

import re
import statistics
import time
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from przystan.accounts.antispam import issue_form_token
from przystan.notifications.service import deliver_due
from przystan.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()
SIGNUP = "/accounts/signup/"
RESET = "/accounts/password-reset/"


def signup_form(email: str) -> dict[str, str]:
    return {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "preferred_language": "en",
        "kind": "foreigner",
        "consent": "on",
        "website": "",
        "form_token": issue_form_token(time.time() - 60),
    }


TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|form_token)"[^>]*value=")[^"]*"')


def normalised(content: bytes, email: str) -> str:
    """A page's text with the address typed and the per-request tokens (CSRF, form time) taken out."""
    text = content.decode().replace(email, "ADDRESS").replace(quote(email), "ADDRESS")
    return TOKENS.sub(r'\1TOKEN"', text)


def followed_text(client, response, email: str) -> str:
    """The page a person ends on."""
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return normalised(page.content, email)


@pytest.fixture
def accounts(user_factory, office):
    user_factory(email="olena@example.com", preferred_language="uk")
    user_factory(email="officer@uw.example.gov.pl", kind="staff", roles=("officer",), office=office)


@pytest.mark.parametrize("taken", ["olena@example.com", "OFFICER@uw.example.gov.pl"])
def test_signup_with_a_taken_address_answers_like_a_new_one_and_mails_the_owner(client, accounts, taken):
    from django.test import Client

    fresh = Client()
    new = fresh.post(SIGNUP, signup_form("new-person@example.com"))
    again = client.post(SIGNUP, signup_form(taken))
    assert (
        (again.status_code, again.get("Location"))
        == (new.status_code, new.get("Location"))
        == (
            302,
            "/accounts/signup/done/",
        )
    )
    assert followed_text(client, again, taken.lower()) == followed_text(fresh, new, "new-person@example.com")
    assert User.objects.filter(email__iexact=taken).count() == 1

    deliver_due()
    to_owner = [m for m in mail.outbox if m.to == [taken.lower()]]
    assert len(to_owner) == 1
    body = to_owner[0].body
    assert "/accounts/login/" in body and "/accounts/password-reset/" in body
    assert "/accounts/verify/" not in body  # no link that would do anything to the account


def test_rate_limited_signups_answer_alike_too(client, accounts, settings):
    settings.PRZYSTAN_SIGNUP_RATE = "1/h"
    client.post(SIGNUP, signup_form("first@example.com"))
    taken = client.post(SIGNUP, signup_form("olena@example.com"))
    free = client.post(SIGNUP, signup_form("nobody@example.com"))
    assert taken.status_code == free.status_code == 429
    assert normalised(taken.content, "olena@example.com") == normalised(free.content, "nobody@example.com")


def test_password_reset_answers_alike_for_staff_foreigners_and_unknown_addresses(client, accounts):
    answers = []
    for email in ("officer@uw.example.gov.pl", "olena@example.com", "nobody@example.com"):
        response = client.post(RESET, {"email": email})
        answers.append((response.status_code, response["Location"], followed_text(client, response, email)))
    assert answers[0] == answers[1] == answers[2]


def _median_ms(client, path: str, data_for) -> float:
    samples = []
    for n in range(12):
        started = time.perf_counter()
        client.post(path, data_for(n))
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples[2:])  # the first ones warm caches and templates


def test_signup_and_reset_take_about_as_long_for_taken_and_free_addresses(client, user_factory, settings):
    settings.PRZYSTAN_SIGNUP_RATE = "1000/h"
    settings.PRZYSTAN_PASSWORD_RESET_RATE = "1000/h"
    for n in range(12):
        user_factory(email=f"taken{n}@example.com")
    # "roughly": a free address costs one more INSERT (the account and its audit entry); on a loaded
    # shared machine medians still wander, so the bound is 30 ms or 60 % of the slower one
    taken = _median_ms(client, SIGNUP, lambda n: signup_form(f"taken{n}@example.com"))
    free = _median_ms(client, SIGNUP, lambda n: signup_form(f"free{n}@example.com"))
    print(f"sign-up median: taken {taken:.1f} ms, free {free:.1f} ms")
    assert abs(taken - free) < max(30.0, 0.6 * max(taken, free)), (taken, free)

    taken = _median_ms(client, RESET, lambda n: {"email": f"taken{n}@example.com"})
    free = _median_ms(client, RESET, lambda n: {"email": f"free{n}@example.com"})
    print(f"password reset median: taken {taken:.1f} ms, free {free:.1f} ms")
    assert abs(taken - free) < max(30.0, 0.6 * max(taken, free)), (taken, free)
