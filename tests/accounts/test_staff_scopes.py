"""The onboarding screen offers the real plugins' scopes: the centres (serce) a centre worker works in
and the teams (legalisation) a case officer works in. A role that needs one is refused without it, a
centre or team of another office cannot be chosen, and what is chosen is what the policy then reads."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db
NEW = "/staff/accounts/new/"


@pytest.fixture
def office_admin(user_factory, office):
    return user_factory(email="admin@testowy.gov.pl", kind="staff", roles=("office_admin",), office=office)


@pytest.fixture
def admin_client(client, office_admin, staff_login):
    staff_login(client, office_admin)
    return client


@pytest.fixture
def centres(office, other_office, enable_plugin):
    from plugins.serce.models import Centre

    enable_plugin(office, "serce")

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
def teams(office, other_office, enable_plugin):
    from plugins.legalisation.models import Team

    enable_plugin(office, "legalisation")
    return Team.objects.create(office=office, name="Zespół I"), Team.objects.create(
        office=other_office, name="Zespół obcy"
    )


def data(**values):
    found = {
        "email": "nowy@testowy.gov.pl",
        "first_name": "Jan",
        "last_name": "Nowicki",
        "preferred_language": "pl",
        "is_active": "on",
    }
    found.update(values)
    return found


def nobody_created() -> bool:
    return not get_user_model().objects.filter(email="nowy@testowy.gov.pl").exists()


def test_the_intro_says_plainly_what_roles_and_scopes_are(admin_client, centres):
    page = admin_client.get(NEW, HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Role określają, co ta osoba może robić" in page
    assert "pola pod rolą" not in page  # the garbled "the fields below a role where"


def test_the_form_offers_this_offices_centres_only(admin_client, centres):
    here, there = centres
    form = admin_client.get(NEW).context["form"]
    assert list(form.fields["serce_centres"].queryset) == [here]


def test_a_centre_worker_without_a_centre_is_refused_with_a_translated_message(
    admin_client, office_admin, centres
):
    office_admin.preferred_language = "uk"  # the screen speaks the administrator's language
    office_admin.save()
    response = admin_client.post(NEW, data(roles=["centre_staff"]))
    assert response.status_code == 400
    assert "serce_centres" in response.context["form"].errors
    assert "Позначте принаймні один пункт: роль «Працівник центру прийому»" in response.content.decode()
    assert nobody_created()


def test_a_centre_of_another_office_cannot_be_chosen(admin_client, centres):
    _here, there = centres
    response = admin_client.post(
        NEW, data(roles=["centre_staff"], serce_centres=[there.pk]), HTTP_ACCEPT_LANGUAGE="pl"
    )
    assert response.status_code == 400
    assert "Wybierz tylko ośrodki tego urzędu." in response.content.decode()
    assert nobody_created()


def test_a_centre_worker_gets_her_centre_and_sees_its_residents(admin_client, centres):
    from plugins.serce.access import work_centres
    from przystan import access

    here, _there = centres
    response = admin_client.post(NEW, data(roles=["centre_staff"], serce_centres=[here.pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    person = get_user_model().objects.get(email="nowy@testowy.gov.pl")
    assert list(work_centres(person)) == [here]
    assert access.allows(person, "view", "serce.person", office=here.office)
    # taken out of the centre on the same screen
    form = admin_client.get(f"/staff/accounts/{person.pk}/").context["form"]
    assert list(form.initial["serce_centres"]) == [here]
    edit = data(roles=["office_admin"], roles_stamp=form.initial["roles_stamp"], email=person.email)
    assert admin_client.post(f"/staff/accounts/{person.pk}/", edit).status_code == 302
    assert list(work_centres(person)) == []


def test_a_case_officer_without_a_team_is_refused(admin_client, teams):
    response = admin_client.post(NEW, data(roles=["officer"]), HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 400
    assert "legalisation_teams" in response.context["form"].errors
    assert "Zaznacz co najmniej jedno: rola „Urzędnik prowadzący sprawy”" in response.content.decode()
    assert nobody_created()


def test_a_team_of_another_office_cannot_be_chosen(admin_client, teams):
    _here, there = teams
    response = admin_client.post(NEW, data(roles=["officer"], legalisation_teams=[there.pk]))
    assert response.status_code == 400 and "legalisation_teams" in response.context["form"].errors
    assert nobody_created()
    assert not there.members.exists()


def test_a_case_officer_joins_his_team_and_sees_its_cases(admin_client, teams):
    here, _there = teams
    response = admin_client.post(NEW, data(roles=["officer"], legalisation_teams=[here.pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    person = get_user_model().objects.get(email="nowy@testowy.gov.pl")
    assert list(here.members.all()) == [person]
    form = admin_client.get(f"/staff/accounts/{person.pk}/").context["form"]
    assert form.initial["legalisation_teams"] == [here]


def test_without_teams_in_the_office_an_officer_needs_none(admin_client, office, enable_plugin):
    enable_plugin(office, "legalisation")
    form = admin_client.get(NEW).context["form"]
    assert "legalisation_teams" in form.fields
    assert admin_client.post(NEW, data(roles=["officer"])).status_code == 302
