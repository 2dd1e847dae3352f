"""Wagtail's Users admin creates no kind-less accounts: adding a user goes to the onboarding screen
(account, role, office and scope in one form), and a posted Wagtail form creates nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_admin(user_factory, office):
    return user_factory(email="admin@testowy.gov.pl", kind="staff", roles=("office_admin",), office=office)


@pytest.fixture
def admin_client(client, office_admin, staff_login):
    staff_login(client, office_admin)
    return client


def wagtail_form(email="bezrolny@testowy.gov.pl"):
    return {
        "username": email,
        "email": email,
        "first_name": "Bez",
        "last_name": "Roli",
        "password1": "Bardzo-Dlugie-Haslo-2026",
        "password2": "Bardzo-Dlugie-Haslo-2026",
        "is_active": "on",
    }


def test_adding_a_user_in_wagtail_leads_to_the_onboarding_screen(admin_client):
    response = admin_client.get(reverse("wagtailusers_users:add"))
    assert response.status_code == 302
    assert response["Location"] == "/staff/accounts/new/"


def test_a_posted_wagtail_user_form_creates_no_account(admin_client):
    admin_client.post(reverse("wagtailusers_users:add"), wagtail_form())
    assert not get_user_model().objects.filter(email="bezrolny@testowy.gov.pl").exists()


def test_the_users_listing_offers_adding_to_who_may_onboard(admin_client):
    response = admin_client.get(reverse("wagtailusers_users:index"))
    assert response.status_code == 200
    assert reverse("wagtailusers_users:add") in response.content.decode()


def test_a_superuser_too_is_sent_to_the_onboarding_screen(client, user_factory, staff_login, office):
    root = user_factory(email="root@testowy.gov.pl", kind="staff", office=office, is_superuser=True)
    staff_login(client, root)
    response = client.post(reverse("wagtailusers_users:add"), wagtail_form("inny@testowy.gov.pl"))
    assert response.status_code == 302 and response["Location"] == "/staff/accounts/new/"
    assert not get_user_model().objects.filter(email="inny@testowy.gov.pl").exists()


def test_an_officer_is_not_offered_to_add_users(client, user_factory, staff_login, office):
    officer = user_factory(email="urzednik@testowy.gov.pl", kind="staff", roles=("officer",), office=office)
    staff_login(client, officer)
    response = client.get(reverse("wagtailusers_users:add"))
    assert response.status_code == 302 and response["Location"] != "/staff/accounts/new/"
