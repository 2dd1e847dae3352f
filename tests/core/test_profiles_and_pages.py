"""Deployment profiles and plugin page types."""

import pytest
from wagtail.models import Page

from przystan.profiles import Exposure, Profile, serves
from przystan.testing.plugins import build_system, use_plugin_system

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("profile", "exposure", "expected"),
    [
        (Profile.PUBLIC, Exposure.INTERNAL, False),
        (Profile.PUBLIC, Exposure.PUBLIC, True),
        (Profile.INTERNAL, Exposure.PUBLIC, False),
        (Profile.INTERNAL, Exposure.INTERNAL, True),
        (Profile.ALL, Exposure.INTERNAL, True),
        (Profile.PUBLIC, Exposure.BOTH, True),
    ],
)
def test_serves(profile, exposure, expected):
    assert serves(exposure, profile) is expected


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/staff/", "/staff/reports/anything/"])
def test_internal_urls_do_not_exist_on_a_public_instance(client, office, path):
    with use_plugin_system(build_system(), profile="public"):
        assert client.get(path).status_code == 404


def test_internal_instance_serves_admin_and_staff_but_not_the_portal(client, office):
    with use_plugin_system(build_system(), profile="internal"):
        assert client.get("/admin/").status_code == 302  # to login
        assert client.get("/staff/").status_code == 302
        assert client.get("/pl/").status_code == 404


def test_all_profile_serves_both(client, office):
    with use_plugin_system(build_system(), profile="all"):
        assert client.get("/admin/").status_code == 302
        assert client.get("/pl/").status_code == 200


def test_plugin_page_type_creatable_only_where_enabled(office, other_office, enable_plugin):
    from plugins.queue_booking.models import VisitBookingPage

    home_a = office.site.root_page
    home_b = other_office.site.root_page
    assert not VisitBookingPage.can_create_at(home_a)
    enable_plugin(office, "queue_booking")
    office.site.refresh_from_db()
    home_a = Page.objects.get(pk=home_a.pk)
    assert VisitBookingPage.can_create_at(home_a)
    assert not VisitBookingPage.can_create_at(home_b)
