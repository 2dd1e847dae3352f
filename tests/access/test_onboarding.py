"""Staff onboarding in one screen: an office administrator creates an account with roles and scope; the
new person verifies the address, sets a password, enrols MFA and can work at once. Bad input changes
nothing and says why; a role change ends the person's sessions and API tokens."""

from __future__ import annotations

import re
import types

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from przystan.notifications.service import deliver_due
from przystan.pluginsys.contributions import StaffScopeField
from przystan.pluginsys.manager import get_plugin_system
from przystan.pluginsys.markers import hookimpl

pytestmark = pytest.mark.django_db
NEW = "/staff/accounts/new/"
PASSWORD = "Nowe-Haslo-Urzednika-2026"


@pytest.fixture
def office_admin(user_factory, office):
    return user_factory(email="admin@testowy.gov.pl", kind="staff", roles=("office_admin",), office=office)


@pytest.fixture
def admin_client(client, office_admin, staff_login):
    staff_login(client, office_admin)
    return client


def form_data(form, **values):
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        email="nowy@testowy.gov.pl",
        first_name="Jan",
        last_name="Nowicki",
        preferred_language="pl",
        is_active="on",
    )
    data.update(values)
    return data


def test_an_office_admin_onboards_an_officer_who_can_work_at_once(admin_client, office):
    form = admin_client.get(NEW).context["form"]
    response = admin_client.post(NEW, form_data(form, roles=["officer"]))
    assert response.status_code == 302, response.content.decode()[:2000]
    person = get_user_model().objects.get(email="nowy@testowy.gov.pl")
    assert (person.kind, person.home_office, person.is_superuser) == ("staff", office, False)
    assert list(person.groups.values_list("name", flat=True)) == ["officer"]
    assert not person.has_usable_password() and not person.email_verified

    assert deliver_due() == 1
    (message,) = mail.outbox
    assert message.to == ["nowy@testowy.gov.pl"]
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/\S+/)", message.body).group(1)

    newcomer = Client()
    form_page = newcomer.get(link, follow=True)
    assert form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    assert newcomer.post(set_url, {"new_password1": PASSWORD, "new_password2": PASSWORD}).status_code == 302
    person.refresh_from_db()
    assert person.email_verified  # the e-mailed link proved the address

    login = newcomer.post("/accounts/login/", {"username": person.email, "password": PASSWORD})
    assert login.status_code == 302
    setup = newcomer.get("/staff/", follow=True)
    assert setup.redirect_chain[-1][0].startswith("/accounts/mfa/setup/")
    # the password alone does not enrol a second factor: the link e-mailed to the account does
    assert not TOTPDevice.objects.filter(user=person).exists()
    deliver_due()
    enrol = re.search(r"http://testserver(/accounts/mfa/enrol/\S+/)", mail.outbox[-1].body).group(1)
    setup = newcomer.get(enrol, follow=True)
    assert setup.redirect_chain[-1][0].startswith("/accounts/mfa/setup/")
    device = TOTPDevice.objects.get(user=person, confirmed=False)
    enrolled = newcomer.post(setup.redirect_chain[-1][0], {"code": f"{totp(device.bin_key):06d}"})
    assert enrolled.status_code == 200 and "codes" in enrolled.context
    assert newcomer.get("/staff/").status_code == 200  # no bare 403: the officer works at once


def test_a_role_is_required_and_nothing_is_created_without(admin_client):
    form = admin_client.get(NEW).context["form"]
    response = admin_client.post(NEW, form_data(form, roles=[]))
    assert response.status_code == 400
    assert "roles" in response.context["form"].errors
    assert not get_user_model().objects.filter(email="nowy@testowy.gov.pl").exists()


def test_an_office_admin_cannot_make_a_platform_administrator(admin_client):
    form = admin_client.get(NEW).context["form"]
    response = admin_client.post(NEW, form_data(form, roles=["platform_admin"]))
    assert response.status_code == 400 and "roles" in response.context["form"].errors
    assert not get_user_model().objects.filter(email="nowy@testowy.gov.pl").exists()


def test_staff_of_another_office_are_neither_listed_nor_editable(admin_client, user_factory, other_office):
    there = user_factory(email="obcy@drugi.gov.pl", kind="staff", roles=("officer",), office=other_office)
    listing = admin_client.get("/staff/accounts/")
    assert listing.status_code == 200 and there not in listing.context["people"]
    assert admin_client.get(f"/staff/accounts/{there.pk}/").status_code == 404
    assert admin_client.post(f"/staff/accounts/{there.pk}/", {"roles": ["office_admin"]}).status_code == 404
    assert list(there.groups.values_list("name", flat=True)) == ["officer"]


