from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from przystan.accounts.antispam import issue_form_token
from przystan.accounts.forms import EmailAuthenticationForm
from przystan.notifications.service import deliver_due
from przystan.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()
CYRILLIC = re.compile("[а-яіїєґ]", re.IGNORECASE)
SIGNUP = "/accounts/signup/"
LOGIN = "/accounts/login/"


def verification_link(message) -> str:
    return re.search(r"https?://[^\s]+/accounts/verify/[^\s]+/", message.body).group(0)


def test_signup_sends_a_verification_mail_in_the_chosen_language_and_login_waits_for_it(client, signup_data):
    page = client.get(SIGNUP)
    assert page.status_code == 200 and b'name="form_token"' in page.content

    response = client.post(SIGNUP, signup_data(email="Olena@Example.com", preferred_language="uk"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:signup_done")
    user = User.objects.get(email="olena@example.com")
    assert (user.kind, user.preferred_language, user.email_verified) == ("foreigner", "uk", False)
    assert user.privacy_consent_at is None and user.check_password(PASSWORD)  # no consent is asked

    assert deliver_due() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["olena@example.com"]
    assert CYRILLIC.search(message.subject) and CYRILLIC.search(message.body)
    link = verification_link(message)

    refused = client.post(LOGIN, {"username": "olena@example.com", "password": PASSWORD})
    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session
    assert [e.code for e in refused.context["form"].non_field_errors().as_data()] == ["unverified"]
    with translation.override("pl"):
        expected = str(EmailAuthenticationForm.error_messages["unverified"])
    assert html.escape(expected) in refused.content.decode()
    assert reverse("accounts:resend_verification").encode() in refused.content

    verified = client.get(link.split("testserver", 1)[1])
    assert verified.status_code == 302 and verified["Location"] == reverse("accounts:login")
    user.refresh_from_db()
    assert user.email_verified

    logged_in = client.post(LOGIN, {"username": "OLENA@example.com", "password": PASSWORD})
    assert logged_in.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_employer_signup_requires_and_normalises_a_valid_nip(client, signup_data):
    response = client.post(
        SIGNUP,
        signup_data(
            email="hr@firma.pl",
            kind="employer",
            organisation_name="Firma Sp. z o.o.",
            organisation_tax_id="123-456-32-18",
        ),
    )
    assert response.status_code == 302
    user = User.objects.get(email="hr@firma.pl")
    assert (user.kind, user.organisation_name, user.organisation_tax_id) == (
        "employer",
        "Firma Sp. z o.o.",
        "1234563218",
    )


def test_invalid_form_keeps_what_was_typed_except_passwords_and_shows_translated_errors(client, signup_data):
    data = signup_data(
        email="hr@firma.pl",
        kind="employer",
        organisation_name="Firma Sp. z o.o.",
        organisation_tax_id="1234563219",
        password2="Inne-Haslo-2026",
        preferred_language="ru",
    )
    response = client.post(SIGNUP, data, HTTP_ACCEPT_LANGUAGE="uk")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="hr@firma.pl"' in content
    assert 'value="Firma Sp. z o.o."' in content
    assert 'value="1234563219"' in content
    assert PASSWORD not in content and "Inne-Haslo-2026" not in content
    assert re.search(r'<option value="ru"[^>]*selected', content)
    errors = response.context["form"].errors
    assert set(errors) == {"organisation_tax_id", "password2"}
    with translation.override("uk"):
        assert str(errors["organisation_tax_id"][0]) in html.unescape(content)
        assert CYRILLIC.search(errors["password2"][0])
    assert not User.objects.filter(email="hr@firma.pl").exists()


def test_signup_does_not_rest_on_consent_but_informs_of_the_public_task(client, signup_data):
    """The account rests on the office's public task (GDPR art. 6(1)(e)): no consent box, a notice."""
    page = client.get(SIGNUP)
    content = page.content.decode()
    assert 'name="consent"' not in content and "consent" not in page.context["form"].fields
    assert 'data-privacy-clause="accounts.account"' in content
    assert "art. 6 ust. 1 lit. e RODO" in content  # the page is in Polish: the public task, not consent
    data = signup_data()
    del data["consent"]
    assert client.post(SIGNUP, data).status_code == 302
    assert User.objects.filter(email=data["email"]).exists()


def test_honeypot_field_filled_is_refused(client, signup_data):
    response = client.post(SIGNUP, signup_data(website="http://cheap-slots.example"))
    assert response.status_code == 400
    assert not User.objects.exists() and not mail.outbox


@pytest.mark.parametrize("token", ["fresh", "", "1700000000:forged"])
def test_form_sent_too_fast_or_without_a_genuine_token_is_refused(client, signup_data, token):
    response = client.post(SIGNUP, signup_data(form_token=issue_form_token() if token == "fresh" else token))
    assert response.status_code == 400
    assert [e.code for e in response.context["form"].non_field_errors().as_data()] == ["bot"]
    assert not User.objects.exists()


def test_signups_are_rate_limited_per_ip(client, signup_data, settings):
    settings.PRZYSTAN_SIGNUP_RATE = "2/h"
    for n in range(2):
        assert client.post(SIGNUP, signup_data(email=f"p{n}@example.com")).status_code == 302
    limited = client.post(SIGNUP, signup_data(email="p2@example.com"))
    assert limited.status_code == 429
    assert 'value="p2@example.com"' in limited.content.decode()
    assert not User.objects.filter(email="p2@example.com").exists()
    other_ip = client.post(SIGNUP, signup_data(email="p3@example.com"), REMOTE_ADDR="192.0.2.10")
    assert other_ip.status_code == 302


def test_duplicate_email_creates_no_account_and_tells_only_the_owner(client, signup_data, user_factory):
    user_factory(email="taken@example.com")
    response = client.post(SIGNUP, signup_data(email="TAKEN@example.com"))
    assert response.status_code == 302  # the same answer as for a new address (no account probing)
    assert User.objects.filter(email="taken@example.com").count() == 1
    deliver_due()
    assert [m.to for m in mail.outbox] == [["taken@example.com"]]
    assert "/accounts/password-reset/" in mail.outbox[0].body


def test_expired_and_forged_verification_links_offer_a_new_one(client, signup_data, settings):
    client.post(SIGNUP, signup_data())
    deliver_due()
    path = verification_link(mail.outbox[0]).split("testserver", 1)[1]
    settings.PRZYSTAN_EMAIL_VERIFICATION_MAX_AGE = -1
    expired = client.get(path)
    assert expired.status_code == 400 and expired.context["expired"] is True
    settings.PRZYSTAN_EMAIL_VERIFICATION_MAX_AGE = 3600
    forged = client.get(path[:-3] + "xx/")
    assert forged.status_code == 400 and forged.context["expired"] is False
    assert not User.objects.get(email="olena@example.com").email_verified


def test_resend_verification_sends_a_new_link_without_revealing_accounts(client, signup_data):
    client.post(SIGNUP, signup_data())
    deliver_due()
    mail.outbox.clear()
    for address in ("olena@example.com", "nobody@example.com"):
        response = client.post("/accounts/verify-again/", {"email": address})
        assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    deliver_due()
    assert [m.to for m in mail.outbox] == [["olena@example.com"]]
    assert client.get(verification_link(mail.outbox[0]).split("testserver", 1)[1]).status_code == 302
    assert User.objects.get(email="olena@example.com").email_verified
