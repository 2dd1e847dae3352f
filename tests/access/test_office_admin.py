"""An office administrator administers their own office in the Wagtail admin without being a superuser;
a platform administrator administers every office."""

from __future__ import annotations

import pytest

from przystan.offices.models import PluginEnablement

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_admin(user_factory, office):
    return user_factory(email="admin@testowy.gov.pl", kind="staff", roles=("office_admin",), office=office)


@pytest.fixture
def platform_admin(user_factory):
    return user_factory(email="platforma@example.gov.pl", kind="staff", roles=("platform_admin",))


@pytest.fixture
def rows(office, other_office, enable_plugin):
    return enable_plugin(office, "serce"), enable_plugin(other_office, "serce")


def test_office_admin_is_no_superuser_yet_reaches_the_admin(client, office_admin, staff_login):
    assert not office_admin.is_superuser
    staff_login(client, office_admin)
    admin = client.get("/admin/")
    assert admin.status_code == 200
    body = admin.content.decode()
    for link in ("/admin/offices/", "/admin/office_plugins/", "/staff/accounts/", "/admin/audit_log/"):
        assert link in body, link  # their office, its modules, its staff, its audit log


def test_office_admin_sees_and_edits_only_their_office(
    client, office_admin, staff_login, office, other_office
):
    staff_login(client, office_admin)
    listing = client.get("/admin/offices/")
    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == [office]
    assert client.get(f"/admin/offices/edit/{office.pk}/").status_code == 200
    assert client.get(f"/admin/offices/edit/{other_office.pk}/").status_code == 404
    assert client.post(f"/admin/offices/edit/{other_office.pk}/", {"name": "Przejęte"}).status_code == 404
    other_office.refresh_from_db()
    assert other_office.name != "Przejęte"
    # creating or deleting offices is installation-wide administration
    assert client.get("/admin/offices/new/").status_code in (302, 403)
    assert client.get(f"/admin/offices/delete/{office.pk}/").status_code in (302, 403)


def test_office_admin_cannot_move_their_office_to_another_site(
    client, office_admin, staff_login, office, other_office
):
    staff_login(client, office_admin)
    form = client.get(f"/admin/offices/edit/{office.pk}/").context["form"]
    assert list(form.fields["site"].queryset) == [office.site]


def test_office_admin_lists_and_edits_only_their_offices_plugins(
    client, office_admin, staff_login, rows, office
):
    own, foreign = rows
    staff_login(client, office_admin)
    listing = client.get("/admin/office_plugins/")
    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == [own]
    assert client.get(f"/admin/office_plugins/edit/{own.pk}/").status_code == 200
    assert client.get(f"/admin/office_plugins/edit/{foreign.pk}/").status_code == 404
    assert client.post(f"/admin/office_plugins/delete/{foreign.pk}/").status_code == 404
    assert PluginEnablement.objects.filter(pk=foreign.pk).exists()


def test_office_admin_cannot_enable_a_plugin_for_another_office(
    client, office_admin, staff_login, office, other_office
):
    staff_login(client, office_admin)
    form = client.get("/admin/office_plugins/new/").context["form"]
    assert list(form.fields["office"].queryset) == [office]
    response = client.post(
        "/admin/office_plugins/new/",
        {"office": other_office.pk, "plugin": "payments", "enabled": "on", "config": "{}"},
    )
    assert response.status_code == 200  # the form again, with an error on the office field
    assert "office" in response.context["form"].errors
    assert not PluginEnablement.objects.filter(office=other_office).exists()


def test_platform_admin_administers_every_office(
    client, platform_admin, staff_login, office, other_office, rows
):
    staff_login(client, platform_admin)
    assert set(client.get("/admin/offices/").context["object_list"]) == {office, other_office}
    assert client.get(f"/admin/offices/edit/{other_office.pk}/").status_code == 200
    assert set(client.get("/admin/office_plugins/").context["object_list"]) == set(rows)
    assert client.get("/admin/offices/new/").status_code == 200


def test_officer_has_no_office_administration(client, user_factory, staff_login, office):
    officer = user_factory(email="urzednik@testowy.gov.pl", kind="staff", roles=("officer",), office=office)
    staff_login(client, officer)
    assert client.get("/admin/offices/").status_code in (302, 403)


def test_office_admin_message_templates_are_their_offices_only(client, office_admin, staff_login, office):
    staff_login(client, office_admin)
    page = client.get("/admin/message_templates/new/")
    assert page.status_code == 200
    field = page.context["form"].fields["office"]
    assert list(field.queryset) == [office] and field.required  # no installation-wide template