def test_an_officer_may_not_onboard(client, user_factory, staff_login, office):
    officer = user_factory(email="urzednik@testowy.gov.pl", kind="staff", roles=("officer",), office=office)
    staff_login(client, officer)
    assert client.get(NEW).status_code == 403


def test_a_stale_form_after_a_role_change_saves_nothing(admin_client, user_factory, office):
    person = user_factory(email="kasia@testowy.gov.pl", kind="staff", roles=("officer",), office=office)
    form = admin_client.get(f"/staff/accounts/{person.pk}/").context["form"]
    person.groups.add(*type(person.groups.first()).objects.filter(name="finance"))  # someone else meanwhile
    data = form_data(form, email=person.email, roles=["supervisor"])
    response = admin_client.post(f"/staff/accounts/{person.pk}/", data, HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 400
    assert response.context["form"].has_error("__all__", "stale")
    assert "zmienił" in response.content.decode()  # the message, in the person's language
    assert set(person.groups.values_list("name", flat=True)) == {"officer", "finance"}


def test_a_role_change_ends_the_persons_sessions_and_tokens(admin_client, user_factory, staff_login, office):
    from rest_framework.authtoken.models import Token

    person = user_factory(email="kasia@testowy.gov.pl", kind="staff", roles=("officer",), office=office)
    theirs = Client()
    staff_login(theirs, person)
    Token.objects.create(user=person)
    assert theirs.get("/staff/").status_code == 200
    form = admin_client.get(f"/staff/accounts/{person.pk}/").context["form"]
    saved = admin_client.post(
        f"/staff/accounts/{person.pk}/", form_data(form, email=person.email, roles=["finance"])
    )
    assert saved.status_code == 302
    assert list(person.groups.values_list("name", flat=True)) == ["finance"]
    assert theirs.get("/staff/").status_code == 302  # signed out: log in again with the new roles
    assert not Token.objects.filter(user=person).exists()


# ----------------------------------------------------------------------------- scopes offered by plugins


@pytest.fixture
def centres(office, other_office):
    from plugins.serce.models import Centre

    def centre(of, code):
        return Centre.objects.create(
            office=of,
            code=code,
            name=f"Ośrodek {code}",
            street="ul. Leśna 1",
            postal_code="05-000",
            city="Dębak",
            capacity=100,
        )

    return centre(office, "debak"), centre(other_office, "biala")


@pytest.fixture
def centre_scope(centres):
    """A stand-in for a plugin offering the centres a centre-staff member works in (the hook's contract)."""
    from plugins.serce.models import Centre

    chosen: dict[int, list] = {}

    @hookimpl
    def staff_scope_fields(office):
        return [
            StaffScopeField(
                "serce_centres",
                field=forms.ModelMultipleChoiceField(
                    queryset=Centre.objects.filter(office=office), label="Ośrodki"
                ),
                roles=("centre_staff",),
                save=lambda user, value: chosen.__setitem__(user.pk, list(value or ())),
                initial=lambda user: chosen.get(user.pk, []),
            )
        ]

    module = types.ModuleType("test_centre_scope")  # a plugin is a module (hashable, like real ones)
    module.staff_scope_fields = staff_scope_fields
    pm = get_plugin_system().pm
    pm.register(module, name="test-centre-scope")
    yield chosen
    pm.unregister(module)


def test_a_role_needing_a_scope_is_refused_without_it(admin_client, centre_scope):
    form = admin_client.get(NEW).context["form"]
    assert "serce_centres" in form.fields
    response = admin_client.post(NEW, form_data(form, roles=["centre_staff"]))
    assert response.status_code == 400
    assert "serce_centres" in response.context["form"].errors
    assert not get_user_model().objects.filter(email="nowy@testowy.gov.pl").exists()


def test_a_scope_in_another_office_is_refused(admin_client, centre_scope, centres):
    _here, there = centres
    form = admin_client.get(NEW).context["form"]
    response = admin_client.post(NEW, form_data(form, roles=["centre_staff"], serce_centres=[there.pk]))
    assert response.status_code == 400 and "serce_centres" in response.context["form"].errors
    assert not get_user_model().objects.filter(email="nowy@testowy.gov.pl").exists()


def test_the_scope_is_saved_with_the_account(admin_client, centre_scope, centres):
    here, _there = centres
    form = admin_client.get(NEW).context["form"]
    response = admin_client.post(NEW, form_data(form, roles=["centre_staff"], serce_centres=[here.pk]))
    assert response.status_code == 302
    person = get_user_model().objects.get(email="nowy@testowy.gov.pl")
    assert centre_scope[person.pk] == [here]
