"""The office's staff list tells the administrator where each newcomer is: invited (the e-mailed link
not used yet), password set but no authenticator, or ready to work."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_list_shows_who_has_not_finished_setting_up(client, user_factory, staff_login, office):
    admin = user_factory(email="admin@testowy.gov.pl", kind="staff", roles=("office_admin",), office=office)
    staff_login(client, admin)
    user_factory(email="haslo@testowy.gov.pl", kind="staff", roles=("officer",), office=office)
    invited = user_factory(
        email="nowy@testowy.gov.pl", kind="staff", roles=("officer",), office=office, email_verified=False
    )
    invited.set_unusable_password()
    invited.save()
    page = client.get("/staff/accounts/", HTTP_ACCEPT_LANGUAGE="pl")
    states = {person.email: person.sign_in_state for person in page.context["people"]}
    assert states == {
        "admin@testowy.gov.pl": "ready",
        "haslo@testowy.gov.pl": "no_second_factor",
        "nowy@testowy.gov.pl": "invited",
    }
    text = page.content.decode()
    assert "Gotowe do pracy" in text and "brak aplikacji uwierzytelniającej" in text
    assert "nie ustawiła jeszcze hasła" in text
